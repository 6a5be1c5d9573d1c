package yrdsim.model;

import java.io.Serializable;

/**
 * Work arrays of the model's own per-step code (markets, placement, relocation choice,
 * migration), sized once when the model starts so that a step allocates nothing whatever the
 * number of firms. Their contents never outlive the method that fills them.
 */
final class Scratch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** By region. */
    final double[] a;
    /** By region. */
    final double[] b;
    /** By region. */
    final double[] c;
    /** By region. */
    final double[] d;
    /** By region: logit utilities. */
    final double[] u;
    /** By region: logit probabilities. */
    final double[] pi;
    /** Origin by destination. */
    final double[][] shares;
    /** [origin·P + destination]. */
    final double[] pairs;

    Scratch(int regions) {
        a = new double[regions];
        b = new double[regions];
        c = new double[regions];
        d = new double[regions];
        u = new double[regions];
        pi = new double[regions];
        shares = new double[regions][regions];
        pairs = new double[regions * regions];
    }
}
