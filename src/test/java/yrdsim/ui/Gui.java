package yrdsim.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import sim.display.Console;
import sim.util.gui.PropertyField;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioLoader;

/**
 * Drives the real GUI in tests: a {@link Console} over a {@link YrdModelWithUI}, pressed like a
 * user would. GUI tests need an X display; without one they fail, saying how to get one.
 */
final class Gui implements AutoCloseable {

    static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");
    private static final long TIMEOUT_MILLIS = 120_000;

    final YrdModelWithUI gui;
    final Console console;

    private Gui(YrdModelWithUI gui, Console console) {
        this.gui = gui;
        this.console = console;
    }

    /** Fails the test, with instructions, when there is no display to open windows on. */
    static void requireDisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            fail("GUI tests need an X display and there is none (DISPLAY is "
                    + (System.getenv("DISPLAY") == null ? "not set" : System.getenv("DISPLAY"))
                    + "). Run them on a desktop, under 'xvfb-run -a mvn -B verify', through .ci/run, or install "
                    + "Xvfb (apt-get install xvfb) so that the build starts one itself.");
        }
    }

    /** Opens the Console and the map for {@code scenario} with {@code overrides}. */
    static Gui open(Path scenario, List<String> overrides, long seed, int threads) throws Exception {
        requireDisplay();
        LoadedScenario loaded = ScenarioLoader.load(scenario, overrides);
        YrdModelWithUI gui = new YrdModelWithUI(loaded, scenario, seed, threads);
        Console console = onEdt(() -> {
            Console c = new Console(gui);
            c.setVisible(true);
            return c;
        });
        // The Console calls init() later on the event thread; wait until it has.
        waitFor(() -> gui.display() != null, "the Console did not initialise the GUI");
        onEdt(() -> null);
        return new Gui(gui, console);
    }

    /** Plays until the model has completed {@code steps} steps, then leaves the Console paused. */
    void playUntil(long steps) throws Exception {
        onEdt(() -> {
            console.setWhenShouldPause(steps);
            if (console.getPlayState() == Console.PS_PAUSED) {
                console.pressPause();
            } else {
                console.pressPlay();
            }
            return null;
        });
        waitFor(() -> console.getPlayState() == Console.PS_PAUSED && gui.model().step() == steps
                || console.getPlayState() == Console.PS_STOPPED, "the Console did not reach step " + steps);
    }

    /** Plays until the run ends and the Console stops by itself. */
    void playToEnd() throws Exception {
        onEdt(() -> {
            console.setWhenShouldPause(Long.MAX_VALUE);
            console.pressPause();
            return null;
        });
        waitFor(() -> console.getPlayState() == Console.PS_STOPPED, "the run did not end");
    }

    /** Presses the step button of the paused Console once. */
    void stepOnce() throws Exception {
        onEdt(() -> {
            console.pressPlay();
            return null;
        });
    }

    /**
     * Types {@code value} into the Model tab's field labelled {@code label} and presses Enter.
     * The key events go straight to the field's listeners: AWT hands key events only to the
     * focus owner, and a virtual display without a window manager gives no window the focus.
     */
    void typeInModelTab(String label, String value) throws Exception {
        onEdt(() -> {
            JTextField text = field(console.getModelInspector(), label).getField();
            text.setText(value);
            press(text, KeyEvent.getExtendedKeyCodeForChar(value.charAt(value.length() - 1)),
                    value.charAt(value.length() - 1));
            press(text, KeyEvent.VK_ENTER, '\n');
            return null;
        });
    }

    private static void press(JTextField target, int code, char c) {
        KeyEvent event = new KeyEvent(target, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0, code, c);
        for (KeyListener listener : target.getKeyListeners()) {
            listener.keyPressed(event);
        }
    }

    /** The property field next to the label {@code label} inside {@code root}. */
    static PropertyField field(Container root, String label) {
        AtomicReference<PropertyField> found = new AtomicReference<>();
        walk(root, found, label);
        if (found.get() == null) {
            fail("no field labelled '" + label + "' in the inspector");
        }
        return found.get();
    }

    private static void walk(Container c, AtomicReference<PropertyField> found, String label) {
        Component[] children = c.getComponents();
        for (int i = 0; i < children.length && found.get() == null; i++) {
            if (children[i] instanceof JLabel l && l.getText() != null && l.getText().trim().equals(label)) {
                for (int j = i + 1; j < children.length; j++) {
                    if (children[j] instanceof PropertyField f) {
                        found.set(f);
                        return;
                    }
                }
            }
            if (children[i] instanceof Container inner) {
                walk(inner, found, label);
            }
        }
    }

    /** Runs {@code task} on the Swing thread and returns its result. */
    static <T> T onEdt(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    static void waitFor(BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail(message + " within " + TIMEOUT_MILLIS / 1000 + " s");
            }
            Thread.sleep(20);
        }
    }

    /**
     * Stops the run and closes the windows without {@code Console.doClose}, which would end the
     * test JVM when the last Console closes.
     */
    @Override
    public void close() {
        try {
            onEdt(() -> {
                console.pressStop();
                gui.quit();
                console.setVisible(false);
                console.dispose();
                Console.allControllers.remove(console);
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("closing the GUI failed", e);
        }
    }
}
