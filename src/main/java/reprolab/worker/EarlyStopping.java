package reprolab.worker;

import reprolab.experiment.EarlyStoppingSpec;

import java.util.function.Supplier;

/**
 * Early stopping on validation loss, as Keras' EarlyStopping(patience, restore_best_weights): stops
 * after {@code patience} epochs without a strictly lower validation loss, and hands back the best
 * epoch's weights when asked to restore them and they are not already the last.
 *
 * @param <W> the weights' type (a copy of the parameters)
 */
final class EarlyStopping<W> {

    private final EarlyStoppingSpec spec;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch = -1;
    private int lastEpoch = -1;
    private W bestWeights;
    private int sinceBest;
    private boolean restored;

    EarlyStopping(EarlyStoppingSpec spec) {
        this.spec = spec;
    }

    /** Records an epoch's validation loss; copies the weights only when they are the best so far. */
    void afterEpoch(int epoch, double validationLoss, Supplier<W> weights) {
        lastEpoch = epoch;
        if (!spec.enabled()) {
            return;
        }
        if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            bestEpoch = epoch;
            bestWeights = spec.restoreBest() ? weights.get() : null;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
    }

    /** True once patience has run out; training should stop before the next epoch. */
    boolean shouldStop() {
        return spec.enabled() && sinceBest >= spec.patience();
    }

    boolean stoppedEarly() {
        return shouldStop();
    }

    /** The best epoch's weights when they must be put back, else null. Marks them as restored. */
    W weightsToRestore() {
        if (spec.enabled() && spec.restoreBest() && bestWeights != null && bestEpoch != lastEpoch) {
            restored = true;
            return bestWeights;
        }
        return null;
    }

    /** The epoch whose weights were restored, or -1. */
    int restoredEpoch() {
        return restored ? bestEpoch : -1;
    }
}
