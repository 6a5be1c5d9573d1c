package yrdsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Did you mean": close names only, closest first, case ignored. */
class SuggestionsTest {

    private static final List<String> PROVINCES = List.of("Shanghai", "Jiangsu", "Zhejiang", "Anhui");

    @Test
    void levenshteinCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestions.distance("anhui", "anhui"));
        assertEquals(1, Suggestions.distance("anhu", "anhui"));
        assertEquals(1, Suggestions.distance("regons", "regions"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(5, Suggestions.distance("", "anhui"));
    }

    @Test
    void closeNamesAreSuggestedAndFarOnesAreNot() {
        assertEquals(List.of("Anhui"), Suggestions.closest("Anhu", PROVINCES));
        assertEquals(List.of("Anhui"), Suggestions.closest("anhui", PROVINCES), "case is ignored");
        assertEquals(List.of("Zhejiang"), Suggestions.closest("Zhejang", PROVINCES));
        assertEquals(List.of(), Suggestions.closest("Beijing", PROVINCES));
        assertEquals(List.of("B"), Suggestions.closest("b", List.of("A", "B")), "one letter: only itself in another case");
        assertEquals(List.of("seed", "set"), Suggestions.closest("sed", List.of("steps", "seed", "set")),
                "ties in the order given; steps is too far");
        assertEquals(List.of("steps", "stepz"), Suggestions.closest("steps2", List.of("stepz", "steps")),
                "closest first");
        assertEquals("; did you mean 'Anhui'?", Suggestions.didYouMean("Anhu", PROVINCES));
        assertEquals("", Suggestions.didYouMean("Tibet", PROVINCES));
        assertEquals("unknown region 'Anhu'; did you mean 'Anhui'? (known: Shanghai, Jiangsu, Zhejiang, Anhui)",
                Suggestions.unknown("region", "Anhu", PROVINCES));
    }

    @Test
    void aMissingFileSuggestsCloseNamesInItsDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("baseline.yaml"), "");
        Files.writeString(dir.resolve("fragmented.yaml"), "");
        assertEquals("; did you mean " + dir.resolve("baseline.yaml") + "?",
                Suggestions.similarFile(dir.resolve("baselin.yaml")));
        assertEquals("", Suggestions.similarFile(dir.resolve("integration.yaml")));
        assertEquals("", Suggestions.similarFile(dir.resolve("no/such/dir/baseline.yaml")));
    }
}
