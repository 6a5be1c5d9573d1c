package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import yrdsim.output.Verification;

/**
 * Mutates the shipped scenario files thousands of times (deleted and duplicated lines, wrong
 * types, extreme and non-finite numbers, broken YAML, YAML tags that name Java classes) and
 * checks that {@code validate} and {@code run} only ever exit 0 or 2: never an uncaught
 * exception, never a stack trace, never a run that starts and then fails. Mutations of the
 * small scenario are also run for one step (the baseline's 10^5 firms would take too long).
 */
class ScenarioFuzzTest {

    /** Replacement scalars: wrong types, extreme and non-finite numbers, odd strings. */
    private static final List<String> VALUES = List.of("abc", "''", "[]", "{}", "[1, 2]", "{a: 1}", "true", "null",
            "~", ".nan", ".inf", "-.inf", "NaN", "Infinity", "1e308", "-1e308", "1e309", "4.9e-324", "0", "-0.0", "-1",
            "1", "0.5", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "2020Q5",
            "0x1F", "1_000", "+1", "1e-9", "100", "'1'", "\"\\u0000\"", "é", "2e3");
    /** Replacement numbers: the edges of every range and beyond. */
    private static final List<String> NUMBERS = List.of(".nan", ".inf", "-.inf", "1e308", "-1e308", "1e-320", "0",
            "-0.0", "-1", "-0.25", "1e-9", "0.999999", "1", "1.000001", "2", "10", "100", "1000", "1e6", "2147483648",
            "-2147483649", "0.0001", "64", "1e300");
    /** Lines that are not valid YAML, or YAML that a scenario must not accept. */
    private static final List<String> GARBAGE = List.of(": :", "[", "{a: 1", "\t- x", "key: [1, 2", "&a x: 1",
            "x: *undefined", "? [a, b]\n: c", "%YAML 1.1", "---", "...", "- - -", "'unterminated", "a: b: c",
            "<<: {name: other}", "x: !!binary AAAA", "\u0000", "seed: 1\nseed: 2");
    /**
     * Tags that would build Java objects under a YAML loader that honours them; the canary's
     * constructor records any attempt.
     */
    private static final List<String> TAGS = List.of("!!java.io.File", "!!java.net.URL",
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/x\"]]]]",
            "!!" + Canary.class.getName(), "!!" + Canary.class.getName() + " {}", "!<tag:yaml.org,2002:java.lang.Runtime>",
            "!!float", "!!str", "!!int", "!custom");
    private static final Pattern NUMBER = Pattern.compile("(?<=[\\s:\\[,])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?(?=\\s*[,\\]}]|\\s*$)",
            Pattern.MULTILINE);
    /** A problem names FILE:LINE:COL, or the --set override it comes from. */
    private static final Pattern LOCATED = Pattern.compile("^(.+:\\d+:\\d+|--set \\S+): .+$");

    private static Path work;
    private static int cases;
    private static int runs;

    /** Set if {@link Canary} is ever initialized or built. It lives outside Canary, so reading it initializes nothing. */
    private static volatile boolean canaryTouched;

    /** A class a hostile YAML file names in a tag: it must never be loaded for use, let alone built. */
    public static final class Canary {
        static {
            canaryTouched = true;
        }

        public Canary() {
            canaryTouched = true;
        }
    }

    /** One edit of a scenario file. {@code at} and {@code pick} are reduced modulo what they index. */
    enum Kind { DELETE_LINE, DUPLICATE_LINE, REPLACE_VALUE, REPLACE_NUMBER, INDENT, DEDENT, GARBAGE, TRUNCATE, TAG }

    record Edit(Kind kind, int at, int pick) {
    }

    @BeforeContainer
    static void copyScenarios() throws IOException {
        work = Files.createTempDirectory("yrdsim-fuzz");
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(canaryTouched, "a YAML tag built a Java object");
        // Both counts are 0 when only the example below was selected.
        assertTrue(cases == 0 || cases >= 1000, cases + " cases");
        assertTrue(cases == 0 || runs >= 100, runs + " runs");
    }

    @Provide
    Arbitrary<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .toList();
            return Arbitraries.of(names);
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        // Numbers in range but at their edges are what reach the model; most other edits stop at validation.
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(6, Kind.REPLACE_NUMBER), Tuple.of(2, Kind.REPLACE_VALUE),
                Tuple.of(2, Kind.DELETE_LINE), Tuple.of(1, Kind.DUPLICATE_LINE), Tuple.of(1, Kind.INDENT),
                Tuple.of(1, Kind.DEDENT), Tuple.of(1, Kind.GARBAGE), Tuple.of(1, Kind.TRUNCATE), Tuple.of(1, Kind.TAG));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 1000)).as(Edit::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 1000, seed = "20200101", shrinking = ShrinkingMode.BOUNDED)
    void validateAndRunExitOnlyWithZeroOrTwo(@ForAll("scenarios") String base, @ForAll("edits") List<Edit> edits)
            throws IOException {
        cases++;
        String text = mutate(Files.readString(work.resolve(base)), edits);
        Path file = work.resolve("case.yaml");
        Files.writeString(file, text);

        // The small scenario is run for one step, so validate it as it will run: with time.steps=1.
        boolean small = base.equals("two-regions.yaml");
        Cli validate = small ? Cli.run("validate", file.toString(), "--set", "time.steps=1")
                : Cli.run("validate", file.toString());
        assertTrue(validate.code() == 0 || validate.code() == 2, validate::toString);
        assertFalse(validate.hasStackTrace(), validate::err);
        Statistics.label("validate exit code").collect(validate.code());
        for (String line : validate.errLines()) {
            assertTrue(LOCATED.matcher(line).matches(), "not located: " + line);
        }

        if (small) {
            runs++;
            Path out = work.resolve("out");
            Cli run = Cli.run("run", file.toString(), "--steps", "1", "--threads", "1", "--quiet", "--out",
                    out.toString());
            assertTrue(run.code() == 0 || run.code() == 2, run::toString);
            assertFalse(run.hasStackTrace(), run::err);
            Statistics.label("run exit code").collect(run.code());
            if (validate.code() == 2) {
                assertEquals(2, run.code(), "validate refused it, so run must refuse it too: " + run);
            }
            if (run.code() == 0) {
                Verification v = Verification.of(out);
                assertTrue(v.intact(), v.problem());
                for (String table : List.of("provinces.csv", "sectors.csv", "flows.csv", "firms.csv")) {
                    String csv = Files.readString(out.resolve(table));
                    assertFalse(csv.contains("NaN") || csv.contains("Infinity"), table);
                }
                deleteTree(out);
            } else {
                assertFalse(Files.exists(out), "bad input wrote " + out);
            }
        }
        assertFalse(canaryTouched, "a YAML tag built a Java object");
    }

    @Example
    void tagsNamingJavaClassesBuildNothing() throws IOException {
        String base = Files.readString(work.resolve("two-regions.yaml"));
        for (String tag : TAGS) {
            for (String key : List.of("description: >", "seed: 20200101", "  labor: {scale: 1.0, default: 0.3}")) {
                Path file = work.resolve("tagged.yaml");
                String value = key.substring(key.indexOf(':') + 2);
                Files.writeString(file, base.replace(key, key.substring(0, key.indexOf(':') + 1) + " " + tag + " "
                        + (value.equals(">") ? "\"x\"" : value)));
                // The small scenario is run for one step, so validate it as it will run: with time.steps=1.
        boolean small = base.equals("two-regions.yaml");
        Cli validate = small ? Cli.run("validate", file.toString(), "--set", "time.steps=1")
                : Cli.run("validate", file.toString());
                assertTrue(validate.code() == 0 || validate.code() == 2, validate::toString);
                assertFalse(validate.hasStackTrace(), validate::err);
            }
        }
        Path file = work.resolve("tagged.yaml");
        Files.writeString(file, base.replace("seed: 20200101", "seed: !!" + Canary.class.getName() + " {}"));
        // The small scenario is run for one step, so validate it as it will run: with time.steps=1.
        boolean small = base.equals("two-regions.yaml");
        Cli validate = small ? Cli.run("validate", file.toString(), "--set", "time.steps=1")
                : Cli.run("validate", file.toString());
        assertEquals(2, validate.code(), validate::toString);
        assertTrue(validate.err().contains("seed"), validate::err);
        assertFalse(canaryTouched, "a YAML tag built a Java object");
    }

    static String mutate(String text, List<Edit> edits) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (Edit e : edits) {
            if (lines.isEmpty()) {
                break;
            }
            int i = e.at() % lines.size();
            String line = lines.get(i);
            switch (e.kind()) {
                case DELETE_LINE -> lines.remove(i);
                case DUPLICATE_LINE -> lines.add(i, line);
                case REPLACE_VALUE -> lines.set(i, replaceValue(line, VALUES.get(e.pick() % VALUES.size())));
                case REPLACE_NUMBER -> {
                    String joined = String.join("\n", lines);
                    List<int[]> spans = new ArrayList<>();
                    Matcher m = NUMBER.matcher(joined);
                    while (m.find()) {
                        spans.add(new int[] {m.start(), m.end()});
                    }
                    if (!spans.isEmpty()) {
                        int[] span = spans.get(e.at() % spans.size());
                        joined = joined.substring(0, span[0]) + NUMBERS.get(e.pick() % NUMBERS.size())
                                + joined.substring(span[1]);
                        lines = new ArrayList<>(joined.lines().toList());
                    }
                }
                case INDENT -> lines.set(i, "  " + line);
                case DEDENT -> lines.set(i, line.startsWith("  ") ? line.substring(2) : line.stripLeading());
                case GARBAGE -> lines.add(i, GARBAGE.get(e.pick() % GARBAGE.size()));
                case TRUNCATE -> {
                    String joined = String.join("\n", lines);
                    lines = new ArrayList<>(joined.substring(0, e.at() % (joined.length() + 1)).lines().toList());
                }
                case TAG -> lines.set(i, replaceValue(line, TAGS.get(e.pick() % TAGS.size()) + " "
                        + (line.contains(": ") ? line.substring(line.indexOf(": ") + 2) : "x")));
                default -> throw new IllegalStateException();
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The line with the value after its key (or list dash) replaced. */
    private static String replaceValue(String line, String value) {
        int colon = line.indexOf(": ");
        if (colon >= 0) {
            return line.substring(0, colon + 2) + value;
        }
        int dash = line.indexOf("- ");
        if (dash >= 0 && line.substring(0, dash).isBlank()) {
            return line.substring(0, dash + 2) + value;
        }
        return line + " " + value;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
