package yrdsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE.md, checked on the sources: each package, sub-packages
 * included, refers only to the packages below it; only ui and report touch AWT or Swing; and no
 * two files in different packages depend on each other through any chain of references.
 *
 * <p>References are read from the code with comments and string literals removed: imports,
 * fully qualified names anywhere in the code ({@code yrdsim.model.FirmRules.quantity(...)}), and
 * for the same package, the simple names of its classes.
 */
class ArchitectureTest {

    /** Which yrdsim packages each package may refer to (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("scenario", Set.of()),
            Map.entry("model", Set.of("scenario")),
            Map.entry("model.fast", Set.of("scenario", "model")),
            Map.entry("model.reference", Set.of("scenario", "model")),
            Map.entry("metrics", Set.of("scenario", "model")),
            Map.entry("output", Set.of("scenario", "model", "metrics")),
            Map.entry("run", Set.of("scenario", "model", "model.fast", "model.reference", "metrics", "output")),
            Map.entry("report", Set.of("scenario", "model", "metrics", "output")),
            Map.entry("compare", Set.of("scenario", "model", "metrics", "output", "run", "report", "calibrate",
                    "sweep")),
            Map.entry("atlas", Set.of("scenario", "model", "metrics", "output", "run", "report", "compare",
                    "sweep")),
            Map.entry("calibrate", Set.of("scenario", "model", "metrics", "output", "run", "report", "sweep")),
            Map.entry("sweep", Set.of("scenario", "model", "metrics", "output", "run")),
            Map.entry("docs", Set.of("scenario", "model", "metrics", "output", "run", "compare", "sweep")),
            Map.entry("ui", Set.of("scenario", "model", "metrics", "output", "run")),
            Map.entry("cli", Set.of("scenario", "model", "metrics", "output", "run", "report", "compare", "sweep",
                    "calibrate", "ui", "atlas")));
    private static final Set<String> DESKTOP = Set.of("ui", "report");
    private static final Path SOURCES = Path.of("src/main/java/yrdsim");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile("\\byrdsim((?:\\.[a-z]\\w*)+)\\.([A-Z]\\w*)");
    private static final Pattern AWT = Pattern.compile("\\b(java\\.awt|javax\\.swing)\\.");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Z]\\w*\\b");

    /** A source file: its package below yrdsim (dotted), its class, and its code without comments or strings. */
    private record Source(String pkg, String name, String code, Path path) {
        String id() {
            return pkg + "." + name;
        }
    }

    private static List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String pkg = relative.getParent().toString().replace('/', '.').replace('\\', '.');
                String name = relative.getFileName().toString().replace(".java", "");
                sources.add(new Source(pkg, name, code(Files.readString(file)), relative));
            }
        }
        return sources;
    }

    /** The code of a Java file with comments, string and character literals and text blocks blanked out. */
    static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c) {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Every file each file refers to, by id ("model.FirmRules"). */
    private static Map<String, Set<String>> references(List<Source> sources) {
        Map<String, Source> byId = new HashMap<>();
        Map<String, Set<String>> classesOf = new HashMap<>();
        for (Source s : sources) {
            byId.put(s.id(), s);
            classesOf.computeIfAbsent(s.pkg(), k -> new TreeSet<>()).add(s.name());
        }
        Map<String, Set<String>> refs = new TreeMap<>();
        for (Source s : sources) {
            Set<String> targets = new TreeSet<>();
            Matcher imports = IMPORT.matcher(s.code());
            while (imports.find()) {
                String name = imports.group(2);
                if (name.startsWith("yrdsim.")) {
                    if (imports.group(3) != null) {
                        // A wildcard import: every class of that package whose simple name the code uses.
                        String pkg = name.substring("yrdsim.".length());
                        usedNames(s.code(), classesOf.getOrDefault(pkg, Set.of()))
                                .forEach(c -> targets.add(pkg + "." + c));
                    } else {
                        targets.add(resolve(name.substring("yrdsim.".length()), byId));
                    }
                }
            }
            Matcher qualified = QUALIFIED.matcher(s.code());
            while (qualified.find()) {
                targets.add(qualified.group(1).substring(1) + "." + qualified.group(2));
            }
            usedNames(s.code(), classesOf.get(s.pkg())).forEach(c -> targets.add(s.pkg() + "." + c));
            targets.remove(s.id());
            targets.removeIf(t -> !byId.containsKey(t) && !t.contains("?"));
            refs.put(s.id(), targets);
        }
        return refs;
    }

    /** The id of the file that declares {@code dotted} (a class, a nested class, or a static member). */
    private static String resolve(String dotted, Map<String, Source> byId) {
        String candidate = dotted;
        while (candidate.contains(".")) {
            if (byId.containsKey(candidate)) {
                return candidate;
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('.'));
        }
        return dotted + "?";
    }

    private static Set<String> usedNames(String code, Set<String> names) {
        Set<String> used = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            if (names.contains(m.group())) {
                used.add(m.group());
            }
        }
        return used;
    }

    private static String pkgOf(String id) {
        return id.substring(0, id.lastIndexOf('.'));
    }

    @Test
    void packagesReferToOnlyTheLayersBelowThem() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Source> sources = sources();
        Map<String, Set<String>> refs = references(sources);
        for (Source s : sources) {
            Set<String> allowed = ALLOWED.get(s.pkg());
            if (allowed == null) {
                violations.add(s.path() + ": package '" + s.pkg() + "' has no place in the layering");
                continue;
            }
            for (String target : refs.get(s.id())) {
                String pkg = pkgOf(target);
                if (target.endsWith("?")) {
                    violations.add(s.path() + " refers to an unknown yrdsim class " + target);
                } else if (!pkg.equals(s.pkg()) && !allowed.contains(pkg)) {
                    violations.add(s.path() + " refers to yrdsim." + target);
                }
            }
            if (!DESKTOP.contains(s.pkg()) && AWT.matcher(s.code()).find()) {
                violations.add(s.path() + " uses AWT or Swing");
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noFilesInDifferentPackagesDependOnEachOther() throws IOException {
        Map<String, Set<String>> refs = references(sources());
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(refs)) {
            Set<String> packages = new TreeSet<>();
            component.forEach(id -> packages.add(pkgOf(id)));
            if (packages.size() > 1) {
                cycles.add("a cycle through packages " + packages + ": " + component);
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void theReaderSeesQualifiedNamesAndIgnoresComments() {
        String code = code("""
                // yrdsim.ui.Comment is not a reference
                /* nor yrdsim.ui.Block */
                String s = "yrdsim.ui.InAString";
                double q = yrdsim.model.FirmRules.quantity(1, 2);
                """);
        Matcher m = QUALIFIED.matcher(code);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).substring(1) + "." + m.group(2));
        }
        assertEquals(List.of("model.FirmRules"), found);
        Map<String, Set<String>> cyclic = Map.of("a.X", Set.of("b.Y"), "b.Y", Set.of("b.Z"), "b.Z", Set.of("a.X"),
                "c.W", Set.of("a.X"));
        List<Set<String>> components = stronglyConnected(cyclic);
        assertTrue(components.contains(Set.of("a.X", "b.Y", "b.Z")), "a cycle through a same-package edge is found");
        assertTrue(components.contains(Set.of("c.W")));
    }

    /** Tarjan's strongly connected components of {@code graph}, iteratively (deep chains do not overflow). */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String root : new TreeSet<>(graph.keySet())) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {root, new ArrayList<>(graph.getOrDefault(root, Set.of())).iterator()});
            index.put(root, counter[0]);
            low.put(root, counter[0]++);
            stack.push(root);
            onStack.add(root);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                @SuppressWarnings("unchecked")
                var it = (java.util.Iterator<String>) frame[1];
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[] {w, new ArrayList<>(graph.getOrDefault(w, Set.of())).iterator()});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = (String) work.peek()[0];
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        Set<String> component = new TreeSet<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            component.add(w);
                        } while (!w.equals(v));
                        components.add(component);
                    }
                }
            }
        }
        return components;
    }
}
