package reprolab.events;

/**
 * Last line of a successful run.
 *
 * @param finalHash       xxHash64 of all parameters of the final model (after restoring the best, if asked)
 * @param iterations      updates done
 * @param wallMs          wall time of training, data loading included
 * @param msPerIteration  mean time of one update, fingerprints included
 * @param valLoss         validation loss of the final model
 * @param valAccuracy     validation accuracy of the final model
 * @param stoppedEarly    whether early stopping ended the run
 * @param restoredEpoch   epoch whose weights were restored, or -1
 */
public record FinishedEvent(String finalHash, int iterations, long wallMs, double msPerIteration,
                            double valLoss, double valAccuracy, boolean stoppedEarly, int restoredEpoch)
        implements WorkerEvent {

    public static final String TYPE = "finished";

    @Override
    public String type() {
        return TYPE;
    }
}
