package yrdsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mutations of {@link ScenarioFuzzTest}: edits of a shipped scenario's lines, of its bytes,
 * of the overrides it is validated with, and whole scenarios of many regions. Each case is drawn
 * from its own seeded generator, so it can be drawn again alone.
 */
final class FuzzEdits {

    /** The file, in the fuzz directory, far over the size limit (sparse). */
    static final String HUGE = "huge.yaml";

    /** The small scenario: its mutants are also run. */
    static final String SMALL = "two-regions.yaml";

    /** What an edit does. */
    enum Kind {
        DELETE_LINE, DUPLICATE_LINE, REPLACE_VALUE, REPLACE_NUMBER, HUGE_NUMBER, INDENT, DEDENT, GARBAGE, TRUNCATE,
        TAG, DOCUMENT_TAG, ANCHOR_OR_ALIAS, NUL, BAD_UTF8, PERIOD, STEPS, EXTREME_SET, REGIONS, HUGE_FILE
    }

    /** Replacement scalars: wrong types, extreme and non-finite numbers, odd strings. */
    private static final List<String> VALUES = List.of("abc", "''", "[]", "{}", "[1, 2]", "{a: 1}", "true", "null",
            "~", ".nan", ".inf", "-.inf", "NaN", "Infinity", "1e308", "-1e308", "1e309", "4.9e-324", "0", "-0.0", "-1",
            "1", "0.5", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "2020Q5",
            "0x1F", "1_000", "+1", "1e-9", "100", "'1'", "\"\\u0000\"", "é", "2e3");
    /** Replacement numbers: the edges of every range and beyond. */
    private static final List<String> NUMBERS = List.of(".nan", ".inf", "-.inf", "1e308", "-1e308", "1e-320", "0",
            "-0.0", "-1", "-0.25", "1e-9", "0.999999", "1", "1.000001", "2", "10", "100", "1000", "1e6", "2147483648",
            "-2147483649", "0.0001", "64", "1e300", "0.3", "0.5", "0.75");
    /** Numbers beyond what a double or a long holds, or written in ways YAML 1.1 reads oddly. */
    private static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "1e-400", "9".repeat(400),
            "123456789012345678901234567890.5", "0x7fffffffffffffff", "0b1111", "0o777", "1:30", "1_000_000_000_000",
            "-9223372036854775809", "1.7976931348623157e308", "2.2250738585072014E-308");
    /** Lines that are not valid YAML, or YAML that a scenario must not accept. */
    private static final List<String> GARBAGE = List.of(": :", "[", "{a: 1", "\t- x", "key: [1, 2", "&a x: 1",
            "x: *undefined", "? [a, b]\n: c", "%YAML 1.1", "---", "...", "- - -", "'unterminated", "a: b: c",
            "<<: {name: other}", "x: !!binary AAAA", "\u0000", "seed: 1\nseed: 2", "%TAG ! tag:example.com,2000:");
    /**
     * Tags that would build Java objects under a YAML loader that honours them; the canary's
     * constructor records any attempt.
     */
    static final List<String> TAGS = List.of("!!java.io.File", "!!java.net.URL",
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/x\"]]]]",
            "!!" + ScenarioFuzzTest.Canary.class.getName(), "!!" + ScenarioFuzzTest.Canary.class.getName() + " {}",
            "!<tag:yaml.org,2002:java.lang.Runtime>", "!!java.lang.ProcessBuilder", "!!float", "!!str", "!!int",
            "!!map", "!custom");
    private static final List<String> PERIODS = List.of("1899Q4", "1900Q1", "1950Q2", "2199Q1", "2200Q4", "2201Q1",
            "9999Q4", "0000Q1", "2020Q5", "2020Q0", "2020q1", "20Q1", "2020Q1 ");
    private static final List<String> STEP_COUNTS = List.of("0", "-1", "1", "8", "723", "724", "725", "1204", "1205",
            "100000", "2147483647", "2147483648", "1.5", "'64'");
    private static final List<String> EVENT_STEPS = List.of("-1", "0", "63", "64", "723", "724", "800", "2147483647",
            "-2147483648", "2201Q1", "1899Q4");
    /** Declared paths without placeholders, for extreme overrides. */
    private static final List<String> SET_PATHS = List.of("barriers.labor.scale", "barriers.capital.scale",
            "barriers.technology.scale", "policies.common_market", "policies.green_development.carbon_price",
            "policies.flagship_support.rate", "policies.flagship_support.top_percent", "policies.little_giants.rate",
            "policies.little_giants.max_revenue", "policies.innovation_alliances.spillover_boost",
            "enterprises.size_exponent", "enterprises.size_sigma", "enterprises.size_lower_exponent",
            "parameters.plan_smoothing", "parameters.capital_mobility", "parameters.exit_hazard",
            "parameters.worker_mobility", "parameters.talent_mobility_ratio", "parameters.relocation_rate",
            "parameters.tech_decay", "parameters.gibrat_sigma", "parameters.entry_hurdle", "parameters.entrant_size",
            "parameters.sector_defaults.iotf.demand_growth", "parameters.sector_defaults.traditional.gamma",
            "parameters.cluster_min_firms", "parameters.exit_loss_quarters");
    private static final List<Integer> REGION_COUNTS = List.of(0, 1, 3, 8, 64, 65, 300, 3000);
    private static final List<byte[]> BAD_BYTES = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0x80});
    private static final Pattern NUMBER = Pattern.compile(
            "(?<=[\\s:\\[,])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?(?=\\s*[,\\]}]|\\s*$)", Pattern.MULTILINE);

    /**
     * One case: the file's bytes, the overrides it is validated with, whether the file is grown
     * past the size limit, and what was done.
     */
    record Case(String base, byte[] bytes, List<String> overrides, boolean huge, List<Kind> kinds, List<String> edits) {

        /** Whether the case is also run: a mutant of the small scenario, at its own horizon. */
        boolean runs() {
            return base.equals(SMALL) && !huge && !kinds.contains(Kind.STEPS) && !kinds.contains(Kind.PERIOD)
                    && !kinds.contains(Kind.REGIONS);
        }

        String describe() {
            return base + ": " + String.join("; ", edits);
        }
    }

    private FuzzEdits() {
    }

    /** A case: a base scenario (the small one a quarter of the time) and one to four edits. */
    static Case draw(SplittableRandom random, List<String> bases, Path dir) {
        String base = random.nextInt(4) == 0 && bases.contains(SMALL) ? SMALL : pick(random, bases);
        String text;
        try {
            text = Files.readString(dir.resolve(base));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Kind[] kinds = Kind.values();
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<String> overrides = new ArrayList<>();
        List<Kind> done = new ArrayList<>();
        List<String> edits = new ArrayList<>();
        List<byte[]> badBytes = new ArrayList<>();
        List<Integer> badAt = new ArrayList<>();
        boolean huge = false;
        int count = random.nextBoolean() ? 1 : 2 + random.nextInt(3);
        for (int e = 0; e < count && !lines.isEmpty(); e++) {
            // Numbers at the edges of their ranges are what reach the model: drawn most often.
            Kind kind = random.nextInt(5) < 2 ? Kind.REPLACE_NUMBER : kinds[random.nextInt(kinds.length)];
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            done.add(kind);
            edits.add(kind + "@" + (at + 1));
            switch (kind) {
                case DELETE_LINE -> lines.remove(at);
                case DUPLICATE_LINE -> lines.add(at, line);
                case REPLACE_VALUE -> lines.set(at, replaceValue(line, pick(random, VALUES)));
                case REPLACE_NUMBER -> lines = replaceNumber(lines, random, pick(random, NUMBERS));
                case HUGE_NUMBER -> lines = replaceNumber(lines, random, pick(random, HUGE_NUMBERS));
                case INDENT -> lines.set(at, "  " + line);
                case DEDENT -> lines.set(at, line.startsWith("  ") ? line.substring(2) : line.stripLeading());
                case GARBAGE -> lines.add(at, pick(random, GARBAGE));
                case TRUNCATE -> {
                    String joined = String.join("\n", lines);
                    lines = new ArrayList<>(joined.substring(0, random.nextInt(joined.length() + 1)).lines().toList());
                }
                case TAG -> lines.set(at, replaceValue(line, pick(random, TAGS) + " "
                        + (line.contains(": ") ? line.substring(line.indexOf(": ") + 2) : "x")));
                case DOCUMENT_TAG -> lines.add(0, "--- " + pick(random, TAGS));
                case ANCHOR_OR_ALIAS -> lines.set(at, switch (random.nextInt(3)) {
                    case 0 -> replaceValue(line, "*undefined_anchor");
                    case 1 -> replaceValue(line, "&a " + (line.contains(": ") ? line.substring(line.indexOf(": ") + 2)
                            : "x"));
                    default -> replaceValue(line, "*a");
                });
                case NUL -> lines.set(at, random.nextBoolean() ? replaceValue(line, "\"a\\0b\"")
                        : line.substring(0, line.length() / 2) + "\u0000" + line.substring(line.length() / 2));
                case BAD_UTF8 -> {
                    badBytes.add(pick(random, BAD_BYTES));
                    badAt.add(random.nextInt(1 << 20));
                }
                case PERIOD -> overrides.add(random.nextBoolean() ? "time.start=" + pick(random, PERIODS)
                        : "timeline.0.at=" + pick(random, EVENT_STEPS));
                case STEPS -> overrides.add("time.steps=" + pick(random, STEP_COUNTS));
                case EXTREME_SET -> overrides.add(pick(random, SET_PATHS) + "=" + pick(random,
                        random.nextBoolean() ? NUMBERS : HUGE_NUMBERS));
                case REGIONS -> lines = regions(lines, pick(random, REGION_COUNTS));
                case HUGE_FILE -> {
                    if (random.nextBoolean()) {
                        huge = true;
                    } else {
                        lines.removeIf(l -> l.startsWith("extends:"));
                        lines.add(0, "extends: " + HUGE);
                    }
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        }
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < badBytes.size(); i++) {
            bytes = insert(bytes, badAt.get(i) % (bytes.length + 1), badBytes.get(i));
        }
        return new Case(base, bytes, overrides, huge, done, edits);
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
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

    /** One number of the text, chosen at random, replaced by {@code value}. */
    private static List<String> replaceNumber(List<String> lines, SplittableRandom random, String value) {
        String joined = String.join("\n", lines);
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(joined);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return lines;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return new ArrayList<>((joined.substring(0, span[0]) + value + joined.substring(span[1])).lines().toList());
    }

    /**
     * The text with its regions replaced by {@code n} regions (appended where it has none of its
     * own), and the small scenario's shares spread evenly over them.
     */
    private static List<String> regions(List<String> lines, int n) {
        StringBuilder block = new StringBuilder("regions:");
        StringBuilder shares = new StringBuilder();
        for (int i = 0; i < n; i++) {
            block.append("\n  - {name: R").append(i).append(", center: [").append(118 + i % 10 * 0.3).append(", ")
                    .append(30 + i % 7 * 0.3).append("], workers: 1000, talent: 100, public_research: 20}");
            shares.append(i == 0 ? "" : ", ").append("R").append(i).append(": ").append(1.0 / Math.max(1, n));
        }
        if (n == 0) {
            block.append(" []");
        }
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        for (String line : lines) {
            if (line.startsWith("regions:")) {
                out.add(block.toString());
                skipping = true;
                continue;
            }
            if (skipping && (line.startsWith(" ") || line.isEmpty())) {
                continue;
            }
            skipping = false;
            out.add(line.replace("{A: 0.5, B: 0.5}", "{" + shares + "}"));
        }
        if (!out.contains(block.toString())) {
            out.add(block.toString());
        }
        return new ArrayList<>(String.join("\n", out).lines().toList());
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
