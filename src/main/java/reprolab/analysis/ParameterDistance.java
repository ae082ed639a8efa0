package reprolab.analysis;

/**
 * Exact Euclidean (L2) distances between two runs' parameters. Differences and squares are taken in
 * double, so for float parameters every difference is exact up to double rounding (relative error
 * ~1e-16), far below anything the comparisons here depend on.
 */
public final class ParameterDistance {

    private ParameterDistance() {
    }

    /**
     * The L2 norm of {@code a - b}.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static double l2(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot compare " + a.length + " parameters with " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /**
     * Per-layer distances of two snapshots followed by the whole model's (the last element):
     * {@code [d(layer 0), ..., d(layer n-1), d(model)]}, where d(model)^2 is the sum of the layers' squares.
     *
     * @throws IllegalArgumentException when the snapshots have different layers or sizes
     */
    public static double[] perLayerAndModel(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot compare " + a.length + " layers with " + b.length);
        }
        double[] result = new double[a.length + 1];
        double total = 0;
        for (int layer = 0; layer < a.length; layer++) {
            result[layer] = l2(a[layer], b[layer]);
            total += result[layer] * result[layer];
        }
        result[a.length] = Math.sqrt(total);
        return result;
    }
}
