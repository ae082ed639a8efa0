package reprolab.analysis;

import reprolab.events.RunHistory;

import java.util.List;

/**
 * The runs of one ablation factor: R repeats in which only that factor varies.
 *
 * @param factor      short name, e.g. {@code dropout}, {@code threads}; {@value AblationAnalysis#BASELINE}
 *                    for the everything-seeded group; a hyperparameter reference such as
 *                    {@code learning-rate-x2} (see {@link AblationAnalysis#isHyperparameterReference})
 * @param description one line for a user, e.g. "dropout seed off: each run draws its own masks"
 * @param runs        the group's runs
 */
public record AblationGroup(String factor, String description, List<RunHistory> runs) {

    public AblationGroup {
        runs = List.copyOf(runs);
    }
}
