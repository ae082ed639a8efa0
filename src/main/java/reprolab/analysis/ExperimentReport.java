package reprolab.analysis;

import java.util.List;

/**
 * What the analysis of N repeats of one experiment found. Serialised as the {@code --json} report
 * with {@code reprolab.experiment.Json.mapper()}.
 *
 * @param runs                one summary per run, in the order given
 * @param identical           every run finished and every pair is bitwise identical (see
 *                            {@link ExperimentAnalysis#analyse})
 * @param firstDivergence     earliest divergence over all pairs (ties: first layer in forward order);
 *                            null when no bitwise difference was seen
 * @param firstLossDivergence first iteration where the losses of two runs differ by more than
 *                            {@code lossTolerance} (or one is NaN and another is not), or null
 * @param lossTolerance       the tolerance used for {@code firstLossDivergence}
 * @param lossSpread          per iteration with a finite loss: spread of the training loss across runs
 * @param accuracySpread      per iteration with a finite accuracy: spread of the batch accuracy
 * @param gap                 per iteration: growth of the difference between runs
 * @param pairs               every pair of runs (i &lt; j in the order given)
 * @param valAccuracy         stats of the finished runs' final validation accuracy, null when none
 * @param valLoss             stats of the finished runs' final validation loss, null when none
 * @param verdict             what it means, in words a student understands
 */
public record ExperimentReport(
        List<RunSummary> runs,
        boolean identical,
        Divergence firstDivergence,
        Integer firstLossDivergence,
        double lossTolerance,
        List<IterationSpread> lossSpread,
        List<IterationSpread> accuracySpread,
        List<GapPoint> gap,
        List<PairComparison> pairs,
        Stats valAccuracy,
        Stats valLoss,
        String verdict) {

    public ExperimentReport {
        runs = List.copyOf(runs);
        lossSpread = List.copyOf(lossSpread);
        accuracySpread = List.copyOf(accuracySpread);
        gap = List.copyOf(gap);
        pairs = List.copyOf(pairs);
    }
}
