package reprolab.worker;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.junit.jupiter.api.Test;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.EarlyStoppingSpec;
import reprolab.experiment.Initializer;
import reprolab.experiment.ModelName;
import reprolab.experiment.ModelSpec;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Checks the network configurations without building or training a network (no native code). */
class ModelFactoryTest {

    /** The models with a fixed layer list (custom ones: CustomModelBuilderTest). */
    private static final ModelName[] SHIPPED = {ModelName.SEED_CNN, ModelName.TINY};

    private static MultiLayerConfiguration configuration(ModelName name) {
        ModelSpec model = new ModelSpec(name, 1, 64, 1e-3, Initializer.XAVIER_UNIFORM, EarlyStoppingSpec.defaults());
        return ModelFactory.configuration(model, DataTypeName.FLOAT, 42, 7, 28, 28, 10);
    }

    private static List<Layer> layers(MultiLayerConfiguration conf) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            layers.add(conf.getConf(i).getLayer());
        }
        return layers;
    }

    private static List<String> names(MultiLayerConfiguration conf) {
        return layers(conf).stream().map(Layer::getLayerName).toList();
    }

    @Test
    void everyLayerOfBothModelsCachesItsForwardPassForBackprop() {
        for (ModelName name : SHIPPED) {
            MultiLayerConfiguration conf = configuration(name);
            assertEquals(CacheMode.DEVICE, conf.getCacheMode(), name.json());
            for (int i = 0; i < conf.getConfs().size(); i++) {
                assertEquals(CacheMode.DEVICE, conf.getConf(i).getCacheMode(), name.json() + " layer " + i);
            }
        }
    }

    @Test
    void seedCnnLayersAreNamedInForwardOrder() {
        assertEquals(List.of("conv_0", "conv_1", "pool_0", "dropout_0", "dense_0", "dropout_1", "output"),
                names(configuration(ModelName.SEED_CNN)));
    }

    @Test
    void tinyLayersAreNamedInForwardOrder() {
        assertEquals(List.of("conv_0", "pool_0", "dropout_0", "dense_0", "dropout_1", "output"),
                names(configuration(ModelName.TINY)));
    }

    @Test
    void layersWithParametersAreTheModelsParameterLayers() {
        for (ModelName name : SHIPPED) {
            List<String> withParameters = layers(configuration(name)).stream()
                    .filter(layer -> layer.initializer().numParams(layer) > 0)
                    .map(Layer::getLayerName).toList();
            assertEquals(name.parameterLayers(), withParameters, name.json());
        }
    }

    @Test
    void dropoutLayersUseSeededDropoutAndNoOtherLayerDropsOut() {
        for (ModelName name : SHIPPED) {
            for (Layer layer : layers(configuration(name))) {
                if (layer instanceof DropoutLayer) {
                    assertInstanceOf(SeededDropout.class, layer.getIDropout(), layer.getLayerName());
                } else {
                    assertNull(layer.getIDropout(), layer.getLayerName());
                }
            }
        }
    }

    @Test
    void ourKernelsAreInPlaceAndSurviveAJsonRoundTrip() {
        for (ModelName name : SHIPPED) {
            MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(configuration(name).toJson());
            for (Layer layer : layers(conf)) {
                if (layer instanceof ConvolutionLayer || layer instanceof DenseLayer) {
                    BaseLayer base = (BaseLayer) layer;
                    assertInstanceOf(ChunkedRelu.class, base.getActivationFn(), layer.getLayerName());
                }
                if (layer instanceof BaseLayer base) {
                    assertInstanceOf(ChunkedAdam.class, base.getIUpdater(), layer.getLayerName());
                }
            }
            assertEquals(configuration(name).toJson(), conf.toJson(), name.json());
            assertInstanceOf(CachingDenseLayer.class, layers(conf).stream()
                    .filter(layer -> layer.getLayerName().equals("dense_0")).findFirst().orElseThrow());
        }
    }

    @Test
    void dl4jKernelsAreDl4jsOwnClassesWithTheSameStructure() {
        for (ModelName name : SHIPPED) {
            ModelSpec model = new ModelSpec(name, 1, 64, 1e-3, Initializer.XAVIER_UNIFORM, EarlyStoppingSpec.defaults());
            MultiLayerConfiguration dl4j = ModelFactory.configuration(model, DataTypeName.FLOAT, 42, 7, 28, 28, 10,
                    ModelFactory.Kernels.DL4J);
            assertEquals(names(configuration(name)), names(dl4j), name.json());
            for (Layer layer : layers(dl4j)) {
                if (layer instanceof ConvolutionLayer || layer instanceof DenseLayer) {
                    assertEquals(org.nd4j.linalg.activations.impl.ActivationReLU.class,
                            ((BaseLayer) layer).getActivationFn().getClass(), layer.getLayerName());
                }
                if (layer instanceof DenseLayer) {
                    assertEquals(DenseLayer.class, layer.getClass(), layer.getLayerName());
                }
                if (layer instanceof BaseLayer base) {
                    assertEquals(org.nd4j.linalg.learning.config.Adam.class, base.getIUpdater().getClass(), layer.getLayerName());
                }
            }
        }
    }
}
