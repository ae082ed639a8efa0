package reprolab.events;

/** First line of every run: what is about to be trained, and on what. */
public record StartedEvent(String runId, Provenance provenance) implements WorkerEvent {

    public static final String TYPE = "started";

    @Override
    public String type() {
        return TYPE;
    }
}
