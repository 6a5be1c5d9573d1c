package yrdsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import yrdsim.scenario.Declaration;
import yrdsim.scenario.Declarations;

/**
 * docs/MODEL.md's parameter tables and its lever table, and the README's lever table, agree
 * with the declaration table: every declared parameter and lever has a row, every row names a
 * declared path, and where a table states a unit or a valid range it is the declared one. A
 * failure names the row as it should read, so the fix is to copy it.
 */
class DeclarationDocumentationTest {

    /**
     * The rows of the markdown table whose header row starts with {@code header}, keyed by their
     * first cell without backticks; each row's cells trimmed, the first cell included.
     */
    static Map<String, List<String>> table(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                assertEquals(-1, at, file + " has two tables headed '" + header + "'");
                at = i;
            }
        }
        assertTrue(at >= 0, file + " has no table headed '" + header + "'");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = new ArrayList<>();
            for (String cell : lines.get(i).substring(1, lines.get(i).length() - 1).split("\\|", -1)) {
                cells.add(cell.trim());
            }
            String key = cells.get(0).replaceAll("`([^`]*)`.*", "$1");
            assertFalse(rows.containsKey(key), file + ": two rows for " + key);
            rows.put(key, cells);
        }
        return rows;
    }

    /** What a table cell says of a declaration's values: its range, or what it lists. */
    static String values(Declaration d) {
        return d.valid() != null ? d.valid().toString() : d.unit();
    }

    private static List<Declaration> parameters() {
        return Declarations.ALL.stream().filter(d -> d.path().startsWith("parameters.")
                && !d.path().startsWith("parameters.sector_defaults.")).toList();
    }

    private static String name(Declaration d) {
        return d.path().replaceFirst("^parameters\\.", "").replaceFirst("\\.\\*$", "");
    }

    @Test
    void modelParameterTableStatesEachDeclaredUnitAndRange() throws IOException {
        Map<String, List<String>> rows = table(Path.of("docs/MODEL.md"), "| parameter | default | unit | valid range |");
        Set<String> declared = new LinkedHashSet<>();
        for (Declaration d : parameters()) {
            declared.add(name(d));
            List<String> row = rows.get(name(d));
            String expected = "`" + name(d) + "` | DEFAULT | " + d.unit() + " | " + values(d) + " | SOURCE";
            assertNotNull(row, "docs/MODEL.md's parameter table has no row for " + d.path() + ": " + expected);
            assertEquals(d.unit() + " | " + values(d), row.get(2) + " | " + row.get(3), d.path() + ": " + expected);
        }
        assertEquals(declared, rows.keySet(), "rows of docs/MODEL.md's parameter table that are not declared");
    }

    @Test
    void modelSectorTableStatesEachDeclaredUnitAndRange() throws IOException {
        Map<String, List<String>> rows = table(Path.of("docs/MODEL.md"),
                "| parameter | traditional | IotF | unit | valid range |");
        Set<String> declared = new LinkedHashSet<>();
        for (Declaration d : Declarations.ALL) {
            if (d.path().startsWith("parameters.sector_defaults.")) {
                String name = d.path().substring(d.path().lastIndexOf('.') + 1);
                declared.add(name);
                List<String> row = rows.get(name);
                assertNotNull(row, "docs/MODEL.md's sector table has no row for " + name);
                assertEquals(d.unit() + " | " + values(d), row.get(3) + " | " + row.get(4), name);
            }
        }
        assertEquals(declared, rows.keySet(), "rows of docs/MODEL.md's sector table that are not declared");
    }

    @Test
    void modelEnterpriseTableStatesEachDeclaredUnitAndRange() throws IOException {
        Map<String, List<String>> rows = table(Path.of("docs/MODEL.md"), "| enterprises | default | unit | valid range |");
        Set<String> declared = new LinkedHashSet<>();
        for (Declaration d : Declarations.ALL) {
            if (d.path().startsWith("enterprises.")) {
                declared.add(d.path());
                List<String> row = rows.get(d.path());
                assertNotNull(row, "docs/MODEL.md's enterprise table has no row for " + d.path());
                assertEquals(d.unit() + " | " + values(d), row.get(2) + " | " + row.get(3), d.path());
            }
        }
        assertEquals(declared, rows.keySet(), "rows of docs/MODEL.md's enterprise table that are not declared");
    }

    /** A lever row's key (a path or a group of paths) and the declared levers it stands for. */
    private static Map<String, List<Declaration>> leverGroups(Set<String> keys) {
        Map<String, List<Declaration>> groups = new LinkedHashMap<>();
        for (String key : keys) {
            List<Declaration> members = Declarations.ALL.stream().filter(Declaration::isLever)
                    .filter(d -> expand(key).stream().anyMatch(k -> d.path().equals(k) || d.path().startsWith(k + ".")))
                    .toList();
            assertFalse(members.isEmpty(), "the lever table's row " + key + " names no declared lever");
            groups.put(key, members);
        }
        for (Declaration d : Declarations.ALL) {
            if (d.isLever()) {
                assertTrue(groups.values().stream().anyMatch(g -> g.contains(d)), "no lever row covers " + d.path());
            }
        }
        return groups;
    }

    /** {@code a.{x,y}.b} as {@code a.x.b} and {@code a.y.b}. */
    private static List<String> expand(String key) {
        int open = key.indexOf('{');
        if (open < 0) {
            return List.of(key);
        }
        int close = key.indexOf('}', open);
        List<String> out = new ArrayList<>();
        for (String choice : key.substring(open + 1, close).split(",")) {
            out.addAll(expand(key.substring(0, open) + choice.trim() + key.substring(close + 1)));
        }
        return out;
    }

    /** The valid-range cell of a lever row: one range, or each part's. */
    static String rangeCell(String key, List<Declaration> members) {
        if (members.size() == 1) {
            return values(members.get(0));
        }
        return members.stream().map(d -> "`" + d.path().substring(key.length() + 1).replaceAll("\\{[a-z]+}\\.", "")
                + "` " + values(d)).collect(Collectors.joining("; "));
    }

    @Test
    void readmeLeverTableStatesEachDeclaredRange() throws IOException {
        Map<String, List<String>> rows = table(Path.of("README.md"), "| key | what it does | valid range |");
        Map<String, List<Declaration>> groups = leverGroups(rows.keySet());
        for (Map.Entry<String, List<Declaration>> g : groups.entrySet()) {
            assertEquals(rangeCell(g.getKey(), g.getValue()), rows.get(g.getKey()).get(2),
                    "README's lever table, row " + g.getKey());
        }
    }

    @Test
    void modelLeverTableNamesEveryDeclaredLever() throws IOException {
        leverGroups(table(Path.of("docs/MODEL.md"), "| lever | effect in the model |").keySet());
    }
}
