package yrdsim.model;

/**
 * One enterprise as the firm rules see it. The fast engine implements it as a cursor over
 * primitive arrays (no object per firm); the reference engine as a plain object per firm.
 * Writing behaviour against this view is what lets both engines share every firm rule.
 */
public interface FirmView {

    /** Unique, never reused; entrants get increasing ids. */
    long id();

    /** Region index. */
    int province();

    /** Moves the firm (relocation). */
    void setProvince(int p);

    /** Sector index. */
    int sector();

    /** ln A_i, the firm's own TFP. */
    double lnA();

    /** Sets ln A_i. */
    void setLnA(double v);

    /** Technology stock T_i. */
    double tech();

    /** Sets T_i. */
    void setTech(double v);

    /** Planned expenditure X_i. */
    double plan();

    /** ln X_i, kept so that plans are smoothed and output computed without a logarithm. */
    double lnPlan();

    /** Sets X_i and ln X_i together. */
    void setPlan(double plan, double lnPlan);

    /** ln Ã_i of the current step (written by the plan phase). */
    double lnTfp();

    /** Sets ln Ã_i. */
    void setLnTfp(double v);

    /** Output Y_i of the current step. */
    double output();

    /** Sets Y_i. */
    void setOutput(double v);

    /** Revenue P_s Y_i of the last settled step. */
    double revenue();

    /** Sets the revenue. */
    void setRevenue(double v);

    /** Quarters since entry. */
    int age();

    /** Sets the age. */
    void setAge(int v);

    /** Consecutive loss quarters. */
    int losses();

    /** Sets the loss streak. */
    void setLosses(int v);

    /** False once the firm has exited. */
    boolean alive();

    /** Marks the firm as exited; the engine removes it after the step. */
    void exit();
}
