package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a run's images come from. */
public enum DataSource {
    /** The 10,000 MNIST digits shipped in {@code sample-data/}. */
    MNIST_SAMPLE("mnist-sample"),
    /** Any IDX image and label pair (full MNIST, Fashion-MNIST) given by path. */
    IDX("idx"),
    /** Gaussian noise images with random labels: the minimal example people post. */
    SYNTHETIC("synthetic");

    private final String json;

    DataSource(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
