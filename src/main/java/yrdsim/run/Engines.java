package yrdsim.run;

import yrdsim.model.EnterpriseEngine;
import yrdsim.model.fast.FastEngine;
import yrdsim.model.reference.ReferenceEngine;

/**
 * The choice of enterprise engine. The model depends on no engine class: whoever runs it (a
 * run, a comparison, a sweep, the GUI) picks one here and hands the model its factory.
 */
public final class Engines {

    private Engines() {
    }

    /** The factory of {@code kind} engines; {@code threads} applies to the fast engine only. */
    public static EnterpriseEngine.Factory of(EnterpriseEngine.Kind kind, int threads) {
        return kind == EnterpriseEngine.Kind.FAST ? FastEngine.factory(threads) : ReferenceEngine.factory();
    }
}
