package reprolab.ablation;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ModelName;

/**
 * The settings of a long ablation ({@code ablate --long}, a lesson's {@code "long": true}): enough
 * epochs for a 1e-8 difference to grow, and parameter snapshots so the time to chaos can be measured.
 * One epoch is too short: a perturbed run's accuracy is then still the same to the last digit, which
 * reads as "tiny differences do not matter" (issue 15).
 *
 * <p>Tiny model: at least {@value #TINY_EPOCHS} epochs and about {@value #TINY_SNAPSHOTS} snapshots
 * per run (~88 KB each). Seed CNN: at least {@value #SEED_CNN_EPOCHS} epochs and about
 * {@value #SEED_CNN_SNAPSHOTS} snapshots, because each is 9.6 MB. A snapshot period the spec already
 * sets is kept, as is a larger epoch count.
 */
public final class LongTraining {

    public static final int TINY_EPOCHS = 30;
    public static final int TINY_SNAPSHOTS = 50;
    public static final int SEED_CNN_EPOCHS = 3;
    public static final int SEED_CNN_SNAPSHOTS = 10;

    private LongTraining() {
    }

    /** The spec with the long settings applied (see the class comment). */
    public static ExperimentSpec apply(ExperimentSpec spec) {
        boolean tiny = spec.model().name() == ModelName.TINY;
        int epochs = Math.max(spec.model().epochs(), tiny ? TINY_EPOCHS : SEED_CNN_EPOCHS);
        ExperimentSpec longer = spec.withModel(spec.model().withEpochs(epochs));
        if (spec.runs().snapshotEvery() > 0) {
            return longer;
        }
        int perEpoch = (spec.data().trainSize() + spec.model().batchSize() - 1) / spec.model().batchSize();
        int every = Math.max(1, perEpoch * epochs / (tiny ? TINY_SNAPSHOTS : SEED_CNN_SNAPSHOTS));
        return longer.withRuns(longer.runs().withSnapshotEvery(every));
    }
}
