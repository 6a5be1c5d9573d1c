package yrdsim.run;

import java.io.ObjectInputFilter;
import java.util.Set;
import yrdsim.scenario.Scenario;

/**
 * What a checkpoint may make the reader build (JEP 290): the model's own classes (any class in
 * {@code yrdsim.}, so the model can gain and rename classes freely), the few MASON and JDK
 * classes a model is made of, and the scenario tree's JSON nodes; and graphs no larger than the
 * largest model the scenario validator admits. Anything else stops the read at that object,
 * before it is built, so a crafted file (a gadget chain, an array of two billion longs) costs
 * nothing but the bytes read up to it. One filter serves one read and keeps the first reason it
 * refused, for the one-line message.
 *
 * <p>The JDK and MASON classes are those found by reading checkpoints of the fast and reference
 * engines on the shipped scenarios through a filter that logged every class, plus the boxed
 * values and immutable collections the JDK may substitute for them. Limits, from the same
 * measurements: depth 13 (fast) and 10 (reference); references about 28 per enterprise and
 * arrays about 5.6 slots per enterprise (the reference engine's schedule heap, a power of two);
 * the fast engine's arrays 1.25 per enterprise.
 */
final class CheckpointFilter implements ObjectInputFilter {

    /** Nesting of objects; a checkpoint measured 13. Deeper graphs only serve to exhaust the stack. */
    static final long MAX_DEPTH = 100;
    /** Elements of one array: room for the reference engine's schedule at the most enterprises a scenario may have. */
    static final long MAX_ARRAY = 8L * Scenario.MAX_ENTERPRISES;
    /** Objects in one checkpoint: twice the reference engine's 28 per enterprise at the most enterprises. */
    static final long MAX_REFERENCES = 64L * Scenario.MAX_ENTERPRISES;

    private static final String MODEL = "yrdsim.";
    private static final String JSON_NODES = "com.fasterxml.jackson.databind.node.";
    private static final Set<String> CLASSES = Set.of(
            "ec.util.MersenneTwisterFast",
            "sim.engine.SimState", "sim.engine.Schedule", "sim.engine.Schedule$Key", "sim.engine.IterativeRepeat",
            "sim.engine.Steppable", "sim.engine.Stoppable", "sim.util.Bag", "sim.util.Heap",
            "java.lang.Object", "java.lang.Number", "java.lang.Enum", "java.lang.Comparable", "java.lang.String",
            "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.lang.Character",
            "java.lang.invoke.SerializedLambda",
            "java.util.ArrayList", "java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap",
            "java.util.LinkedHashSet", "java.util.Map$Entry", "java.util.CollSer",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN",
            "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableSet",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$EmptyList",
            "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet");

    /** Bytes of the decompressed stream: a graph larger than this JVM's heap cannot be built anyway. */
    private final long maxBytes = Runtime.getRuntime().maxMemory();
    private String refused;

    /** Why the read was refused, or null if it was not. */
    String refused() {
        return refused;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return refuse("objects nested " + info.depth() + " deep, more than " + MAX_DEPTH);
        }
        if (info.references() > MAX_REFERENCES) {
            return refuse("more than " + MAX_REFERENCES + " objects");
        }
        if (info.streamBytes() > maxBytes) {
            return refuse("more than " + maxBytes + " bytes, this JVM's heap (-Xmx)");
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        if (info.arrayLength() > MAX_ARRAY) {
            return refuse("an array of " + info.arrayLength() + " elements, more than the " + MAX_ARRAY
                    + " a model has");
        }
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        String name = element.getName();
        if (element.isPrimitive() || name.startsWith(MODEL) || name.startsWith(JSON_NODES) || CLASSES.contains(name)) {
            return Status.ALLOWED;
        }
        return refuse("an object of class " + type.getName() + ", which no model is made of");
    }

    private Status refuse(String reason) {
        if (refused == null) {
            refused = "it holds " + reason;
        }
        return Status.REJECTED;
    }
}
