package reprolab.analysis;

import java.util.List;

/**
 * The ablation's findings.
 *
 * @param factors one result per group, in the order given
 * @param verdict which factors break reproducibility and how seed noise compares with a design choice
 * @param chaos   the time to chaos of each group, or null when the runs wrote no parameter snapshots
 */
public record AblationReport(List<FactorResult> factors, String verdict, ChaosReport chaos) {

    public AblationReport {
        factors = List.copyOf(factors);
    }

    /** Without a time-to-chaos analysis. */
    public AblationReport(List<FactorResult> factors, String verdict) {
        this(factors, verdict, null);
    }

    /** The same report with this time-to-chaos analysis. */
    public AblationReport withChaos(ChaosReport newChaos) {
        return new AblationReport(factors, verdict, newChaos);
    }
}
