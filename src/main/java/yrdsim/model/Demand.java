package yrdsim.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import yrdsim.scenario.Channels;
import yrdsim.scenario.Parameters;

/**
 * Demand (docs/MODEL.md 7.2; MODEL-2 sections 1 and 2): what each sector sells, and at what
 * price. A sector sells to final buyers in the delta, to buyers outside it, and to the delta's
 * sectors as their intermediate inputs:
 *
 * <pre>
 * Y_s = (F_s(t) + E_s(t)) P_s^(−ε_s) + I_s(t) / P_s
 * F_s(t) = F̄_s G(t) (1 + g_s)^(t/4)              final demand: common market growth G, extra growth g_s
 * E_s(t) = Ē_s G(t) (ā_s(t) / A^F_s(t))^(σ_x − 1)  external demand, relative to the world frontier
 * I_s(t) = Σ_u a_su m_u R_u(t−1), IotF inputs adopted out of the slots they compete for
 * </pre>
 *
 * <p>Inside a user sector's intermediate bundle an IotF input competes with the traditional input
 * it replaces (its slot) in a CES of quality-adjusted prices p̃ = P/ā, where ā is the sector's
 * output-weighted TFP relative to step 0; adoption moves towards its target at a rate χ a
 * quarter and never exceeds ω̄ of the slot. As IotF productivity rises its p̃ falls and adoption
 * accelerates: IotF demand grows from mechanisms, not from an assumed growth rate.
 *
 * <p>The world frontier A^F_s grows at g^F_s. The delta's firms draw on it: every quarter each
 * firm's ln A rises by λ_F of the sector's lag behind the frontier (Nelson–Phelps diffusion,
 * docs/MODEL.md deviations), which the firms read as {@link StepContext#catchUp}. Step 0 is
 * taken to be on the balanced path, where that lag is g/λ_F and diffusion just keeps pace with
 * the frontier; only what the delta gains or loses against it afterwards moves its market.
 *
 * <p>Outside this package it is read only (the recorder reads demand, productivity and adoption).
 *
 * <p>Calibrated at step 0 so that every price is 1: Ē_s is the external share of the sector's
 * revenue, the adoption weights reproduce the IotF sectors' adopted sales, and F̄_s is what
 * remains.
 */
public final class Demand implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int NEWTON_STEPS = 200;
    private static final double NEWTON_TOLERANCE = 1e-15;

    private final Structure st;
    private final Sector[] sectors;
    private final CellSums totals;
    private final Guards guards;
    /** F̄ and Ē: final and external demand at price 1, step 0. */
    final double[] finalBase;
    private final double[] externalBase;
    /** ln ā at step 0: the output-weighted mean ln Ã of the sector's firms. */
    private final double[] lnProductivity0;
    /** ln ā(t) − ln ā(0) after the last step. */
    private final double[] lnProductivity;
    /** This step's final and external demand at price 1, and intermediate orders (value). */
    private final double[] finalDemand;
    private final double[] externalDemand;
    private final double[] orders;
    /** Intermediate spending m_u R_u of each user sector in the last step. */
    private final double[] userSpending;
    /** IotF inputs competing for one slot: a user sector's input from one traditional sector. */
    private final List<Slot> slots = new ArrayList<>();

    /** One user's input from one traditional sector, and the IotF inputs that compete for it. */
    private static final class Slot implements Serializable {
        private static final long serialVersionUID = 1L;
        final int user;
        final int replaced;
        final int[] iotf;
        /** CES weights ω of the IotF inputs (the traditional input has 1 − Σ ω). */
        final double[] weight;
        /** Share of the slot each IotF input holds now. */
        final double[] share;

        Slot(int user, int replaced, int[] iotf) {
            this.user = user;
            this.replaced = replaced;
            this.iotf = iotf;
            this.weight = new double[iotf.length];
            this.share = new double[iotf.length];
        }
    }

    Demand(Structure st, Sector[] sectors, CellSums totals, Guards guards) {
        this.st = st;
        this.sectors = sectors;
        this.totals = totals;
        this.guards = guards;
        int n = st.sectors;
        finalBase = new double[n];
        externalBase = new double[n];
        lnProductivity0 = new double[n];
        lnProductivity = new double[n];
        finalDemand = new double[n];
        externalDemand = new double[n];
        orders = new double[n];
        userSpending = new double[n];
        for (int user = 0; user < n; user++) {
            for (int replaced = 0; replaced < n; replaced++) {
                List<Integer> competing = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    if (st.iotf[k] && st.replaces[k] == replaced && st.supplies[k][user]) {
                        competing.add(k);
                    }
                }
                if (!competing.isEmpty()) {
                    slots.add(new Slot(user, replaced, competing.stream().mapToInt(Integer::intValue).toArray()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ step 0

    /**
     * Step 0: every price 1; the external and final demand bases and the adoption weights that
     * make step-0 demand equal step-0 revenue.
     *
     * @param revenue          step-0 revenue by sector (quarterly)
     * @param lnTfpByRevenue   Σ R ln Ã of each sector's firms at step 0
     */
    void calibrate(Parameters k, double[] revenue, double[] lnTfpByRevenue) {
        int n = st.sectors;
        for (int s = 0; s < n; s++) {
            userSpending[s] = st.intermediateShare[s] * revenue[s];
            lnProductivity0[s] = revenue[s] > 0 ? lnTfpByRevenue[s] / revenue[s] : 0;
        }
        // Adopted sales of IotF sector k, spread over its slots in proportion to their size.
        double[] slotTotal = new double[n];
        for (Slot slot : slots) {
            for (int iotf : slot.iotf) {
                slotTotal[iotf] += slotValue(slot);
            }
        }
        for (Slot slot : slots) {
            double weights = 0;
            for (int i = 0; i < slot.iotf.length; i++) {
                int kk = slot.iotf[i];
                slot.share[i] = slotTotal[kk] > 0 ? st.adoptionShare[kk] * revenue[kk] / slotTotal[kk] : 0;
                slot.weight[i] = slot.share[i] / k.adoptionCeiling();
                weights += slot.weight[i];
            }
            if (weights >= 1) {
                throw new CalibrationException("the IotF inputs adopted by " + st.sectorNames[slot.user] + " in place of "
                        + st.sectorNames[slot.replaced] + " would exceed parameters.adoption_ceiling of that input at "
                        + "step 0 (lower their adoption_share or raise the ceiling)");
            }
        }
        for (int s = 0; s < n; s++) {
            if (st.iotf[s] && st.adoptionShare[s] > 0 && slotTotal[s] <= 0) {
                throw new CalibrationException("sectors." + st.sectorNames[s] + ": adoption_share is "
                        + st.adoptionShare[s] + " but none of the sectors it supplies buys any "
                        + (st.replaces[s] >= 0 ? st.sectorNames[st.replaces[s]] : "input it replaces"));
            }
        }
        intermediateOrders();
        for (int s = 0; s < n; s++) {
            externalBase[s] = st.externalShare[s] * revenue[s];
            finalBase[s] = revenue[s] - externalBase[s] - orders[s];
            if (finalBase[s] < -1e-9 * Math.max(1, revenue[s])) {
                throw new CalibrationException("sectors." + st.sectorNames[s] + ": the delta's sectors buy "
                        + (float) orders[s] + " bn yuan a quarter of it as inputs and buyers outside buy "
                        + (float) externalBase[s] + ", more than its revenue of " + (float) revenue[s]
                        + " (lower its external_share or the input coefficients that name it)");
            }
            finalBase[s] = Math.max(0, finalBase[s]);
        }
        for (Sector sector : sectors) {
            sector.price = 1;
            sector.output = revenue[sector.index];
            sector.revenue = revenue[sector.index];
        }
    }

    private double slotValue(Slot slot) {
        return st.inputs[slot.replaced][slot.user] * userSpending[slot.user];
    }

    /** Orders of this step: each user's spending split by the input coefficients and the adoption shares. */
    private void intermediateOrders() {
        int n = st.sectors;
        java.util.Arrays.fill(orders, 0);
        for (int user = 0; user < n; user++) {
            for (int supplier = 0; supplier < n; supplier++) {
                orders[supplier] += st.inputs[supplier][user] * userSpending[user];
            }
        }
        for (Slot slot : slots) {
            double value = slotValue(slot);
            for (int i = 0; i < slot.iotf.length; i++) {
                double adopted = slot.share[i] * value;
                orders[slot.iotf[i]] += adopted;
                orders[slot.replaced] -= adopted;
            }
        }
    }

    // ------------------------------------------------------------------ the step

    /**
     * Start of a step: final and external demand grown to this step, the orders placed on last
     * step's sales, last step's prices for the plans, and the frontier's diffusion to firms.
     */
    void prepare(StepContext x, int step, Parameters k, Channels channels) {
        double years = step / 4.0;
        double market = Math.pow(1 + k.marketGrowth(), years);
        for (Sector sector : sectors) {
            int s = sector.index;
            double lnFrontier = lnFrontier(s, step);
            double relative = lnProductivity[s] - lnFrontier;
            finalDemand[s] = finalBase[s] * market * Math.pow(1 + st.demandGrowth[s], years);
            // Without the external-demand channel, the world buys the step-0 share at market growth.
            externalDemand[s] = externalBase[s] * market
                    * (channels.externalDemand() ? Math.exp((k.exportElasticity() - 1) * relative) : 1);
            x.catchUp[s] = catchUp(s, relative, k);
            x.planPrice[s] = sector.price;
        }
        intermediateOrders();
    }

    /** After production: each sector's price clears its market for this step's output. */
    void clear(StepContext x) {
        for (Sector sector : sectors) {
            int s = sector.index;
            double output = 0;
            for (int p = 0; p < st.regions; p++) {
                output += totals.output[st.cell(p, s)];
            }
            sector.output = output;
            double demand = finalDemand[s] + externalDemand[s];
            // A NaN in demand must reach the guard, not freeze the price: hence the negated test.
            if (output > 0 && !(demand + orders[s] <= 0)) {
                double before = sector.price;
                sector.price = clearingPrice(demand, orders[s], output, st.epsilon[s], before);
                guards.finitePositive(-1, s, "price", sector.price);
                guards.plausibleChange(-1, s, "price", before, sector.price);
            }
            // With no output, or no buyer, there is no trade and no price discovery: the last price stands.
            x.price[s] = sector.price;
        }
    }

    /**
     * The price P at which D P^(−ε) + I / P = Y: isoelastic final and external demand D, and
     * intermediate orders I of fixed value. The left side falls in P, so the root is unique; Newton
     * in ln P from {@code guess}, whose slope lies between −ε and −1, converges in a few steps.
     */
    static double clearingPrice(double demand, double orders, double output, double epsilon, double guess) {
        double z = Math.log(guess > 0 ? guess : 1);
        double lnOutput = Math.log(output);
        for (int i = 0; i < NEWTON_STEPS; i++) {
            double elastic = demand * Math.exp(-epsilon * z);
            double fixed = orders * Math.exp(-z);
            double quantity = elastic + fixed;
            double step = (Math.log(quantity) - lnOutput) * quantity / (epsilon * elastic + fixed);
            z += step;
            if (Math.abs(step) < NEWTON_TOLERANCE) {
                break;
            }
        }
        return Math.exp(z);
    }

    /**
     * End of a step: the sectors' productivity, their users' spending for next step's orders,
     * and adoption moved a fraction χ towards its CES target at this step's quality-adjusted prices
     * (held at step 0 without the adoption channel).
     */
    void update(Parameters k, Channels channels) {
        int n = st.sectors;
        for (int s = 0; s < n; s++) {
            double output = 0;
            double weighted = 0;
            for (int p = 0; p < st.regions; p++) {
                output += totals.output[st.cell(p, s)];
                weighted += totals.lnTfpOutput[st.cell(p, s)];
            }
            if (output > 0) {
                lnProductivity[s] = weighted / output - lnProductivity0[s];
            }
            userSpending[s] = st.intermediateShare[s] * sectors[s].revenue;
        }
        double exponent = 1 - k.adoptionElasticity();
        for (Slot slot : channels.adoption() ? slots : List.<Slot>of()) {
            double rest = 1;
            double sum = 0;
            for (int i = 0; i < slot.iotf.length; i++) {
                rest -= slot.weight[i];
            }
            double[] attraction = new double[slot.iotf.length];
            for (int i = 0; i < slot.iotf.length; i++) {
                attraction[i] = slot.weight[i] * Math.exp(exponent * lnQualityPrice(slot.iotf[i]));
                sum += attraction[i];
            }
            sum += rest * Math.exp(exponent * lnQualityPrice(slot.replaced));
            for (int i = 0; i < slot.iotf.length; i++) {
                double target = k.adoptionCeiling() * attraction[i] / sum;
                slot.share[i] += k.adoptionSpeed() * (target - slot.share[i]);
            }
        }
    }

    /** ln p̃ = ln P − ln ā: the quality-adjusted price of sector {@code s}, 0 at step 0. */
    private double lnQualityPrice(int s) {
        return Math.log(sectors[s].price) - lnProductivity[s];
    }

    // ------------------------------------------------------------------ read access

    /** F̄: final demand of sector {@code s} at price 1 at step 0, calibrated. */
    public double finalBase(int s) {
        return finalBase[s];
    }

    /** Ē: external demand of sector {@code s} at price 1 at step 0, calibrated. */
    public double externalBase(int s) {
        return externalBase[s];
    }

    /** Final demand of sector {@code s} this step, at price 1. */
    public double finalDemand(int s) {
        return finalDemand[s];
    }

    /** External demand of sector {@code s} this step, at price 1. */
    public double externalDemand(int s) {
        return externalDemand[s];
    }

    /** Intermediate orders of sector {@code s} this step, bn yuan. */
    public double orders(int s) {
        return orders[s];
    }

    /**
     * The quarter's diffusion to every firm of sector {@code s}: λ_F times its lag behind the
     * frontier, which at step 0 is the balanced lag g/λ_F (so the delta keeps pace with a
     * frontier growing at g) plus what it has lost since, {@code −relative}. Never negative: a
     * delta ahead of the frontier learns nothing from it.
     *
     * @param relative ln ā − ln A^F relative to step 0
     */
    private double catchUp(int s, double relative, Parameters k) {
        double growth = Math.log1p(st.frontierGrowth[s]) / 4;
        return Math.max(0, growth - k.catchUpRate() * relative);
    }

    /** ln A^F(t) − ln A^F(0): the world frontier of sector {@code s} at {@code step}, relative to step 0. */
    public double lnFrontier(int s, int step) {
        return Math.log1p(st.frontierGrowth[s]) * step / 4.0;
    }

    /** ln ā(t) − ln ā(0): the sector's productivity relative to step 0. */
    public double lnProductivity(int s) {
        return lnProductivity[s];
    }

    /** Share of its users' replaced inputs IotF sector {@code k} holds, weighted by slot size. */
    public double adoption(int k) {
        double adopted = 0;
        double total = 0;
        for (Slot slot : slots) {
            for (int i = 0; i < slot.iotf.length; i++) {
                if (slot.iotf[i] == k) {
                    adopted += slot.share[i] * slotValue(slot);
                    total += slotValue(slot);
                }
            }
        }
        return total > 0 ? adopted / total : 0;
    }
}
