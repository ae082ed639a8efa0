package reprolab.data;

/**
 * A data file or data setting that cannot be used. The message is one sentence a user can act on:
 * it names the file (or setting) and says exactly what is wrong with it.
 */
public class DataException extends Exception {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
