package yrdsim.scenario;

/** One barrier matrix per mobile factor. */
public record BarrierSet(BarrierSpec labor, BarrierSpec capital, BarrierSpec technology) implements java.io.Serializable {
}
