package reprolab.analysis;

/**
 * How far apart the runs are at one iteration: the growth of a difference, for a log-scale plot.
 *
 * @param iteration        the iteration
 * @param maxAbsLossDelta  largest |loss difference| between any two runs (max - min over finite
 *                         losses); 0 at iteration 0 or when fewer than two runs have a finite loss
 * @param paramNormSpread  max - min over runs of the whole-model L2 norm, i.e. the square root of the
 *                         sum of the squared layer norms
 */
public record GapPoint(int iteration, double maxAbsLossDelta, double paramNormSpread) {
}
