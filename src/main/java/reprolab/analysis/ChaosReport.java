package reprolab.analysis;

import java.util.List;

/**
 * Time to chaos of every group of an ablation whose runs wrote parameter snapshots.
 *
 * @param seedFactors the seed groups whose distance is the reference (the smallest of them counts)
 * @param factors     one result per group with snapshots, in the ablation's order
 * @param summary     one paragraph for a reader
 */
public record ChaosReport(List<String> seedFactors, List<ChaosResult> factors, String summary) {

    public ChaosReport {
        seedFactors = List.copyOf(seedFactors);
        factors = List.copyOf(factors);
    }

    /** The result of a group, or null. */
    public ChaosResult factor(String name) {
        return factors.stream().filter(f -> f.factor().equals(name)).findFirst().orElse(null);
    }
}
