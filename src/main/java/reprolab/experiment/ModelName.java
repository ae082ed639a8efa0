package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/** The architectures ReproLab trains. */
public enum ModelName {
    /** Conv32-Conv32-MaxPool-Dropout0.25-Dense512-Dropout0.5-Softmax10, the network of the classic question. */
    SEED_CNN("seed-cnn", List.of("conv_0", "conv_1", "dense_0", "output")),
    /** The same kinds of layers, small enough to train in seconds: for tests and quick demos. */
    TINY("tiny", List.of("conv_0", "dense_0", "output")),
    /** The layers listed in {@code model.layers} ({@link LayerSpec}); its parameter layers come from that list. */
    CUSTOM("custom", List.of());

    private final String json;
    private final List<String> parameterLayers;

    ModelName(String json, List<String> parameterLayers) {
        this.json = json;
        this.parameterLayers = parameterLayers;
    }

    /** Names of the layers that hold parameters, in forward order; empty for custom (see {@link ModelSpec#parameterLayers()}). */
    public List<String> parameterLayers() {
        return parameterLayers;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
