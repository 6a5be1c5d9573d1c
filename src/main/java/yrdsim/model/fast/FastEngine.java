package yrdsim.model.fast;

import sim.engine.Steppable;
import yrdsim.model.CellSums;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.FirmPhases;
import yrdsim.model.StepContext;
import yrdsim.model.YrdModel;

/**
 * The fast engine: enterprises in a {@link FirmTable}, stepped in fixed blocks of
 * {@value #BLOCK} slots on a pool of threads. Each block adds into its own {@link CellSums};
 * the blocks are combined in block order, so totals do not depend on the thread count.
 */
public final class FastEngine implements EnterpriseEngine {

    private static final long serialVersionUID = 1L;
    /** Slots per block: large enough to amortise a claim, small enough to balance two threads. */
    public static final int BLOCK = 4096;
    /** Holes tolerated before the table is compacted. */
    private static final double COMPACT_AT = 0.10;

    private final FirmTable table;
    private final int threads;
    private CellSums[] blockSums = new CellSums[0];
    private transient YrdModel model;
    private transient BlockExecutor executor;
    private transient Cursor[] cursors;
    private transient BlockExecutor.BlockTask planTask;
    private transient BlockExecutor.BlockTask produceTask;
    private transient BlockExecutor.BlockTask settleTask;

    /** An empty engine that will step on {@code threads} threads. */
    public FastEngine(int capacity, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.table = new FirmTable(capacity);
        this.threads = threads;
    }

    @Override
    public Kind kind() {
        return Kind.FAST;
    }

    @Override
    public void add(long id, int province, int sector, double lnA, double tech, double plan, double revenue) {
        table.append(id, province, sector, lnA, tech, plan, revenue);
    }

    @Override
    public void schedule(YrdModel m) {
        awake(m);
        m.schedule.scheduleRepeating(0, YrdModel.ORDER_PLAN, (Steppable) state -> runPlan(), 1);
        m.schedule.scheduleRepeating(0, YrdModel.ORDER_PRODUCE, (Steppable) state -> runProduce(), 1);
        m.schedule.scheduleRepeating(0, YrdModel.ORDER_SETTLE, (Steppable) state -> runSettle(), 1);
    }

    @Override
    public void awake(YrdModel m) {
        this.model = m;
        this.executor = new BlockExecutor(threads);
        this.cursors = new Cursor[threads];
        for (int w = 0; w < threads; w++) {
            cursors[w] = new Cursor(table);
        }
        StepContext x = m.context();
        planTask = (b, w) -> {
            CellSums sums = blockSums[b];
            sums.clearPlan();
            Cursor f = cursors[w];
            int end = Math.min(table.size, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) {
                if (table.live[i]) {
                    f.i = i;
                    FirmPhases.plan(f, x, sums);
                }
            }
        };
        produceTask = (b, w) -> {
            CellSums sums = blockSums[b];
            sums.clearOutput();
            Cursor f = cursors[w];
            int end = Math.min(table.size, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) {
                if (table.live[i]) {
                    f.i = i;
                    FirmPhases.produce(f, x, sums);
                }
            }
        };
        settleTask = (b, w) -> {
            CellSums sums = blockSums[b];
            sums.clearSettle();
            Cursor f = cursors[w];
            int end = Math.min(table.size, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) {
                if (table.live[i]) {
                    f.i = i;
                    FirmPhases.settle(f, x, sums);
                }
            }
        };
    }

    /** Blocks in use; sums exist for the table's whole capacity, so entrants allocate none. */
    private int blocks() {
        int count = (table.size + BLOCK - 1) / BLOCK;
        int capacity = (table.capacity() + BLOCK - 1) / BLOCK;
        if (blockSums.length < capacity) {
            CellSums[] grown = java.util.Arrays.copyOf(blockSums, capacity);
            for (int b = blockSums.length; b < capacity; b++) {
                grown[b] = new CellSums(model.structure());
            }
            blockSums = grown;
        }
        return count;
    }

    private void runPlan() {
        int count = blocks();
        executor.run(count, planTask);
        CellSums total = model.totals();
        for (int b = 0; b < count; b++) {
            total.addPlan(blockSums[b]);
        }
    }

    private void runProduce() {
        int count = blocks();
        executor.run(count, produceTask);
        CellSums total = model.totals();
        for (int b = 0; b < count; b++) {
            total.addOutput(blockSums[b]);
        }
    }

    private void runSettle() {
        int count = blocks();
        executor.run(count, settleTask);
        CellSums total = model.totals();
        for (int b = 0; b < count; b++) {
            total.addSettle(blockSums[b]);
        }
    }

    /** Counts this step's exits from the merged sums (no pass over the table), compacting when due. */
    @Override
    public void removeExited() {
        table.alive -= (int) model.totals().totalExits();
        if (table.size - table.alive > COMPACT_AT * table.size) {
            table.compact();
        }
    }

    @Override
    public int size() {
        return table.alive;
    }

    @Override
    public void forEach(FirmVisitor visitor) {
        Cursor f = new Cursor(table);
        for (int i = 0; i < table.size; i++) {
            if (table.live[i]) {
                f.i = i;
                visitor.visit(f);
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.close();
        }
    }

    /** The firm arrays (read by the floor kernels of the benchmarks, in this package). */
    FirmTable table() {
        return table;
    }

    @Override
    public int threads() {
        return threads;
    }

    /** The factory of fast engines stepping on {@code threads} threads. */
    public static Factory factory(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        return new Maker(threads);
    }

    /** Makes fast engines on a number of threads: a record, so a checkpoint holds it as plain data. */
    private record Maker(int threads) implements Factory {
        @Override
        public EnterpriseEngine create(int capacity) {
            return new FastEngine(capacity, threads);
        }
    }
}
