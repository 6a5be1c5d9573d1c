package yrdsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in {@code defaults.yaml} that every scenario is laid over, parsed once per process:
 * parsing it for every scenario cost more than validating the scenario.
 */
final class BuiltInDefaults {

    private static final String RESOURCE = "/yrdsim/defaults.yaml";
    /** Parsed when first needed; a class is initialized once, thread-safely. */
    private static final YamlSource.Parsed PARSED = parse();

    private BuiltInDefaults() {
    }

    /** A copy of the defaults' tree for one scenario to change (the locations are shared and never changed). */
    static YamlSource.Parsed copy() {
        return new YamlSource.Parsed(PARSED.root().deepCopy(), PARSED.locations());
    }

    private static YamlSource.Parsed parse() {
        try (InputStream in = BuiltInDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return YamlSource.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), ScenarioTree.DEFAULTS_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioException e) {
            throw new IllegalStateException("the built-in defaults are invalid: " + e.getMessage(), e);
        }
    }
}
