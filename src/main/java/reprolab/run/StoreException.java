package reprolab.run;

/** An experiment folder that cannot be opened or used; the message is meant for the user. */
public class StoreException extends Exception {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
