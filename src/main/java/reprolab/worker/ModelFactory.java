package reprolab.worker;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.Initializer;
import reprolab.experiment.ModelName;
import reprolab.experiment.ModelSpec;

/**
 * Builds the two shipped networks, and custom ones through {@link CustomModelBuilder}. Layer names match {@link ModelName#parameterLayers()}; dropout is a layer
 * of its own (not a property of the next layer) so the output layer's input is the dropped-out
 * activation, which is what batch accuracy is computed from.
 *
 * <p>The cache mode is {@link #CACHE_MODE}: without it DL4J M2.1's {@code ConvolutionLayer.backpropGradient}
 * runs the convolution forward a second time (through the oneDNN helper too) to get the
 * pre-activation; with it the training forward pass keeps a copy in the activations workspace and
 * backprop reuses it. Same operation on the same inputs, so the same bits: the benchmark's docs
 * (docs/performance.md) record the hash comparison that shows it.
 *
 * <p>Three more parts are ours rather than DL4J's, for speed, each computing the same bits as the
 * DL4J part it replaces ({@link Kernels}; KernelEquivalenceTest trains both side by side): the Adam
 * step, the ReLU backward pass, and the dense layer, which reuses its forward product in backprop.
 * {@link KernelSelfCheck} confirms the first two against the loaded libnd4j build before a network
 * is built, and falls back to DL4J's on any difference.
 */
public final class ModelFactory {

    /** Convolution layers keep their forward pre-activation for backprop instead of recomputing it. */
    public static final CacheMode CACHE_MODE = CacheMode.DEVICE;

    private ModelFactory() {
    }

    /** A network initialised from {@code weightInitSeed}, with dropout masks from {@code dropoutSeed}. */
    public static MultiLayerNetwork create(ModelSpec model, DataTypeName dataType, long weightInitSeed,
                                           long dropoutSeed, int rows, int cols, int classes) {
        return create(model, dataType, weightInitSeed, dropoutSeed, rows, cols, classes,
                KernelSelfCheck.forRun(model.learningRate(), dataType).kernels());
    }

    static MultiLayerConfiguration configuration(ModelSpec model, DataTypeName dataType, long weightInitSeed,
                                                 long dropoutSeed, int rows, int cols, int classes) {
        return configuration(model, dataType, weightInitSeed, dropoutSeed, rows, cols, classes, Kernels.REPROLAB);
    }

    /**
     * Which code computes the Adam step, the ReLU backward pass and the dense layer: ours (the same
     * bits, faster: {@link ChunkedAdam}, {@link ChunkedRelu}, {@link CachingDenseLayer}) or DL4J's own,
     * kept for the equivalence test and the benchmark's before/after.
     */
    enum Kernels { REPROLAB, DL4J }

    static MultiLayerNetwork create(ModelSpec model, DataTypeName dataType, long weightInitSeed, long dropoutSeed,
                                    int rows, int cols, int classes, Kernels kernels) {
        MultiLayerNetwork net = new MultiLayerNetwork(
                configuration(model, dataType, weightInitSeed, dropoutSeed, rows, cols, classes, kernels));
        net.init();
        return net;
    }

    /** The run's Adam (DL4J's default betas and epsilon), ours or DL4J's: the self-check tests exactly this. */
    static Adam adam(double learningRate, Kernels kernels) {
        return kernels == Kernels.REPROLAB ? new ChunkedAdam(learningRate) : new Adam(learningRate);
    }

    static MultiLayerConfiguration configuration(ModelSpec model, DataTypeName dataType, long weightInitSeed,
                                                 long dropoutSeed, int rows, int cols, int classes, Kernels kernels) {
        boolean ours = kernels == Kernels.REPROLAB;
        boolean seedCnn = model.name() == ModelName.SEED_CNN;
        int convFilters = seedCnn ? 32 : 4;
        int dense = seedCnn ? 512 : 32;
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(weightInitSeed)
                .dataType(dataType == DataTypeName.DOUBLE ? DataType.DOUBLE : DataType.FLOAT)
                .weightInit(weightInit(model.initializer()))
                .updater(adam(model.learningRate(), kernels))
                .cacheMode(CACHE_MODE)
                .list();
        if (model.name() == ModelName.CUSTOM) {
            return new CustomModelBuilder(layers, dropoutSeed, ours).build(model.layers(), rows, cols, classes);
        }
        int index = 0;
        layers.layer(index++, conv("conv_0", convFilters, ours));
        if (seedCnn) {
            layers.layer(index++, conv("conv_1", convFilters, ours));
        }
        layers.layer(index++, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).name("pool_0").build());
        layers.layer(index, new DropoutLayer.Builder().dropOut(new SeededDropout(0.75, dropoutSeed, index))
                .name("dropout_0").build());
        index++;
        // our dense layer only on the DL4J release it was written for (CachingDenseLayer.WRITTEN_FOR)
        layers.layer(index++, ours && CachingDenseLayer.fitsThisDl4j()
                ? new CachingDenseLayer("dense_0", dense, new ChunkedRelu())
                : new DenseLayer.Builder().nOut(dense).activation(Activation.RELU).name("dense_0").build());
        layers.layer(index, new DropoutLayer.Builder().dropOut(new SeededDropout(0.5, dropoutSeed, index))
                .name("dropout_1").build());
        index++;
        layers.layer(index, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).name("output").build());
        return layers.setInputType(InputType.convolutionalFlat(rows, cols, 1)).build();
    }

    /** DL4J's initialiser for each of ours (Keras' glorot is DL4J's Xavier, he is DL4J's ReLU). */
    static WeightInit weightInit(Initializer initializer) {
        return switch (initializer) {
            case XAVIER_UNIFORM -> WeightInit.XAVIER_UNIFORM;
            case HE_UNIFORM -> WeightInit.RELU_UNIFORM;
            case XAVIER_NORMAL -> WeightInit.XAVIER;
            case HE_NORMAL -> WeightInit.RELU;
            case LECUN_NORMAL -> WeightInit.LECUN_NORMAL;
        };
    }

    private static ConvolutionLayer conv(String name, int filters, boolean ours) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).stride(1, 1)
                .activation(ours ? new ChunkedRelu() : new ActivationReLU()).name(name).build();
    }
}
