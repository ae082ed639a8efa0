package reprolab.experiment;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Keras Sequential model's JSON ({@code model.to_json()}, Keras 2 or Keras 3) as a ReproLab
 * experiment with a {@code custom} model. Parsed with Jackson only (no DL4J model import: its HDF5
 * natives are hundreds of MB, and only the architecture is needed). Anything without a faithful
 * counterpart is refused with a message naming the layer and what is supported.
 *
 * <p>Seeds: Keras seeds each initialiser; ReproLab draws all initial weights from one weight-init
 * seed. The seed the initialisers share becomes {@code seeds.weightInit}; unseeded initialisers
 * (Keras draws them anew each run) turn the weight-init seed off. Either way the numbers differ from
 * Keras' own (another generator): the import carries the architecture and the seeding policy, not
 * Keras' initial weights. Each such decision is returned as a note.
 */
public final class KerasImport {

    /** The experiment and what the user should know about how it was mapped. */
    public record Result(ExperimentSpec spec, List<String> notes) {
    }

    private final List<LayerSpec> layers = new ArrayList<>();
    private final Map<Integer, KerasInitializers.Seeded> initializers = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private KerasImport() {
    }

    /** Reads a {@code model.to_json()} file. */
    public static Result read(Path file) throws SpecException {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > SpecJson.MAX_FILE_BYTES) {
                throw new SpecException("Keras model file " + file + " does not exist, is not a file or is over "
                        + SpecJson.MAX_FILE_BYTES + " bytes");
            }
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            return parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new SpecException("cannot read Keras model file " + file + ": " + e.getMessage());
        }
    }

    /** Maps the JSON text; {@code name} labels the experiment. */
    public static Result parse(String json, String name) throws SpecException {
        JsonNode root = SpecJson.parseTree(json);
        String className = root.path("class_name").asText("");
        if (!className.equals("Sequential")) {
            throw new SpecException("the Keras model is a '" + className + "'; only Sequential models can be imported");
        }
        JsonNode config = root.path("config");
        JsonNode list = config.isArray() ? config : config.path("layers"); // Keras 2.0-2.1 wrote the list as config
        if (!list.isArray()) {
            throw new SpecException("the Keras model has no layer list (config.layers)");
        }
        KerasImport mapping = new KerasImport();
        for (int i = 0; i < list.size(); i++) {
            mapping.add(new KerasLayer(i, list.get(i)), i == list.size() - 1);
        }
        return mapping.result(name);
    }

    private void add(KerasLayer layer, boolean last) throws SpecException {
        checkInput(layer);
        switch (layer.className) {
            case "InputLayer" -> { }
            case "Conv2D" -> conv(layer);
            case "MaxPooling2D" -> pool(layer, LayerType.MAXPOOL2D);
            case "AveragePooling2D" -> pool(layer, LayerType.AVGPOOL2D);
            case "Dropout" -> layers.add(LayerSpec.dropout(layer.number("rate", 0)));
            case "BatchNormalization" -> batchNorm(layer);
            case "Flatten" -> layers.add(LayerSpec.of(LayerType.FLATTEN));
            case "Dense" -> dense(layer, last);
            case "Activation" -> activation(layer, last);
            default -> throw layer.refuse("not supported; supported layers: " + String.join(", ", KerasLayer.SUPPORTED));
        }
    }

    /** ReproLab trains on 28x28 grey digits: a model built for other input would not fit the data. */
    private static void checkInput(KerasLayer layer) throws SpecException {
        JsonNode shape = layer.declaredInputShape();
        if (shape == null) {
            return;
        }
        String given = shape.toString();
        boolean fits = shape.size() == 4 && shape.get(1).asInt() == ModelSpec.ROWS && shape.get(2).asInt() == ModelSpec.COLS
                && shape.get(3).asInt() == 1;
        if (!fits) {
            throw layer.refuse("input shape " + given + " is not ReproLab's [null, 28, 28, 1] (28x28 grey digits)");
        }
    }

    private void conv(KerasLayer layer) throws SpecException {
        layer.requireDefaults();
        Integer kernel = layer.square("kernel_size");
        if (kernel == null) {
            throw layer.refuse("'kernel_size' is required");
        }
        LayerSpec spec = LayerSpec.conv2d(layer.integer("filters"), kernel, activationName(layer))
                .withStride(stride(layer, 1)).withPadding(padding(layer));
        initializers.put(layers.size(), KerasInitializers.read(layer, "kernel_initializer"));
        layers.add(spec);
    }

    private void pool(KerasLayer layer, LayerType type) throws SpecException {
        layer.requireDefaults();
        Integer size = layer.square("pool_size");
        int window = size == null ? 2 : size;
        layers.add(LayerSpec.pool(type, window).withStride(stride(layer, window)).withPadding(padding(layer)));
    }

    private void batchNorm(KerasLayer layer) throws SpecException {
        layer.requireDefaults();
        JsonNode axis = layer.config.path("axis");
        boolean lastAxis = axis.isMissingNode() || axis.asInt(0) == -1 || axis.asInt(0) == 3
                || (axis.isArray() && axis.size() == 1 && (axis.get(0).asInt() == -1 || axis.get(0).asInt() == 3));
        if (!lastAxis || layer.config.path("center").asBoolean(true) != true || layer.config.path("scale").asBoolean(true) != true) {
            throw layer.refuse("only the defaults axis -1, center true, scale true are supported");
        }
        layers.add(LayerSpec.of(LayerType.BATCHNORM).withBatchNorm(layer.number("momentum", 0.99), layer.number("epsilon", 1e-3)));
    }

    private void dense(KerasLayer layer, boolean last) throws SpecException {
        layer.requireDefaults();
        String activation = layer.text("activation", "linear");
        initializers.put(layers.size(), KerasInitializers.read(layer, "kernel_initializer"));
        if (activation.equals("softmax")) {
            if (!last) {
                throw layer.refuse("softmax is only supported on the last layer, as the classifier");
            }
            layers.add(output(layer.integer("units")));
        } else {
            layers.add(LayerSpec.dense(layer.integer("units"), activationName(layer)));
        }
    }

    /** The data's class count is the output's default, so it is left out; any other count stays, for the validator. */
    private static LayerSpec output(int units) {
        Integer kept = units == ModelSpec.CLASSES ? null : units;
        return new LayerSpec(LayerType.OUTPUT, null, null, null, null, null, null, null, kept, null, null, null);
    }

    /** An Activation layer folds into the linear conv2d/dense before it (softmax: the dense becomes the output). */
    private void activation(KerasLayer layer, boolean last) throws SpecException {
        String name = layer.text("activation", "?");
        LayerSpec previous = layers.isEmpty() ? null : layers.get(layers.size() - 1);
        boolean foldable = previous != null && (previous.type() == LayerType.CONV2D || previous.type() == LayerType.DENSE)
                && "linear".equals(previous.activation());
        if (!foldable) {
            throw layer.refuse("an Activation layer is supported only right after a Conv2D or Dense with activation linear");
        }
        if (name.equals("softmax") && last && previous.type() == LayerType.DENSE) {
            layers.set(layers.size() - 1, output(previous.units()));
            return;
        }
        checkActivation(layer, name);
        layers.set(layers.size() - 1, new LayerSpec(previous.type(), previous.filters(), previous.kernel(), previous.stride(),
                previous.padding(), name, null, null, previous.units(), null, null, null));
    }

    private static String activationName(KerasLayer layer) throws SpecException {
        String name = layer.text("activation", "linear");
        checkActivation(layer, name);
        return name;
    }

    private static void checkActivation(KerasLayer layer, String name) throws SpecException {
        if (!LayerSpec.ACTIVATIONS.contains(name)) {
            throw layer.refuse("activation '" + name + "' is not supported; supported: " + String.join(", ", LayerSpec.ACTIVATIONS)
                    + (name.equals("softmax") ? " (softmax only in the last Dense layer)" : ""));
        }
    }

    private static Integer stride(KerasLayer layer, int fallback) throws SpecException {
        Integer stride = layer.square("strides");
        return stride == null || stride == fallback ? null : stride;
    }

    private static String padding(KerasLayer layer) throws SpecException {
        String padding = layer.text("padding", "valid");
        if (!LayerSpec.PADDINGS.contains(padding)) {
            throw layer.refuse("padding '" + padding + "' is not supported; supported: valid, same");
        }
        return padding.equals("valid") ? null : padding;
    }

    private Result result(String name) throws SpecException {
        Initializer global = mostCommonInitializer();
        List<LayerSpec> withInit = new ArrayList<>(layers);
        initializers.forEach((index, seeded) -> {
            if (seeded.initializer() != global) {
                withInit.set(index, withInit.get(index).withInitializer(seeded.initializer()));
            }
        });
        ExperimentSpec defaults = ExperimentSpec.defaults();
        ModelSpec model = new ModelSpec(ModelName.CUSTOM, defaults.model().epochs(), defaults.model().batchSize(),
                defaults.model().learningRate(), global, defaults.model().earlyStopping(), withInit);
        ExperimentSpec spec = defaults.withName("imported from Keras: " + name).withModel(model)
                .withSeeds(defaults.seeds().with(SeedKind.WEIGHT_INIT, weightInitSeed()));
        List<String> problems = SpecValidator.validate(spec);
        if (!problems.isEmpty()) {
            throw new SpecException("the imported Keras model is not a valid ReproLab model: " + String.join("; ", problems));
        }
        notes.add("epochs, batch size, learning rate (Adam), data and the dropout, shuffle and split seeds are ReproLab's "
                + "defaults: a Keras model's JSON does not carry them; edit the experiment to match your training");
        return new Result(spec, List.copyOf(notes));
    }

    private Initializer mostCommonInitializer() {
        Map<Initializer, Integer> counts = new LinkedHashMap<>();
        initializers.values().forEach(s -> counts.merge(s.initializer(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Initializer.XAVIER_UNIFORM);
    }

    private SeedSetting weightInitSeed() {
        Set<Long> seeds = new LinkedHashSet<>();
        long unseeded = initializers.values().stream().filter(s -> s.seed() == null).count();
        initializers.values().stream().map(KerasInitializers.Seeded::seed).filter(java.util.Objects::nonNull).forEach(seeds::add);
        if (seeds.isEmpty()) {
            notes.add("no initialiser has a seed (Keras draws such weights anew each run), so seeds.weightInit is off");
            return new SeedSetting(false, SeedsSpec.defaults().weightInit().value());
        }
        long seed = seeds.iterator().next();
        if (seeds.size() > 1 || unseeded > 0) {
            notes.add("the initialisers' seeds differ (" + seeds + (unseeded > 0 ? " and some unseeded" : "")
                    + "); ReproLab draws all initial weights from one seed, seeds.weightInit = " + seed);
        } else {
            notes.add("every initialiser has seed " + seed + ": seeds.weightInit = " + seed + " (the same seeding policy; "
                    + "the initial weights are ReproLab's draw, not Keras' numbers)");
        }
        return SeedSetting.on(seed);
    }
}
