package yrdsim.scenario;

/**
 * The rest of China (MODEL-2 3): a region the model does not simulate, whose pools of workers
 * and talent exchange people with every province through the same migration logit. Its pools
 * stay fixed in size and its wage grows at {@code parameters.market_growth}. Pools of 0 (the
 * default) close the delta: no one comes or goes.
 *
 * @param workers workers who could take manufacturing jobs in the delta, thousand persons
 * @param talent  R&amp;D staff, thousand persons (full-time equivalents)
 * @param wage    average wage, yuan a year
 */
public record RestOfChina(double workers, double talent, double wage) implements java.io.Serializable {

    /** Whether the delta is open: the rest of China holds workers or talent. */
    public boolean open() {
        return workers > 0 || talent > 0;
    }
}
