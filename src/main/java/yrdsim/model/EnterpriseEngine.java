package yrdsim.model;

import java.io.Serializable;

/**
 * How enterprises are stored and scheduled. The two engines differ only here: the fast engine
 * keeps arrays and steps blocks in parallel, the reference engine keeps one MASON
 * {@code Steppable} per firm on the {@code Schedule}. Both run {@link FirmPhases}.
 */
public interface EnterpriseEngine extends Serializable {

    /** Which engine. */
    enum Kind {
        /** Structure of arrays, parallel blocks. */
        FAST,
        /** One Steppable per enterprise. */
        REFERENCE
    }

    /** This engine's kind. */
    Kind kind();

    /** Threads the engine steps enterprises on. */
    int threads();

    /** Adds a firm; ids must increase. Before the run starts, or during the end phase of a step. */
    void add(long id, int province, int sector, double lnA, double tech, double plan, double revenue);

    /** Puts the firm phases on the model's schedule (called once, from {@code start}). */
    void schedule(YrdModel model);

    /** Drops firms that exited this step. */
    void removeExited();

    /** Living firms. */
    int size();

    /** Visits every living firm in increasing id order. The view is only valid during the call. */
    void forEach(FirmVisitor visitor);

    /** Releases worker threads; the engine can still be read. */
    void close();

    /** Re-creates transient resources after reading a checkpoint. */
    void awake(YrdModel model);

    /**
     * Makes the engine of a model at every start. The model does not choose its engine: the
     * caller does (the run, the GUI, a benchmark), so the model depends on no engine class.
     */
    @FunctionalInterface
    interface Factory extends Serializable {
        /** An empty engine with room for about {@code capacity} enterprises. */
        EnterpriseEngine create(int capacity);
    }

    /** Receives each firm in {@link #forEach}. */
    @FunctionalInterface
    interface FirmVisitor {
        /** Called once per living firm. */
        void visit(FirmView firm);
    }
}
