package yrdsim.calibrate;

import java.io.IOException;
import java.io.Reader;
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

    /** Reads estimates.csv and covariance.csv of the calibration directory {@code dir}. */
    public static ParameterDraws read(Path dir) throws IOException, RefusedException {
        List<CSVRecord> est = records(dir.resolve(CalibrationFiles.ESTIMATES));
        List<CSVRecord> cov = records(dir.resolve(CalibrationFiles.COVARIANCE));
        int p = est.size();
        List<String> paths = new ArrayList<>();
        double[] theta = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        double[][] c = new double[p][p];
        for (int j = 0; j < p; j++) {
            CSVRecord r = est.get(j);
            paths.add(r.get("parameter"));
            theta[j] = number(r, "estimate", dir);
            lo[j] = number(r, "lower_bound", dir);
            hi[j] = number(r, "upper_bound", dir);
        }
        if (cov.size() != p) {
            throw new RefusedException(dir + ": covariance.csv does not match estimates.csv");
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                c[a][b] = number(cov.get(a), paths.get(b), dir);
            }
        }
        return new ParameterDraws(paths, theta, lo, hi, c);
    }

    private static List<CSVRecord> records(Path file) throws IOException, RefusedException {
        if (!Files.isRegularFile(file)) {
            throw new RefusedException(file + ": missing; --estimates needs a complete calibration directory");
        }
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = FORMAT.parse(in)) {
            return parser.getRecords();
        }
    }

    private static double number(CSVRecord r, String column, Path dir) throws RefusedException {
        String cell = r.isMapped(column) ? r.get(column) : "";
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new RefusedException(dir + ": " + column + " of " + r.get(0) + " has no value ('" + cell
                    + "'): a parameter without a standard error (not identified) cannot be drawn");
        }
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
