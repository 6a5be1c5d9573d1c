package yrdsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The policy levers of MODEL.md section 5. Every lever's neutral value (the built-in default)
 * leaves the calibrated economy unchanged. Maps are keyed by region name, then sector name.
 *
 * @param commonMarket        one scale on every barrier (1 = status quo, 0 = one market)
 * @param divisionOfLabor     region → sector → output subsidy rate
 * @param innovationPlatforms region → extra public R&D, as a share of the region's output
 * @param developmentZones    region → extra log TFP from development zones
 * @param greenDevelopment    carbon price
 * @param flagshipSupport     output subsidy to the largest firms of chosen sectors
 * @param littleGiants        R&D subsidy to small R&D-intensive firms
 * @param talentProgram       region → wage top-up, talent-barrier cut and talent supply growth
 * @param innovationAlliances cross-region spillover boost among members
 * @param iotfIncubation      region → IotF entry subsidy (raises the IotF entry rate by 1 + s)
 */
public record Policies(
        double commonMarket,
        Map<String, Map<String, Double>> divisionOfLabor,
        Map<String, Double> innovationPlatforms,
        Map<String, Double> developmentZones,
        GreenDevelopment greenDevelopment,
        FlagshipSupport flagshipSupport,
        LittleGiants littleGiants,
        Map<String, TalentProgram> talentProgram,
        InnovationAlliances innovationAlliances,
        Map<String, Double> iotfIncubation) implements java.io.Serializable {

    /** Maps are never null after binding. */
    public Policies {
        divisionOfLabor = OrderedMaps.copy(divisionOfLabor);
        innovationPlatforms = OrderedMaps.copy(innovationPlatforms);
        developmentZones = OrderedMaps.copy(developmentZones);
        talentProgram = OrderedMaps.copy(talentProgram);
        iotfIncubation = OrderedMaps.copy(iotfIncubation);
    }

    /** A carbon price, added to fixed costs through each sector's emission intensity. */
    public record GreenDevelopment(double carbonPrice) implements java.io.Serializable {
    }

    /**
     * An output subsidy at {@code rate} to the top {@code topPercent} per cent of firms by
     * revenue in each listed sector (every sector when the list is empty).
     */
    public record FlagshipSupport(double rate, double topPercent, List<String> sectors) implements java.io.Serializable {
        /** The list is never null after binding. */
        public FlagshipSupport {
            sectors = sectors == null ? List.of() : List.copyOf(sectors);
        }
    }

    /**
     * An R&D subsidy at {@code rate} of revenue to firms with annual revenue below
     * {@code maxRevenue} (bn yuan) in sectors whose R&D share is at least {@code minRdShare}.
     */
    public record LittleGiants(double rate, double maxRevenue, double minRdShare) implements java.io.Serializable {
    }

    /**
     * Talent policy of one region: a top-up on its talent wage as seen by migrants, a cut in
     * the talent barrier into it, and growth of its own talent supply per quarter. Each part may
     * be left out and is then 0 (off), so a scenario or timeline names only the parts it uses.
     */
    public record TalentProgram(Double wageTopUp, Double barrierCut, Double supplyGrowth) implements java.io.Serializable {
        /** Parts left out are off. */
        public TalentProgram {
            wageTopUp = wageTopUp == null ? 0.0 : wageTopUp;
            barrierCut = barrierCut == null ? 0.0 : barrierCut;
            supplyGrowth = supplyGrowth == null ? 0.0 : supplyGrowth;
        }
    }

    /**
     * An innovation alliance: among {@code members} the technology barrier is cut by
     * {@code barrierCut}, the spillover speed rises by {@code spilloverBoost}, and member firms in
     * IotF sectors get an R&D subsidy at {@code rdSubsidy} of revenue.
     */
    public record InnovationAlliances(List<String> members, double barrierCut, double spilloverBoost,
                                      double rdSubsidy) implements java.io.Serializable {
        /** The list is never null after binding. */
        public InnovationAlliances {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }
}
