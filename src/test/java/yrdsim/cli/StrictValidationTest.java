package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the command line: every class of invalid scenario or {@code --set} is
 * refused by {@code validate} and by {@code run} with exit code 2, one line per problem naming
 * FILE:LINE:COL (or the {@code --set} argument) and the key path, no stack trace, and no output
 * directory. Each case breaks one place of a template that is itself valid.
 */
class StrictValidationTest {

    /** A small valid scenario; each test changes one thing in it. */
    private static final String TEMPLATE = """
            name: strict
            description: a valid two-region scenario that each test breaks in one place
            paper_basis: "none: a test fixture"
            time: {start: 2020Q1, steps: 4}
            seed: 1
            regions:
              - name: A
                center: [120.0, 31.0]
                workers: 1000
                talent: 100
                public_research: 20
              - name: B
                center: [118.0, 31.0]
                workers: 1000
                talent: 50
                public_research: 10
            sectors:
              - name: traditional
                iotf: false
                revenue: 800
                firms: 200
                province_shares: {A: 0.5, B: 0.5}
              - name: iotf
                iotf: true
                revenue: 40
                firms: 40
                province_shares: {A: 0.5, B: 0.5}
            barriers:
              labor: {scale: 1.0, default: 0.3}
              capital: {scale: 1.0, default: 0.2}
              technology: {scale: 1.0, default: 0.3}
            timeline:
              - at: 2020Q3
                ramp: 2
                set:
                  policies.iotf_incubation.A: 0.5
            sources:
              "**": "assumption: test values"
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The template with {@code from} replaced by {@code to} exactly once. */
    private static String breakTemplate(String from, String to) {
        int at = TEMPLATE.indexOf(from);
        assertTrue(at >= 0 && TEMPLATE.indexOf(from, at + 1) < 0, "the template holds '" + from + "' once");
        return TEMPLATE.substring(0, at) + to + TEMPLATE.substring(at + from.length());
    }

    /** "LINE:COL" (1-based) of the first occurrence of {@code needle} in {@code text}. */
    private static String lineCol(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, "'" + needle + "' is in the text");
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (at - lineStart + 1);
    }

    /**
     * Validates and runs {@code file} with {@code sets}; both must exit 2 with a line that starts
     * with {@code prefix} and contains {@code message}, print no stack trace, and write nothing.
     */
    private void refused(Path file, String prefix, String message, String... sets) {
        List<String> validate = new ArrayList<>(List.of("validate", file.toString()));
        List<String> run = new ArrayList<>(List.of("run", file.toString(), "--out", dir.resolve("out").toString()));
        for (String set : sets) {
            validate.addAll(List.of("--set", set));
            run.addAll(List.of("--set", set));
        }
        for (List<String> args : List.of(validate, run)) {
            Cli o = Cli.run(args.toArray(String[]::new));
            String what = String.join(" ", args) + " printed:\n" + o.err();
            assertEquals(Main.BAD_INPUT, o.code(), what);
            assertTrue(o.errLines().stream().anyMatch(l -> l.startsWith(prefix) && l.contains(message)),
                    "expected a line '" + prefix + "...' with '" + message + "'; " + what);
            assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace; " + what);
            assertFalse(o.out().contains(": ok"), "not reported as ok");
        }
        assertFalse(Files.exists(dir.resolve("out")), "no output directory for refused input");
    }

    private void refusedEdit(String from, String to, String needle, String path, String message) throws IOException {
        String text = breakTemplate(from, to);
        Path file = write("broken.yaml", text);
        refused(file, file + ":" + lineCol(text, needle) + ": " + path + ": ", message);
    }

    @Test
    void theTemplateIsValidAndRuns() throws IOException {
        Path file = write("valid.yaml", TEMPLATE);
        Cli v = Cli.run("validate", file.toString());
        assertEquals(Main.OK, v.code(), v.err());
        assertEquals(List.of(), v.errLines(), "no problems and no warnings");
        Path out = dir.resolve("run");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "--quiet", "--threads", "1");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("manifest.json")), "a run directory");
    }

    @Test
    void unknownKey() throws IOException {
        refusedEdit("  - name: A\n", "  - name: A\n    colour: red\n", "colour", "regions.A.colour", "unknown key");
        refusedEdit("timeline:", "timelines:", "timelines", "timelines", "unknown key");
    }

    @Test
    void wrongType() throws IOException {
        refusedEdit("    talent: 50\n", "    talent: many\n", "talent: many", "regions.B.talent",
                "expected a number, got text 'many'");
        refusedEdit("    iotf: true\n", "    iotf: maybe\n", "iotf: maybe", "sectors.iotf.iotf", "expected true or false");
        refusedEdit("firms: 200", "firms: 200.5", "firms: 200.5", "sectors.traditional.firms", "expected a whole number");
    }

    @Test
    void outOfRangeValue() throws IOException {
        refusedEdit("labor: {scale: 1.0, default: 0.3}", "labor: {scale: 1.0, default: 1.3}", "default: 1.3",
                "barriers.labor.default", "must be in [0, 1], got 1.3");
        refusedEdit("    talent: 50\n", "    talent: -50\n", "talent: -50", "regions.B.talent", "got -50");
    }

    @Test
    void sharesThatDoNotSumToOne() throws IOException {
        String text = TEMPLATE.replaceFirst("province_shares: \\{A: 0.5, B: 0.5}", "province_shares: {A: 0.5, B: 0.6}");
        Path file = write("shares.yaml", text);
        refused(file, file + ":" + lineCol(text, "province_shares") + ": sectors.traditional.province_shares: ",
                "shares must sum to 1, they sum to 1.1");
    }

    @Test
    void returnsToScaleNotDecreasing() throws IOException {
        refusedEdit("    iotf: false\n", "    iotf: false\n    alpha: 0.5\n", "name: traditional", "sectors.traditional",
                "alpha+beta+eta must be < 1");
    }

    @Test
    void barrierMatrixOfTheWrongSize() throws IOException {
        refusedEdit("labor: {scale: 1.0, default: 0.3}", "labor: {scale: 1.0, matrix: [[0, 0.3], [0.3, 0], [0.3, 0.3]]}",
                "matrix", "barriers.labor.matrix", "must have 2 rows");
        refusedEdit("labor: {scale: 1.0, default: 0.3}", "labor: {scale: 1.0, matrix: [[0, 0.3, 0.3], [0.3, 0]]}",
                "[0, 0.3, 0.3]", "barriers.labor.matrix.0", "must have 2 columns");
    }

    @Test
    void unknownRegionOrSectorInATimeline() throws IOException {
        refusedEdit("policies.iotf_incubation.A: 0.5", "policies.iotf_incubation.C: 0.5", "policies.iotf_incubation.C",
                "policies.iotf_incubation.C", "unknown region 'C'");
        refusedEdit("policies.iotf_incubation.A: 0.5", "policies.division_of_labor.A.biotech: 0.03",
                "policies.division_of_labor", "policies.division_of_labor.A.biotech", "unknown sector 'biotech'");
    }

    @Test
    void missingAndDuplicateKeys() throws IOException {
        refusedEdit("    revenue: 40\n", "", "name: iotf", "sectors.iotf.revenue", "missing required key");
        refusedEdit("    talent: 50\n", "    talent: 50\n    talent: 60\n", "talent: 60", "regions.B.talent", "duplicate key");
    }

    /** Broken YAML has no key path; the line names the place SnakeYAML found the problem. */
    @Test
    void brokenYaml() throws IOException {
        String unclosed = breakTemplate("regions:\n", "regions: [\n");
        Path file = write("unclosed.yaml", unclosed);
        refused(file, file + ":" + lineCol(unclosed, "- name: A") + ": ", "not valid YAML: expected the node content");

        String indented = breakTemplate("seed: 1\n", "seed: 1\n  stray: 2\n");
        file = write("indented.yaml", indented);
        refused(file, file + ":" + lineCol(indented, ": 2\n") + ": ", "not valid YAML: mapping values are not allowed");
    }

    @Test
    void badSet() throws IOException {
        Path file = write("valid.yaml", TEMPLATE);
        refused(file, "--set barriers.labor.scale: ", "expected key.path=value", "barriers.labor.scale");
        refused(file, "--set barriers.labour.scale=0.5: barriers.labour: ", "unknown key; did you mean 'labor'? (allowed: labor, capital, technology, external)",
                "barriers.labour.scale=0.5");
        refused(file, "--set barriers.labor.scale=half: barriers.labor.scale: ", "expected a number, got text 'half'",
                "barriers.labor.scale=half");
        refused(file, "--set barriers.labor.scale=-1: barriers.labor.scale: ", "must be in [0, 100], got -1",
                "barriers.labor.scale=-1");
        refused(file, "--set barriers.labor.scale=[1: barriers.labor.scale: ", "not a YAML value",
                "barriers.labor.scale=[1");
        refused(file, "--set policies.foo.bar=1: policies.foo: ", "unknown key", "policies.foo.bar=1");
        refused(file, "--set policies.talent_program.C.wage_top_up=0.1: policies.talent_program.C: ",
                "unknown region 'C'", "policies.talent_program.C.wage_top_up=0.1");
    }

    /** Without --out a refused run creates no directory under results/ either. */
    @Test
    void aRefusedRunWritesNoDefaultDirectory() throws IOException {
        String text = breakTemplate("name: strict", "name: strict-validation-never-written")
                .replace("talent: 50", "talent: many");
        Path file = write("named.yaml", text);
        Cli o = Cli.run("run", file.toString());
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertFalse(Files.exists(Path.of("results", "strict-validation-never-written")), "no results directory");
    }
}
