package reprolab.worker;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.junit.jupiter.api.Test;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.Initializer;
import reprolab.experiment.LayerShapes;
import reprolab.experiment.LayerSpec;
import reprolab.experiment.LayerType;
import reprolab.experiment.ModelName;
import reprolab.experiment.ModelSpec;
import reprolab.experiment.SpecJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom layer lists as DL4J configurations, without native code. */
class CustomModelBuilderTest {

    private static MultiLayerConfiguration configuration(ModelSpec model, ModelFactory.Kernels kernels) {
        return ModelFactory.configuration(model, DataTypeName.FLOAT, 42, 7, 28, 28, 10, kernels);
    }

    private static List<Layer> layers(MultiLayerConfiguration conf) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            layers.add(conf.getConf(i).getLayer());
        }
        return layers;
    }

    private static ModelSpec custom(List<LayerSpec> layers) {
        return new ModelSpec(ModelName.CUSTOM, 1, 64, 1e-3, Initializer.XAVIER_UNIFORM,
                ModelSpec.defaults().earlyStopping(), layers);
    }

    @Test
    void seedCnnWrittenAsALayerListIsSeedCnnsConfigurationExactly() throws Exception {
        ModelSpec custom = SpecJson.read(Path.of("sample-data", "experiments", "custom-seed-cnn.json")).model();
        ModelSpec seedCnn = new ModelSpec(ModelName.SEED_CNN, 1, 64, 1e-3, Initializer.XAVIER_UNIFORM,
                ModelSpec.defaults().earlyStopping());
        for (ModelFactory.Kernels kernels : ModelFactory.Kernels.values()) {
            assertEquals(configuration(seedCnn, kernels).toJson(), configuration(custom, kernels).toJson(), kernels.name());
        }
    }

    @Test
    void parameterCountsAndNamesAreTheExperimentPackagesOwn() {
        List<LayerSpec> specs = List.of(LayerSpec.conv2d(6, 5, "tanh").withPadding("same"), LayerSpec.of(LayerType.BATCHNORM),
                LayerSpec.pool(LayerType.AVGPOOL2D, 3).withStride(2), LayerSpec.of(LayerType.FLATTEN),
                LayerSpec.dropout(0.1), LayerSpec.of(LayerType.BATCHNORM), LayerSpec.dense(20, "sigmoid"),
                LayerSpec.of(LayerType.OUTPUT).withInitializer(Initializer.HE_NORMAL));
        LayerShapes.Result shapes = LayerShapes.compute(specs, 28, 28, 10);
        assertTrue(shapes.ok(), shapes.problems().toString());
        MultiLayerConfiguration conf = configuration(custom(specs), ModelFactory.Kernels.REPROLAB);
        List<String> withParameters = new ArrayList<>();
        long total = 0;
        for (Layer layer : layers(conf)) {
            long count = layer.initializer().numParams(layer);
            total += count;
            if (count > 0) {
                withParameters.add(layer.getLayerName());
            }
        }
        assertEquals(shapes.parameterLayers(), withParameters);
        assertEquals(shapes.parameters(), total, "a batch norm after flatten normalises each flattened feature, as Keras");
        assertEquals(List.of("conv_0", "batchnorm_0", "pool_0", "dropout_0", "batchnorm_1", "dense_0", "output"),
                layers(conf).stream().map(Layer::getLayerName).toList(), "flatten is no DL4J layer");
    }

    @Test
    void dropoutRateIsKerasFractionDroppedAndBatchNormMomentumIsDl4jDecay() {
        List<LayerSpec> specs = List.of(LayerSpec.of(LayerType.BATCHNORM).withBatchNorm(0.9, 1e-5), LayerSpec.dropout(0.3),
                LayerSpec.of(LayerType.FLATTEN), LayerSpec.of(LayerType.OUTPUT));
        List<Layer> layers = layers(configuration(custom(specs), ModelFactory.Kernels.REPROLAB));
        BatchNormalization norm = assertInstanceOf(BatchNormalization.class, layers.get(0));
        assertEquals(0.9, norm.getDecay());
        assertEquals(1e-5, norm.getEps());
        assertInstanceOf(SeededDropout.class, layers.get(1).getIDropout());
        String json = configuration(custom(specs), ModelFactory.Kernels.REPROLAB).toJson();
        assertTrue(json.contains("\"keepProbability\" : 0.7,"), "rate 0.3 keeps 0.7");
    }

    @Test
    void layersThatDoNotFitAreRefusedWithTheValidatorsMessage() {
        List<LayerSpec> specs = List.of(LayerSpec.conv2d(4, 9, "relu"), LayerSpec.of(LayerType.FLATTEN), LayerSpec.of(LayerType.OUTPUT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFactory.configuration(custom(specs), DataTypeName.FLOAT, 42, 7, 8, 8, 10));
        assertTrue(e.getMessage().contains("kernel 9x9 is larger than its input 8x8x1"), e.getMessage());
    }
}
