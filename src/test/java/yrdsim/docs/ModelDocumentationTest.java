package yrdsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/MODEL.md lists every parameter with the default the code actually uses. */
class ModelDocumentationTest {

    /** Table rows of docs/MODEL.md keyed by their first cell (a `code` name). */
    private static Map<String, String[]> rows() throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/MODEL.md"))) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String key = cells[1].trim().replace("`", "");
                rows.putIfAbsent(key, cells);
            }
        }
        return rows;
    }

    private static JsonNode defaults() throws Exception {
        try (InputStream in = ModelDocumentationTest.class.getResourceAsStream("/yrdsim/defaults.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }

    @Test
    void everyParameterIsDocumentedWithItsDefault() throws Exception {
        Map<String, String[]> rows = rows();
        JsonNode parameters = defaults().get("parameters");
        Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("sector_defaults")) {
                continue;
            }
            String[] row = rows.get(field.getKey());
            assertNotNull(row, "docs/MODEL.md has no row for parameter " + field.getKey());
            if (field.getValue().isNumber()) {
                assertEquals(field.getValue().asDouble(), Double.parseDouble(row[2].trim()), 0,
                        "documented default of " + field.getKey());
            }
        }
    }

    @Test
    void everySectorDefaultIsDocumentedForBothKinds() throws Exception {
        Map<String, String[]> rows = rows();
        JsonNode kinds = defaults().get("parameters").get("sector_defaults");
        for (String name : List.of("alpha", "beta", "eta", "tau", "gamma", "rho", "epsilon", "demand_growth",
                "phi_mar", "phi_jacobs", "psi", "emission_intensity")) {
            String[] row = rows.get(name);
            assertNotNull(row, "docs/MODEL.md has no row for sector parameter " + name);
            assertEquals(kinds.get("traditional").get(name).asDouble(), Double.parseDouble(row[2].trim()), 0, name);
            assertEquals(kinds.get("iotf").get(name).asDouble(), Double.parseDouble(row[3].trim()), 0, name);
        }
    }
}
