package yrdsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE.md, checked on the sources: each package imports only the
 * packages below it, and only ui and report touch AWT or Swing.
 */
class ArchitectureTest {

    /** Which yrdsim packages each package may import (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("scenario", Set.of()),
            Map.entry("model", Set.of("scenario")),
            Map.entry("metrics", Set.of("scenario", "model")),
            Map.entry("output", Set.of("scenario", "model", "metrics")),
            Map.entry("run", Set.of("scenario", "model", "metrics", "output")),
            Map.entry("report", Set.of("scenario", "model", "metrics", "output", "run")),
            Map.entry("compare", Set.of("scenario", "model", "metrics", "output", "run", "report")),
            Map.entry("sweep", Set.of("scenario", "model", "metrics", "output", "run")),
            Map.entry("ui", Set.of("scenario", "model", "metrics", "output", "run")),
            Map.entry("cli", Set.of("scenario", "model", "metrics", "output", "run", "report", "compare", "sweep",
                    "ui")));
    private static final Set<String> DESKTOP = Set.of("ui", "report");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?(yrdsim\\.([a-z]+)|java\\.awt|javax\\.swing)");
    private static final Path SOURCES = Path.of("src/main/java/yrdsim");

    @Test
    void packagesImportOnlyTheLayersBelowThem() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String pkg = relative.getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(relative + ": package '" + pkg + "' has no place in the layering");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(2);
                    if (target == null && !DESKTOP.contains(pkg)) {
                        violations.add(relative + " imports " + m.group(1));
                    } else if (target != null && !target.equals(pkg) && !allowed.contains(target)) {
                        violations.add(relative + " imports yrdsim." + target);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
