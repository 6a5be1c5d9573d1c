package yrdsim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** Building blocks of report.md: tables, numbers for reading, code spans. */
final class Markdown {

    private Markdown() {
    }

    /** A pipe table; cells may not contain line breaks, and pipes in them are escaped. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        row(b, header);
        b.append('|');
        for (int i = 0; i < header.size(); i++) {
            b.append(" --- |");
        }
        b.append('\n');
        for (List<String> r : rows) {
            row(b, r);
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String cell : cells) {
            b.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        b.append('\n');
    }

    /** {@code v} with {@code digits} significant digits, or an en dash when it has no value. */
    static String number(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        return exponent >= -4 && exponent < 12 ? d.toPlainString() : d.toString();
    }

    /** A number with four significant digits. */
    static String number(double v) {
        return number(v, 4);
    }

    /** {@code text} as inline code. */
    static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }

    /** An image with its alternative text. */
    static String image(String alt, String path) {
        return "![" + alt + "](" + path + ")\n";
    }
}
