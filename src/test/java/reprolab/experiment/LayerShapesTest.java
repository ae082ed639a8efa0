package reprolab.experiment;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerShapesTest {

    static final Path CUSTOM_SEED_CNN = Path.of("sample-data", "experiments", "custom-seed-cnn.json");

    private static ExperimentSpec custom(String layers) throws SpecException {
        return SpecJson.parse("{\"model\": {\"name\": \"custom\", \"layers\": [" + layers + "]}}");
    }

    private static String problems(String layers) {
        return assertThrows(SpecException.class, () -> custom(layers)).getMessage();
    }

    @Test
    void seedCnnAsALayerListHasSeedCnnsNamesShapesAndParameterCount() throws SpecException {
        ModelSpec model = SpecJson.read(CUSTOM_SEED_CNN).model();
        LayerShapes.Result result = LayerShapes.compute(model.layers(), 28, 28, 10);
        assertTrue(result.ok(), result.problems().toString());
        assertEquals(List.of("conv_0", "conv_1", "pool_0", "dropout_0", "flatten_0", "dense_0", "dropout_1", "output"),
                result.layers().stream().map(LayerShapes.Layer::name).toList());
        assertEquals("12x12x32", result.layers().get(3).output().toString());
        // Keras' model.summary() for the question's model: 320 + 9,248 + 2,359,808 + 5,130
        assertEquals(2_374_506, result.parameters());
        assertEquals(ModelName.SEED_CNN.parameterLayers(), model.parameterLayers());
    }

    @Test
    void sameAndValidPaddingAndOverlappingPoolingGiveKerasShapes() {
        List<LayerSpec> layers = List.of(LayerSpec.conv2d(8, 5, "relu").withPadding("same").withStride(2),
                LayerSpec.pool(LayerType.MAXPOOL2D, 3).withStride(2), LayerSpec.of(LayerType.BATCHNORM),
                LayerSpec.of(LayerType.FLATTEN), LayerSpec.of(LayerType.OUTPUT));
        LayerShapes.Result result = LayerShapes.compute(layers, 28, 28, 10);
        assertTrue(result.ok(), result.problems().toString());
        assertEquals("14x14x8", result.layers().get(0).output().toString());
        assertEquals("6x6x8", result.layers().get(1).output().toString());
        assertEquals(32, result.layers().get(2).parameters(), "4 per channel");
        assertEquals(List.of("conv_0", "batchnorm_0", "output"), result.parameterLayers());
    }

    @Test
    void kernelLargerThanItsInputIsNamedWithLayerAndShape() {
        String message = problems("{\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 20},"
                + " {\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 10}, {\"type\": \"flatten\"}, {\"type\": \"output\"}");
        assertTrue(message.contains("model.layers[1] (conv_1, conv2d): kernel 10x10 is larger than its input 9x9x4"), message);
    }

    @Test
    void poolingBeyondItsInputIsRefused() {
        String message = problems("{\"type\": \"avgpool2d\", \"size\": 29}, {\"type\": \"flatten\"}, {\"type\": \"output\"}");
        assertTrue(message.contains("model.layers[0] (pool_0, avgpool2d): pooling window 29x29 is larger than its input 28x28x1"), message);
    }

    @Test
    void zeroAndNegativeSizesAreRefused() {
        String message = problems("{\"type\": \"conv2d\", \"filters\": 0, \"kernel\": 3}, {\"type\": \"flatten\"},"
                + " {\"type\": \"dense\", \"units\": -5}, {\"type\": \"output\"}");
        assertTrue(message.contains("model.layers[0] (conv_0, conv2d): filters is 0; allowed: 1 to"), message);
        assertTrue(message.contains("model.layers[2] (dense_0, dense): units is -5; allowed: 1 to"), message);
    }

    @Test
    void listThatDoesNotEndInTheOutputIsRefused() {
        String message = problems("{\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 10}");
        assertTrue(message.contains("model.layers must end in the output layer"), message);
        assertTrue(message.contains("the last is model.layers[1] (dense_0, dense)"), message);
        assertTrue(problems("").contains("model.layers is empty"));
    }

    @Test
    void tooManyParametersAreRefusedWithTheirNumber() {
        String message = problems("{\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 40000}, {\"type\": \"output\"}");
        // 784 x 40,000 + 40,000 (dense) + 40,000 x 10 + 10 (output)
        assertTrue(message.contains("the model has 31,800,010 parameters; at most 25,000,000 are allowed"), message);
    }

    @Test
    void denseOnAnImageAsksForAFlatten() {
        String message = problems("{\"type\": \"dense\", \"units\": 8}, {\"type\": \"output\"}");
        assertTrue(message.contains("model.layers[0] (dense_0, dense): dense needs a flat input, but its input is 28x28x1;"
                + " put {\"type\": \"flatten\"} before it"), message);
    }

    @Test
    void optionOfAnotherLayerKindIsRefusedListingTheKindsOptions() {
        String message = problems("{\"type\": \"maxpool2d\", \"size\": 2, \"filters\": 3}, {\"type\": \"flatten\"}, {\"type\": \"output\"}");
        assertTrue(message.contains("model.layers[0] (pool_0, maxpool2d): option 'filters' does not apply to maxpool2d;"
                + " its options are size, stride, padding"), message);
    }

    @Test
    void unknownLayerTypeListsTheSupportedOnes() {
        String message = problems("{\"type\": \"lstm\"}");
        assertTrue(message.contains("model.layers[0].type"), message);
        assertTrue(message.contains("conv2d") && message.contains("batchnorm"), message);
    }

    @Test
    void unknownActivationListsTheAllowedOnes() {
        String message = problems("{\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 4, \"activation\": \"gelu\"}, {\"type\": \"output\"}");
        assertTrue(message.contains("model.layers[1] (dense_0, dense): activation 'gelu' is not supported; allowed: relu,"), message);
    }

    @Test
    void layersWithAShippedModelAreRefused() {
        String message = assertThrows(SpecException.class, () -> SpecJson.parse(
                "{\"model\": {\"name\": \"tiny\", \"layers\": [{\"type\": \"output\"}]}}")).getMessage();
        assertTrue(message.contains("field 'model.layers' is only used with model.name 'custom', not 'tiny'"), message);
    }

    @Test
    void perturbationLayerIsCheckedAgainstTheCustomNames() throws SpecException {
        String layers = "{\"type\": \"flatten\"}, {\"type\": \"batchnorm\"}, {\"type\": \"output\"}";
        String message = assertThrows(SpecException.class, () -> SpecJson.parse("{\"model\": {\"name\": \"custom\", \"layers\": ["
                + layers + "]}, \"perturbation\": {\"enabled\": true, \"layer\": \"dense_0\"}}")).getMessage();
        assertTrue(message.contains("field 'perturbation.layer' is 'dense_0'; model custom has the layers batchnorm_0, output"), message);
        ExperimentSpec ok = SpecJson.parse("{\"model\": {\"name\": \"custom\", \"layers\": [" + layers
                + "]}, \"perturbation\": {\"enabled\": true, \"layer\": \"batchnorm_0\"}}");
        assertEquals("batchnorm_0", ok.perturbation().layer());
    }

    @Test
    void shippedModelsWriteNoLayersSoOldFilesKeepTheirHash() throws SpecException {
        assertFalse(SpecJson.write(ExperimentSpec.defaults()).contains("layers"));
        ExperimentSpec custom = custom("{\"type\": \"flatten\"}, {\"type\": \"dropout\", \"rate\": 0.1}, {\"type\": \"output\"}");
        assertEquals(custom, SpecJson.parse(SpecJson.write(custom)));
        assertFalse(SpecJson.write(custom).contains("\"filters\""), "only the given options are written");
    }
}
