package yrdsim.cli;

import java.nio.file.Path;
import yrdsim.scenario.Location;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.sweep.SweepFile;

/** Checks on the scenario files a command is given, made before they are loaded. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /**
     * Refuses a sweep file given where a scenario is expected, with one line that says which
     * command runs it, rather than a line for each sweep key the scenario schema does not know.
     */
    static void refuseSweep(Path file) throws ScenarioException {
        if (SweepFile.looksLikeSweep(file)) {
            throw new ScenarioException(new Problem(new Location(file.toString(), 0, 0), "",
                    "this is a sweep file (it has a design), not a scenario: run it with 'yrdsim sweep " + file
                            + "', or give a scenario such as scenarios/baseline.yaml"));
        }
    }
}
