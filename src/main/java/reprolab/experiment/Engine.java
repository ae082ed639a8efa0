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

    /**
     * Jackson's filter for {@code execution.engine}: the default engine is left out of the JSON, so a
     * DL4J experiment file, and its spec hash, are what they were before the engine field existed.
     */
    public static final class IsDefault {
        @Override
        public boolean equals(Object value) {
            return value == null || value == DL4J;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
