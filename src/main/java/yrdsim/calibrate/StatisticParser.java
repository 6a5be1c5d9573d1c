package yrdsim.calibrate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the text of a {@link Statistic}. The grammar, with the usual precedence:
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := factor (('*' | '/') factor)*
 * factor     := NUMBER | '-' factor | '(' expression ')' | aggregate | path
 * aggregate  := FUNCTION '(' TABLE '.' COLUMN ['[' filter (',' filter)* ']'] ')'
 * filter     := NAME '=' VALUE          (VALUE: any text up to ',' or ']'; first=N, last=N, step=K select steps)
 * path       := NAME ('.' NAME)*        (firm_dynamics.NAME, or a path into summary.json)
 * </pre>
 */
final class StatisticParser {

    /** A statistic that does not parse; the message says where (character position) and what was expected. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private StatisticParser(String text) {
        this.text = text;
    }

    /** Parses {@code text}. */
    static Statistic parse(String text) throws SyntaxError {
        StatisticParser p = new StatisticParser(text);
        Statistic s = p.expression();
        p.space();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return s;
    }

    private Statistic expression() throws SyntaxError {
        Statistic left = term();
        while (true) {
            space();
            if (peek('+') || peek('-')) {
                char op = text.charAt(pos++);
                left = new Statistic.Binary(op, left, term());
            } else {
                return left;
            }
        }
    }

    private Statistic term() throws SyntaxError {
        Statistic left = factor();
        while (true) {
            space();
            if (peek('*') || peek('/')) {
                char op = text.charAt(pos++);
                left = new Statistic.Binary(op, left, factor());
            } else {
                return left;
            }
        }
    }

    private Statistic factor() throws SyntaxError {
        space();
        if (pos >= text.length()) {
            throw error("expected a number, a path or an aggregate such as sum(flows.amount[factor=technology])");
        }
        char c = text.charAt(pos);
        if (c == '-') {
            pos++;
            return new Statistic.Negation(factor());
        }
        if (c == '(') {
            pos++;
            Statistic inner = expression();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            String path = path();
            space();
            if (peek('(')) {
                return aggregate(path);
            }
            if (path.startsWith(Statistic.FirmFigure.PREFIX + ".")) {
                return new Statistic.FirmFigure(path.substring(Statistic.FirmFigure.PREFIX.length() + 1));
            }
            return new Statistic.SummaryFigure(path);
        }
        throw error("unexpected '" + c + "'");
    }

    private Statistic number() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE".indexOf(text.charAt(pos)) >= 0
                || (pos > start && "+-".indexOf(text.charAt(pos)) >= 0 && "eE".indexOf(text.charAt(pos - 1)) >= 0))) {
            pos++;
        }
        try {
            return new Statistic.Constant(Double.parseDouble(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("not a number: '" + text.substring(start, Math.min(text.length(), start + 12)) + "'");
        }
    }

    private Statistic aggregate(String function) throws SyntaxError {
        int at = pos;
        if (!Statistic.Aggregate.FUNCTIONS.contains(function)) {
            throw error("unknown aggregate '" + function + "' (allowed: "
                    + String.join(", ", Statistic.Aggregate.FUNCTIONS) + ")");
        }
        expect('(');
        space();
        String target = path();
        int dot = target.indexOf('.');
        if (dot < 0 || target.indexOf('.', dot + 1) >= 0) {
            pos = at;
            throw error(function + "(...) needs TABLE.COLUMN, such as flows.amount, got '" + target + "'");
        }
        String table = target.substring(0, dot);
        if (!Statistic.Aggregate.TABLES.contains(table)) {
            pos = at;
            throw error("unknown table '" + table + "' (allowed: " + String.join(", ", Statistic.Aggregate.TABLES) + ")");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        int first = 0;
        int last = 0;
        int step = -1;
        space();
        if (peek('[')) {
            pos++;
            while (true) {
                space();
                String key = name();
                space();
                expect('=');
                String value = filterValue();
                if (key.equals("first") || key.equals("last") || key.equals("step")) {
                    int n;
                    try {
                        n = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw error(key + " must be a whole number, got '" + value + "'");
                    }
                    int least = key.equals("step") ? 0 : 1;
                    if (n < least) {
                        throw error(key + " must be at least " + least + ", got " + n);
                    }
                    switch (key) {
                        case "first" -> first = n;
                        case "last" -> last = n;
                        default -> step = n;
                    }
                } else if (filters.put(key, value) != null) {
                    throw error("the filter on '" + key + "' is given twice");
                }
                space();
                if (peek(',')) {
                    pos++;
                    continue;
                }
                expect(']');
                break;
            }
        }
        expect(')');
        return new Statistic.Aggregate(function, table, target.substring(dot + 1), filters, first, last, step);
    }

    private String filterValue() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ']') {
            pos++;
        }
        String value = text.substring(start, pos).trim();
        if (value.isEmpty()) {
            throw error("a filter needs a value after '='");
        }
        return value;
    }

    private String path() throws SyntaxError {
        StringBuilder b = new StringBuilder(name());
        while (peek('.')) {
            pos++;
            b.append('.').append(name());
        }
        return b.toString();
    }

    private String name() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    private void expect(char c) throws SyntaxError {
        space();
        if (!peek(c)) {
            throw error("expected '" + c + "'" + (pos < text.length() ? ", found '" + text.charAt(pos) + "'" : ""));
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message + (pos >= text.length() ? " at the end" : " at character " + (pos + 1)));
    }
}
