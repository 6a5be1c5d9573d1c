package yrdsim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import yrdsim.output.RefusedException;

/**
 * The per-step series of one run directory, read from {@code provinces.csv} and
 * {@code flows.csv}: values indexed by step, provinces and factors in file order.
 */
final class RunSeries {

    private final Table provinces;
    private final Table flows;
    private final String[] periods;
    private final List<String> provinceNames = new ArrayList<>();

    private RunSeries(Table provinces, Table flows) throws RefusedException {
        this.provinces = provinces;
        this.flows = flows;
        int steps = 0;
        for (CSVRecord row : provinces.rows()) {
            steps = Math.max(steps, provinces.integer(row, "step") + 1);
            String name = provinces.text(row, "province");
            if (!provinceNames.contains(name)) {
                provinceNames.add(name);
            }
        }
        periods = new String[steps];
        for (CSVRecord row : provinces.rows()) {
            periods[provinces.integer(row, "step")] = provinces.text(row, "period");
        }
        for (int k = 0; k < steps; k++) {
            if (periods[k] == null) {
                throw new RefusedException(provinces.file() + ": no rows for step " + k);
            }
        }
    }

    /**
     * Reads the run directory {@code dir}.
     *
     * @throws RefusedException a table is missing a column or holds a bad cell
     */
    static RunSeries read(Path dir) throws IOException, RefusedException {
        return new RunSeries(
                Table.read(dir.resolve("provinces.csv"), "step", "period", "province", "revenue",
                        "iotf_revenue_share", "wage", "talent_wage", "net_migration_workers", "net_migration_talent"),
                Table.read(dir.resolve("flows.csv"), "step", "period", "factor", "origin", "destination", "amount"));
    }

    /** Steps recorded. */
    int steps() {
        return periods.length;
    }

    /** The period of each step ({@code 2020Q1}, ...). */
    String[] periods() {
        return periods.clone();
    }

    /** Provinces in file order. */
    List<String> provinces() {
        return List.copyOf(provinceNames);
    }

    /** A column of {@code provinces.csv} by province, indexed by step. */
    Map<String, double[]> byProvince(String column) throws RefusedException {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String p : provinceNames) {
            out.put(p, new double[steps()]);
        }
        for (CSVRecord row : provinces.rows()) {
            out.get(provinces.text(row, "province"))[provinces.integer(row, "step")] = provinces.number(row, column);
        }
        return out;
    }

    /** The IotF share of the whole delta's revenue, by step: Σ share·revenue / Σ revenue over provinces. */
    double[] deltaIotfShare() throws RefusedException {
        double[] iotf = new double[steps()];
        double[] total = new double[steps()];
        for (CSVRecord row : provinces.rows()) {
            int k = provinces.integer(row, "step");
            double revenue = provinces.number(row, "revenue");
            iotf[k] += provinces.number(row, "iotf_revenue_share") * revenue;
            total[k] += revenue;
        }
        for (int k = 0; k < iotf.length; k++) {
            iotf[k] = total[k] > 0 ? iotf[k] / total[k] : 0;
        }
        return iotf;
    }

    /** Total cross-province flow of {@code factor} by step (every row of flows.csv crosses a border). */
    double[] crossFlow(String factor) throws RefusedException {
        double[] out = new double[steps()];
        for (CSVRecord row : flows.rows()) {
            if (flows.text(row, "factor").equals(factor)) {
                out[step(flows, row)] += flowAmount(row);
            }
        }
        return out;
    }

    /** Inflow of {@code factor} into each province from the others, by step. */
    Map<String, double[]> inflows(String factor) throws RefusedException {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String p : provinceNames) {
            out.put(p, new double[steps()]);
        }
        for (CSVRecord row : flows.rows()) {
            if (flows.text(row, "factor").equals(factor)) {
                double[] series = out.get(flows.text(row, "destination"));
                if (series != null) {
                    series[step(flows, row)] += flowAmount(row);
                }
            }
        }
        return out;
    }

    private int step(Table table, CSVRecord row) throws RefusedException {
        int k = table.integer(row, "step");
        if (k < 0 || k >= steps()) {
            throw new RefusedException(table.where(row, "step") + ": step " + k + " is outside the "
                    + steps() + " steps of provinces.csv");
        }
        return k;
    }

    private double flowAmount(CSVRecord row) throws RefusedException {
        if (flows.text(row, "origin").equals(flows.text(row, "destination"))) {
            return 0;
        }
        return flows.number(row, "amount");
    }
}
