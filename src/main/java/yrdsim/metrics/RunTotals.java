package yrdsim.metrics;

import java.io.Serializable;
import yrdsim.model.CellSums;
import yrdsim.model.Factor;
import yrdsim.model.Government;
import yrdsim.model.Province;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;

/**
 * What the summary needs from the whole run rather than its last step: the start (output per
 * worker, firms, revenue), running totals of subsidies and barrier costs, and the mean share of
 * each factor that crossed a border in a quarter.
 */
public final class RunTotals implements Serializable {

    private static final long serialVersionUID = 1L;

    private double[] startOutputPerWorker;
    private int startFirms = -1;
    private double startRevenue;
    private final double[] crossShareSum = new double[Factor.values().length - 1];
    private int steps;
    private double subsidies;
    private double barrierCost;
    /** Cumulative over the run: spending by budget item, carbon revenue, emissions (t), IotF revenue. */
    private final double[] spending = new double[Government.Item.values().length];
    private double carbonRevenue;
    private double emissions;
    private double iotfRevenue;
    private double startIotfRevenue = -1;
    /** At the first step: annual emissions, the emission-intensive share and each province's tax rate. */
    private double startEmissions = -1;
    private double startIntensiveShare;
    private double[] startTaxRate;
    private double startTalent = -1;
    private double[] startMigrantShare;
    private double rocNetWorkers;
    private double rocNetTalent;
    private double knowledgeCreated;
    private double knowledgeAbsorbed;
    /** Sectors whose emission intensity is above the delta's revenue-weighted mean at the first step. */
    private boolean[] intensive;

    RunTotals() {
    }

    /** Adds the step just completed. */
    void update(YrdModel m) {
        Province[] pv = m.provinces();
        double[] perWorker = new double[pv.length];
        for (Province p : pv) {
            perWorker[p.getIndex()] = p.getOutputPerWorker();
            subsidies += p.getSubsidies();
            barrierCost += p.getCapitalBarrierCost();
        }
        if (startOutputPerWorker == null) {
            startOutputPerWorker = perWorker;
            startFirms = m.firmCount();
            double revenue = 0;
            for (Province p : pv) {
                revenue += p.getRevenue();
            }
            startRevenue = revenue;
        }
        double[] cross = crossProvinceShares(m);
        for (int i = 0; i < cross.length; i++) {
            crossShareSum[i] += cross[i];
        }
        budget(m);
        people(m);
        steps++;
    }

    /** Migration and knowledge: the delta's talent and migrant shares at the start, flows and creation summed. */
    private void people(YrdModel m) {
        double talent = 0;
        for (Province p : m.provinces()) {
            talent += p.getTalent();
            rocNetWorkers += p.getRocNetWorkers();
            rocNetTalent += p.getRocNetTalent();
            knowledgeCreated += p.getKnowledgeCreated();
            knowledgeAbsorbed += p.getKnowledgeAbsorbed();
        }
        if (startTalent < 0) {
            startTalent = talent;
            startMigrantShare = new double[m.provinces().length];
            for (Province p : m.provinces()) {
                startMigrantShare[p.getIndex()] = p.getMigrantShare();
            }
        }
    }

    double startTalent() {
        return startTalent;
    }

    double startMigrantShare(int p) {
        return startMigrantShare[p];
    }

    double rocNetWorkers() {
        return rocNetWorkers;
    }

    double rocNetTalent() {
        return rocNetTalent;
    }

    double knowledgeCreated() {
        return knowledgeCreated;
    }

    double knowledgeAbsorbed() {
        return knowledgeAbsorbed;
    }

    private void budget(YrdModel m) {
        Government g = m.government();
        double emitted = 0;
        for (Province p : m.provinces()) {
            for (Government.Item item : Government.Item.values()) {
                spending[item.ordinal()] += g.spending(p.getIndex(), item);
            }
            carbonRevenue += g.carbonRevenue(p.getIndex());
            emitted += g.emissions(p.getIndex());
            iotfRevenue += p.getIotfRevenueShare() * p.getRevenue();
        }
        emissions += emitted;
        if (startIotfRevenue < 0) {
            startIotfRevenue = 4 * iotfRevenue;
        }
        if (startEmissions < 0) {
            startEmissions = 4 * emitted;
            startTaxRate = new double[m.provinces().length];
            for (Province p : m.provinces()) {
                startTaxRate[p.getIndex()] = g.taxRate(p.getIndex());
            }
            Structure st = m.structure();
            CellSums t = m.totals();
            double revenue = 0;
            double weighted = 0;
            for (int c = 0; c < st.cells; c++) {
                revenue += t.revenue(c);
                weighted += t.revenue(c) * st.emissions(st.sectorOf(c), 1);
            }
            intensive = new boolean[st.sectors];
            for (int s = 0; s < st.sectors; s++) {
                intensive[s] = revenue > 0 && st.emissions(s, 1) > weighted / revenue;
            }
            startIntensiveShare = intensiveShare(m);
        }
    }

    /** Share of revenue in the emission-intensive sectors (intensity above the first step's revenue-weighted mean). */
    double intensiveShare(YrdModel m) {
        Structure st = m.structure();
        CellSums t = m.totals();
        double all = 0;
        double dirty = 0;
        for (int c = 0; c < st.cells; c++) {
            all += t.revenue(c);
            dirty += intensive[st.sectorOf(c)] ? t.revenue(c) : 0;
        }
        return all > 0 ? dirty / all : 0;
    }

    /** Spending on {@code item} over the run, every province, bn yuan. */
    double spending(Government.Item item) {
        return spending[item.ordinal()];
    }

    /** Carbon revenue over the run, bn yuan. */
    double carbonRevenue() {
        return carbonRevenue;
    }

    /** Emissions over the run, t CO2. */
    double emissions() {
        return emissions;
    }

    /** Emissions of the first step, t CO2 a year. */
    double startEmissions() {
        return startEmissions;
    }

    /** The emission-intensive share of revenue at the first step. */
    double startIntensiveShare() {
        return startIntensiveShare;
    }

    /** IotF revenue at the first step, bn yuan a year. */
    double startIotfRevenue() {
        return startIotfRevenue;
    }

    /** IotF revenue over the run, bn yuan. */
    double iotfRevenue() {
        return iotfRevenue;
    }

    /** Province {@code p}'s tax rate at the first step. */
    double startTaxRate(int p) {
        return startTaxRate[p];
    }

    /**
     * Share of each mobile factor that crossed a border this step, in {@link Factor} order
     * without firms: migrants over residents (workers, talent), capital in use owned by another
     * region over all capital in use, technology acquired from other regions over all acquired.
     */
    public static double[] crossProvinceShares(YrdModel m) {
        Structure st = m.structure();
        int n = st.regions;
        double workers = 0;
        double talent = 0;
        double capitalSupply = 0;
        for (Province p : m.provinces()) {
            workers += p.getWorkers();
            talent += p.getTalent();
            capitalSupply += p.getCapitalSupply();
        }
        double[] out = new double[4];
        out[0] = workers > 0 ? offDiagonal(m.flows(Factor.WORKERS), n) / workers : 0;
        out[1] = talent > 0 ? offDiagonal(m.flows(Factor.TALENT), n) / talent : 0;
        double foreignCapital = 0;
        for (Province owner : m.provinces()) {
            for (Province market : m.provinces()) {
                if (owner != market) {
                    foreignCapital += owner.getPlaced(market.getIndex());
                }
            }
        }
        out[2] = capitalSupply > 0 ? foreignCapital / capitalSupply : 0;
        double acquired = 0;
        CellSums t = m.totals();
        for (int c = 0; c < st.cells; c++) {
            acquired += t.licences(c);
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                if (p != q) {
                    acquired += t.spillover(p * n + q);
                }
            }
        }
        double foreignTech = offDiagonal(m.flows(Factor.TECHNOLOGY), n);
        out[3] = acquired > 0 ? foreignTech / acquired : 0;
        return out;
    }

    private static double offDiagonal(double[] matrix, int n) {
        double sum = 0;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                if (p != q) {
                    sum += matrix[p * n + q];
                }
            }
        }
        return sum;
    }

    double[] startOutputPerWorker() {
        return startOutputPerWorker;
    }

    int startFirms() {
        return startFirms;
    }

    double startRevenue() {
        return startRevenue;
    }

    /** The mean over the recorded steps of {@link #crossProvinceShares}. */
    double[] meanCrossShares() {
        double[] mean = crossShareSum.clone();
        for (int i = 0; i < mean.length; i++) {
            mean[i] = steps > 0 ? mean[i] / steps : 0;
        }
        return mean;
    }

    double subsidies() {
        return subsidies;
    }

    double barrierCost() {
        return barrierCost;
    }
}
