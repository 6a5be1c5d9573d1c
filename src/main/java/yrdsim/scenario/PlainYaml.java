package yrdsim.scenario;

import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Refuses YAML that is more than plain data: tags (they name types to construct, at the top of
 * a document as well: {@code --- !!java.lang.ProcessBuilder}), aliases (they repeat another value,
 * and an undefined one would read as its own name) and anchors (they exist only for aliases).
 *
 * <p>It reads SnakeYAML's events rather than Jackson's tokens because Jackson drops the anchor of
 * a scalar value; each problem names the line, column and key path where it is written.
 */
final class PlainYaml {

    /** Where the scan is: the path of each open mapping or sequence, and what comes next in it. */
    private static final class Frame {
        final String path;
        final boolean mapping;
        boolean expectKey = true;
        String key;
        int index;

        Frame(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }

        /** The path of the node that comes next in this collection. */
        String child() {
            return YamlSource.join(path, mapping ? (expectKey ? "" : key) : Integer.toString(index));
        }

        /** A node of this collection is complete. */
        void advance() {
            if (!mapping) {
                index++;
            } else {
                expectKey = !expectKey;
            }
        }
    }

    private PlainYaml() {
    }

    /**
     * Checks {@code text}; {@code file} names it in the problem. Broken YAML is left to the parser
     * that reads the document, which reports it with its location.
     *
     * @throws ScenarioException at the first tag, alias or anchor
     */
    static void check(String text, String file, LoaderOptions options) throws ScenarioException {
        Parser events = new ParserImpl(new StreamReader(text), options);
        Deque<Frame> open = new ArrayDeque<>();
        try {
            while (!events.checkEvent(Event.ID.StreamEnd)) {
                Event e = events.getEvent();
                if (!(e instanceof NodeEvent) && !(e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd))) {
                    continue;
                }
                Frame parent = open.peek();
                boolean isKey = parent != null && parent.mapping && parent.expectKey;
                String path = parent == null ? "" : parent.child();
                String problem = problem(e);
                if (problem != null) {
                    Location at = new Location(file, e.getStartMark().getLine() + 1, e.getStartMark().getColumn() + 1);
                    throw new ScenarioException(new Problem(at, isKey ? parent.path : path, problem));
                }
                if (e instanceof CollectionStartEvent) {
                    open.push(new Frame(path, e.is(Event.ID.MappingStart)));
                    continue;
                }
                if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
                    open.pop();
                    parent = open.peek();
                    if (parent != null && parent.mapping && parent.expectKey) {
                        parent.key = "?"; // a mapping or list used as a key; the parser refuses it
                    }
                } else if (isKey) {
                    parent.key = e instanceof ScalarEvent s ? s.getValue() : "?";
                }
                if (parent != null) {
                    parent.advance();
                }
            }
        } catch (YAMLException broken) {
            // Reported by the parser that builds the tree, in the words it uses for every syntax error.
        }
    }

    private static String problem(Event e) {
        if (e instanceof AliasEvent alias) {
            return "YAML aliases ('*" + alias.getAnchor() + "') are not allowed; write the value out";
        }
        String tag = e instanceof ScalarEvent s ? s.getTag() : e instanceof CollectionStartEvent c ? c.getTag() : null;
        if (tag != null) {
            return "YAML tags such as '" + tag.replaceFirst("^tag:yaml.org,2002:", "!!") + "' are not allowed";
        }
        if (e instanceof NodeEvent node && node.getAnchor() != null) {
            return "YAML anchors ('&" + node.getAnchor() + "') are not allowed";
        }
        return null;
    }
}
