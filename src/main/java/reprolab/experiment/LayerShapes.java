package reprolab.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names, output shapes and parameter counts of a {@code custom} model's layers, and every problem of
 * its layer list, computed without DL4J so the validator, the layer editor and the worker agree.
 * Messages name the layer as {@code model.layers[i] (name, type)} and the option at fault.
 */
public final class LayerShapes {

    /** Seed-cnn has 2.4 M parameters; 25 M (100 MB of float weights, 300 MB with Adam's state) is a sane top. */
    public static final long MAX_PARAMETERS = 25_000_000;
    /** Upper bound of any size option (filters, units, kernel, ...), far above any model trained here. */
    public static final int MAX_SIZE = 100_000;

    private LayerShapes() {
    }

    /** A layer's output: an image (height x width x channels) or, after flatten/dense, a vector. */
    public record Shape(long height, long width, long channels, boolean flat) {
        public static Shape image(long height, long width, long channels) {
            return new Shape(height, width, channels, false);
        }

        public static Shape vector(long size) {
            return new Shape(1, 1, size, true);
        }

        public long size() {
            return height * width * channels;
        }

        @Override
        public String toString() {
            return flat ? Long.toString(channels) : height + "x" + width + "x" + channels;
        }
    }

    /** One layer with its stable name; {@code output} is null after a shape problem upstream. */
    public record Layer(int index, String name, LayerType type, Shape output, long parameters) {
    }

    /** All layers, the total parameter count and the problems (empty when the list can be built). */
    public record Result(List<Layer> layers, long parameters, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** Names of the layers with parameters, in forward order (fingerprints, perturbation). */
        public List<String> parameterLayers() {
            return layers.stream().filter(l -> l.type() != null && l.type().hasParameters()).map(Layer::name).toList();
        }
    }

    /** Stable names: the n-th layer of a prefix is {@code prefix_n}; the classifier is {@code output}. */
    public static List<String> names(List<LayerSpec> layers) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (LayerSpec layer : layers) {
            if (layer == null || layer.type() == null) {
                names.add("layer_" + names.size());
            } else if (layer.type() == LayerType.OUTPUT) {
                names.add("output");
            } else {
                int n = counts.merge(layer.type().namePrefix(), 1, Integer::sum) - 1;
                names.add(layer.type().namePrefix() + "_" + n);
            }
        }
        return names;
    }

    /** Computes the layers on {@code rows x cols x 1} images with {@code classes} classes. */
    public static Result compute(List<LayerSpec> specs, int rows, int cols, int classes) {
        List<String> names = names(specs);
        List<String> problems = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        Shape shape = Shape.image(rows, cols, 1);
        long total = 0;
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            String where = "model.layers[" + i + "] (" + names.get(i)
                    + (spec == null || spec.type() == null ? "" : ", " + spec.type().json()) + ")";
            if (spec == null || spec.type() == null) {
                problems.add(where + ": field 'type' is required: one of " + LayerType.supported());
                layers.add(new Layer(i, names.get(i), null, null, 0));
                shape = null;
                continue;
            }
            LayerRules rules = new LayerRules(spec, where, problems);
            rules.checkOptions();
            boolean valuesOk = rules.checkValues();
            if (spec.type() == LayerType.OUTPUT && i != specs.size() - 1) {
                problems.add(where + ": the output layer must be the last layer");
            }
            Shape out = shape == null || !valuesOk ? null : rules.output(shape, classes);
            long params = out == null ? 0 : rules.parameters(shape, out);
            layers.add(new Layer(i, names.get(i), spec.type(), out, params));
            shape = out;
            total += params;
        }
        checkEnd(specs, names, problems);
        if (total > MAX_PARAMETERS) {
            problems.add(String.format("model.layers: the model has %,d parameters; at most %,d are allowed",
                    total, MAX_PARAMETERS));
        }
        return new Result(List.copyOf(layers), total, List.copyOf(problems));
    }

    private static void checkEnd(List<LayerSpec> specs, List<String> names, List<String> problems) {
        if (specs.isEmpty()) {
            problems.add("model.layers is empty; a custom model needs at least {\"type\": \"output\"}, the softmax classifier");
            return;
        }
        int last = specs.size() - 1;
        LayerSpec end = specs.get(last);
        if (end != null && end.type() != LayerType.OUTPUT) {
            problems.add("model.layers must end in the output layer {\"type\": \"output\"} (the softmax classifier); "
                    + "the last is model.layers[" + last + "] (" + names.get(last) + ", " + (end.type() == null ? "no type" : end.type().json()) + ")");
        }
    }
}
