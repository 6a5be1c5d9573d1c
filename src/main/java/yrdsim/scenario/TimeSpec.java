package yrdsim.scenario;

/** The simulated horizon: the first quarter and the number of quarterly steps. */
public record TimeSpec(String start, int steps) implements java.io.Serializable {
}
