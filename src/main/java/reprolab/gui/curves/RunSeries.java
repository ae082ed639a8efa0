package reprolab.gui.curves;

import java.util.Arrays;

/** A run's raw curve points, growing; plus the smoothed values derived from them on demand. */
final class RunSeries {

    private int size;
    private int[] iterations = new int[256];
    private final double[][] raw = {new double[256], new double[256]};
    private final double[][] smooth = {new double[256], new double[256]};
    private final int[] smoothedUpTo = new int[2];

    void add(int iteration, double loss, double accuracy) {
        if (size == iterations.length) {
            int n = size * 2;
            iterations = Arrays.copyOf(iterations, n);
            for (int m = 0; m < 2; m++) {
                raw[m] = Arrays.copyOf(raw[m], n);
                smooth[m] = Arrays.copyOf(smooth[m], n);
            }
        }
        iterations[size] = iteration;
        raw[0][size] = loss;
        raw[1][size] = accuracy;
        size++;
    }

    int size() {
        return size;
    }

    int iteration(int i) {
        return iterations[i];
    }

    double raw(Metric metric, int i) {
        return raw[metric.ordinal()][i];
    }

    void invalidateSmoothing() {
        smoothedUpTo[0] = 0;
        smoothedUpTo[1] = 0;
    }

    /** Exponential moving average with weight {@code alpha} on the past; 0 returns the raw value. */
    double value(Metric metric, int i, double alpha) {
        if (alpha <= 0) {
            return raw(metric, i);
        }
        int m = metric.ordinal();
        for (int k = smoothedUpTo[m]; k <= i; k++) {
            double x = raw[m][k];
            double prev = k == 0 ? Double.NaN : smooth[m][k - 1];
            smooth[m][k] = Double.isNaN(prev) ? x : Double.isNaN(x) ? prev : alpha * prev + (1 - alpha) * x;
        }
        smoothedUpTo[m] = Math.max(smoothedUpTo[m], i + 1);
        return smooth[m][i];
    }
}
