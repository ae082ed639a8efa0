package reprolab.analysis;

import java.util.List;
import java.util.Locale;

/** The report as a terminal shows it: the verdict, then one table row per run. */
public final class ReportText {

    /** Columns after the run id, whose width depends on the ids. */
    private static final String COLUMNS = "  %-10s  %9s  %9s  %8s  %s%n";

    private ReportText() {
    }

    /** Verdict, summary table, first divergences and final validation figures; ends with a newline. */
    public static String render(ExperimentReport r) {
        StringBuilder out = new StringBuilder();
        out.append(r.verdict()).append(System.lineSeparator()).append(System.lineSeparator());
        int idWidth = Math.max(3, r.runs().stream().mapToInt(s -> s.id().length()).max().orElse(3));
        String row = "%-" + idWidth + "s" + COLUMNS;
        out.append(String.format(Locale.ROOT, row, "run", "status", "val acc", "val loss", "ms/iter",
                "final hash"));
        for (RunSummary s : r.runs()) {
            out.append(String.format(Locale.ROOT, row, s.id(), s.status().json(), number(s.valAccuracy(), 4),
                    number(s.valLoss(), 4), number(s.msPerIteration(), 1), s.finalHash() == null ? "-" : s.finalHash()));
        }
        out.append(System.lineSeparator());
        out.append(line("first bitwise divergence", r.firstDivergence() == null ? "none"
                : "iteration " + r.firstDivergence().iteration() + ", layer " + r.firstDivergence().layer()));
        out.append(line("loss differs by > " + Numbers.text(r.lossTolerance()), r.firstLossDivergence() == null ? "never"
                : "from iteration " + r.firstLossDivergence()));
        out.append(line("identical pairs", identicalPairs(r.pairs())));
        out.append(line("final val accuracy", stats(r.valAccuracy())));
        out.append(line("final val loss", stats(r.valLoss())));
        return out.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "%-26s %s%n", label + ":", value);
    }

    private static String identicalPairs(List<PairComparison> pairs) {
        long same = pairs.stream().filter(PairComparison::identical).count();
        return same + " of " + pairs.size();
    }

    private static String stats(Stats s) {
        if (s == null) {
            return "no finished run";
        }
        return String.format(Locale.ROOT, "mean %.4f, std %.4f, min %.4f, max %.4f (n=%d)",
                s.mean(), s.std(), s.min(), s.max(), s.n());
    }

    private static String number(Double v, int decimals) {
        return v == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
