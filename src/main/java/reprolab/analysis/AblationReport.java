package reprolab.analysis;

import java.util.List;

/**
 * The ablation's findings.
 *
 * @param factors one result per group, in the order given
 * @param verdict which factors break reproducibility and how seed noise compares with a design choice
 */
public record AblationReport(List<FactorResult> factors, String verdict) {

    public AblationReport {
        factors = List.copyOf(factors);
    }
}
