package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One layer of a {@code custom} model. Only the options of its {@link LayerType} may be given; left-out
 * options take Keras' defaults (stride 1 for convolutions, stride = size for pooling, padding valid,
 * batch norm momentum 0.99 and epsilon 0.001) except the activation, which defaults to relu.
 *
 * @param type        the kind of layer
 * @param filters     conv2d: output channels
 * @param kernel      conv2d: square kernel side
 * @param stride      conv2d and pooling: step in both directions
 * @param padding     conv2d and pooling: {@code valid} or {@code same} (Keras' meaning)
 * @param activation  conv2d and dense: one of {@link #ACTIVATIONS}
 * @param size        pooling: square window side
 * @param rate        dropout: fraction of activations dropped (Keras' meaning), in [0, 1)
 * @param units       dense: outputs; output: classes (optional, must match the data's 10)
 * @param momentum    batchnorm: weight of the old running mean, as Keras' momentum
 * @param epsilon     batchnorm: added to the variance
 * @param initializer conv2d, dense, output: overrides {@code model.initializer} for this layer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerSpec(LayerType type, Integer filters, Integer kernel, Integer stride, String padding,
                        String activation, Integer size, Double rate, Integer units, Double momentum,
                        Double epsilon, Initializer initializer) {

    /** Activations a conv2d or dense layer may use (Keras names). */
    public static final List<String> ACTIVATIONS =
            List.of("relu", "tanh", "sigmoid", "linear", "elu", "selu", "softplus", "softsign");
    public static final Set<String> PADDINGS = Set.of("valid", "same");

    /** A convolution with a square kernel, stride 1 and valid padding. */
    public static LayerSpec conv2d(int filters, int kernel, String activation) {
        return new LayerSpec(LayerType.CONV2D, filters, kernel, null, null, activation, null, null, null, null, null, null);
    }

    /** Max or average pooling over a square window, stride = window (no overlap). */
    public static LayerSpec pool(LayerType type, int size) {
        return new LayerSpec(type, null, null, null, null, null, size, null, null, null, null, null);
    }

    /** Dropout of the fraction {@code rate} (Keras' meaning). */
    public static LayerSpec dropout(double rate) {
        return new LayerSpec(LayerType.DROPOUT, null, null, null, null, null, null, rate, null, null, null, null);
    }

    /** A fully connected layer. */
    public static LayerSpec dense(int units, String activation) {
        return new LayerSpec(LayerType.DENSE, null, null, null, null, activation, null, null, units, null, null, null);
    }

    /** A layer of this kind with every option at its default (flatten, batchnorm, output). */
    public static LayerSpec of(LayerType type) {
        return new LayerSpec(type, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same layer with its own initialiser (null: the model's). */
    public LayerSpec withInitializer(Initializer init) {
        return new LayerSpec(type, filters, kernel, stride, padding, activation, size, rate, units, momentum, epsilon, init);
    }

    public LayerSpec withStride(Integer newStride) {
        return new LayerSpec(type, filters, kernel, newStride, padding, activation, size, rate, units, momentum, epsilon, initializer);
    }

    public LayerSpec withPadding(String newPadding) {
        return new LayerSpec(type, filters, kernel, stride, newPadding, activation, size, rate, units, momentum, epsilon, initializer);
    }

    public LayerSpec withBatchNorm(Double newMomentum, Double newEpsilon) {
        return new LayerSpec(type, filters, kernel, stride, padding, activation, size, rate, units, newMomentum, newEpsilon, initializer);
    }

    /** Stride in effect: as given, else 1 for conv2d and the window size for pooling (as Keras). */
    public int strideOrDefault() {
        if (stride != null) {
            return stride;
        }
        return type == LayerType.CONV2D || size == null ? 1 : size;
    }

    public String paddingOrDefault() {
        return padding == null ? "valid" : padding;
    }

    public String activationOrDefault() {
        return activation == null ? "relu" : activation;
    }

    public double momentumOrDefault() {
        return momentum == null ? 0.99 : momentum;
    }

    public double epsilonOrDefault() {
        return epsilon == null ? 1e-3 : epsilon;
    }

    /** Names of the options given (non-null), in declaration order. */
    public List<String> givenOptions() {
        List<String> given = new ArrayList<>();
        Object[] values = {filters, kernel, stride, padding, activation, size, rate, units, momentum, epsilon, initializer};
        String[] names = {"filters", "kernel", "stride", "padding", "activation", "size", "rate", "units", "momentum",
                "epsilon", "initializer"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                given.add(names[i]);
            }
        }
        return given;
    }
}
