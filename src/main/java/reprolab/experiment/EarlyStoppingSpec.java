package reprolab.experiment;

/**
 * Early stopping on validation loss, checked after every epoch.
 *
 * @param enabled     off by default
 * @param patience    epochs without improvement before stopping
 * @param restoreBest put back the weights of the best epoch when stopping or finishing
 */
public record EarlyStoppingSpec(boolean enabled, int patience, boolean restoreBest) {

    public static EarlyStoppingSpec defaults() {
        return new EarlyStoppingSpec(false, 5, true);
    }
}
