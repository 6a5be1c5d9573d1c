package yrdsim.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import yrdsim.output.Manifest;
import yrdsim.output.RefusedException;

/**
 * Parameter vectors drawn from a calibration's estimated distribution, for
 * {@code compare --parameter-draws}: θ = θ̂ + L z with z standard normal and L L' the sandwich
 * covariance (L from its eigen-decomposition, so a singular covariance, a parameter with zero
 * standard error included, draws nothing along its null directions), then reflected into the
 * bounds (a value beyond a bound is mirrored back across it, repeatedly, which keeps the
 * density continuous at the bound, unlike clipping, which piles draws on it). Seeded: the same
 * seed gives the same draws. A covariance that is undefined (a parameter not identified) is
 * refused.
 *
 * @param paths     the parameters' scenario paths
 * @param estimate  θ̂
 * @param lower     lower bounds
 * @param upper     upper bounds
 * @param covariance the sandwich covariance
 */
public record ParameterDraws(List<String> paths, double[] estimate, double[] lower, double[] upper,
                             double[][] covariance) {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

    /**
     * Reads estimates.csv and covariance.csv of the calibration directory {@code dir}.
     *
     * @throws RefusedException {@code dir} is not a directory, is an unfinished calibration, or a
     *                          file is missing or malformed: the message names the file, the line
     *                          and the parameter
     */
    public static ParameterDraws read(Path dir) throws IOException, RefusedException {
        if (!Files.isDirectory(dir)) {
            throw new RefusedException(dir + (Files.exists(dir) ? ": not a directory" : ": no such directory")
                    + "; --estimates needs a calibration directory (written by yrdsim calibrate)");
        }
        JsonNode manifest = Manifest.read(dir);
        if (manifest != null && !Manifest.COMPLETE.equals(manifest.path("status").asText())) {
            throw new RefusedException(dir.resolve(Manifest.FILE) + ": the calibration is not complete (status '"
                    + manifest.path("status").asText() + "'); run it again to finish it");
        }
        Path estimates = dir.resolve(CalibrationFiles.ESTIMATES);
        Path covariances = dir.resolve(CalibrationFiles.COVARIANCE);
        List<CSVRecord> est = records(estimates, List.of("parameter", "estimate", "lower_bound", "upper_bound"));
        int p = est.size();
        if (p == 0) {
            throw new RefusedException(estimates + ": no parameters");
        }
        List<String> paths = new ArrayList<>();
        double[] theta = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int j = 0; j < p; j++) {
            CSVRecord r = est.get(j);
            String path = r.get("parameter").trim();
            if (path.isEmpty() || paths.contains(path)) {
                throw new RefusedException(estimates + ":" + line(r) + ": parameter '" + path + "' is "
                        + (path.isEmpty() ? "empty" : "listed twice"));
            }
            paths.add(path);
            theta[j] = number(estimates, r, "estimate", path);
            lo[j] = number(estimates, r, "lower_bound", path);
            hi[j] = number(estimates, r, "upper_bound", path);
            if (!(lo[j] <= theta[j] && theta[j] <= hi[j])) {
                throw new RefusedException(estimates + ":" + line(r) + ": " + path + ": estimate " + theta[j]
                        + " is outside its bounds [" + lo[j] + ", " + hi[j] + "]");
            }
        }
        List<String> covColumns = new ArrayList<>(List.of("parameter"));
        covColumns.addAll(paths);
        List<CSVRecord> cov = records(covariances, covColumns);
        if (cov.size() != p) {
            throw new RefusedException(covariances + ": " + cov.size() + " rows for the " + p + " parameters of "
                    + estimates);
        }
        double[][] c = new double[p][p];
        for (int a = 0; a < p; a++) {
            CSVRecord r = cov.get(a);
            if (!r.get("parameter").trim().equals(paths.get(a))) {
                throw new RefusedException(covariances + ":" + line(r) + ": row '" + r.get("parameter") + "' where "
                        + estimates + " has '" + paths.get(a) + "' (the rows must follow its order)");
            }
            for (int b = 0; b < p; b++) {
                c[a][b] = number(covariances, r, paths.get(b), paths.get(a));
            }
        }
        for (int a = 0; a < p; a++) {
            if (c[a][a] < 0) {
                throw new RefusedException(covariances + ": " + paths.get(a) + ": negative variance " + c[a][a]);
            }
        }
        return new ParameterDraws(paths, theta, lo, hi, c);
    }

    /**
     * The line of estimates.csv that holds parameter {@code j} (its rows are one line each, after
     * the header), for messages about it.
     */
    public static int line(int j) {
        return j + 2;
    }

    private static long line(CSVRecord r) {
        return r.getRecordNumber() + 1;
    }

    private static List<CSVRecord> records(Path file, List<String> columns) throws IOException, RefusedException {
        if (!Files.isRegularFile(file)) {
            throw new RefusedException(file + ": missing; --estimates needs a complete calibration directory "
                    + "(yrdsim calibrate writes estimates.csv and covariance.csv)");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = FORMAT.parse(in)) {
            List<String> header = parser.getHeaderNames();
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new RefusedException(file + ":1: no column '" + column + "' (found: "
                            + String.join(", ", header) + ")");
                }
            }
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord r : records) {
                if (!r.isConsistent()) {
                    throw new RefusedException(file + ":" + line(r) + ": " + r.size() + " cells for "
                            + header.size() + " columns");
                }
            }
            return records;
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new RefusedException(file + ": not a readable CSV table (" + e.getMessage() + ")");
        } catch (MalformedInputException e) {
            throw new RefusedException(file + ": not UTF-8 text");
        }
    }

    private static double number(Path file, CSVRecord r, String column, String parameter) throws RefusedException {
        String cell = r.get(column).trim();
        if (cell.isEmpty()) {
            throw new RefusedException(file + ":" + line(r) + ": " + parameter + ": " + column + " has no value: a "
                    + "parameter without a standard error (not identified) cannot be drawn; leave it out of the "
                    + "calibration or fix it in the scenario");
        }
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw new RefusedException(file + ":" + line(r) + ": " + parameter + ": " + column + " is '" + cell
                    + "', not a finite number");
        }
        return v;
    }

    /** {@code n} draws, seeded by {@code seed}. */
    public List<double[]> draw(int n, long seed) {
        int p = estimate.length;
        RealMatrix c = MatrixUtils.createRealMatrix(covariance);
        c = c.add(c.transpose()).scalarMultiply(0.5);
        EigenDecomposition eig = new EigenDecomposition(c);
        double[] values = eig.getRealEigenvalues();
        RealMatrix v = eig.getV();
        double[][] l = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int k = 0; k < p; k++) {
                l[a][k] = v.getEntry(a, k) * Math.sqrt(Math.max(0, values[k]));
            }
        }
        RandomGenerator rng = new MersenneTwister(seed);
        List<double[]> draws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] z = new double[p];
            for (int k = 0; k < p; k++) {
                z[k] = rng.nextGaussian();
            }
            double[] theta = new double[p];
            for (int a = 0; a < p; a++) {
                double x = estimate[a];
                for (int k = 0; k < p; k++) {
                    x += l[a][k] * z[k];
                }
                theta[a] = reflect(x, lower[a], upper[a]);
            }
            draws.add(theta);
        }
        return draws;
    }

    /** {@code x} mirrored into [lo, hi] as often as needed. */
    static double reflect(double x, double lo, double hi) {
        if (x >= lo && x <= hi) {
            return x;
        }
        double width = hi - lo;
        double y = (x - lo) % (2 * width);
        if (y < 0) {
            y += 2 * width;
        }
        return lo + (y <= width ? y : 2 * width - y);
    }
}
