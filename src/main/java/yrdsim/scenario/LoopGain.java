package yrdsim.scenario;

/**
 * The first-order gain of the knowledge loop of a sector (MODEL-2 11): knowledge → productivity
 * → revenue → R&amp;D → knowledge, and for an IotF sector that supplies others, → adoption →
 * demand as well:
 *
 * <pre>
 * gain = φ_K + λ_R · ε_RT
 * ε_RT = γ / (1 − ν) · σ_a      (IotF sectors that supply others: through adoption)
 * ε_RT = γ / (1 − ν)            (the others)
 * </pre>
 *
 * <p>MODEL-2 11 writes the adoption factor as 1 + (σ_a − 1)(1 − share); this takes the share at
 * 0, its upper bound, because the share is only known after calibration and validation must
 * refuse what a run would refuse (docs/MODEL.md, deviations). A gain at or above 1 makes the
 * economy explode: {@link ScenarioValidator} refuses it, naming the sector, and the run writes
 * every sector's gain to calibration.json.
 */
public final class LoopGain {

    /** The largest gain a scenario may have. */
    public static final double LIMIT = 1;

    private LoopGain() {
    }

    /**
     * The gain of a sector with parameters {@code sector}, under behavioural parameters {@code k}.
     *
     * @param adopts whether the sector is an IotF sector whose inputs other sectors adopt
     */
    public static double of(Parameters k, SectorParams sector, boolean adopts) {
        double elasticity = sector.gamma() / (1 - sector.nu()) * (adopts ? k.adoptionElasticity() : 1);
        return k.creationKnowledgeElasticity() + k.creationRdElasticity() * elasticity;
    }

    /** Whether sector {@code i} of {@code s} is an IotF sector that supplies user sectors. */
    public static boolean adopts(Scenario s, int i) {
        SectorSpec sector = s.sectors().get(i);
        return sector.iotf() && !sector.supplies().isEmpty();
    }
}
