package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** Floating-point type of parameters and activations. */
public enum DataTypeName {
    FLOAT("float"),
    DOUBLE("double");

    private final String json;

    DataTypeName(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
