package reprolab.events;

/**
 * One line a worker writes to stdout. The {@code type} field of the JSON line names the kind; the
 * set of kinds is closed, so no class name ever comes from the stream.
 */
public sealed interface WorkerEvent permits StartedEvent, IterationEvent, EpochEvent, FinishedEvent, FailedEvent {

    /** The value of the JSON {@code type} field. */
    String type();
}
