package yrdsim.calibrate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Standard errors and the test of overidentifying restrictions at the estimate θ̂.
 *
 * <p><b>Jacobian.</b> G = ∂m/∂θ by central differences with the same R seeds (common random
 * numbers, so the difference is the parameter's effect, not noise): a step of
 * {@value #STEP} of each parameter's range on either side, cut to the bounds (then one-sided).
 * A step this wide, rather than the usual √ε, because a simulated moment is a step function
 * of θ at fine scales (a firm enters or not); five per cent of the range averages over those
 * steps and is still small against the curvature a calibration's bounds allow.
 *
 * <p><b>Variance of the moments.</b> Ω = S_data + S_sim / R: the targets' own variances
 * (se², or 1/weight for a target given a weight) plus the simulation noise of a mean over R
 * replications, S_sim being the covariance of the replications' moments at θ̂. (When the model's
 * replication noise equals the data's sampling noise this is the textbook (1 + 1/R) S_data of
 * McFadden 1989 and Pakes and Pollard 1989.)
 *
 * <p><b>Sandwich.</b> Var(θ̂) = (GᵀWG)⁻¹ GᵀWΩWG (GᵀWG)⁻¹, valid for any weighting W, here the
 * diagonal one. A parameter that moves no moment makes GᵀWG singular: its standard error is
 * then undefined (NaN) and the calibration says it is not identified.
 *
 * <p><b>J test.</b> With a W that is not Ω⁻¹ the statistic (m̂ − m*)ᵀ W (m̂ − m*) is not χ².
 * The statistic reported is the one that is, for any W (Hansen 1982, Lemma 4.1):
 * J = eᵀ V_e⁺ e, e = m̂ − m*, V_e = P Ω Pᵀ its variance, P = I − G(GᵀWG)⁻¹GᵀW, and V_e⁺ the
 * pseudo-inverse of rank k − p; J is asymptotically χ² with k − p degrees of freedom. With
 * k ≤ p there is nothing to test. Caveats: asymptotic in the targets' sample sizes, local to θ̂
 * (a rugged objective or an estimate on a bound breaks it), and only as good as the targets'
 * standard errors, many of which are judgements (see each target's source).
 *
 * @param jacobian    G, k × p
 * @param covariance  Var(θ̂), p × p (NaN where not identified)
 * @param omega       Ω, k × k
 * @param j           the J statistic, or NaN with no degrees of freedom or a singular variance
 * @param dof         k − p
 * @param pValue      P(χ²(dof) ≥ J), or NaN
 * @param objective   J(θ̂) with the calibration's weights
 */
public record Inference(double[][] jacobian, double[][] covariance, double[][] omega, double j, int dof,
                        double pValue, double objective) {

    /** Central-difference step, as a share of each parameter's range. */
    public static final double STEP = 0.05;

    /** The standard error of parameter {@code j}: √Var(θ̂)_jj, NaN when not identified. */
    public double standardError(int j) {
        double v = covariance[j][j];
        return v >= 0 ? Math.sqrt(v) : Double.NaN;
    }

    /** The 2p points at which the Jacobian is evaluated: θ̂ + h e_j and θ̂ − h e_j for each j, cut to the bounds. */
    static List<double[]> jacobianPoints(double[] theta, List<ParameterFile.Parameter> parameters) {
        List<double[]> points = new ArrayList<>();
        for (int j = 0; j < theta.length; j++) {
            ParameterFile.Parameter p = parameters.get(j);
            double h = STEP * (p.max() - p.min());
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] = Math.min(p.max(), theta[j] + h);
            down[j] = Math.max(p.min(), theta[j] - h);
            points.add(up);
            points.add(down);
        }
        return points;
    }

    /**
     * Computes everything from the replications at θ̂ and at the Jacobian's points.
     *
     * @param target     m*
     * @param weight     diagonal of W
     * @param variance   the targets' variances (diagonal of S_data)
     * @param atEstimate the R replications at θ̂
     * @param shifted    the replications at each of {@link #jacobianPoints}, in that order
     * @param points     those points
     */
    static Inference of(double[] theta, double[] target, double[] weight, double[] variance,
                        Simulator.Replication[] atEstimate, List<Simulator.Replication[]> shifted,
                        List<double[]> points) {
        int k = target.length;
        int p = theta.length;
        double[] m = Estimator.mean(atEstimate);
        double[][] g = new double[k][p];
        for (int j = 0; j < p; j++) {
            double[] up = Estimator.mean(shifted.get(2 * j));
            double[] down = Estimator.mean(shifted.get(2 * j + 1));
            double dx = points.get(2 * j)[j] - points.get(2 * j + 1)[j];
            for (int i = 0; i < k; i++) {
                g[i][j] = up == null || down == null || dx == 0 ? Double.NaN : (up[i] - down[i]) / dx;
            }
        }
        double[][] omega = omega(variance, atEstimate, m);
        double objective = 0;
        if (m != null) {
            for (int i = 0; i < k; i++) {
                objective += weight[i] * (m[i] - target[i]) * (m[i] - target[i]);
            }
        } else {
            objective = Double.NaN;
        }
        double[][] cov = nanMatrix(p, p);
        double jStat = Double.NaN;
        double pValue = Double.NaN;
        int dof = k - p;
        if (m != null && finite(g)) {
            RealMatrix G = new Array2DRowRealMatrix(g);
            RealMatrix W = MatrixUtils.createRealDiagonalMatrix(weight);
            RealMatrix O = new Array2DRowRealMatrix(omega);
            try {
                RealMatrix bread = new LUDecomposition(G.transpose().multiply(W).multiply(G)).getSolver().getInverse();
                RealMatrix meat = G.transpose().multiply(W).multiply(O).multiply(W).multiply(G);
                cov = bread.multiply(meat).multiply(bread).getData();
                if (dof > 0) {
                    RealMatrix P = MatrixUtils.createRealIdentityMatrix(k)
                            .subtract(G.multiply(bread).multiply(G.transpose()).multiply(W));
                    RealMatrix ve = P.multiply(O).multiply(P.transpose());
                    double[] e = new double[k];
                    for (int i = 0; i < k; i++) {
                        e[i] = m[i] - target[i];
                    }
                    RealMatrix pinv = pseudoInverse(ve, dof);
                    jStat = MatrixUtils.createRealVector(e).dotProduct(pinv.operate(MatrixUtils.createRealVector(e)));
                    pValue = 1 - new ChiSquaredDistribution(null, dof).cumulativeProbability(jStat);
                }
            } catch (SingularMatrixException e) {
                // Not identified: standard errors stay NaN.
            }
        }
        return new Inference(g, cov, omega, jStat, dof, pValue, objective);
    }

    /** Ω = diag(variance) + covariance of the replications / R (no simulation term with R = 1). */
    private static double[][] omega(double[] variance, Simulator.Replication[] reps, double[] mean) {
        int k = variance.length;
        double[][] o = new double[k][k];
        for (int i = 0; i < k; i++) {
            o[i][i] = variance[i];
        }
        int r = reps.length;
        if (mean == null || r < 2) {
            return o;
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                int n = 0;
                for (Simulator.Replication rep : reps) {
                    double x = rep.moments()[a];
                    double y = rep.moments()[b];
                    if (!Double.isNaN(x) && !Double.isNaN(y)) {
                        s += (x - mean[a]) * (y - mean[b]);
                        n++;
                    }
                }
                o[a][b] += n > 1 ? s / (n - 1) / r : 0;
            }
        }
        return o;
    }

    /** The pseudo-inverse keeping the {@code rank} largest singular values. */
    private static RealMatrix pseudoInverse(RealMatrix a, int rank) {
        SingularValueDecomposition svd = new SingularValueDecomposition(a);
        double[] s = svd.getSingularValues();
        double[] inv = new double[s.length];
        for (int i = 0; i < Math.min(rank, s.length); i++) {
            inv[i] = s[i] > 0 ? 1 / s[i] : 0;
        }
        return svd.getV().multiply(MatrixUtils.createRealDiagonalMatrix(inv)).multiply(svd.getUT());
    }

    private static boolean finite(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[][] nanMatrix(int r, int c) {
        double[][] a = new double[r][c];
        for (double[] row : a) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return a;
    }
}
