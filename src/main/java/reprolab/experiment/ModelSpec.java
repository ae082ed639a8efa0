package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The network and how it is optimised.
 *
 * @param name          {@code seed-cnn}, {@code tiny} or {@code custom}
 * @param epochs        passes over the training set
 * @param batchSize     examples per update
 * @param learningRate  Adam's step size
 * @param initializer   weight initialiser of every layer (a custom layer may override it)
 * @param earlyStopping stop on validation loss (off by default)
 * @param layers        the layers of a {@code custom} model, in forward order; empty for the others
 *                      (and left out of the JSON then, so older files and their hashes are unchanged)
 */
public record ModelSpec(ModelName name, int epochs, int batchSize, double learningRate,
                        Initializer initializer, EarlyStoppingSpec earlyStopping,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LayerSpec> layers) {

    /** Input of a custom model in the validator: MNIST's 28x28 digits (the sample and synthetic data). */
    public static final int ROWS = 28;
    public static final int COLS = 28;
    public static final int CLASSES = 10;

    public ModelSpec {
        layers = layers == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(layers));
    }

    /** A shipped model (no layer list). */
    public ModelSpec(ModelName name, int epochs, int batchSize, double learningRate,
                     Initializer initializer, EarlyStoppingSpec earlyStopping) {
        this(name, epochs, batchSize, learningRate, initializer, earlyStopping, List.of());
    }

    public static ModelSpec defaults() {
        return new ModelSpec(ModelName.SEED_CNN, 1, 64, 1e-3, Initializer.XAVIER_UNIFORM, EarlyStoppingSpec.defaults());
    }

    public ModelSpec withEpochs(int count) {
        return new ModelSpec(name, count, batchSize, learningRate, initializer, earlyStopping);
    }

    public ModelSpec withLearningRate(double rate) {
        return new ModelSpec(name, epochs, batchSize, rate, initializer, earlyStopping, layers);
    }

    public ModelSpec withLayers(List<LayerSpec> newLayers) {
        return new ModelSpec(name, epochs, batchSize, learningRate, initializer, earlyStopping, newLayers);
    }

    /** Names of the layers with parameters in forward order: the shipped list, or the custom one's. */
    public List<String> parameterLayers() {
        if (name == ModelName.CUSTOM) {
            return LayerShapes.compute(layers, ROWS, COLS, CLASSES).parameterLayers();
        }
        return name == null ? List.of() : name.parameterLayers();
    }
}
