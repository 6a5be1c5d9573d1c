package yrdsim.model;

/**
 * Observes the model after each completed step, and when the model starts. Observers read the
 * model and never change it (metrics, GUI charts).
 */
public interface StepObserver {

    /** Called once the model is calibrated, before step 0 runs. */
    default void started(YrdModel model) {
    }

    /** Called at the end of every step, after entry and exit. */
    void stepped(YrdModel model);
}
