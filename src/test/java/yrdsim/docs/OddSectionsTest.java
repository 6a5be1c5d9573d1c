package yrdsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/MODEL.md's submodel sections (7.x) each name the class that runs them, every class the
 * document names exists, and each submodel class names its section back, so a reader can go from
 * the description to the code and back.
 */
class OddSectionsTest {

    private static final Path DOC = Path.of("docs/MODEL.md");
    private static final Path SOURCES = Path.of("src/main/java/yrdsim");
    private static final Pattern CLASS = Pattern.compile("`((?:model|metrics)(?:/[a-z]+)?)/([A-Z]\\w*)`");

    @Test
    void everySubmodelSectionNamesItsClassAndTheClassNamesItsSection() throws Exception {
        String doc = Files.readString(DOC);
        String[] sections = doc.split("(?m)^### ");
        List<String> problems = new ArrayList<>();
        int submodels = 0;
        for (String section : sections) {
            Matcher heading = Pattern.compile("^(7\\.\\d+) ").matcher(section);
            if (!heading.find()) {
                continue;
            }
            submodels++;
            String number = heading.group(1);
            Matcher runsIn = Pattern.compile("\\*Runs in\\* `model/([A-Z]\\w*)`").matcher(section);
            if (!runsIn.find()) {
                problems.add("section " + number + " names no class it runs in");
                continue;
            }
            Path source = SOURCES.resolve("model").resolve(runsIn.group(1) + ".java");
            if (!Files.exists(source)) {
                problems.add("section " + number + " names " + runsIn.group(1) + ", which does not exist");
            } else if (!Files.readString(source).contains("docs/MODEL.md " + number)) {
                problems.add(runsIn.group(1) + " does not name its section, docs/MODEL.md " + number);
            }
        }
        assertTrue(submodels >= 7, "docs/MODEL.md has " + submodels + " submodel sections");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyClassTheModelDocumentNamesExists() throws Exception {
        Matcher m = CLASS.matcher(Files.readString(DOC));
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            Path source = SOURCES.resolve(m.group(1)).resolve(m.group(2) + ".java");
            if (!Files.exists(source)) {
                missing.add(m.group(1) + "/" + m.group(2));
            }
        }
        assertEquals(List.of(), missing);
    }
}
