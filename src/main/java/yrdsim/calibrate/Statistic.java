package yrdsim.calibrate;

import java.util.List;
import java.util.Map;

/**
 * A model statistic named in a target file: an arithmetic expression ({@code + - * /},
 * parentheses, numbers) over three kinds of atoms, each read from one run's outputs
 * ({@link RunOutputs}):
 *
 * <ul>
 *   <li>a dotted path into {@code summary.json}: {@code iotf_revenue_share.Shanghai};</li>
 *   <li>a firm-dynamics statistic that this package computes while the run steps:
 *       {@code firm_dynamics.volatility_size_slope} (see {@link FirmDynamics});</li>
 *   <li>an aggregate of a column of a per-step table over the rows that match a filter:
 *       {@code sum(flows.amount[factor=technology, origin=Shanghai, last=4])}. The tables are
 *       {@code provinces}, {@code sectors} and {@code flows}, with the columns of their CSV files;
 *       the aggregates {@code sum}, {@code mean}, {@code min} and {@code max}; a filter
 *       {@code column=value} keeps the rows whose column reads {@code value}, {@code first=N} the
 *       first N steps, {@code last=N} the last N steps of the run and {@code step=K} step K.</li>
 * </ul>
 *
 * <p>A statistic is NaN in a run where it is undefined: a summary figure that is null, a
 * division by zero, an aggregate over no rows.
 */
sealed interface Statistic {

    /** The statistic's value in one run, NaN when undefined there. */
    double value(RunOutputs out);

    /** Collects the atoms of this expression, to check them against a run's outputs. */
    void atoms(List<Statistic> into);

    /** A number written in the expression. */
    record Constant(double v) implements Statistic {
        @Override
        public double value(RunOutputs out) {
            return v;
        }

        @Override
        public void atoms(List<Statistic> into) {
        }
    }

    /** A dotted path into summary.json. */
    record SummaryFigure(String path) implements Statistic {
        @Override
        public double value(RunOutputs out) {
            return out.summaryValue(path);
        }

        @Override
        public void atoms(List<Statistic> into) {
            into.add(this);
        }
    }

    /** A statistic of {@link FirmDynamics}, named without its {@code firm_dynamics.} prefix. */
    record FirmFigure(String name) implements Statistic {
        /** The prefix that names these statistics. */
        static final String PREFIX = "firm_dynamics";

        @Override
        public double value(RunOutputs out) {
            return out.firmValue(name);
        }

        @Override
        public void atoms(List<Statistic> into) {
            into.add(this);
        }
    }

    /**
     * An aggregate over the rows of a table.
     *
     * @param function {@code sum}, {@code mean}, {@code min} or {@code max}
     * @param table    {@code provinces}, {@code sectors} or {@code flows}
     * @param column   the aggregated (numeric) column
     * @param filters  column name to the text it must read, in written order
     * @param first    keep the first this many steps, or 0 for every step
     * @param last     keep the last this many steps, or 0 for every step
     * @param step     keep only this step, or -1
     */
    record Aggregate(String function, String table, String column, Map<String, String> filters, int first, int last,
                     int step)
            implements Statistic {
        /** Aggregate functions. */
        static final List<String> FUNCTIONS = List.of("sum", "mean", "min", "max");
        /** Tables an aggregate may read. */
        static final List<String> TABLES = List.of("provinces", "sectors", "flows");

        @Override
        public double value(RunOutputs out) {
            return out.aggregate(this);
        }

        @Override
        public void atoms(List<Statistic> into) {
            into.add(this);
        }
    }

    /** {@code left op right}. */
    record Binary(char op, Statistic left, Statistic right) implements Statistic {
        @Override
        public double value(RunOutputs out) {
            double a = left.value(out);
            double b = right.value(out);
            double v = switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> b == 0 ? Double.NaN : a / b;
            };
            return Double.isFinite(v) ? v : Double.NaN;
        }

        @Override
        public void atoms(List<Statistic> into) {
            left.atoms(into);
            right.atoms(into);
        }
    }

    /** {@code -operand}. */
    record Negation(Statistic operand) implements Statistic {
        @Override
        public double value(RunOutputs out) {
            return -operand.value(out);
        }

        @Override
        public void atoms(List<Statistic> into) {
            operand.atoms(into);
        }
    }
}
