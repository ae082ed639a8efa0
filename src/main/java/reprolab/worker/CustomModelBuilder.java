package reprolab.worker;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import reprolab.experiment.LayerShapes;
import reprolab.experiment.LayerSpec;
import reprolab.experiment.LayerType;

import java.util.List;

/**
 * The layers of a {@code custom} model, built with the same parts as the shipped ones: {@link SeededDropout}
 * (Keras' rate r is DL4J's keep probability 1 - r), our ReLU and dense kernels where the shipped models
 * use them, the same builder calls, so a custom copy of seed-cnn gives seed-cnn's configuration exactly.
 *
 * <p>Flatten is not a DL4J layer: DL4J flattens an image before a dense layer itself (the preprocessor
 * {@code setInputType} adds). Only a batch norm after a flatten needs it explicitly, or DL4J would
 * normalise per channel instead of per flattened feature. Skipping flatten keeps the DL4J indices, which
 * seed the dropout masks, equal to seed-cnn's.
 */
final class CustomModelBuilder {

    private final NeuralNetConfiguration.ListBuilder list;
    private final long dropoutSeed;
    private final boolean ours;

    CustomModelBuilder(NeuralNetConfiguration.ListBuilder list, long dropoutSeed, boolean ours) {
        this.list = list;
        this.dropoutSeed = dropoutSeed;
        this.ours = ours;
    }

    /** The configuration; layers that do not fit are refused with the validator's own messages. */
    MultiLayerConfiguration build(List<LayerSpec> specs, int rows, int cols, int classes) {
        LayerShapes.Result shapes = LayerShapes.compute(specs, rows, cols, classes);
        if (!shapes.ok()) {
            throw new IllegalArgumentException(String.join("; ", shapes.problems()));
        }
        int index = 0;
        LayerShapes.Shape flattened = null; // the image a flatten turned flat, until a layer takes it
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            LayerShapes.Shape input = i == 0 ? LayerShapes.Shape.image(rows, cols, 1) : shapes.layers().get(i - 1).output();
            if (spec.type() == LayerType.FLATTEN) {
                flattened = flattened != null || input.flat() ? flattened : input;
                continue;
            }
            if (spec.type() == LayerType.BATCHNORM && flattened != null) {
                list.inputPreProcessor(index, new CnnToFeedForwardPreProcessor(
                        flattened.height(), flattened.width(), flattened.channels()));
            }
            if (spec.type() != LayerType.DROPOUT) {
                flattened = null;
            }
            list.layer(index, layer(spec, shapes.layers().get(i).name(), index, classes));
            index++;
        }
        return list.setInputType(InputType.convolutionalFlat(rows, cols, 1)).build();
    }

    private Layer layer(LayerSpec spec, String name, int index, int classes) {
        return switch (spec.type()) {
            case CONV2D -> conv(spec, name);
            case MAXPOOL2D, AVGPOOL2D -> pool(spec, name);
            case DROPOUT -> new DropoutLayer.Builder()
                    .dropOut(new SeededDropout(1 - spec.rate(), dropoutSeed, index)).name(name).build();
            case BATCHNORM -> new BatchNormalization.Builder().decay(spec.momentumOrDefault()).eps(spec.epsilonOrDefault())
                    .activation(Activation.IDENTITY).name(name).build();
            case DENSE -> dense(spec, name);
            case OUTPUT -> initialised(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                    .activation(Activation.SOFTMAX).name(name).build(), spec);
            case FLATTEN -> throw new IllegalStateException("flatten is not a DL4J layer");
        };
    }

    private Layer conv(LayerSpec spec, String name) {
        ConvolutionLayer.Builder builder = new ConvolutionLayer.Builder(spec.kernel(), spec.kernel()).nOut(spec.filters())
                .stride(spec.strideOrDefault(), spec.strideOrDefault());
        if ("same".equals(spec.paddingOrDefault())) {
            builder.convolutionMode(ConvolutionMode.Same);
        }
        return initialised(builder.activation(activation(spec.activationOrDefault())).name(name).build(), spec);
    }

    private Layer pool(LayerSpec spec, String name) {
        SubsamplingLayer.Builder builder = new SubsamplingLayer.Builder(spec.type() == LayerType.MAXPOOL2D
                ? SubsamplingLayer.PoolingType.MAX : SubsamplingLayer.PoolingType.AVG)
                .kernelSize(spec.size(), spec.size()).stride(spec.strideOrDefault(), spec.strideOrDefault());
        if ("same".equals(spec.paddingOrDefault())) {
            builder.convolutionMode(ConvolutionMode.Same);
        }
        return builder.name(name).build();
    }

    private Layer dense(LayerSpec spec, String name) {
        IActivation activation = activation(spec.activationOrDefault());
        Layer layer = ours ? new CachingDenseLayer(name, spec.units(), activation)
                : new DenseLayer.Builder().nOut(spec.units()).activation(activation).name(name).build();
        return initialised(layer, spec);
    }

    /** A per-layer initialiser overrides the model's; without one, the layer keeps the global setting. */
    private static Layer initialised(Layer layer, LayerSpec spec) {
        if (spec.initializer() != null) {
            ((org.deeplearning4j.nn.conf.layers.BaseLayer) layer)
                    .setWeightInitFn(ModelFactory.weightInit(spec.initializer()).getWeightInitFunction());
        }
        return layer;
    }

    private IActivation activation(String keras) {
        return switch (keras) {
            case "relu" -> ours ? new ChunkedRelu() : new ActivationReLU();
            case "tanh" -> Activation.TANH.getActivationFunction();
            case "sigmoid" -> Activation.SIGMOID.getActivationFunction();
            case "linear" -> Activation.IDENTITY.getActivationFunction();
            case "elu" -> Activation.ELU.getActivationFunction();
            case "selu" -> Activation.SELU.getActivationFunction();
            case "softplus" -> Activation.SOFTPLUS.getActivationFunction();
            case "softsign" -> Activation.SOFTSIGN.getActivationFunction();
            default -> throw new IllegalArgumentException("activation '" + keras + "' is not supported; allowed: "
                    + String.join(", ", LayerSpec.ACTIVATIONS));
        };
    }
}
