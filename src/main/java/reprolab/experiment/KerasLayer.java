package reprolab.experiment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One layer of a Keras {@code model.to_json()}, in either form: Keras 2 ({@code {"class_name", "config"}})
 * or Keras 3 (the same plus {@code module} and {@code registered_name}, initialisers as objects with
 * {@code module} too). Reads its options and refuses what ReproLab cannot build, naming the layer.
 */
final class KerasLayer {

    /** The Keras classes that map onto ReproLab layers. */
    static final List<String> SUPPORTED = List.of("InputLayer", "Conv2D", "MaxPooling2D", "AveragePooling2D",
            "Dropout", "BatchNormalization", "Flatten", "Dense", "Activation");

    final int index;
    final String className;
    final JsonNode config;
    final String where;

    KerasLayer(int index, JsonNode layer) throws SpecException {
        this.index = index;
        JsonNode name = layer.path("class_name");
        this.config = layer.path("config");
        this.className = name.isTextual() ? name.asText() : "?";
        this.where = "Keras layer " + index + " '" + config.path("name").asText("unnamed") + "' (" + className + ")";
        if (!name.isTextual() || !config.isObject()) {
            throw new SpecException(where + ": expected an object with class_name and config");
        }
    }

    SpecException refuse(String why) {
        return new SpecException(where + ": " + why);
    }

    int integer(String field) throws SpecException {
        JsonNode node = config.path(field);
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw refuse("'" + field + "' must be a whole number, got " + node);
        }
        return node.intValue();
    }

    double number(String field, double fallback) throws SpecException {
        JsonNode node = config.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw refuse("'" + field + "' must be a number, got " + node);
        }
        return node.doubleValue();
    }

    /** A square size given as [n, n] (Keras' tuples) or n; null when absent or null. */
    Integer square(String field) throws SpecException {
        JsonNode node = config.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.intValue();
        }
        if (node.isArray() && node.size() == 2 && node.get(0).isIntegralNumber() && node.get(0).equals(node.get(1))) {
            return node.get(0).intValue();
        }
        throw refuse("'" + field + "' is " + node + "; only square sizes like [3, 3] are supported");
    }

    String text(String field, String fallback) {
        JsonNode node = config.path(field);
        return node.isTextual() ? node.asText() : fallback;
    }

    /** Keras options ReproLab has no counterpart for must be at their defaults, or the import would lie. */
    void requireDefaults() throws SpecException {
        for (String field : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
                "kernel_constraint", "bias_constraint", "beta_regularizer", "gamma_regularizer")) {
            if (!config.path(field).isMissingNode() && !config.path(field).isNull()) {
                throw refuse("'" + field + "' is set; regularisers and constraints are not supported");
            }
        }
        if (config.path("use_bias").isBoolean() && !config.path("use_bias").booleanValue()) {
            throw refuse("use_bias false is not supported; ReproLab's layers have biases");
        }
        if ("channels_first".equals(text("data_format", "channels_last"))) {
            throw refuse("data_format channels_first is not supported; use channels_last (Keras' default)");
        }
        Integer dilation = square("dilation_rate");
        if (dilation != null && dilation != 1) {
            throw refuse("dilation_rate " + dilation + " is not supported; only 1");
        }
        if (config.path("groups").isInt() && config.path("groups").intValue() != 1) {
            throw refuse("groups " + config.path("groups") + " is not supported; only 1");
        }
        JsonNode bias = config.path("bias_initializer");
        String biasName = bias.isTextual() ? bias.asText() : bias.path("class_name").asText("Zeros");
        if (!bias.isMissingNode() && !biasName.equalsIgnoreCase("Zeros") && !biasName.equalsIgnoreCase("zeros")) {
            throw refuse("bias_initializer " + biasName + " is not supported; ReproLab starts biases at zero (Keras' Zeros)");
        }
    }

    /** The input shape this layer declares, if any: [null, h, w, c] in Keras 2 or Keras 3 spelling. */
    JsonNode declaredInputShape() {
        for (String field : List.of("batch_input_shape", "batch_shape")) {
            if (config.path(field).isArray()) {
                return config.path(field);
            }
        }
        return null;
    }
}
