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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import yrdsim.output.Verification;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;

/**
 * Mutates the shipped scenario files thousands of times and checks that {@code validate} and
 * {@code run} only ever exit 0 or 2: never an internal error, never an uncaught exception or a
 * stack trace, never a run that starts and then fails, never a case that takes over 20 s.
 * Mutations of the small scenario are also run for one step at a tenth of its firms (the
 * baseline's 10^5 firms would take too long). Kinds of mutation: {@link FuzzEdits.Kind}.
 *
 * <p>Case {@code i} is drawn from a generator seeded with the seed and {@code i}, so any case can be
 * run alone. System properties: {@code yrdsim.fuzz.cases} (default 2000), {@code yrdsim.fuzz.seed}
 * (default 20200101), {@code yrdsim.fuzz.first} (the first case, default 0) and
 * {@code yrdsim.fuzz.threads} (default: one per core). A failing case's
 * file is kept in {@code target/fuzz-failures/}; the tally of every run is written to
 * {@code target/fuzz-summary.txt}.
 */
class ScenarioFuzzTest {

    private static final int CASES = Integer.getInteger("yrdsim.fuzz.cases", 2000);
    private static final long SEED = Long.getLong("yrdsim.fuzz.seed", 20200101L);
    private static final int FIRST = Integer.getInteger("yrdsim.fuzz.first", 0);
    private static final int THREADS = Integer.getInteger("yrdsim.fuzz.threads",
            Runtime.getRuntime().availableProcessors());
    /** One case in this many is validated through the command line, the others by the same loader directly. */
    private static final int THROUGH_CLI = 10;
    /** The longest a case may take, validate and run together. */
    private static final double MAX_SECONDS = 20;
    /** A problem names FILE:LINE:COL, the --set override it comes from, or (for the whole file) the file. */
    private static final Pattern LOCATED = Pattern.compile("^(.+:\\d+:\\d+|--set .+|[^:]+\\.yaml): .+$");

    private static Path work;

    /** Set if {@link Canary} is ever initialized or built. It lives outside Canary, so reading it initializes nothing. */
    static volatile boolean canaryTouched;

    /** A class a hostile YAML file names in a tag: it must never be loaded for use, let alone built. */
    public static final class Canary {
        static {
            canaryTouched = true;
        }

        /** Records the attempt. */
        public Canary() {
            canaryTouched = true;
        }
    }

    @BeforeAll
    static void copyScenarios() throws IOException {
        work = Files.createTempDirectory("yrdsim-fuzz");
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
        }
        // A file far over the size limit that takes no disk: what an extends mutation may point at.
        try (RandomAccessFile huge = new RandomAccessFile(work.resolve(FuzzEdits.HUGE).toFile(), "rw")) {
            huge.setLength(3L << 30);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        deleteTree(work);
        assertFalse(canaryTouched, "a YAML tag built a Java object");
    }

    /** What happened to one case. */
    record Outcome(int validate, int run, double seconds, String failure) {
    }

    /** A case's outcome with what the tally needs of it (its bytes only when it failed). */
    record Result(int index, String base, List<FuzzEdits.Kind> kinds, String description, byte[] bytes, Outcome outcome) {
    }

    @Test
    void validateAndRunExitOnlyWithZeroOrTwo() throws IOException {
        List<String> bases;
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            bases = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        Map<String, Integer> tally = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        double slowest = 0;
        int slow = 0;
        // Cases validate in parallel; runs go through the command line, which takes one at a time.
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Result>> results = new ArrayList<>();
        for (int i = FIRST; i < FIRST + CASES; i++) {
            int index = i;
            results.add(pool.submit(() -> {
                FuzzEdits.Case c = FuzzEdits.draw(new SplittableRandom(SEED * 1_000_003L + index), bases, work);
                Outcome o = run(c, index);
                return new Result(index, c.base(), c.kinds(), c.describe(), o.failure() == null ? null : c.bytes(), o);
            }));
        }
        pool.shutdown();
        for (Future<Result> future : results) {
            Result r;
            try {
                r = future.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new AssertionError("the fuzz harness itself failed", e);
            }
            Outcome o = r.outcome();
            tally.merge("validate exit " + o.validate(), 1, Integer::sum);
            tally.merge(o.run() < 0 ? "not run" : "run exit " + o.run(), 1, Integer::sum);
            r.kinds().forEach(k -> tally.merge("kind " + k, 1, Integer::sum));
            slowest = Math.max(slowest, o.seconds());
            if (o.seconds() > MAX_SECONDS) {
                slow++;
            }
            if (o.failure() != null) {
                failures.add("case " + r.index() + " (" + r.description() + "): " + o.failure());
                Path kept = Files.createDirectories(Path.of("target", "fuzz-failures"));
                Files.write(kept.resolve("case-" + r.index() + ".yaml"), r.bytes());
            }
        }
        String summary = String.format("%d cases from %d, seed %d: %d failures, %d over %.0f s, slowest %.2f s%n",
                CASES, FIRST, SEED, failures.size(), slow, MAX_SECONDS, slowest)
                + tally.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + "\n").reduce("", String::concat)
                + String.join("\n", failures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-summary.txt"), summary);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), summary);
        assertEquals(0, slow, summary);
        assertFalse(canaryTouched, "a YAML tag built a Java object");
    }

    /** Validates the case and, for the small scenario, runs it for one step. */
    private static Outcome run(FuzzEdits.Case c, int index) throws IOException {
        Path file = work.resolve("case-" + index + ".yaml");
        Files.write(file, c.bytes());
        if (c.huge()) {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(3L << 30);
            }
        }
        long start = System.nanoTime();
        List<String> sets = new ArrayList<>();
        c.overrides().forEach(o -> sets.addAll(List.of("--set", o)));
        if (c.runs()) {
            // Validated as it will run: one step, a tenth of the firms (the whole population only adds time).
            sets.addAll(List.of("--set", "time.steps=1", "--set", "enterprises.scale=0.1"));
        }
        Cli validate;
        try {
            validate = index % THROUGH_CLI == 0 ? cli(file, sets) : direct(file, sets);
        } catch (Throwable t) {
            return new Outcome(-1, -1, seconds(start), "validate threw " + t);
        }
        String failure = check("validate", validate);
        int runCode = -1;
        if (failure == null && c.runs()) {
            Path out = work.resolve("out-" + index);
            List<String> runArgs = new ArrayList<>(List.of("run", file.toString(), "--threads", "1", "--quiet", "--out",
                    out.toString()));
            runArgs.addAll(sets);
            Cli run;
            try {
                run = Cli.run(runArgs.toArray(String[]::new));
            } catch (Throwable t) {
                return new Outcome(validate.code(), -1, seconds(start), "run threw " + t);
            }
            runCode = run.code();
            failure = check("run", run);
            if (failure == null && validate.code() == 2 && run.code() != 2) {
                failure = "validate refused it but run exited " + run.code();
            }
            if (failure == null && run.code() == 0) {
                failure = intact(out);
            }
            if (Files.exists(out)) {
                failure = failure != null || run.code() == 0 ? failure : "bad input wrote " + out;
                deleteTree(out);
            }
        }
        if (canaryTouched) {
            failure = "a YAML tag built a Java object";
        }
        double seconds = seconds(start);
        Files.delete(file);
        return new Outcome(validate.code(), runCode, seconds, failure);
    }

    /** {@code yrdsim validate FILE --set ...} through the command line. */
    private static Cli cli(Path file, List<String> sets) {
        List<String> args = new ArrayList<>(List.of("validate", file.toString()));
        args.addAll(sets);
        return Cli.run(args.toArray(String[]::new));
    }

    /**
     * What {@code validate} does, without building the command line each time (which costs more
     * than validating): exit 0 with the warnings, or 2 with one line per problem. Anything else
     * thrown is what the command line would report as an internal error.
     */
    private static Cli direct(Path file, List<String> sets) {
        List<String> overrides = new ArrayList<>();
        for (int i = 1; i < sets.size(); i += 2) {
            overrides.add(sets.get(i));
        }
        try {
            LoadedScenario loaded = ScenarioLoader.load(file, overrides);
            return new Cli(Main.OK, "", loaded.warnings().stream().map(w -> w + " (warning)\n").reduce("", String::concat));
        } catch (ScenarioException e) {
            return new Cli(Main.BAD_INPUT, "", e.problems().stream().map(p -> p + "\n").reduce("", String::concat));
        }
    }

    /** Null, or what is wrong with how a command ended. */
    private static String check(String command, Cli c) {
        if (c.code() != 0 && c.code() != 2) {
            return command + " exited " + c.code() + ": " + c.err();
        }
        if (c.hasStackTrace()) {
            return command + " printed an exception: " + c.err();
        }
        for (String line : command.equals("validate") ? c.errLines() : List.<String>of()) {
            if (!LOCATED.matcher(line).matches()) {
                return command + " printed a line without a location: " + line;
            }
        }
        return null;
    }

    private static String intact(Path out) throws IOException {
        Verification v = Verification.of(out);
        if (!v.intact()) {
            return "the run directory is not intact: " + v.problem();
        }
        for (String table : List.of("provinces.csv", "sectors.csv", "flows.csv", "firms.csv")) {
            String csv = Files.readString(out.resolve(table));
            if (csv.contains("NaN") || csv.contains("Infinity")) {
                return table + " holds a non-finite number";
            }
        }
        return null;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Tags that name Java classes are refused where they are written, and build nothing. */
    @Test
    void tagsNamingJavaClassesBuildNothing() throws IOException {
        String base = Files.readString(work.resolve("two-regions.yaml"));
        for (String tag : FuzzEdits.TAGS) {
            for (String key : List.of("description: >", "seed: 20200101", "  labor: {scale: 1.0, default: 0.3}")) {
                Path file = work.resolve("tagged.yaml");
                String value = key.substring(key.indexOf(':') + 2);
                Files.writeString(file, base.replace(key, key.substring(0, key.indexOf(':') + 1) + " " + tag + " "
                        + (value.equals(">") ? "\"x\"" : value)));
                Cli validate = Cli.run("validate", file.toString());
                assertEquals(2, validate.code(), validate::toString);
                assertFalse(validate.hasStackTrace(), validate::err);
                assertTrue(validate.err().contains("YAML tags such as"), validate::err);
            }
        }
        Path file = work.resolve("tagged.yaml");
        Files.writeString(file, base.replace("seed: 20200101", "seed: !!" + Canary.class.getName() + " {}"));
        Cli validate = Cli.run("validate", file.toString());
        assertEquals(2, validate.code(), validate::toString);
        assertTrue(validate.err().contains(": seed: YAML tags such as '!!" + Canary.class.getName()), validate::err);
        assertFalse(canaryTouched, "a YAML tag built a Java object");
    }

    /** The tally's counts hold: a run of the default size draws every kind of mutation. */
    @Test
    void everyKindOfMutationIsDrawn() {
        Map<FuzzEdits.Kind, Integer> drawn = new TreeMap<>();
        List<String> bases = List.of("two-regions.yaml", "baseline.yaml");
        for (int i = 0; i < 2000; i++) {
            FuzzEdits.draw(new SplittableRandom(SEED * 1_000_003L + i), bases, work).kinds()
                    .forEach(k -> drawn.merge(k, 1, Integer::sum));
        }
        for (FuzzEdits.Kind kind : FuzzEdits.Kind.values()) {
            assertTrue(drawn.getOrDefault(kind, 0) >= 20, kind + " drawn " + drawn.get(kind) + " times");
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
