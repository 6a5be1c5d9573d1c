package yrdsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/FINDINGS.md is the atlas report of the full-size atlas whose tables are committed beside
 * it in docs/findings/ (atlas.csv, channels.csv, sensitivity.csv, sweep-results.csv, provenance.json): its every
 * number is what those tables say, rendered by the atlas's own report code. After a new full
 * atlas, copy its tables to docs/findings/ and run this test with {@code -Dyrdsim.docs.update=true}
 * to write FINDINGS.md again (the test then fails once, saying so). That the report of a fresh
 * atlas has FINDINGS.md's format is {@code AtlasCommandTest}'s.
 */
class FindingsTest {

    private static final Path FINDINGS = Path.of("docs", "FINDINGS.md");
    private static final Path TABLES = Path.of("docs", "findings");

    @Test
    void theFindingsAreTheReportOfTheTablesBesideThem() throws Exception {
        String rendered = AtlasReport.markdown(TABLES);
        if (Boolean.getBoolean("yrdsim.docs.update")) {
            Files.writeString(FINDINGS, rendered);
            throw new AssertionError(FINDINGS + " written from " + TABLES + "; run again without yrdsim.docs.update");
        }
        assertEquals(rendered, Files.readString(FINDINGS), FINDINGS + " differs from the report of " + TABLES
                + " (regenerate it: see the README, Policy atlas)");
    }
}
