package yrdsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * THIRD-PARTY.md lists what the jar ships: its table equals the one the build derived from the
 * dependencies' POMs (license-maven-plugin, before the tests run), and no licence in it is GPL or
 * AGPL. The build itself already fails on a licence outside its whitelist; this test catches a
 * THIRD-PARTY.md left behind when a dependency is added, removed or upgraded.
 */
class ThirdPartyTest {

    private static final Path GENERATED = Path.of("target/generated-sources/license/THIRD-PARTY.md");
    private static final Path CHECKED_IN = Path.of("THIRD-PARTY.md");
    /** GPL or AGPL of any version, but not the LGPL. */
    static final Pattern STRONG_COPYLEFT = Pattern.compile("(?<![L\\w-])(A?GPL|Affero)|General Public Licen[cs]e(?<!Lesser General Public Licen[cs]e)");

    private static List<String> tableRows(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("|")).toList();
    }

    @Test
    void theCheckedInTableIsTheOneTheBuildDerived() throws IOException {
        assertTrue(Files.isRegularFile(GENERATED), GENERATED + " is missing: run the tests through Maven, "
                + "whose generate-resources phase writes it");
        List<String> generated = tableRows(GENERATED);
        assertTrue(generated.size() > 10, "the build found the shipped dependencies: " + generated);
        assertEquals(String.join("\n", generated), String.join("\n", tableRows(CHECKED_IN)),
                "THIRD-PARTY.md's table differs from " + GENERATED + ": copy the new table in and write a "
                        + "judgement for any new licence");
    }

    @Test
    void noShippedDependencyIsGplOrAgpl() throws IOException {
        for (String row : tableRows(GENERATED)) {
            String licence = row.split("\\|")[3];
            assertFalse(STRONG_COPYLEFT.matcher(licence).find(), "a GPL or AGPL dependency ships: " + row);
        }
    }

    @Test
    void theCopyleftPatternTellsGplFromLgpl() {
        for (String gpl : List.of("AGPL-3.0-only", "GPL-2.0-or-later", "GNU Affero General Public License v3",
                "GNU General Public License, version 2", "GPL-2.0-with-classpath-exception")) {
            assertTrue(STRONG_COPYLEFT.matcher(gpl).find(), gpl);
        }
        for (String ok : List.of("LGPL-2.1-or-later", "EPL-1.0 OR LGPL-2.1-only", "GNU Lesser General Public License",
                "Apache-2.0", "AFL-3.0 AND BSD-3-Clause AND Artistic-1.0 AND SPL-1.0")) {
            assertFalse(STRONG_COPYLEFT.matcher(ok).find(), ok);
        }
    }
}
