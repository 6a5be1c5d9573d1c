package yrdsim.model;

import java.io.Serializable;
import java.util.Arrays;
import yrdsim.scenario.Channels;
import yrdsim.scenario.Parameters;

/**
 * Capital and licence placement (docs/MODEL.md 7.3, MODEL.md step 4): each province places its
 * residents' capital, and offers licences ℓ·G_p, across the regions' markets by logit on last
 * step's net return. Only a fraction μ of each placement moves per quarter (MODEL.md 2b), and a
 * route whose barrier is 1 is emptied at once. Step 0 places both at the prices that clear
 * every market under that logit.
 *
 * <p>Reads each province's capital, public research and last prices and the capital and
 * technology barriers; writes each {@link Province}'s placement, licence shares and market
 * supplies, and the gross capital and technology flows.
 */
final class Placement implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Province[] provinces;
    /** Capital moved this step, [owner·P + destination]. */
    private final double[] capitalFlows;
    /** Licences placed in another region this step, plus spillovers absorbed from it, [origin·P + destination]. */
    private final double[] techFlows;
    /** Work arrays: last prices by region, logit utilities, shares by owner and destination, and unused flows. */
    private final double[] prices;
    private final double[] utilities;
    private final double[][] shares;
    private final double[] licenceMoves;
    /** Step-0 logit shares of capital and of licence offers, [owner][destination] (held by a channel switched off). */
    private final double[][] capitalShares0;
    private final double[][] licenceShares0;

    Placement(Province[] provinces) {
        this.provinces = provinces;
        int n = provinces.length;
        capitalFlows = new double[n * n];
        techFlows = new double[n * n];
        prices = new double[n];
        utilities = new double[n];
        shares = new double[n][n];
        licenceMoves = new double[n * n];
        capitalShares0 = new double[n][n];
        licenceShares0 = new double[n][n];
    }

    /**
     * Start of a step: re-place a fraction of capital and of licence offers on last step's
     * prices. Without the capital (technology) channel, capital (licence offers) keeps moving
     * towards its step-0 shares, whatever prices and barriers do.
     */
    void place(Levers levers, Parameters k, Channels channels) {
        int regions = provinces.length;
        for (int p = 0; p < regions; p++) {
            prices[p] = provinces[p].rent;
        }
        Logit.placementShares(prices, levers.capital, k.capitalLogit(), shares, utilities);
        if (!channels.capitalMobility()) {
            copy(capitalShares0, shares);
        }
        Arrays.fill(capitalFlows, 0);
        for (Province owner : provinces) {
            replace(owner.placed, owner.capitalOwned, shares[owner.index], levers.capital[owner.index],
                    k.capitalMobility(), capitalFlows, owner.index);
        }
        // Licence offers move like capital: shares of each owner's offer adjust by a fraction per
        // quarter. Re-placing all of it on last step's price is a cobweb that diverges (MODEL.md 2b).
        for (int p = 0; p < regions; p++) {
            prices[p] = provinces[p].techPrice;
        }
        Logit.placementShares(prices, levers.technology, k.techLogit(), shares, utilities);
        if (!channels.technology()) {
            copy(licenceShares0, shares);
        }
        for (Province owner : provinces) {
            int p = owner.index;
            replace(owner.licenceShares, 1, shares[p], levers.technology[p], k.techMobility(), licenceMoves, p);
        }
        supplies(k, techFlows);
    }

    /**
     * Each market's supplies from the placements: capital placed there by every owner, and the
     * share of every owner's licence offer placed there. Licences placed across a border are
     * written to {@code flows} at [origin·P + destination].
     */
    private void supplies(Parameters k, double[] flows) {
        int regions = provinces.length;
        Arrays.fill(flows, 0);
        for (Province market : provinces) {
            market.capitalSupply = 0;
            market.techSupply = 0;
        }
        for (Province owner : provinces) {
            int p = owner.index;
            double offered = offer(k, owner);
            for (int q = 0; q < regions; q++) {
                provinces[q].capitalSupply += owner.placed[q];
                double licensed = offered * owner.licenceShares[q];
                provinces[q].techSupply += licensed;
                if (q != p) {
                    flows[p * regions + q] = licensed;
                }
            }
        }
    }

    /** Licence units a province offers per quarter: ℓ·G_p. */
    static double offer(Parameters k, Province owner) {
        return k.techOfferRate() * owner.publicResearch * FirmRules.TECH_UNITS_PER_BN;
    }

    /**
     * Partial re-placement of one owner's stock (or of shares summing to {@code total}): a
     * fraction {@code mobility} moves to the logit {@code shares}, and anything on a route that
     * is now closed (barrier 1) is withdrawn and re-placed at once. The total is conserved.
     * Gross moves to other regions are written to {@code flows} at [owner·P + destination].
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

    /** End of a step: spillovers absorbed across borders count as technology flows too. */
    void addSpillovers(CellSums totals) {
        for (int i = 0; i < techFlows.length; i++) {
            techFlows[i] += totals.spillover[i];
        }
    }

    /**
     * Step 0: each province owns {@code owned} capital; rental rates and licence prices are
     * solved so that the logit placement at those prices clears every market for the given bids,
     * and capital and licence offers are placed accordingly.
     */
    void calibrate(Levers neutral, Parameters k, double[] owned, FactorMarkets.Bids bids) {
        int regions = provinces.length;
        double[] rent = Logit.clearingPrices(owned, bids.capital, neutral.capital, k.capitalLogit(),
                k.startInterestRate());
        Logit.placementShares(rent, neutral.capital, k.capitalLogit(), shares);
        copy(shares, capitalShares0);
        for (Province owner : provinces) {
            owner.capitalOwned = owned[owner.index];
            for (int q = 0; q < regions; q++) {
                owner.placed[q] = owner.capitalOwned * shares[owner.index][q];
            }
        }
        double[] offered = new double[regions];
        for (Province owner : provinces) {
            offered[owner.index] = offer(k, owner);
        }
        double offeredTotal = Arrays.stream(offered).sum();
        double techGuess = offeredTotal > 0 ? Arrays.stream(bids.tech).sum() / offeredTotal : 1;
        double[] techPrice = Logit.clearingPrices(offered, bids.tech, neutral.technology, k.techLogit(), techGuess);
        Logit.placementShares(techPrice, neutral.technology, k.techLogit(), shares);
        copy(shares, licenceShares0);
        for (Province owner : provinces) {
            System.arraycopy(shares[owner.index], 0, owner.licenceShares, 0, regions);
        }
        supplies(k, licenceMoves);
    }

    private static void copy(double[][] from, double[][] to) {
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
    }

    /** Gross capital moved between regions in the last step, [owner·P + destination]. */
    double[] capitalFlows() {
        return capitalFlows;
    }

    /** Gross technology flows of the last step, [origin·P + destination]. */
    double[] techFlows() {
        return techFlows;
    }
}
