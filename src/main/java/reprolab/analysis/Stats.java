package reprolab.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Summary of a set of numbers.
 *
 * @param n    how many values
 * @param mean their mean
 * @param std  sample standard deviation (divides by n-1), 0 for a single value
 * @param min  smallest value
 * @param max  largest value
 */
public record Stats(int n, double mean, double std, double min, double max) {

    /**
     * Stats of the finite values among {@code values}; nulls, NaN and infinities are left out
     * (a run whose loss exploded is reported elsewhere, it must not turn every figure into NaN).
     *
     * @return null when no finite value is left
     */
    public static Stats of(Collection<Double> values) {
        List<Double> finite = new ArrayList<>();
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                finite.add(v);
            }
        }
        if (finite.isEmpty()) {
            return null;
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : finite) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int n = finite.size();
        // Equal values must give exactly their value and std 0: rounding in sum / n would otherwise
        // invent a variance of 1e-32 out of identical runs and spoil the variance shares.
        double mean = min == max ? min : sum / n;
        // Two-pass variance: exact enough for values that agree in many digits, unlike sum of squares.
        double squares = 0;
        for (double v : finite) {
            squares += (v - mean) * (v - mean);
        }
        double std = n > 1 && min != max ? Math.sqrt(squares / (n - 1)) : 0.0;
        return new Stats(n, mean, std, min, max);
    }

    /** The sample variance, {@code std * std}. */
    public double variance() {
        return std * std;
    }
}
