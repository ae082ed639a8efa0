package reprolab.run;

/** A run target cannot take the runs: its message says what is wrong and what the user can do. An
 * {@link java.io.IOException}, since like a disk error it comes from outside the program. */
public final class RunTargetException extends java.io.IOException {

    /** A refusal with its reason. */
    public RunTargetException(String message) {
        super(message);
    }
}
