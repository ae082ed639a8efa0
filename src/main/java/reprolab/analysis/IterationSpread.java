package reprolab.analysis;

/**
 * Spread of one quantity (loss or accuracy) across runs at one iteration. Only finite values count;
 * {@code std} is the sample standard deviation (n-1), 0 for a single run.
 *
 * @param iteration the iteration
 * @param runs      how many runs had a finite value there
 * @param min       smallest value
 * @param max       largest value
 * @param mean      mean value
 * @param std       sample standard deviation
 */
public record IterationSpread(int iteration, int runs, double min, double max, double mean, double std) {
}
