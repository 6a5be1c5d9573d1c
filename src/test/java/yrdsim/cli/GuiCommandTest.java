package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code yrdsim gui} rejects bad input before it opens any window: these cases run without a
 * display. Opening the GUI itself is tested in {@code yrdsim.ui}.
 */
class GuiCommandTest {

    @Test
    void aMissingScenarioIsBadInput() {
        assertEquals(Main.BAD_INPUT, Cli.run("gui", "scenarios/no-such-scenario.yaml").code());
    }

    @Test
    void anInvalidOverrideIsBadInput() {
        assertEquals(Main.BAD_INPUT,
                Cli.run("gui", "scenarios/two-regions.yaml", "--set", "barriers.labor.scale=-1").code());
    }

    @Test
    void threadsMustBePositive() {
        assertEquals(Main.BAD_INPUT, Cli.run("gui", "scenarios/two-regions.yaml", "--threads", "0").code());
    }
}
