package yrdsim.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import yrdsim.model.YrdModel;
import yrdsim.output.AtomicFiles;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;
import yrdsim.scenario.ScenarioTree;

/**
 * Writes the GUI's current settings as a scenario that {@code yrdsim run} reproduces: the
 * scenario as loaded (defaults, {@code extends} and overrides merged), every lever change made
 * live as a timeline event at the step it took effect, and the seed of the run. It is named
 * after its file, so its results do not land in the original scenario's directory, and the live
 * events are marked as assumptions in {@code sources}, so {@code yrdsim validate} stays quiet.
 */
final class ScenarioSaver {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private ScenarioSaver() {
    }

    /**
     * The scenario text for {@code file}. Call with the schedule locked, after the run has
     * started and after pending lever changes were committed to the timeline.
     *
     * @throws ScenarioException when the result would not load (a bug: it is checked before it is returned)
     */
    static String yaml(YrdModel m, Path file) throws ScenarioException {
        ScenarioTree replayable = m.timeline().replayable();
        ObjectNode root;
        try {
            root = (ObjectNode) YAML.readTree(replayable.toYaml());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the scenario tree did not read back as YAML", e);
        }
        String original = root.path("name").asText();
        String name = nameFor(file, original);
        int fileEvents = m.loaded().scenario().timeline().size();
        int live = m.timeline().events().size() - fileEvents;
        root.put("name", name);
        root.put("seed", m.seed());
        root.put("description", String.format(java.util.Locale.ROOT,
                "Saved from yrdsim gui after %d steps of %s (seed %d), with %d lever change%s made live. %s",
                m.step(), original, m.seed(), live, live == 1 ? "" : "s", root.path("description").asText("")).trim());
        ObjectNode sources = root.withObjectProperty("sources");
        for (int i = fileEvents; i < fileEvents + live; i++) {
            JsonNode at = root.path("timeline").path(i).path("at");
            sources.put("timeline." + i + ".**", "assumption: set live in yrdsim gui, from " + at.asText());
        }
        String text;
        try {
            text = YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scenario as YAML", e);
        }
        ScenarioLoader.bind(ScenarioTree.parse(text, file.toString()));
        return text;
    }

    /** Writes {@link #yaml} to {@code file} atomically. */
    static void save(YrdModel m, Path file) throws ScenarioException, IOException {
        AtomicFiles.write(file, yaml(m, file));
    }

    /** The file's name without {@code .yaml} when it is a valid scenario name, else {@code <original>-gui}. */
    static String nameFor(Path file, String original) {
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return SAFE_NAME.matcher(stem).matches() ? stem : original + "-gui";
    }
}
