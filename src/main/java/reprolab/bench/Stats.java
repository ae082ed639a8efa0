package reprolab.bench;

import java.util.Arrays;

/**
 * Summary of timing samples. The median is the figure to compare; the gap between mean and median
 * shows interference (other processes, JVM threads, GC) that hits some iterations and not others.
 *
 * @param count  number of samples
 * @param median middle value (mean of the two middle ones for an even count)
 * @param mean   arithmetic mean
 * @param stddev sample standard deviation (0 for fewer than two samples)
 * @param min    smallest sample
 * @param max    largest sample
 * @param p90    90th percentile, nearest rank
 */
public record Stats(int count, double median, double mean, double stddev, double min, double max, double p90) {

    /** Statistics of the given samples; throws for an empty array. */
    public static Stats of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double mean = Arrays.stream(sorted).sum() / n;
        double squares = 0;
        for (double s : sorted) {
            squares += (s - mean) * (s - mean);
        }
        double stddev = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        double p90 = sorted[Math.max(0, (int) Math.ceil(0.9 * n) - 1)];
        return new Stats(n, median, mean, stddev, sorted[0], sorted[n - 1], p90);
    }
}
