package yrdsim.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run gives the statistics of a target file: its summary, the rows of the per-step
 * tables that a statistic reads (kept in memory by {@link TableCapture}, never written), and
 * the firm-dynamics statistics of {@link FirmDynamics}.
 *
 * @param summary the run's summary.json as a tree
 * @param tables  the captured tables by name
 * @param firms   firm-dynamics statistics by name (empty when no target needs them)
 */
record RunOutputs(JsonNode summary, Map<String, TableCapture.Table> tables, Map<String, Double> firms) {

    /** A summary figure: a number, or NaN when the run left it null or it is not there. */
    double summaryValue(String path) {
        JsonNode node = summary;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isNumber() && Double.isFinite(node.asDouble()) ? node.asDouble() : Double.NaN;
    }

    /** A firm-dynamics statistic, NaN when it is undefined in this run. */
    double firmValue(String name) {
        Double v = firms.get(name);
        return v == null || !Double.isFinite(v) ? Double.NaN : v;
    }

    /** The aggregate over the rows it selects, NaN over no rows. */
    double aggregate(Statistic.Aggregate a) {
        TableCapture.Table table = tables.get(a.table());
        if (table == null) {
            return Double.NaN;
        }
        int column = table.columns().indexOf(a.column());
        int stepColumn = table.columns().indexOf("step");
        int[] filterColumns = a.filters().keySet().stream().mapToInt(table.columns()::indexOf).toArray();
        String[] wanted = a.filters().values().toArray(String[]::new);
        int lastStep = table.lastStep();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Object[] row : table.rows()) {
            int step = ((Number) row[stepColumn]).intValue();
            if (a.step() >= 0 && step != a.step() || a.last() > 0 && step <= lastStep - a.last()
                    || a.first() > 0 && step >= a.first()) {
                continue;
            }
            boolean keep = true;
            for (int f = 0; f < filterColumns.length && keep; f++) {
                keep = String.valueOf(row[filterColumns[f]]).equals(wanted[f]);
            }
            if (!keep || !(row[column] instanceof Number number)) {
                continue;
            }
            double v = number.doubleValue();
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            n++;
        }
        if (n == 0) {
            return Double.NaN;
        }
        return switch (a.function()) {
            case "sum" -> sum;
            case "mean" -> sum / n;
            case "min" -> min;
            default -> max;
        };
    }

    /**
     * Why {@code atom} cannot be read from runs with these outputs (a probe run's), or null when
     * it can: an unknown summary figure, firm statistic, column or filter value.
     */
    String problem(Statistic atom) {
        if (atom instanceof Statistic.SummaryFigure s) {
            return summaryProblem(s.path());
        }
        if (atom instanceof Statistic.FirmFigure f) {
            return FirmDynamics.NAMES.contains(f.name()) ? null : "no firm-dynamics statistic '" + f.name()
                    + "' (known: " + String.join(", ", FirmDynamics.NAMES) + ")";
        }
        Statistic.Aggregate a = (Statistic.Aggregate) atom;
        TableCapture.Table table = tables.get(a.table());
        if (table == null) {
            return "the run wrote no table " + a.table();
        }
        List<String> columns = table.columns();
        if (!columns.contains(a.column())) {
            return "no column '" + a.column() + "' in " + a.table() + ".csv (columns: " + String.join(", ", columns) + ")";
        }
        if (!table.rows().isEmpty() && !(table.rows().get(0)[columns.indexOf(a.column())] instanceof Number)) {
            return "column '" + a.column() + "' of " + a.table() + ".csv holds text, not numbers";
        }
        for (Map.Entry<String, String> f : a.filters().entrySet()) {
            int c = columns.indexOf(f.getKey());
            if (c < 0) {
                return "cannot filter on '" + f.getKey() + "': no such column in " + a.table() + ".csv (columns: "
                        + String.join(", ", columns) + ")";
            }
            Set<String> seen = new LinkedHashSet<>();
            table.rows().forEach(r -> seen.add(String.valueOf(r[c])));
            if (!seen.contains(f.getValue()) && !(table.rows().get(0)[c] instanceof Number)) {
                List<String> shown = new ArrayList<>(seen).subList(0, Math.min(12, seen.size()));
                return "no row of " + a.table() + ".csv has " + f.getKey() + " '" + f.getValue() + "' (it has: "
                        + String.join(", ", shown) + (seen.size() > shown.size() ? ", ..." : "") + ")";
            }
        }
        return null;
    }

    private String summaryProblem(String path) {
        JsonNode node = summary;
        String at = "";
        for (String part : path.split("\\.")) {
            if (!node.isObject()) {
                return "'" + at + "' in summary.json is not a group of figures";
            }
            JsonNode next = node.get(part);
            if (next == null) {
                List<String> known = new ArrayList<>();
                node.fieldNames().forEachRemaining(known::add);
                return "no figure '" + part + "' " + (at.isEmpty() ? "in summary.json" : "under '" + at + "'")
                        + " (known: " + String.join(", ", known) + ")"
                        + (at.isEmpty() ? "; firm statistics are firm_dynamics.NAME, table aggregates sum(TABLE.COLUMN[...])"
                        : "");
            }
            at = at.isEmpty() ? part : at + "." + part;
            node = next;
        }
        if (!node.isNumber() && !node.isNull()) {
            return "'" + path + "' in summary.json is not a number"
                    + (node.isObject() && node.size() > 0 ? " (name one of its figures, such as " + path + "."
                    + node.fieldNames().next() + ")" : "");
        }
        return null;
    }
}
