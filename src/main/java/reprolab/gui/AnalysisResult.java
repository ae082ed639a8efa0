package reprolab.gui;

import java.util.List;

/**
 * What the Divergence tab shows, independent of the analysis package's own report type.
 *
 * @param verdict                  the verdict in words
 * @param identical                all runs bitwise identical at every iteration
 * @param firstDivergenceIteration first iteration where any fingerprint differs, or null
 * @param firstDivergenceLayer     the layer that differs first, or null
 * @param firstLossDivergence      first iteration whose loss differs beyond tolerance, or null
 * @param pairs                    one entry per unordered pair of runs
 * @param gap                      per-iteration |Δloss| and parameter-norm spread
 */
public record AnalysisResult(String verdict, boolean identical, Integer firstDivergenceIteration,
                             String firstDivergenceLayer, Integer firstLossDivergence,
                             List<Pair> pairs, List<Gap> gap) {

    public AnalysisResult {
        pairs = List.copyOf(pairs);
        gap = List.copyOf(gap);
    }

    /** Comparison of two runs; {@code firstIteration} is null when they are identical. */
    public record Pair(String runA, String runB, boolean identical, Integer firstIteration, String layer) {
    }

    /** Spread between runs at one iteration. */
    public record Gap(int iteration, double maxAbsLossDelta, double paramNormSpread) {
    }

    public static AnalysisResult empty(String verdict) {
        return new AnalysisResult(verdict, false, null, null, null, List.of(), List.of());
    }
}
