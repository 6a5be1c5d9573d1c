package yrdsim.model.reference;

import java.util.ArrayList;
import java.util.List;
import sim.engine.Schedule;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.YrdModel;

/**
 * The reference engine: one {@link Enterprise} object per firm, each put on MASON's
 * {@code Schedule} for the three firm phases, exactly as a hand-written MASON model would. It
 * is the readable oracle the fast engine is tested against, and the baseline it is timed
 * against.
 */
public final class ReferenceEngine implements EnterpriseEngine {

    private static final long serialVersionUID = 1L;

    private final List<Enterprise> firms = new ArrayList<>();
    private transient YrdModel model;
    private boolean scheduled;

    @Override
    public Kind kind() {
        return Kind.REFERENCE;
    }

    /** One: MASON's schedule steps every enterprise in turn. */
    @Override
    public int threads() {
        return 1;
    }

    /** The factory of reference engines. */
    public static Factory factory() {
        return new Maker();
    }

    /** Makes reference engines: a record, so a checkpoint holds it as plain data. */
    private record Maker() implements Factory {
        @Override
        public EnterpriseEngine create(int capacity) {
            return new ReferenceEngine();
        }
    }

    @Override
    public void add(long id, int province, int sector, double lnA, double tech, double plan, double revenue) {
        if (!firms.isEmpty() && id <= firms.get(firms.size() - 1).id()) {
            throw new IllegalArgumentException("firm ids must increase: " + id);
        }
        Enterprise firm = new Enterprise(id, province, sector, lnA, tech, plan, revenue);
        firms.add(firm);
        if (scheduled) {
            // Added during the end phase of a step: first stepped in the next step.
            put(firm, Math.floor(model.schedule.getTime()) + 1);
        }
    }

    @Override
    public void schedule(YrdModel m) {
        this.model = m;
        disableShuffling(m.schedule);
        for (Enterprise firm : firms) {
            put(firm, Schedule.EPOCH);
        }
        scheduled = true;
    }

    /**
     * MASON shuffles agents that share a time and ordering, drawing from {@code state.random}.
     * Firms within a phase are independent, so the order changes nothing but those draws, which
     * would then differ from the fast engine's for the province-level Poisson entry. MASON 18
     * has no {@code setShuffling} (later versions do), so the flag is cleared directly.
     */
    static void disableShuffling(Schedule schedule) {
        try {
            java.lang.reflect.Field shuffling = Schedule.class.getDeclaredField("shuffling");
            shuffling.setAccessible(true);
            shuffling.setBoolean(schedule, false);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this MASON version's Schedule has no shuffling flag", e);
        }
    }

    private void put(Enterprise firm, double time) {
        firm.stoppers[0] = model.schedule.scheduleRepeating(time, YrdModel.ORDER_PLAN, firm, 1);
        firm.stoppers[1] = model.schedule.scheduleRepeating(time, YrdModel.ORDER_PRODUCE, firm, 1);
        firm.stoppers[2] = model.schedule.scheduleRepeating(time, YrdModel.ORDER_SETTLE, firm, 1);
    }

    @Override
    public void removeExited() {
        firms.removeIf(firm -> {
            if (firm.alive()) {
                return false;
            }
            for (var stopper : firm.stoppers) {
                stopper.stop();
            }
            return true;
        });
    }

    @Override
    public int size() {
        return firms.size();
    }

    @Override
    public void forEach(FirmVisitor visitor) {
        for (Enterprise firm : firms) {
            visitor.visit(firm);
        }
    }

    @Override
    public void close() {
        // No threads of its own.
    }

    @Override
    public void awake(YrdModel m) {
        this.model = m;
    }
}
