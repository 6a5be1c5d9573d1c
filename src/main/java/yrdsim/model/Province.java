package yrdsim.model;

import java.io.Serializable;

/**
 * A province agent: its labour, capital and research stocks, the prices on its markets this
 * step, its calibrated constants, and what it did this step. The getters are bean properties,
 * so MASON's inspectors show a province as it is.
 */
public final class Province implements Serializable {

    private static final long serialVersionUID = 1L;

    final int index;
    final String name;
    final double lon;
    final double lat;

    // Stocks
    double workers;
    double talent;
    double capitalOwned;
    double publicResearch;
    /** Capital owned here and placed in each destination; sums to capitalOwned. */
    final double[] placed;
    /** Share of this province's licence offer placed in each destination; sums to 1. */
    final double[] licenceShares;

    // Calibrated constants
    /** Workers at step 0: as written, or calibrated to the official wage. */
    double workers0;
    double amenityWorkers;
    double amenityTalent;
    double savingRate;
    double publicRdRate;

    // This step's markets
    double wage;
    double talentWage;
    double rent;
    double techPrice;
    double capitalSupply;
    double techSupply;

    // This step's outcomes
    double revenue;
    double iotfRevenue;
    double diversity;
    double netWorkers;
    double netTalent;
    double rocNetWorkers;
    double rocNetTalent;
    double migrantShare;
    double knowledgeCreated;
    double knowledgeAbsorbed;
    double income;
    double barrierCost;
    double subsidies;
    double firms;

    Province(int index, String name, double lon, double lat, int regions) {
        this.index = index;
        this.name = name;
        this.lon = lon;
        this.lat = lat;
        this.placed = new double[regions];
        this.licenceShares = new double[regions];
    }

    /** Region index. */
    public int getIndex() {
        return index;
    }

    /** Region name. */
    public String getName() {
        return name;
    }

    /** Longitude of the centre. */
    public double getLongitude() {
        return lon;
    }

    /** Latitude of the centre. */
    public double getLatitude() {
        return lat;
    }

    /** Resident workers, thousand persons. */
    public double getWorkers() {
        return workers;
    }

    /** Resident talent, thousand persons. */
    public double getTalent() {
        return talent;
    }

    /** Capital owned by residents, bn yuan. */
    public double getCapitalOwned() {
        return capitalOwned;
    }

    /** Capital placed in this province's market by all owners, bn yuan. */
    public double getCapitalSupply() {
        return capitalSupply;
    }

    /** Capital owned here and placed in region {@code q}'s market, bn yuan. */
    public double getPlaced(int q) {
        return placed[q];
    }

    /** Public research stock, bn yuan. */
    public double getPublicResearch() {
        return publicResearch;
    }

    /** Wage this step, bn yuan per thousand workers per quarter. */
    public double getWage() {
        return wage;
    }

    /** Talent wage this step. */
    public double getTalentWage() {
        return talentWage;
    }

    /** Capital rental rate this step, per quarter. */
    public double getInterestRate() {
        return rent;
    }

    /** Technology-licence price this step, bn yuan per unit. */
    public double getTechPrice() {
        return techPrice;
    }

    /** Licences offered in this market this step, units. */
    public double getTechSupply() {
        return techSupply;
    }

    /** Manufacturing revenue this step, bn yuan per quarter. */
    public double getRevenue() {
        return revenue;
    }

    /** Share of revenue in IotF sectors. */
    public double getIotfRevenueShare() {
        return revenue > 0 ? iotfRevenue / revenue : 0;
    }

    /** Jacobs diversity 1 − Σ_s (Y_ps / Y_p)². */
    public double getDiversity() {
        return diversity;
    }

    /** Net migration of workers this step (in minus out). */
    public double getNetMigrationWorkers() {
        return netWorkers;
    }

    /** Net migration of talent this step. */
    public double getNetMigrationTalent() {
        return netTalent;
    }

    /** Net arrivals of workers from the rest of China this step (included in the net migration). */
    public double getRocNetWorkers() {
        return rocNetWorkers;
    }

    /** Net arrivals of talent from the rest of China this step (included in the net migration). */
    public double getRocNetTalent() {
        return rocNetTalent;
    }

    /** Share of resident workers whose hukou is in another province or the rest of China. */
    public double getMigrantShare() {
        return migrantShare;
    }

    /** Knowledge the province's cells created this step (MODEL-2 4), licence units. */
    public double getKnowledgeCreated() {
        return knowledgeCreated;
    }

    /** Knowledge the province's firms absorbed from other provinces' firms this step, licence units. */
    public double getKnowledgeAbsorbed() {
        return knowledgeAbsorbed;
    }

    /** Residents' factor income this step. */
    public double getIncome() {
        return income;
    }

    /** Capital income lost to barriers by this province's owners this step (deadweight). */
    public double getCapitalBarrierCost() {
        return barrierCost;
    }

    /** Subsidies paid to firms located here this step. */
    public double getSubsidies() {
        return subsidies;
    }

    /** Firms located here at the end of the step. */
    public double getFirms() {
        return firms;
    }

    /** Revenue per worker (workers plus talent), bn yuan per thousand persons per quarter. */
    public double getOutputPerWorker() {
        double people = workers + talent;
        return people > 0 ? revenue / people : 0;
    }

    /** Workers at step 0, thousand persons: as written, or calibrated so that the step-0 wage is the official one. */
    public double getWorkers0() {
        return workers0;
    }

    /** Calibrated amenity of workers. */
    public double getAmenityWorkers() {
        return amenityWorkers;
    }

    /** Calibrated amenity of talent. */
    public double getAmenityTalent() {
        return amenityTalent;
    }

    /** Saving rate calibrated so capital is stationary at step 0. */
    public double getSavingRate() {
        return savingRate;
    }

    /** Public R&amp;D share of output calibrated so public research is stationary at step 0. */
    public double getPublicRdRate() {
        return publicRdRate;
    }

    @Override
    public String toString() {
        return name;
    }
}
