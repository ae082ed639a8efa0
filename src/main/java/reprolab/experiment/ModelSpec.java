package reprolab.experiment;

/**
 * The network and how it is optimised.
 *
 * @param name          {@code seed-cnn} or {@code tiny}
 * @param epochs        passes over the training set
 * @param batchSize     examples per update
 * @param learningRate  Adam's step size
 * @param initializer   weight initialiser of every layer
 * @param earlyStopping stop on validation loss (off by default)
 */
public record ModelSpec(ModelName name, int epochs, int batchSize, double learningRate,
                        Initializer initializer, EarlyStoppingSpec earlyStopping) {

    public static ModelSpec defaults() {
        return new ModelSpec(ModelName.SEED_CNN, 1, 64, 1e-3, Initializer.XAVIER_UNIFORM, EarlyStoppingSpec.defaults());
    }

    public ModelSpec withEpochs(int count) {
        return new ModelSpec(name, count, batchSize, learningRate, initializer, earlyStopping);
    }

    public ModelSpec withLearningRate(double rate) {
        return new ModelSpec(name, epochs, batchSize, rate, initializer, earlyStopping);
    }
}
