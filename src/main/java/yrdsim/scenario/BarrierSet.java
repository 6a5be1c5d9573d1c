package yrdsim.scenario;

/** One barrier matrix per mobile factor, and the barriers into each province from the rest of China. */
public record BarrierSet(BarrierSpec labor, BarrierSpec capital, BarrierSpec technology, ExternalBarriers external)
        implements java.io.Serializable {
}
