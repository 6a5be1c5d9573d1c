package yrdsim.model;

import java.util.ArrayList;
import java.util.List;
import sim.engine.SimState;
import sim.engine.Steppable;
import yrdsim.model.fast.FastEngine;
import yrdsim.model.reference.ReferenceEngine;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Parameters;
import yrdsim.scenario.Period;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.TimelinePlayer;

/**
 * The Yangtze River Delta model: province agents and enterprise agents trading labour, capital
 * and technology across barriers (MODEL.md). It runs headless and knows nothing of a GUI.
 *
 * <p>One schedule step is one quarter, in seven orderings: the model's own work at even
 * orderings, and the firm phases (plan, produce, settle) at odd ones, run by the chosen
 * {@link EnterpriseEngine}.
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
    private final EnterpriseEngine.Kind engineKind;
    private final int threads;

    Scenario scenario;
    Parameters params;
    Structure st;
    Levers levers;
    TimelinePlayer timeline;
    Province[] provinces;
    Sector[] sectors;
    StepContext ctx;
    CellSums totals;
    EnterpriseEngine engine;
    private Phase phase = Phase.IDLE;
    /** The step being run, or the next step to run between steps. */
    int step;
    long nextId;
    double iotfEntryRate;
    /** Relocation destination constants ξ by cell (−∞: no relocation into it). */
    double[] relocationConstant;
    /** Weight of each cell's sector in its region's public research (IotF sectors), by cell. */
    double[] researchWeight;
    /** Entrants by cell this step. */
    double[] entries;
    /** Cross-region flows this step, [origin·P + destination]. */
    double[] flowWorkers;
    double[] flowTalent;
    double[] flowCapital;
    double[] flowTech;
    /** Work arrays of the per-step code. */
    Scratch scratch;
    private transient List<StepObserver> observers = new ArrayList<>();

    /**
     * A model of {@code loaded} with its own seed.
     *
     * @param engine  which enterprise engine to run
     * @param threads threads of the fast engine (results do not depend on it)
     */
    public YrdModel(LoadedScenario loaded, long seed, EnterpriseEngine.Kind engine, int threads) {
        super(seed);
        this.fullSeed = seed;
        this.loaded = loaded;
        this.scenario = loaded.scenario();
        this.engineKind = engine;
        this.threads = threads;
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
        scenario = loaded.scenario();
        params = scenario.parameters();
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
        entries = new double[st.cells];
        relocationConstant = new double[st.cells];
        researchWeight = new double[st.cells];
        int pp = st.regions * st.regions;
        flowWorkers = new double[pp];
        flowTalent = new double[pp];
        flowCapital = new double[pp];
        flowTech = new double[pp];
        scratch = new Scratch(st.regions);
        engine = engineKind == EnterpriseEngine.Kind.FAST
                ? new FastEngine(Calibrator.firmCount(scenario), threads)
                : new ReferenceEngine();
        step = 0;
        Calibrator.calibrate(this);
        levers = Levers.of(scenario, st);
        timeline = new TimelinePlayer(loaded);

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

    // ---------------------------------------------------------------- step 1-3: begin

    private void begin() {
        try {
            Scenario changed = timeline.advance(step);
            if (changed != null) {
                scenario = changed;
                params = changed.parameters();
                levers = Levers.of(changed, st);
            }
        } catch (ScenarioException e) {
            throw new ModelException("step " + step + " (" + period(step) + "): a timeline change is invalid: "
                    + e.getMessage());
        }
        int regions = st.regions;
        ctx.seed = seed();
        ctx.step = step;
        ctx.stepKey = Rng.stepKey(ctx.seed, step);
        ctx.lambda = params.planSmoothing();
        ctx.kappa = params.innovationKappa();
        ctx.innovationMean = params.innovationMean();
        ctx.innovationSd = params.innovationSd();
        ctx.gibratSigma = params.gibratSigma();
        ctx.techDecay = params.techDecay();
        ctx.exitHazard = params.exitHazard();
        ctx.exitLossQuarters = params.exitLossQuarters();
        ctx.relocationRate = params.relocationRate();
        ctx.flagshipRate = levers.flagshipRate;
        ctx.littleGiantRate = levers.littleGiantRate;

        for (Sector sector : sectors) {
            int s = sector.index;
            sector.demandShifter = sector.demandShifter0 * Math.pow(1 + st.demandGrowth[s], step / 4.0);
            ctx.lnPlanPrice[s] = Math.log(sector.price);
            ctx.fixedCost[s] = sector.fixedCost
                    + levers.carbonPrice * st.emissionIntensity[s] * sector.meanRevenue0 * 1e-6;
            ctx.innovationRate[s] = FirmRules.innovationRate(ctx.kappa, sector.rdScale);
            ctx.halfTalent[s] = sector.halfTalent;
            ctx.littleGiantCeiling[s] = levers.littleGiantSector[s] ? levers.littleGiantCeiling : 0;
        }
        flagshipThresholds();
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            Province province = provinces[p];
            ctx.cellTerm[c] = FirmRules.cellTerm(st.phiMar[s], totals.workers[c] + totals.talent[c],
                    params.agglomerationScale(), st.phiJacobs[s], province.diversity, levers.lnZone[p]);
            ctx.planPriceTerm[c] = FirmRules.priceTerm(st.alpha[s], st.beta[s], st.eta[s],
                    province.rent, province.wage, province.talentWage);
            ctx.cellSubsidy[c] = levers.cellSubsidy[c];
            ctx.allianceRdRate[c] = levers.allianceRdRate[c];
            ctx.averageTech[c] = totals.firms[c] > 0 ? totals.knowledge[c] / totals.firms[c] : 0;
            ctx.meanPlan[c] = totals.firms[c] > 0 ? totals.planEnd[c] / totals.firms[c] : 0;
        }
        for (int q = 0; q < regions; q++) {
            for (int p = 0; p < regions; p++) {
                ctx.spillWeight[q * regions + p] = (1 - levers.technology[q][p]) * st.distanceDecay[q][p];
            }
            ctx.spilloverScale[q] = levers.spilloverScale[q];
        }
        placeCapitalAndLicences();
        totals.clearPlan();
        phase = Phase.PLAN;
    }

    /** Flagship thresholds: the revenue of the firm at the top-k% boundary of each supported sector. */
    private void flagshipThresholds() {
        java.util.Arrays.fill(ctx.flagshipThreshold, Double.POSITIVE_INFINITY);
        for (int s = 0; s < st.sectors; s++) {
            if (levers.flagshipSector[s]) {
                ctx.flagshipThreshold[s] = revenueQuantileFromTop(s, levers.flagshipTopShare);
            }
        }
    }

    private double[] revenues = new double[0];

    private double revenueQuantileFromTop(int s, double topShare) {
        int[] n = {0};
        if (revenues.length < engine.size()) {
            revenues = new double[engine.size()];
        }
        double[] values = revenues;
        engine.forEach(f -> {
            if (f.sector() == s) {
                values[n[0]++] = f.revenue();
            }
        });
        if (n[0] == 0) {
            return Double.POSITIVE_INFINITY;
        }
        java.util.Arrays.sort(values, 0, n[0]);
        int top = Math.max(1, (int) Math.ceil(topShare * n[0]));
        return values[n[0] - top];
    }

    /**
     * Province decisions on last step's prices: re-place a fraction μ_K of each owner's capital
     * by logit on net returns (MODEL.md 2b), and offer ℓ·G_p of licences across markets in the
     * same way.
     */
    private void placeCapitalAndLicences() {
        int regions = st.regions;
        double[] rents = scratch.a;
        double[] techPrices = scratch.b;
        for (int p = 0; p < regions; p++) {
            rents[p] = provinces[p].rent;
            techPrices[p] = provinces[p].techPrice;
        }
        double[][] shares = scratch.shares;
        Logit.placementShares(rents, levers.capital, params.capitalLogit(), shares, scratch.u);
        java.util.Arrays.fill(flowCapital, 0);
        for (Province owner : provinces) {
            replace(owner.placed, owner.capitalOwned, shares[owner.index], levers.capital[owner.index],
                    params.capitalMobility(), flowCapital, owner.index);
        }
        // Licence offers move like capital: shares of each owner's offer adjust by a fraction per
        // quarter. Re-placing all of it on last step's price is a cobweb that diverges (MODEL.md 2b).
        Logit.placementShares(techPrices, levers.technology, params.techLogit(), shares, scratch.u);
        java.util.Arrays.fill(flowTech, 0);
        for (Province market : provinces) {
            market.capitalSupply = 0;
            market.techSupply = 0;
        }
        double[] unused = scratch.pairs;
        for (Province owner : provinces) {
            int p = owner.index;
            replace(owner.licenceShares, 1, shares[p], levers.technology[p], params.techMobility(), unused, p);
            double offered = params.techOfferRate() * owner.publicResearch * FirmRules.TECH_UNITS_PER_BN;
            for (int q = 0; q < regions; q++) {
                provinces[q].capitalSupply += owner.placed[q];
                double licensed = offered * owner.licenceShares[q];
                provinces[q].techSupply += licensed;
                if (q != p) {
                    flowTech[p * regions + q] = licensed;
                }
            }
        }
    }

    /**
     * Partial re-placement of one owner's stock (or of shares summing to {@code total}): a
     * fraction {@code mobility} moves to the logit {@code shares}, and anything on a route that
     * is now closed (barrier 1) is withdrawn and re-placed at once. The total is conserved.
     * Gross moves to other regions are added to {@code flows} at [owner·P + destination].
     */
    private static void replace(double[] placed, double total, double[] shares, double[] barrier, double mobility,
                                double[] flows, int owner) {
        int regions = placed.length;
        double freed = 0;
        for (int q = 0; q < regions; q++) {
            if (barrier[q] >= 1) {
                freed += placed[q];
                placed[q] = 0;
            }
        }
        double moving = mobility * (total - freed) + freed;
        for (int q = 0; q < regions; q++) {
            double moved = moving * shares[q];
            placed[q] = (1 - mobility) * placed[q] + moved;
            if (q != owner) {
                flows[owner * regions + q] = moved;
            }
        }
    }

    // ---------------------------------------------------------------- step 4: factor markets

    private void clearFactorMarkets() {
        phase = Phase.IDLE;
        int regions = st.regions;
        double[] capitalBids = scratch.a;
        double[] workerBids = scratch.b;
        double[] talentBids = scratch.c;
        double[] techBids = scratch.d;
        java.util.Arrays.fill(capitalBids, 0);
        java.util.Arrays.fill(workerBids, 0);
        java.util.Arrays.fill(talentBids, 0);
        java.util.Arrays.fill(techBids, 0);
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            capitalBids[p] += st.alpha[s] * totals.plan[c];
            workerBids[p] += st.beta[s] * totals.plan[c];
            talentBids[p] += st.eta[s] * totals.plan[c];
            techBids[p] += st.tau[s] * totals.plan[c];
        }
        for (Province province : provinces) {
            int p = province.index;
            double rent = FirmRules.tradingPostPrice(capitalBids[p], province.capitalSupply);
            double wage = FirmRules.tradingPostPrice(workerBids[p], province.workers);
            double talentWage = FirmRules.tradingPostPrice(talentBids[p], province.talent);
            double techPrice = FirmRules.tradingPostPrice(techBids[p], province.techSupply);
            Guards.finiteNonNegative(this, p, -1, "interest_rate", rent);
            Guards.finiteNonNegative(this, p, -1, "wage", wage);
            Guards.finiteNonNegative(this, p, -1, "talent_wage", talentWage);
            Guards.finiteNonNegative(this, p, -1, "tech_price", techPrice);
            Guards.plausibleChange(this, p, -1, "interest_rate", province.rent, rent);
            Guards.plausibleChange(this, p, -1, "wage", province.wage, wage);
            Guards.plausibleChange(this, p, -1, "talent_wage", province.talentWage, talentWage);
            province.rent = rent;
            province.wage = wage;
            province.talentWage = talentWage;
            province.techPrice = techPrice;
            ctx.rent[p] = province.rent;
            ctx.wage[p] = province.wage;
            ctx.talentWage[p] = province.talentWage;
            ctx.techPrice[p] = province.techPrice;
            ctx.inverseTalentWage[p] = FirmRules.inverse(province.talentWage);
            ctx.inverseTechPrice[p] = FirmRules.inverse(province.techPrice);
        }
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            ctx.producePriceTerm[c] = FirmRules.priceTerm(st.alpha[s], st.beta[s], st.eta[s],
                    ctx.rent[p], ctx.wage[p], ctx.talentWage[p]);
        }
        totals.clearOutput();
        phase = Phase.PRODUCE;
    }

    // ---------------------------------------------------------------- step 5: goods markets

    private void clearGoodsMarkets() {
        phase = Phase.IDLE;
        for (Sector sector : sectors) {
            int s = sector.index;
            double output = 0;
            for (int p = 0; p < st.regions; p++) {
                output += totals.output[st.cell(p, s)];
            }
            sector.output = output;
            if (output > 0) {
                double before = sector.price;
                sector.price = FirmRules.sectorPrice(sector.priceShifter, output, sector.demandShifter, st.epsilon[s]);
                Guards.finitePositive(this, -1, s, "price", sector.price);
                Guards.plausibleChange(this, -1, s, "price", before, sector.price);
            }
            // With no output there is no trade and no price discovery: the last price stands.
            ctx.price[s] = sector.price;
        }
        relocationChoices();
        totals.clearSettle();
        phase = Phase.SETTLE;
    }

    /**
     * Relocation probabilities of a firm in each cell, by logit over expected ln R* in every
     * region at this step's prices, net of the capital barrier and the relocation cost.
     */
    private void relocationChoices() {
        int regions = st.regions;
        double[] u = scratch.u;
        double[] pi = scratch.pi;
        double[] value = scratch.a;
        for (int s = 0; s < st.sectors; s++) {
            for (int q = 0; q < regions; q++) {
                int c = st.cell(q, s);
                value[q] = (Math.log(sectors[s].price) + Math.log1p(ctx.cellSubsidy[c]) + ctx.cellTerm[c]
                        + ctx.producePriceTerm[c]) / (1 - st.nu[s]);
            }
            for (int p = 0; p < regions; p++) {
                int c = st.cell(p, s);
                for (int q = 0; q < regions; q++) {
                    u[q] = Logit.utility(params.relocationLogit(),
                            value[q] + Logit.lnOpen(levers.capital[p][q]) - (q == p ? 0 : params.relocationCost()),
                            relocationConstant[st.cell(q, s)]);
                }
                Logit.probabilities(u, p, pi);
                double cumulative = 0;
                for (int q = 0; q < regions; q++) {
                    cumulative += pi[q];
                    ctx.relocationCumulative[c * regions + q] = cumulative;
                }
            }
        }
    }

    // ---------------------------------------------------------------- steps 7-9: end

    private void end() {
        phase = Phase.IDLE;
        FirmPhases.settleCells(ctx, totals);
        Guards.checkCells(this);
        summarise();
        ProvinceDynamics.accumulate(this);
        ProvinceDynamics.migrate(this);
        engine.removeExited();
        Demography.enter(this);
        for (Province province : provinces) {
            province.firms = 0;
            for (int s = 0; s < st.sectors; s++) {
                province.firms += totals.firms[st.cell(province.index, s)];
            }
            Guards.province(this, province);
        }
        for (StepObserver o : observers) {
            o.stepped(this);
        }
        step++;
    }

    /** Region and sector totals of this step, and the Jacobs diversity for the next. */
    private void summarise() {
        for (Sector sector : sectors) {
            sector.revenue = 0;
        }
        for (Province province : provinces) {
            int p = province.index;
            double revenue = 0;
            double iotf = 0;
            double subsidies = 0;
            for (int s = 0; s < st.sectors; s++) {
                int c = st.cell(p, s);
                revenue += totals.revenue[c];
                subsidies += totals.subsidy[c];
                sectors[s].revenue += totals.revenue[c];
                if (st.iotf[s]) {
                    iotf += totals.revenue[c];
                }
            }
            double squares = 0;
            for (int s = 0; s < st.sectors && revenue > 0; s++) {
                double share = totals.revenue[st.cell(p, s)] / revenue;
                squares += share * share;
            }
            province.revenue = revenue;
            province.iotfRevenue = iotf;
            province.subsidies = subsidies;
            province.diversity = revenue > 0 ? 1 - squares : 0;
        }
        for (Sector sector : sectors) {
            int s = sector.index;
            double n = 0;
            for (int p = 0; p < st.regions; p++) {
                n += totals.firms[st.cell(p, s)];
            }
            sector.lnAMean = n > 0 ? totals.lnA[s] / n : Double.NaN;
            sector.lnASd = n > 1 ? Math.sqrt(Math.max(0, totals.lnA2[s] / n - sector.lnAMean * sector.lnAMean)) : 0;
        }
        int regions = st.regions;
        for (int i = 0; i < regions * regions; i++) {
            flowTech[i] += totals.spillover[i];
        }
    }

    // ---------------------------------------------------------------- read-only access

    /** The firm phase the schedule is in (read by reference-engine enterprises). */
    public Phase phase() {
        return phase;
    }

    /** The context firm phases read. */
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

    /** The scenario in force now (after any timeline changes). */
    public Scenario scenario() {
        return scenario;
    }

    /** The scenario as loaded, with its tree. */
    public LoadedScenario loaded() {
        return loaded;
    }

    /** The levers in force now. */
    public Levers levers() {
        return levers;
    }

    /** The timeline player; live changes are scheduled through it. */
    public TimelinePlayer timeline() {
        return timeline;
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
        return scenario.startPeriod().plus(k);
    }

    /** Entrants by cell in the last completed step. */
    public double[] entries() {
        return entries;
    }

    /** Cross-region flows of {@code factor} in the last completed step, [origin·P + destination]. */
    public double[] flows(Factor factor) {
        return switch (factor) {
            case WORKERS -> flowWorkers;
            case TALENT -> flowTalent;
            case CAPITAL -> flowCapital;
            case TECHNOLOGY -> flowTech;
            case FIRMS -> totals.relocations;
        };
    }

    /** Number of living enterprises. */
    public int firmCount() {
        return engine.size();
    }

    /** The engine kind. */
    public EnterpriseEngine.Kind engineKind() {
        return engineKind;
    }

    /** Threads the engine steps enterprises on: as asked for the fast engine, always one for the reference engine. */
    public int threads() {
        return engineKind == EnterpriseEngine.Kind.FAST ? threads : 1;
    }

    /** The IotF entry rate calibrated at step 0. */
    public double iotfEntryRate() {
        return iotfEntryRate;
    }

    /** Relocation constants ξ by cell, calibrated at step 0. */
    public double[] relocationConstants() {
        return relocationConstant.clone();
    }

    /**
     * A Poisson count with mean {@code mean}, by inversion of one uniform from
     * {@code state.random}. Exactly one uniform is drawn whatever the mean, so two scenarios on
     * the same seed draw the same uniforms cell by cell (common random numbers), and a higher
     * mean never gives fewer entrants: a policy's effect on entry is not drowned in sampling
     * noise.
     */
    int poisson(double mean) {
        return Demography.poissonInverse(random.nextDouble(), mean);
    }
}
