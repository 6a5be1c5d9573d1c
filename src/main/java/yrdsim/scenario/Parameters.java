package yrdsim.scenario;

import java.util.List;

/**
 * Behavioural and calibration parameters. Defaults, with their sources, are in the built-in
 * {@code defaults.yaml}; docs/MODEL.md explains each one.
 */
public record Parameters(
        double planSmoothing,
        double startInterestRate,
        double capitalMobility,
        double capitalLogit,
        double capitalDepreciation,
        double techOfferRate,
        double techLogit,
        double techMobility,
        double techDecay,
        double absorptiveCapacity,
        double distanceDecayKm,
        double publicResearchDepreciation,
        double workerMobility,
        double talentMobilityRatio,
        double settlingRate,
        double migrationWageElasticity,
        double workerGrowth,
        double talentGrowth,
        double agglomerationScale,
        double innovationKappa,
        double innovationMean,
        double innovationSd,
        double gibratSigma,
        double volatilitySizeElasticity,
        double creationRdElasticity,
        double creationTalentElasticity,
        double creationKnowledgeElasticity,
        double creationLicenceRatio,
        int exitLossQuarters,
        double exitHazard,
        double entryHurdle,
        double entryN0,
        double iotfEntryTalentExponent,
        double iotfEntryFallback,
        double entrantSize,
        double relocationRate,
        double relocationCost,
        double relocationLogit,
        double fixedCostLossShare,
        double clusterLq,
        int clusterMinFirms,
        double clusterMinShare,
        int clusterPersistence,
        List<Double> revenueThresholds,
        double hillTailShare,
        double marketGrowth,
        double exportElasticity,
        double catchUpRate,
        double adoptionElasticity,
        double adoptionSpeed,
        double adoptionCeiling,
        SectorDefaults sectorDefaults) implements java.io.Serializable {

    /** Never-null list. */
    public Parameters {
        revenueThresholds = revenueThresholds == null ? List.of() : List.copyOf(revenueThresholds);
    }

    /** Default sector parameters by kind. */
    public record SectorDefaults(SectorParams traditional, SectorParams iotf) implements java.io.Serializable {
    }
}
