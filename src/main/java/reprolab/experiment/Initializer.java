package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Weight initialisers offered, with the Keras name each stands for: glorot_uniform, he_uniform,
 * glorot_normal, he_normal, lecun_normal (DL4J draws the normal ones untruncated; Keras truncates
 * at two standard deviations). Not lecun_uniform: DL4J's LECUN_UNIFORM has another range than Keras'.
 */
public enum Initializer {
    XAVIER_UNIFORM("xavier-uniform"),
    HE_UNIFORM("he-uniform"),
    XAVIER_NORMAL("xavier-normal"),
    HE_NORMAL("he-normal"),
    LECUN_NORMAL("lecun-normal");

    private final String json;

    Initializer(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
