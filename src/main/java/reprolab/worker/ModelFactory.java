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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.Initializer;
import reprolab.experiment.ModelName;
import reprolab.experiment.ModelSpec;

/**
 * Builds the two networks. Layer names match {@link ModelName#parameterLayers()}; dropout is a layer
 * of its own (not a property of the next layer) so the output layer's input is the dropped-out
 * activation, which is what batch accuracy is computed from.
 *
 * <p>The cache mode is {@link #CACHE_MODE}: without it DL4J M2.1's {@code ConvolutionLayer.backpropGradient}
 * runs the convolution forward a second time (through the oneDNN helper too) to get the
 * pre-activation; with it the training forward pass keeps a copy in the activations workspace and
 * backprop reuses it. Same operation on the same inputs, so the same bits: the benchmark's docs
 * (docs/performance.md) record the hash comparison that shows it.
 */
public final class ModelFactory {

    /** Convolution layers keep their forward pre-activation for backprop instead of recomputing it. */
    public static final CacheMode CACHE_MODE = CacheMode.DEVICE;

    private ModelFactory() {
    }

    /** A network initialised from {@code weightInitSeed}, with dropout masks from {@code dropoutSeed}. */
    public static MultiLayerNetwork create(ModelSpec model, DataTypeName dataType, long weightInitSeed,
                                           long dropoutSeed, int rows, int cols, int classes) {
        MultiLayerConfiguration conf = configuration(model, dataType, weightInitSeed, dropoutSeed, rows, cols, classes);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static MultiLayerConfiguration configuration(ModelSpec model, DataTypeName dataType, long weightInitSeed,
                                                 long dropoutSeed, int rows, int cols, int classes) {
        boolean seedCnn = model.name() == ModelName.SEED_CNN;
        int convFilters = seedCnn ? 32 : 4;
        int dense = seedCnn ? 512 : 32;
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(weightInitSeed)
                .dataType(dataType == DataTypeName.DOUBLE ? DataType.DOUBLE : DataType.FLOAT)
                .weightInit(model.initializer() == Initializer.HE_UNIFORM ? WeightInit.RELU_UNIFORM : WeightInit.XAVIER_UNIFORM)
                .updater(new ChunkedAdam(model.learningRate()))
                .cacheMode(CACHE_MODE)
                .list();
        int index = 0;
        layers.layer(index++, conv("conv_0", convFilters));
        if (seedCnn) {
            layers.layer(index++, conv("conv_1", convFilters));
        }
        layers.layer(index++, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).name("pool_0").build());
        layers.layer(index, new DropoutLayer.Builder().dropOut(new SeededDropout(0.75, dropoutSeed, index))
                .name("dropout_0").build());
        index++;
        layers.layer(index++, new DenseLayer.Builder().nOut(dense).activation(new ChunkedRelu()).name("dense_0").build());
        layers.layer(index, new DropoutLayer.Builder().dropOut(new SeededDropout(0.5, dropoutSeed, index))
                .name("dropout_1").build());
        index++;
        layers.layer(index, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).name("output").build());
        return layers.setInputType(InputType.convolutionalFlat(rows, cols, 1)).build();
    }

    private static ConvolutionLayer conv(String name, int filters) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).stride(1, 1).activation(new ChunkedRelu()).name(name).build();
    }
}
