package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** Weight initialisers offered (Keras' glorot_uniform and he_uniform). */
public enum Initializer {
    XAVIER_UNIFORM("xavier-uniform"),
    HE_UNIFORM("he-uniform");

    private final String json;

    Initializer(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
