package yrdsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The barrier b_pq ∈ [0,1] to one factor moving from region p (row) to region q (column).
 *
 * @param scale       multiplier on the matrix: 0 is free movement, 1 the matrix as written
 * @param offDiagonal the barrier between any two different regions when no matrix is given
 *                    (written {@code default})
 * @param matrix      optional full matrix in region order, with a zero diagonal
 */
public record BarrierSpec(
        double scale,
        @JsonProperty("default") Double offDiagonal,
        List<List<Double>> matrix) implements java.io.Serializable {

    /** The barrier from region p to q before scaling. */
    public double base(int p, int q) {
        if (p == q) {
            return 0;
        }
        if (matrix != null && !matrix.isEmpty()) {
            return matrix.get(p).get(q);
        }
        return offDiagonal == null ? 0 : offDiagonal;
    }
}
