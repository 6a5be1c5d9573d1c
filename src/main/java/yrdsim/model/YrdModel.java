package yrdsim.model;

import java.util.ArrayList;
import java.util.List;
import sim.engine.SimState;
import sim.engine.Steppable;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Parameters;
import yrdsim.scenario.Period;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.TimelinePlayer;

/**
 * The Yangtze River Delta model: province agents and enterprise agents trading labour, capital
 * and technology across barriers (MODEL.md). It runs headless and knows nothing of a GUI.
 *
 * <p>This class keeps the schedule and owns the state; each submodel of docs/MODEL.md section 7
 * is a class of its own that reads and writes its part of that state: {@link Policy} (7.7),
 * {@link Agglomeration} and {@link FactorMarkets} (7.1), {@link Demand} (7.2),
 * {@link Placement} (7.3), {@link Knowledge} (7.4), {@link ProvinceDynamics} (7.5),
 * {@link Demography} (7.6) and {@link Government} (7.8). {@link Calibrator} builds step 0 from their equations.
 *
 * <p>One schedule step is one quarter, in seven orderings: the model's own work at even
 * orderings, and the firm phases (plan, produce, settle) at odd ones, run by the
 * {@link EnterpriseEngine} its factory makes.
 */
public class YrdModel extends SimState {

    private static final long serialVersionUID = 1L;

    /** Ordering of the model's begin-of-step work: policy, aggregates, plan context. */
    public static final int ORDER_BEGIN = 0;
    /** Ordering of the firms' plan phase. */
    public static final int ORDER_PLAN = 1;
    /** Ordering of factor-market clearing. */
    public static final int ORDER_MARKETS = 2;
    /** Ordering of the firms' production phase. */
    public static final int ORDER_PRODUCE = 3;
    /** Ordering of goods-market clearing. */
    public static final int ORDER_DEMAND = 4;
    /** Ordering of the firms' settle phase. */
    public static final int ORDER_SETTLE = 5;
    /** Ordering of province dynamics, entry, exit and observers. */
    public static final int ORDER_END = 6;

    /** Which firm phase the schedule is in. */
    public enum Phase {
        /** Between phases. */
        IDLE,
        /** Firms plan. */
        PLAN,
        /** Firms produce. */
        PRODUCE,
        /** Firms settle. */
        SETTLE
    }

    /** The seed as given: MASON 18's {@code SimState.seed()} keeps only its low 32 bits. */
    private long fullSeed;
    private final LoadedScenario loaded;
    private final EnterpriseEngine.Factory engines;

    // The state.
    private Structure st;
    private Province[] provinces;
    private Sector[] sectors;
    private StepContext ctx;
    private CellSums totals;
    private EnterpriseEngine engine;
    private Phase phase = Phase.IDLE;
    /** The step being run, or the next step to run between steps. */
    private int step;

    // The submodels.
    private Guards guards;
    private Policy policy;
    private Agglomeration agglomeration;
    private FactorMarkets factorMarkets;
    private Demand demand;
    private Government government;
    private Placement placement;
    private Knowledge knowledge;
    private ProvinceDynamics dynamics;
    private Demography demography;

    private transient List<StepObserver> observers = new ArrayList<>();

    /**
     * A model of {@code loaded} with its own seed.
     *
     * @param engines makes the enterprise engine at every start (which engine, on how many threads)
     */
    public YrdModel(LoadedScenario loaded, long seed, EnterpriseEngine.Factory engines) {
        super(seed);
        this.fullSeed = seed;
        this.loaded = loaded;
        this.engines = engines;
    }

    /** Adds an observer called after every step. */
    public void addObserver(StepObserver observer) {
        observers.add(observer);
    }

    /** Removes an observer. */
    public void removeObserver(StepObserver observer) {
        observers.remove(observer);
    }

    @Override
    public void start() {
        super.start();
        // All 64 bits of the seed reach MASON's generator (its setSeed(long) uses 32).
        random.setSeed(new int[] {(int) fullSeed, (int) (fullSeed >>> 32)});
        if (engine != null) {
            engine.close();
        }
        Scenario scenario = loaded.scenario();
        st = new Structure(scenario);
        provinces = new Province[st.regions];
        for (int p = 0; p < st.regions; p++) {
            var r = scenario.regions().get(p);
            provinces[p] = new Province(p, r.name(), r.center().get(0), r.center().get(1), st.regions);
        }
        sectors = new Sector[st.sectors];
        for (int s = 0; s < st.sectors; s++) {
            sectors[s] = new Sector(s, st.sectorNames[s], st.iotf[s]);
        }
        ctx = new StepContext(st);
        totals = new CellSums(st);
        engine = engines.create(StartingFirms.count(scenario));
        step = 0;
        guards = new Guards(st, scenario.startPeriod());
        agglomeration = new Agglomeration(st, provinces, totals);
        factorMarkets = new FactorMarkets(st, provinces, totals, guards);
        demand = new Demand(st, sectors, totals, guards);
        government = new Government(st, provinces, sectors, totals, guards);
        placement = new Placement(provinces);
        knowledge = new Knowledge(st, sectors, provinces, totals);
        dynamics = new ProvinceDynamics(provinces, scenario.restOfChina());
        demography = new Demography(st, provinces, sectors, totals, guards);
        Calibrator.calibrate(scenario, seed(), st, provinces, sectors, totals,
                new Calibrator.Submodels(placement, demand, demography, government, dynamics, knowledge,
                        agglomeration), engine);
        policy = new Policy(loaded, st);

        schedule.scheduleRepeating(0, ORDER_BEGIN, (Steppable) state -> begin(), 1);
        schedule.scheduleRepeating(0, ORDER_MARKETS, (Steppable) state -> clearFactorMarkets(), 1);
        schedule.scheduleRepeating(0, ORDER_DEMAND, (Steppable) state -> clearGoodsMarkets(), 1);
        schedule.scheduleRepeating(0, ORDER_END, (Steppable) state -> end(), 1);
        engine.schedule(this);
        for (StepObserver o : observers) {
            o.started(this);
        }
    }

    /** The full 64-bit seed of this run. */
    @Override
    public long seed() {
        return fullSeed;
    }

    /** Sets the seed used by the next {@link #start()}, all 64 bits of it. */
    @Override
    public void setSeed(long seed) {
        super.setSeed(seed);
        this.fullSeed = seed;
    }

    @Override
    public void finish() {
        super.finish();
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    public void awakeFromCheckpoint() {
        super.awakeFromCheckpoint();
        observers = new ArrayList<>();
        engine.awake(this);
    }

    // ---------------------------------------------------------------- the step

    /** Steps 1-3 before the plans: policy, then what firms read from last step's aggregates and prices. */
    private void begin() {
        guards.at(step);
        policy.advance(step);
        Parameters k = policy.params();
        Levers levers = policy.levers();
        ctx.setParameters(k, seed(), step);
        demand.prepare(ctx, step, k, policy.scenario().channels());
        knowledge.prepare(ctx, levers, k, policy.scenario().channels());
        policy.prepare(ctx, sectors, engine);
        government.prepare(ctx, levers);
        agglomeration.prepare(ctx, levers, k, policy.scenario().channels());
        factorMarkets.preparePlans(ctx);
        demography.prepare(ctx);
        placement.place(levers, k, policy.scenario().channels());
        totals.clearPlan();
        phase = Phase.PLAN;
    }

    /** Step 4, after the plans. */
    private void clearFactorMarkets() {
        phase = Phase.IDLE;
        factorMarkets.clear(ctx);
        totals.clearOutput();
        phase = Phase.PRODUCE;
    }

    /** Step 5, after production: goods prices, then where a relocating firm would go. */
    private void clearGoodsMarkets() {
        phase = Phase.IDLE;
        demand.clear(ctx);
        demography.relocationChoices(ctx, policy.levers(), policy.params(),
                policy.scenario().channels().capitalMobility());
        totals.clearSettle();
        phase = Phase.SETTLE;
    }

    /** Steps 7-9, after the firms settled: aggregates, province dynamics, exit and entry, observers. */
    private void end() {
        phase = Phase.IDLE;
        FirmPhases.settleCells(ctx, totals);
        guards.checkCells(totals);
        Aggregates.summarise(st, totals, provinces, sectors);
        placement.addSpillovers(totals);
        knowledge.absorbed();
        Levers levers = policy.levers();
        Parameters k = policy.params();
        government.balance(levers);
        demand.update(k, policy.scenario().channels());
        dynamics.accumulate(levers, k);
        dynamics.migrate(levers, k, policy.scenario().channels().laborMobility(), step);
        engine.removeExited();
        demography.enter(ctx, levers, k, engine, random, seed(), step, government);
        for (Province province : provinces) {
            province.firms = 0;
            for (int s = 0; s < st.sectors; s++) {
                province.firms += totals.firms[st.cell(province.index, s)];
            }
            guards.province(province);
        }
        for (StepObserver o : observers) {
            o.stepped(this);
        }
        step++;
    }

    // ---------------------------------------------------------------- read-only access

    /** The firm phase the schedule is in (read by reference-engine enterprises). */
    public Phase phase() {
        return phase;
    }

    /** The context firm phases read (handed to {@link FirmPhases} by the engines). */
    public StepContext context() {
        return ctx;
    }

    /** This step's firm sums (written by the engines during firm phases). */
    public CellSums totals() {
        return totals;
    }

    /** The run's fixed structure. */
    public Structure structure() {
        return st;
    }

    /** The scenario in force now (after any timeline changes); the loaded one before the start. */
    public Scenario scenario() {
        return policy != null ? policy.scenario() : loaded.scenario();
    }

    /** The scenario as loaded, with its tree. */
    public LoadedScenario loaded() {
        return loaded;
    }

    /** The levers in force now. */
    public Levers levers() {
        return policy.levers();
    }

    /** The timeline player; live changes are scheduled through it (null before the start). */
    public TimelinePlayer timeline() {
        return policy != null ? policy.timeline() : null;
    }

    /** Province agents. */
    public Province[] provinces() {
        return provinces;
    }

    /** Sectors. */
    public Sector[] sectors() {
        return sectors;
    }

    /** The enterprise engine (for read-only visits of firms). */
    public EnterpriseEngine engine() {
        return engine;
    }

    /** The step being run, or the number of steps completed between steps. */
    public int step() {
        return step;
    }

    /** Period of step {@code k}. */
    public Period period(int k) {
        return scenario().startPeriod().plus(k);
    }

    /** Entrants by cell in the last completed step (a copy). */
    public double[] entries() {
        return demography.entries().clone();
    }

    /** Cross-region flows of {@code factor} in the last completed step, [origin·P + destination] (a copy). */
    public double[] flows(Factor factor) {
        double[] flows = switch (factor) {
            case WORKERS -> dynamics.workerFlows();
            case TALENT -> dynamics.talentFlows();
            case CAPITAL -> placement.capitalFlows();
            case TECHNOLOGY -> placement.techFlows();
            case FIRMS -> totals.relocations;
        };
        return flows.clone();
    }

    /** Number of living enterprises. */
    public int firmCount() {
        return engine.size();
    }

    /** The engine kind. */
    public EnterpriseEngine.Kind engineKind() {
        return engine.kind();
    }

    /** Threads the engine steps enterprises on (always one for the reference engine). */
    public int threads() {
        return engine.threads();
    }

    /** The IotF entry rate calibrated at step 0. */
    public double iotfEntryRate() {
        return demography.iotfEntryRate();
    }

    /** The relocation constant ξ of cell {@code c}, calibrated at step 0 (−∞: no relocation into it). */
    public double relocationConstant(int c) {
        return demography.relocationConstant(c);
    }

    /** The demand side: final, external and intermediate demand, productivity and adoption (read only). */
    public Demand demand() {
        return demand;
    }

    /** The provinces' budgets: tax rates, value added and spending by item (read only). */
    public Government government() {
        return government;
    }

    /** Workers' migration speed calibrated at step 0: the share that reconsiders its province each quarter. */
    public double workerMigrationRate() {
        return dynamics.workerRate();
    }

    /** Talent's migration speed: the share that reconsiders its province each quarter. */
    public double talentMigrationRate() {
        return dynamics.talentRate();
    }

    /** Province {@code p}'s settling rate (calibrated to its census migrant share where it has one). */
    public double settlingRate(int p) {
        return dynamics.settlingRate(p);
    }

    /** Whether the delta exchanges people with the rest of China. */
    public boolean open() {
        return dynamics.open();
    }

    /**
     * Resident workers of province {@code q} with hukou in province {@code origin}, or in the
     * rest of China when {@code origin} is the number of provinces (thousand persons).
     */
    public double migrantsFrom(int q, int origin) {
        return dynamics.migrants().from(q, origin);
    }

    /** Resident workers of province {@code q} with hukou elsewhere (thousand persons). */
    public double migrants(int q) {
        return dynamics.migrants().migrants(q);
    }

    /** Gross flow of workers (or talent) from the rest of China into province {@code p} or out of it, last step. */
    public double restOfChinaFlow(boolean workers, int p, boolean in) {
        return dynamics.rocFlow(workers, p, in);
    }

    /** The numeric guards (tests trip them on purpose). */
    Guards guards() {
        return guards;
    }
}
