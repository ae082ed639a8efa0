package reprolab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Attributes run-to-run differences to factors: each group varies one factor across R repeats, and
 * each is analysed like an experiment of its own.
 */
public final class AblationAnalysis {

    /** Factor name of the everything-seeded group, which must be bitwise identical. */
    public static final String BASELINE = "baseline";

    /** Factor name prefixes that mark a hyperparameter reference group (a real design choice). */
    private static final List<String> HYPERPARAMETER_PREFIXES =
            List.of("learning-rate", "lr-", "batch-size", "epochs", "initializer", "hyperparameter");

    private AblationAnalysis() {
    }

    /** Whether this factor is the baseline group. */
    public static boolean isBaseline(String factor) {
        return BASELINE.equalsIgnoreCase(factor);
    }

    /**
     * Whether this factor is a hyperparameter reference rather than a source of noise: its name starts
     * with {@code learning-rate}, {@code lr-}, {@code batch-size}, {@code epochs}, {@code initializer}
     * or {@code hyperparameter} (e.g. {@code learning-rate-x2}).
     */
    public static boolean isHyperparameterReference(String factor) {
        String name = factor == null ? "" : factor.toLowerCase(Locale.ROOT);
        return HYPERPARAMETER_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /**
     * Analyses every group. A group breaks reproducibility when a bitwise difference was seen between
     * two of its runs (runs that merely did not finish do not count; the verdict names them). The
     * variance share of a group is its sample variance of final validation accuracy divided by the sum
     * of those variances over all groups except the baseline; the baseline's share is 0, as is every
     * share when the sum is 0.
     */
    public static AblationReport analyse(List<AblationGroup> groups) {
        List<ExperimentReport> reports = new ArrayList<>();
        double total = 0;
        for (AblationGroup group : groups) {
            ExperimentReport report = ExperimentAnalysis.analyse(group.runs(), 0.0);
            reports.add(report);
            if (!isBaseline(group.factor())) {
                total += variance(report.valAccuracy());
            }
        }
        List<FactorResult> factors = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            AblationGroup group = groups.get(i);
            ExperimentReport report = reports.get(i);
            double share = isBaseline(group.factor()) || total == 0 ? 0.0 : variance(report.valAccuracy()) / total;
            factors.add(new FactorResult(group.factor(), group.description(), report.firstDivergence() != null,
                    report.firstDivergence(), report.valAccuracy(), report.valLoss(), share));
        }
        return new AblationReport(factors, AblationVerdict.write(factors, groups, reports));
    }

    private static double variance(Stats s) {
        return s == null ? 0.0 : s.variance();
    }
}
