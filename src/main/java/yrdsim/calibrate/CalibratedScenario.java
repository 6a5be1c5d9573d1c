package yrdsim.calibrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import yrdsim.output.Manifest;
import yrdsim.output.Provenance;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioTree;

/**
 * {@code calibrated.yaml}: a scenario that {@code extends} the calibrated scenario (by a path
 * relative to the calibration directory) and sets every estimate, with a source for each that
 * names the calibration directory, the target file and the commit. Another scenario can
 * {@code extends} it in turn. A parameter inside a list (a sector's, named by its name) brings the
 * whole list, since {@code extends} replaces lists rather than merging them.
 */
final class CalibratedScenario {

    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private CalibratedScenario() {
    }

    static String yaml(Path dir, Path scenario, String name, ParameterFile params, double[] theta, Inference inference,
                       TargetFile targets, Manifest manifest) {
        ScenarioTree tree;
        try {
            tree = ScenarioTree.load(scenario);
            for (int j = 0; j < theta.length; j++) {
                ParameterFile.Parameter p = params.parameters().get(j);
                tree.set(p.path(), JsonNodeFactory.instance.numberNode(theta[j]), p.at());
            }
        } catch (ScenarioException e) {
            throw new IllegalStateException("the calibrated scenario no longer loads: " + e.getMessage(), e);
        }
        Path relative = dir.toAbsolutePath().normalize().relativize(scenario.toAbsolutePath().normalize());
        String commit = Provenance.gitCommit();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("name", name + "-calibrated");
        out.put("description", name + " with " + theta.length + " parameter" + (theta.length == 1 ? "" : "s")
                + " estimated by the method of simulated moments against " + targets.file().getFileName()
                + " (yrdsim calibrate, " + dir + ")");
        out.put("extends", relative.toString().replace('\\', '/'));
        for (ParameterFile.Parameter p : params.parameters()) {
            copyPath(tree.root(), out, p.path().split("\\."));
        }
        ObjectNode sources = out.putObject("sources");
        for (int j = 0; j < theta.length; j++) {
            ParameterFile.Parameter p = params.parameters().get(j);
            double se = inference.standardError(j);
            sources.put(p.path(), "estimated by yrdsim calibrate (method of simulated moments): " + theta[j]
                    + (Double.isFinite(se) ? ", standard error " + se : ", standard error undefined (not identified)")
                    + ", bounds [" + p.min() + ", " + p.max() + "], against the targets of "
                    + targets.file() + " (sha256 " + targets.sha256().substring(0, 12) + ") in " + dir
                    + ", yrdsim " + Provenance.version() + " commit " + commit
                    + "; see estimates.csv and moments.csv there");
        }
        try {
            return "# Written by yrdsim calibrate into " + dir + " (" + Manifest.FILE + " there has the provenance).\n"
                    + "# A scenario may extend this file to run with the estimates.\n" + WRITER.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the value at {@code parts} into {@code out}, or the whole list the path goes through. */
    private static void copyPath(JsonNode root, ObjectNode out, String[] parts) {
        JsonNode node = root;
        ObjectNode target = out;
        for (int i = 0; i < parts.length; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null) {
                return;
            }
            if (i == parts.length - 1 || child.isArray()) {
                target.set(parts[i], child.deepCopy());
                return;
            }
            JsonNode existing = target.get(parts[i]);
            target = existing instanceof ObjectNode o ? o : target.putObject(parts[i]);
            node = child;
        }
    }
}
