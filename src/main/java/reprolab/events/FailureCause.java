package reprolab.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a run ended without finishing. */
public enum FailureCause {
    /** Bad data file, bad spec, or an exception inside training. */
    ERROR("error"),
    /** The loss became NaN or infinite. */
    DIVERGED("diverged"),
    /** The worker process died without saying why (native crash, kill -9). */
    CRASHED("crashed"),
    /** The worker said nothing for longer than the timeout. */
    TIMEOUT("timeout"),
    /** The user cancelled. */
    CANCELLED("cancelled"),
    /** Java heap or native memory ran out in the worker. */
    OUT_OF_MEMORY("out-of-memory"),
    /** The experiment folder could not be written (disk full, permissions). */
    STORAGE("storage");

    private final String json;

    FailureCause(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
