package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of layer a {@code custom} model may list, each with the options it takes and the prefix of
 * its stable name ({@code conv_0}, {@code pool_1}, ...: the prefixes of the shipped models, so a custom
 * copy of seed-cnn has seed-cnn's layer names).
 */
public enum LayerType {
    CONV2D("conv2d", "conv", true, "filters", "kernel", "stride", "padding", "activation", "initializer"),
    MAXPOOL2D("maxpool2d", "pool", false, "size", "stride", "padding"),
    AVGPOOL2D("avgpool2d", "pool", false, "size", "stride", "padding"),
    DROPOUT("dropout", "dropout", false, "rate"),
    BATCHNORM("batchnorm", "batchnorm", true, "momentum", "epsilon"),
    FLATTEN("flatten", "flatten", false),
    DENSE("dense", "dense", true, "units", "activation", "initializer"),
    /** The softmax classifier; always last, named {@code output}. */
    OUTPUT("output", "output", true, "units", "initializer");

    private final String json;
    private final String namePrefix;
    private final boolean hasParameters;
    private final List<String> options;

    LayerType(String json, String namePrefix, boolean hasParameters, String... options) {
        this.json = json;
        this.namePrefix = namePrefix;
        this.hasParameters = hasParameters;
        this.options = List.of(options);
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** Prefix of the layer's stable name: the n-th layer with this prefix is {@code prefix_n}. */
    public String namePrefix() {
        return namePrefix;
    }

    /** Whether the layer holds parameters (and so has a fingerprint and can be perturbed). */
    public boolean hasParameters() {
        return hasParameters;
    }

    /** The option fields this kind of layer reads; any other given option is an error. */
    public List<String> options() {
        return options;
    }

    /** All type names, for messages. */
    public static String supported() {
        return String.join(", ", Arrays.stream(values()).map(LayerType::json).toList());
    }
}
