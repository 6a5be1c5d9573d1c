package yrdsim.scenario;

/**
 * The model's channels (MODEL-2 10), each on by default. A channel switched off is held at its
 * step-0 state, so step 0 is the same with or without it; {@code yrdsim compare --channels}
 * switches them off in both scenarios to attribute a policy's effect to them.
 *
 * @param laborMobility  workers and talent migrate (between provinces and with the rest of China)
 * @param capitalMobility capital is re-placed across provinces and firms relocate
 * @param technology     licences are re-placed across provinces and spillovers cross borders
 * @param creation       the talent a cell can reach for creating knowledge follows the economy
 * @param agglomeration  employment across borders adds to a cell's agglomeration term
 * @param adoption       user sectors adopt IotF inputs as their quality-adjusted price falls
 * @param externalDemand demand from outside the delta responds to its prices and the frontier
 */
public record Channels(boolean laborMobility, boolean capitalMobility, boolean technology, boolean creation,
                       boolean agglomeration, boolean adoption, boolean externalDemand)
        implements java.io.Serializable {

    /** Every channel on. */
    public static final Channels ALL = new Channels(true, true, true, true, true, true, true);
}
