package reprolab.events;

/**
 * End of an epoch: how the model does on the validation set.
 *
 * @param epoch         0-based epoch that ended
 * @param iteration     the last update of the epoch
 * @param valLoss       mean validation loss
 * @param valAccuracy   validation accuracy, 0 to 1
 */
public record EpochEvent(int epoch, int iteration, double valLoss, double valAccuracy) implements WorkerEvent {

    public static final String TYPE = "epoch";

    @Override
    public String type() {
        return TYPE;
    }
}
