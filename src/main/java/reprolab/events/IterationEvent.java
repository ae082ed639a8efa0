package reprolab.events;

import java.util.List;

/**
 * The model after an update. Iteration 0 is the initialised model before any update (loss and
 * accuracy are then NaN and written as null); iteration k is the model after the k-th update, with
 * the loss and batch accuracy of the forward pass that update k computed.
 *
 * @param iteration  0 for the initial model, then 1, 2, ...
 * @param epoch      0-based epoch of the update
 * @param loss       training loss of the batch, null at iteration 0
 * @param accuracy   training accuracy of the batch (with dropout active), null at iteration 0
 * @param layers     one fingerprint per parameter layer, in forward order
 * @param modelHash  xxHash64 of all parameters
 * @param perturbed  how many parameters the perturbation changed at this iteration (0 when none)
 */
public record IterationEvent(int iteration, int epoch, Double loss, Double accuracy,
                             List<LayerFingerprint> layers, String modelHash, int perturbed) implements WorkerEvent {

    public static final String TYPE = "iteration";

    @Override
    public String type() {
        return TYPE;
    }
}
