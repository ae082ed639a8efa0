package reprolab.analysis;

import reprolab.events.RunHistory;
import reprolab.events.RunStatus;

import java.util.List;
import java.util.Locale;

/** Writes the verdict of an experiment in words a student understands. */
final class ExperimentVerdict {

    private final List<RunHistory> runs;
    private final List<RunSummary> summaries;
    private final ProvenanceDiff provenance;

    ExperimentVerdict(List<RunHistory> runs, List<RunSummary> summaries, ProvenanceDiff provenance) {
        this.runs = runs;
        this.summaries = summaries;
        this.provenance = provenance;
    }

    String write(boolean identical, Divergence first, Integer lossDivergence, double tolerance, Stats valAccuracy) {
        if (runs.isEmpty()) {
            return "No runs to analyse yet.";
        }
        StringBuilder out = new StringBuilder(headline(identical, first));
        if (first != null) {
            out.append(' ').append(lossSentence(lossDivergence, tolerance));
            if (valAccuracy != null && valAccuracy.n() >= 2) {
                out.append(' ').append(sizeSentence(valAccuracy));
            }
        }
        for (RunHistory run : runs) {
            Integer nan = Series.firstNonFiniteLoss(run);
            if (nan != null) {
                out.append(String.format(Locale.ROOT, " Run %s's loss became NaN or infinite at iteration %d.",
                        run.runId(), nan));
            }
        }
        for (RunSummary s : summaries) {
            if (s.status() != RunStatus.FINISHED) {
                out.append(" Run ").append(s.id()).append(' ').append(statusWords(s.status())).append(": ")
                        .append(s.reason()).append('.');
            }
        }
        return out.toString();
    }

    private String headline(boolean identical, Divergence first) {
        long unfinished = summaries.stream().filter(s -> s.status() != RunStatus.FINISHED).count();
        if (runs.size() == 1) {
            return unfinished == 0
                    ? "Only one run: it finished, but there is nothing to compare it with; launch at least 2 repeats."
                    : "Only one run, and it did not finish: there is nothing to compare.";
        }
        if (identical) {
            List<String> machines = provenance.machineDifferences();
            return "All " + runs.size() + " runs are bitwise identical." + (machines.isEmpty() ? ""
                    : " They agree although " + String.join("; ", machines) + ".");
        }
        if (first == null) {
            return String.format(Locale.ROOT, "No bitwise difference was seen in the iterations the runs share, "
                    + "but %d of %d runs did not finish, so they cannot be called identical.", unfinished, runs.size());
        }
        List<String> differences = provenance.differences();
        String head = "Runs differ from iteration " + first.iteration() + where(first);
        String missing = provenance.missing().isEmpty() ? "" : " Runs " + String.join(", ", provenance.missing())
                + " recorded no provenance, so not every setting could be compared.";
        if (differences.isEmpty()) {
            return head + ". " + nondeterminism() + missing;
        }
        return head + " (" + String.join("; ", differences) + ")." + missing;
    }

    private static String where(Divergence d) {
        String when = d.iteration() == 0 ? ", the initialised model before any update," : "";
        if (Divergence.MODEL.equals(d.layer())) {
            return when + " in the whole-model hash";
        }
        return when + " in layer " + d.layer();
    }

    /** Nothing recorded differs: the last explanation left is the order of floating-point sums. */
    private String nondeterminism() {
        String shared = provenance.sharedExecution();
        return "Every recorded seed and setting is equal, so it is not the seeds: nondeterministic native kernels "
                + "(e.g. parallel reductions with more than one thread, or vendor kernels such as oneDNN/cuDNN) "
                + "add numbers in a different order" + (shared == null ? "" : "; these runs used " + shared) + ".";
    }

    private static String lossSentence(Integer lossDivergence, double tolerance) {
        if (lossDivergence == null) {
            return tolerance == 0 ? "The training loss is exactly equal at every iteration."
                    : "The training loss never differs by more than " + Numbers.text(tolerance) + ".";
        }
        return "The training loss first differs by more than " + Numbers.text(tolerance) + " at iteration "
                + lossDivergence + ".";
    }

    private static String sizeSentence(Stats acc) {
        return String.format(Locale.ROOT, "Final validation accuracy varies by a std of %.4f "
                        + "(mean %.4f, min %.4f, max %.4f over %d finished runs).",
                acc.std(), acc.mean(), acc.min(), acc.max(), acc.n());
    }

    private static String statusWords(RunStatus status) {
        switch (status) {
            case FAILED:
                return "failed";
            case CANCELLED:
                return "was cancelled";
            case INCOMPLETE:
                return "is incomplete";
            default:
                return "is " + status.json();
        }
    }
}
