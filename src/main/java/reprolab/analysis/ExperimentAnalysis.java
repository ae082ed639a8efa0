package reprolab.analysis;

import reprolab.events.EpochEvent;
import reprolab.events.FinishedEvent;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ResolvedSeeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Analyses N repeats of one experiment: are they bitwise identical, where do they first part, how
 * do loss and accuracy spread, and what does it mean. Pure: no I/O, safe on any thread, and works on
 * runs that are incomplete, failed, cancelled or empty.
 */
public final class ExperimentAnalysis {

    private ExperimentAnalysis() {
    }

    /** The default of {@code --tolerance} (as text, for the command line's annotations). */
    public static final String DEFAULT_LOSS_TOLERANCE_TEXT = "1e-6";

    /**
     * Losses closer than this count as equal for {@link ExperimentReport#firstLossDivergence()}, in
     * the app and as the CLI's default: float32 losses of a few units differ in the 7th digit when
     * summation order changes, so smaller differences are rounding, larger ones a real departure.
     */
    public static final double DEFAULT_LOSS_TOLERANCE = 1e-6;

    /**
     * Analyses the runs.
     *
     * <p>Two runs are identical when every iteration both reported has equal fingerprints AND both
     * finished with the same final hash. Runs that agree over the iterations they share but of which
     * one did not finish are <em>not</em> called identical (nothing is known about the rest), and get
     * no {@code firstDivergence}; the verdict says so. The experiment is identical when every run
     * finished and every pair is identical; a single finished run is trivially identical (the verdict
     * says nothing was compared) and no runs at all are not.
     *
     * @param runs          the runs, in the order the report lists them
     * @param lossTolerance losses further apart than this count as diverged for
     *                      {@link ExperimentReport#firstLossDivergence()}; 0 or more
     * @throws IllegalArgumentException when the tolerance is negative or NaN
     */
    public static ExperimentReport analyse(List<RunHistory> runs, double lossTolerance) {
        Objects.requireNonNull(runs, "runs");
        if (!(lossTolerance >= 0)) {
            throw new IllegalArgumentException("loss tolerance must be 0 or more, got " + lossTolerance);
        }
        Pairs pairs = comparePairs(runs);
        boolean allFinished = runs.stream().allMatch(r -> r.status() == RunStatus.FINISHED);
        boolean identical = !runs.isEmpty() && allFinished && pairs.allIdentical();
        Divergence first = pairs.earliest() == null ? null : pairs.earliest().divergence();

        Series series = new Series(runs);
        Integer lossDivergence = series.firstLossDivergence(lossTolerance);
        List<RunSummary> summaries = runs.stream().map(ExperimentAnalysis::summarise).toList();
        Stats valAccuracy = Stats.of(summaries.stream().map(RunSummary::valAccuracy).toList());
        Stats valLoss = Stats.of(summaries.stream().map(RunSummary::valLoss).toList());

        String verdict = new ExperimentVerdict(runs, summaries, new ProvenanceDiff(runs))
                .write(identical, first, lossDivergence, lossTolerance, valAccuracy);
        return new ExperimentReport(summaries, identical, first, lossDivergence, lossTolerance,
                series.lossSpread(), series.accuracySpread(), series.gap(), pairs.list(), valAccuracy, valLoss, verdict);
    }

    private record Pairs(List<PairComparison> list, PairDiff.Result earliest, boolean allIdentical) {
    }

    /** Every pair i &lt; j, and the earliest divergence over them (ties: first layer in forward order). */
    private static Pairs comparePairs(List<RunHistory> runs) {
        List<String> layerNames = layerNames(runs);
        List<PairComparison> list = new ArrayList<>();
        PairDiff.Result earliest = null;
        boolean allIdentical = true;
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                PairDiff.Result r = PairDiff.compare(runs.get(i), runs.get(j), layerNames);
                list.add(new PairComparison(runs.get(i).runId(), runs.get(j).runId(), r.identical(), r.divergence()));
                allIdentical &= r.identical();
                if (r.divergence() != null && (earliest == null || PairDiff.EARLIEST.compare(r, earliest) < 0)) {
                    earliest = r;
                }
            }
        }
        return new Pairs(list, earliest, allIdentical);
    }

    /** The report's line for one run; final values only for finished runs. */
    static RunSummary summarise(RunHistory run) {
        ResolvedSeeds seeds = run.started() == null || run.started().provenance() == null
                ? null : run.started().provenance().seeds();
        FinishedEvent f = run.finished();
        if (f != null) {
            return new RunSummary(run.runId(), RunStatus.FINISHED, seeds, f.finalHash(), f.valAccuracy(), f.valLoss(),
                    f.msPerIteration(), null);
        }
        return new RunSummary(run.runId(), run.status(), seeds, null, null, null, null, reason(run));
    }

    private static String reason(RunHistory run) {
        int last = run.lastIteration();
        String where = last < 0 ? "before its first iteration" : "after iteration " + last;
        if (run.failed() != null) {
            String reason = run.failed().reason();
            return reason == null || reason.isBlank() ? "stopped " + where : reason;
        }
        String lastEpoch = run.epochs().isEmpty() ? ""
                : "; last validation accuracy " + lastValAccuracy(run.epochs());
        return "its events stop " + where + " with no finished or failed event" + lastEpoch;
    }

    private static String lastValAccuracy(List<EpochEvent> epochs) {
        return String.valueOf(epochs.get(epochs.size() - 1).valAccuracy());
    }

    /** Forward-order layer names from the first run that recorded them. */
    private static List<String> layerNames(List<RunHistory> runs) {
        for (RunHistory run : runs) {
            if (run.started() != null && run.started().provenance() != null
                    && run.started().provenance().layers() != null) {
                return run.started().provenance().layers();
            }
        }
        return List.of();
    }
}
