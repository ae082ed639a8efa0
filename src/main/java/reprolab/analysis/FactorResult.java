package reprolab.analysis;

/**
 * What one ablation factor does.
 *
 * @param factor                 the group's factor name
 * @param description            the group's description
 * @param breaksReproducibility  a bitwise difference was seen between two runs of the group
 * @param firstDivergence        where the group's runs first differ, or null
 * @param valAccuracy            final validation accuracy over the group's finished runs, or null
 * @param valLoss                final validation loss over the group's finished runs, or null
 * @param varianceShare          this group's variance of final accuracy divided by the sum over all
 *                               groups except the baseline (0 for the baseline, and when the sum is 0)
 */
public record FactorResult(String factor, String description, boolean breaksReproducibility,
                           Divergence firstDivergence, Stats valAccuracy, Stats valLoss, double varianceShare) {
}
