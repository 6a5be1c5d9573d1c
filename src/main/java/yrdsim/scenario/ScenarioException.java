package yrdsim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: every problem found in a scenario or sweep file, in file order. */
public final class ScenarioException extends Exception {

    private final transient List<Problem> problems;

    /** Wraps a non-empty list of problems. */
    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** A single problem. */
    public ScenarioException(Problem problem) {
        this(List.of(problem));
    }

    /** The problems, one per line of the message. */
    public List<Problem> problems() {
        return problems;
    }
}
