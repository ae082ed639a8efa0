package reprolab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Writes the ablation's verdict: which factors break reproducibility, and seed noise vs design. */
final class AblationVerdict {

    private AblationVerdict() {
    }

    static String write(List<FactorResult> factors, List<AblationGroup> groups, List<ExperimentReport> reports) {
        if (factors.isEmpty()) {
            return "No ablation groups to analyse yet.";
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(breakers(factors));
        baseline(factors).ifPresent(sentences::add);
        largestShare(factors).ifPresent(sentences::add);
        noiseVersusDesign(factors).ifPresent(sentences::add);
        List<String> unfinished = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (!reports.get(i).identical() && reports.get(i).firstDivergence() == null && groups.get(i).runs().size() > 1) {
                unfinished.add(groups.get(i).factor());
            }
        }
        if (!unfinished.isEmpty()) {
            sentences.add("Not every run finished in: " + String.join(", ", unfinished)
                    + "; no difference was seen there, but it is not confirmed either.");
        }
        return String.join(" ", sentences);
    }

    private static String breakers(List<FactorResult> factors) {
        List<String> names = new ArrayList<>();
        for (FactorResult f : factors) {
            if (f.breaksReproducibility() && !AblationAnalysis.isBaseline(f.factor())) {
                Divergence d = f.firstDivergence();
                names.add(f.factor() + " (from iteration " + d.iteration() + " in " + layer(d) + ")");
            }
        }
        if (names.isEmpty()) {
            return "No factor breaks bitwise reproducibility.";
        }
        return "Bitwise reproducibility is broken by " + String.join(", ", names) + ".";
    }

    private static String layer(Divergence d) {
        return Divergence.MODEL.equals(d.layer()) ? "the whole-model hash" : "layer " + d.layer();
    }

    private static Optional<String> baseline(List<FactorResult> factors) {
        return factors.stream().filter(f -> AblationAnalysis.isBaseline(f.factor())).findFirst().map(b -> {
            if (b.breaksReproducibility()) {
                return "Warning: the baseline (everything seeded) is NOT bitwise identical (from iteration "
                        + b.firstDivergence().iteration() + " in " + layer(b.firstDivergence()) + "), so some "
                        + "difference comes from outside the factors, e.g. nondeterministic native kernels.";
            }
            return "The baseline (everything seeded) shows no bitwise difference.";
        });
    }

    private static Optional<String> largestShare(List<FactorResult> factors) {
        return factors.stream().filter(f -> f.varianceShare() > 0)
                .max(Comparator.comparingDouble(FactorResult::varianceShare))
                .map(f -> String.format(Locale.ROOT, "%s accounts for %.0f%% of the variance of final validation "
                        + "accuracy across the groups.", f.factor(), 100 * f.varianceShare()));
    }

    /** Compares the largest noise spread (seeds, threads, kernels...) with the hyperparameter reference. */
    private static Optional<String> noiseVersusDesign(List<FactorResult> factors) {
        Optional<FactorResult> noise = factors.stream()
                .filter(f -> !AblationAnalysis.isBaseline(f.factor()) && !AblationAnalysis.isHyperparameterReference(f.factor()))
                .filter(f -> f.valAccuracy() != null)
                .max(Comparator.comparingDouble(f -> f.valAccuracy().std()));
        Optional<FactorResult> design = factors.stream()
                .filter(f -> AblationAnalysis.isHyperparameterReference(f.factor()) && f.valAccuracy() != null)
                .findFirst();
        if (noise.isEmpty() || design.isEmpty()) {
            return Optional.empty();
        }
        double n = noise.get().valAccuracy().std();
        double d = design.get().valAccuracy().std();
        String comparison;
        if (n == 0 && d == 0) {
            comparison = "neither moves final validation accuracy";
        } else if (n >= d) {
            comparison = "run-to-run noise is as large as or larger than this design choice: "
                    + "compare models over several repeats, not single runs";
        } else {
            comparison = n == 0 ? "the design choice moves final accuracy and the noise does not"
                    : String.format(Locale.ROOT, "the design choice moves final accuracy %.1fx more than the noise", d / n);
        }
        return Optional.of(String.format(Locale.ROOT, "Largest noise: %s (std of final validation accuracy %.4f); "
                        + "hyperparameter reference %s: std %.4f; %s.",
                noise.get().factor(), n, design.get().factor(), d, comparison));
    }
}
