package reprolab.analysis;

import reprolab.events.RunStatus;
import reprolab.experiment.ResolvedSeeds;

/**
 * One run as the report lists it.
 *
 * @param id             run id
 * @param status         finished, failed, cancelled or incomplete
 * @param seeds          the seeds the run used, or null when it never reported its provenance
 * @param finalHash      hash of the final model, null unless finished
 * @param valAccuracy    final validation accuracy, null unless finished
 * @param valLoss        final validation loss, null unless finished
 * @param msPerIteration mean time of one update, null unless finished
 * @param reason         why it did not finish, for a user; null when finished
 */
public record RunSummary(String id, RunStatus status, ResolvedSeeds seeds, String finalHash, Double valAccuracy,
                         Double valLoss, Double msPerIteration, String reason) {
}
