package reprolab.analysis;

/**
 * Where two or more runs first part bitwise.
 *
 * @param iteration the first iteration whose fingerprints differ (0 is the initialised model); for a
 *                  difference seen only in the final model hash, the last iteration of the run
 * @param layer     the first layer in forward order whose hash differs; {@code "model"} when the
 *                  layers agree (or were not reported) but the whole-model hash differs
 */
public record Divergence(int iteration, String layer) {

    /** Layer name used when the difference is only visible in the whole-model hash. */
    public static final String MODEL = "model";
}
