package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers of issue 17 that were internal errors (exit 1), or validated and then failed
 * a run: each is now refused by {@code validate} and by {@code run} with exit code 2, one line
 * naming file, line, column and key path, no stack trace, and nothing written.
 */
class InputHardeningTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");

    @TempDir
    Path dir;

    /**
     * {@code validate FILE ARGS} and {@code run FILE ARGS} both exit 2 and print {@code expected}
     * as one of their lines; nothing else is written.
     */
    private void refused(String expected, Path file, String... args) {
        Path out = dir.resolve("out");
        List<String> validate = new ArrayList<>(List.of("validate", file.toString()));
        List<String> run = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString(), "--quiet"));
        validate.addAll(List.of(args));
        run.addAll(List.of(args));
        for (List<String> command : List.of(validate, run)) {
            Cli c = Cli.run(command.toArray(String[]::new));
            String what = String.join(" ", command) + " printed:\n" + c.err();
            assertEquals(Main.BAD_INPUT, c.code(), what);
            assertTrue(c.errLines().contains(expected), "expected the line\n" + expected + "\n" + what);
            assertFalse(c.hasStackTrace(), what);
        }
        assertFalse(Files.exists(out), "nothing written for bad input");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The two-regions scenario with {@code from} replaced by {@code to}. */
    private Path twoRegionsWith(String name, String from, String to) throws IOException {
        String text = Files.readString(TWO_REGIONS);
        assertTrue(text.contains(from), from);
        return write(name, text.replace(from, to));
    }

    /** "LINE:COL" of the first {@code needle} in {@code file}, outside comments. */
    private static String at(Path file, String needle) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            int column = lines.get(i).startsWith("#") ? -1 : lines.get(i).indexOf(needle);
            if (column >= 0) {
                return (i + 1) + ":" + (column + 1);
            }
        }
        throw new AssertionError(needle + " not in " + file);
    }

    @Test
    void aNulCharacterInExtends() throws IOException {
        Path file = write("nul.yaml", "extends: \"a\\0b.yaml\"\n");
        refused(file + ":1:10: extends: contains a nul character (\\0), which no name, path or text may hold", file);
        Path described = twoRegionsWith("nul-description.yaml", "name: two-regions", "name: \"two\\0regions\"");
        refused(described + ":" + at(described, "\"two") + ": name: contains a nul character (\\0), which no name, "
                + "path or text may hold", described);
    }

    @Test
    void aNulCharacterInAFileArgument() {
        for (String[] args : List.of(new String[] {"validate", "a\0b.yaml"}, new String[] {"run", "a\0b.yaml"},
                new String[] {"run", TWO_REGIONS.toString(), "--out", dir + "/a\0b"})) {
            Cli c = Cli.run(args);
            assertEquals(Main.BAD_INPUT, c.code(), c.err());
            assertTrue(c.errLines().get(0).endsWith("not a valid path: Nul character not allowed"), c.err());
            assertFalse(c.hasStackTrace(), c.err());
        }
    }

    @Test
    void aTimelineEventBeyondTheSupportedYears() {
        refused("--set timeline.0.at=800: timeline.0.at: step 800 is after 2200Q4, the last quarter the simulator "
                + "supports (from 2020Q1 that is step 723)", Path.of("scenarios/open-factor-markets.yaml"),
                "--set", "timeline.0.at=800");
        refused("--set timeline.0.at=2201Q1: timeline.0.at: must lie between 1900Q1 and 2200Q4 (the years the "
                + "simulator supports), got 2201Q1", Path.of("scenarios/open-factor-markets.yaml"),
                "--set", "timeline.0.at=2201Q1");
    }

    @Test
    void aStartBeforeTheSupportedYears() {
        refused("--set time.start=1899Q4: time.start: must lie between 1900Q1 and 2200Q4 (the years the simulator "
                + "supports), got 1899Q4", TWO_REGIONS, "--set", "time.start=1899Q4");
    }

    @Test
    void aHorizonThatRunsPastTheSupportedYears() throws IOException {
        refused(TWO_REGIONS + ":" + at(TWO_REGIONS, "steps: 64") + ": time.steps: must be in [1, 8]: from 2199Q1 the "
                + "last step must come by 2200Q4, the last quarter the simulator supports; got 64", TWO_REGIONS,
                "--set", "time.start=2199Q1");
        refused("--set time.steps=725: time.steps: must be in [1, 724]: from 2020Q1 the last step must come by 2200Q4, "
                + "the last quarter the simulator supports; got 725", TWO_REGIONS, "--set", "time.steps=725");
        assertEquals(Main.OK, Cli.run("validate", TWO_REGIONS.toString(), "--set", "time.steps=724").code());
    }

    /** Each of these validated and then failed within eight steps, interest rates moving 10^8-fold. */
    @Test
    void parametersBeyondWhereTheModelIsStable() {
        refused("--set parameters.plan_smoothing=1: parameters.plan_smoothing: must be in [1e-6, 0.25], got 1 (faster "
                + "adjustment turns plans and prices into a runaway cobweb: 0.35 failed within five years in testing, "
                + "and 0.3 after seven years once knowledge was created)",
                TWO_REGIONS, "--set", "parameters.plan_smoothing=1");
        refused("--set parameters.plan_smoothing=0.5: parameters.plan_smoothing: must be in [1e-6, 0.25], got 0.5 "
                + "(faster adjustment turns plans and prices into a runaway cobweb: 0.35 failed within five years in "
                + "testing, and 0.3 after seven years once knowledge was created)", TWO_REGIONS, "--set", "parameters.plan_smoothing=0.5");
        refused("--set parameters.capital_mobility=1: parameters.capital_mobility: must be in [0, 0.5], got 1 "
                + "(re-placing more capital a quarter swings interest rates 100-fold: 0.75 failed in testing)",
                TWO_REGIONS, "--set", "parameters.capital_mobility=1");
        refused("--set parameters.exit_hazard=1: parameters.exit_hazard: must be in [0, 0.5], got 1 (at 1 every firm "
                + "exits at once and the markets it leaves empty: it failed at the first step in testing)",
                TWO_REGIONS, "--set", "parameters.exit_hazard=1");
    }

    @Test
    void anUndefinedAliasNoLongerNamesTheScenario() throws IOException {
        Path file = twoRegionsWith("alias.yaml", "name: two-regions", "name: *undefined_anchor");
        refused(file + ":" + at(file, "*undefined") + ": name: YAML aliases ('*undefined_anchor') are not allowed; "
                + "write the value out", file);
        Path anchored = twoRegionsWith("anchor.yaml", "seed: 20200101", "seed: &s 20200101");
        refused(anchored + ":" + at(anchored, "&s") + ": seed: YAML anchors ('&s') are not allowed", anchored);
    }

    /** Found by the fuzz test: a parser's report, or a quoted value, that holds a newline is still one line. */
    @Test
    void everyProblemIsOneLine() throws IOException {
        Path directive = write("directive.yaml", "%YAML 64\n" + Files.readString(TWO_REGIONS));
        refused(directive + ":1:9: not valid YAML: expected a digit or '.', but found \\n(10) (while scanning a "
                + "directive)", directive);
        Path value = twoRegionsWith("newline.yaml", "seed: 20200101", "seed: \"20\\n20\"");
        refused(value + ":" + at(value, "seed:") + ": seed: expected a whole number, got text '20\\n20'", value);
    }

    @Test
    void aDocumentLevelTagIsRefused() throws IOException {
        Path file = write("tagged.yaml", "--- !!java.lang.ProcessBuilder\n" + Files.readString(TWO_REGIONS));
        refused(file + ":1:5: YAML tags such as '!!java.lang.ProcessBuilder' are not allowed", file);
    }

    @Test
    void invalidUtf8IsReportedWithLineAndColumn() throws IOException {
        String text = Files.readString(TWO_REGIONS).replace("The test bed", "The t\u00e9st b\u0000ed");
        int bad = text.indexOf('\u0000');
        int line = (int) text.substring(0, bad).chars().filter(c -> c == '\n').count() + 1;
        int column = bad - text.lastIndexOf('\n', bad);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // A byte that starts no UTF-8 character, after a two-byte é on the same line: the column counts characters.
        bytes[text.substring(0, bad).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xFF;
        Path file = Files.write(dir.resolve("latin.yaml"), bytes);
        refused(file + ":" + line + ":" + column + ": not valid UTF-8 (byte 0xFF); save the file as UTF-8", file);
    }

    /** A file of 2 GiB (sparse: it takes no disk) is refused by its size, before a byte is read. */
    @Test
    void aHugeFileIsRefusedAtOnce() throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(1L << 31);
        }
        Path file = write("extends-huge.yaml", "extends: huge.yaml\n");
        long start = System.nanoTime();
        refused(file + ":1:1: extends: " + huge + ": the file is too large (2147483648 bytes); a scenario or sweep "
                + "file may have at most 2 MiB", file);
        refused(huge + ": the file is too large (2147483648 bytes); a scenario or sweep file may have at most 2 MiB",
                huge);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 5, "refused in " + seconds + " s");
    }

    /** The two-regions scenario with {@code n} regions of equal shares and {@code firms} firms per sector. */
    private static String regions(int n, int firms) throws IOException {
        StringBuilder regions = new StringBuilder("regions:\n");
        StringBuilder shares = new StringBuilder();
        for (int i = 0; i < n; i++) {
            regions.append("  - {name: R").append(i).append(", center: [120, 31], workers: 1000, talent: 100, "
                    + "public_research: 20}\n");
            shares.append(i == 0 ? "" : ", ").append("R").append(i).append(": ").append(1.0 / n);
        }
        String text = Files.readString(TWO_REGIONS);
        return text.substring(0, text.indexOf("\nregions:") + 1) + regions
                + text.substring(text.indexOf("\nsectors:") + 1).replace("{A: 0.5, B: 0.5}", "{" + shares + "}")
                .replace("firms: 2000", "firms: " + firms).replace("firms: 200", "firms: " + firms);
    }

    @Test
    void tooManyRegionsOrSectorsAreRefusedBeforeAnyCalibration() throws IOException {
        Path file = write("regions.yaml", regions(1000, 2000));
        long start = System.nanoTime();
        refused(file + ":" + at(file, "regions:") + ": regions: at most 64 regions, got 1000 (building step 0 takes "
                + "time that grows with the square of the region count)", file);
        assertTrue((System.nanoTime() - start) / 1e9 < 10, "refused quickly");
    }

    /** 64 regions are allowed, but not with so many firms that building step 0 would take hours. */
    @Test
    void stepZeroWorkIsBounded() throws IOException {
        Path file = write("crowded.yaml", regions(64, 50_000));
        // Reported where the scale was written: here, the built-in defaults.
        refused("defaults.yaml (built in):9:3: enterprises.scale: the run would start with 100000 "
                + "enterprises in 64 regions; building step 0 takes work that grows with enterprises times regions "
                + "squared, and at most 78125 enterprises fit in 64 regions (use a smaller scale or fewer regions)",
                file);
        Path fits = write("fits.yaml", regions(64, 30_000));
        Cli c = Cli.run("validate", fits.toString());
        assertEquals(Main.OK, c.code(), c.err());
    }
}
