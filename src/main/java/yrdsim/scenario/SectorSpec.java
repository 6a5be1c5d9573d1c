package yrdsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A sector as written in a scenario. Parameters left out take the defaults of the sector's
 * kind ({@code parameters.sector_defaults.traditional} or {@code .iotf}).
 *
 * @param name           unique name
 * @param iotf           whether this is an Industry of the Future
 * @param revenue        2019 YRD operating revenue, bn yuan per year (step-0 calibration target)
 * @param firms          enterprises at step 0 before {@code enterprises.scale}
 * @param provinceShares share of revenue and firms in each region (sum 1)
 * @param inputs         input–output coefficients: the share of this sector's intermediate spending
 *                       bought from each sector of the delta; the rest is bought outside (services,
 *                       imports, the rest of China)
 * @param supplies       IotF: the user sectors whose intermediate bundles it enters
 * @param replaces       IotF: the traditional sector whose input it competes with in those bundles
 */
public record SectorSpec(
        String name,
        boolean iotf,
        double revenue,
        int firms,
        Map<String, Double> provinceShares,
        Double alpha,
        Double beta,
        Double eta,
        Double tau,
        Double gamma,
        Double rho,
        Double epsilon,
        Double demandGrowth,
        Double phiMar,
        Double phiJacobs,
        Double psi,
        Double emissionIntensity,
        Double intermediateShare,
        Double externalShare,
        Double frontierGrowth,
        Double adoptionShare,
        Map<String, Double> inputs,
        List<String> supplies,
        String replaces) implements java.io.Serializable {

    /** Maps are never null after binding. */
    public SectorSpec {
        provinceShares = OrderedMaps.copy(provinceShares);
        inputs = OrderedMaps.copy(inputs);
        supplies = supplies == null ? List.of() : List.copyOf(supplies);
    }

    /** This sector's parameters over {@code d}. */
    public SectorParams resolve(SectorParams d) {
        return new SectorParams(
                or(alpha, d.alpha()), or(beta, d.beta()), or(eta, d.eta()), or(tau, d.tau()),
                or(gamma, d.gamma()), or(rho, d.rho()), or(epsilon, d.epsilon()),
                or(demandGrowth, d.demandGrowth()), or(phiMar, d.phiMar()), or(phiJacobs, d.phiJacobs()),
                or(psi, d.psi()), or(emissionIntensity, d.emissionIntensity()),
                or(intermediateShare, d.intermediateShare()), or(externalShare, d.externalShare()),
                or(frontierGrowth, d.frontierGrowth()), or(adoptionShare, d.adoptionShare()));
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
