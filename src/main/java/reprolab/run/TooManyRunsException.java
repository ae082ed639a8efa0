package reprolab.run;

/** More parallel runs were asked for than this machine's memory holds; the message says how many fit. */
public class TooManyRunsException extends IllegalArgumentException {

    private final int fit;

    public TooManyRunsException(String message, int fit) {
        super(message);
        this.fit = fit;
    }

    /** How many parallel runs would fit (at least 0). */
    public int fit() {
        return fit;
    }
}
