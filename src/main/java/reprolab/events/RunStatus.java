package reprolab.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a run stands, as far as its stored events tell. */
public enum RunStatus {
    /** Started and still reporting (only while a launcher owns it). */
    RUNNING("running"),
    FINISHED("finished"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    /** Stored events end without finished or failed: the app or the machine stopped mid-run. */
    INCOMPLETE("incomplete");

    private final String json;

    RunStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
