package reprolab.ablation;

import reprolab.analysis.AblationReport;
import reprolab.analysis.Divergence;
import reprolab.analysis.FactorResult;
import reprolab.analysis.Stats;

import java.util.Locale;

/** The ablation report as a plain-text table and its verdict, for a terminal. */
public final class AblationText {

    private static final String ROW = "%-18s %-6s %-24s %-9s %-17s %-9s %-17s %6s%n";

    private AblationText() {
    }

    /**
     * One row per factor: whether it breaks bitwise reproducibility, the first divergent iteration and
     * layer, std and min–max of final validation accuracy and loss, its share of the variance of final
     * accuracy; then the verdict, and the time to chaos when the runs wrote parameter snapshots.
     */
    public static String render(AblationReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "factor", "breaks", "first divergence", "acc std", "acc min-max",
                "loss std", "loss min-max", "share"));
        for (FactorResult f : report.factors()) {
            out.append(String.format(Locale.ROOT, ROW, f.factor(), f.breaksReproducibility() ? "yes" : "no",
                    divergence(f.firstDivergence()), std(f.valAccuracy()), range(f.valAccuracy()),
                    std(f.valLoss()), range(f.valLoss()), String.format(Locale.ROOT, "%.0f%%", 100 * f.varianceShare())));
        }
        out.append(System.lineSeparator()).append(report.verdict());
        if (report.chaos() != null) {
            out.append(System.lineSeparator()).append(System.lineSeparator()).append(ChaosText.render(report.chaos()));
        }
        return out.toString();
    }

    private static String divergence(Divergence d) {
        if (d == null) {
            return "none";
        }
        return "iteration " + d.iteration() + ", " + (Divergence.MODEL.equals(d.layer()) ? "model" : d.layer());
    }

    private static String std(Stats s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.4f", s.std());
    }

    private static String range(Stats s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.4f-%.4f", s.min(), s.max());
    }
}
