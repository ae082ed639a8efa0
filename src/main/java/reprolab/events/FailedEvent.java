package reprolab.events;

/**
 * Last line of a run that could not finish. Written by the worker itself, or by the launcher on its
 * behalf when the worker crashed, hung, printed garbage or was cancelled.
 *
 * @param reason    for a user, e.g. "loss diverged to NaN at iteration 37"; for a crash, with the tail of stderr
 * @param iteration the last iteration reported, or -1 before training began
 * @param cause     the kind of failure
 */
public record FailedEvent(String reason, int iteration, FailureCause cause) implements WorkerEvent {

    public static final String TYPE = "failed";

    @Override
    public String type() {
        return TYPE;
    }
}
