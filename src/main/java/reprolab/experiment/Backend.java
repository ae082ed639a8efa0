package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** ND4J backend a run asks for. */
public enum Backend {
    CPU("cpu"),
    CUDA("cuda");

    private final String json;

    Backend(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
