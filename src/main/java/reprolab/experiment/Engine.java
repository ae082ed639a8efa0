package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which library trains a run: Deeplearning4j in a worker JVM (the default), or PyTorch in a Python
 * worker process ({@code src/main/python/reprolab_worker}) that writes the same events.
 */
public enum Engine {
    DL4J("dl4j"),
    PYTORCH("pytorch");

    private final String json;

    Engine(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
