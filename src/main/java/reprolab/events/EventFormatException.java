package reprolab.events;

/** A line that is not a valid worker event. */
public class EventFormatException extends Exception {

    public EventFormatException(String message) {
        super(message);
    }
}
