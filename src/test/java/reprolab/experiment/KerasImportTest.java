package reprolab.experiment;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KerasImportTest {

    private static final Path KERAS2 = Path.of("sample-data", "keras", "question-keras2.json");
    private static final Path KERAS3 = Path.of("sample-data", "keras", "question-keras3.json");

    private static String sequential(String layers) {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [" + layers + "]}}";
    }

    private static String refusal(String layers) {
        return assertThrows(SpecException.class, () -> KerasImport.parse(sequential(layers), "m")).getMessage();
    }

    @Test
    void theQuestionsModelInBothKerasFormsIsSeedCnnAsALayerList() throws SpecException {
        ModelSpec expected = SpecJson.read(LayerShapesTest.CUSTOM_SEED_CNN).model();
        for (Path file : new Path[]{KERAS2, KERAS3}) {
            KerasImport.Result result = KerasImport.read(file);
            assertEquals(expected.layers(), result.spec().model().layers(), file.toString());
            assertEquals(ModelName.CUSTOM, result.spec().model().name());
            assertEquals(Initializer.XAVIER_UNIFORM, result.spec().model().initializer());
            assertEquals(SeedSetting.on(42), result.spec().seeds().weightInit(), "glorot_uniform(seed=42)");
            assertTrue(result.notes().stream().anyMatch(n -> n.contains("seeds.weightInit = 42")), result.notes().toString());
        }
    }

    @Test
    void importedExperimentReadsBackThroughTheValidator() throws SpecException {
        ExperimentSpec spec = KerasImport.read(KERAS3).spec();
        assertEquals(spec, SpecJson.parse(SpecJson.write(spec)));
    }

    @Test
    void unsupportedLayerIsRefusedNamingItAndTheSupportedOnes() {
        String message = refusal("{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten\"}},"
                + "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm_1\", \"units\": 4}}");
        assertTrue(message.startsWith("Keras layer 1 'lstm_1' (LSTM): not supported; supported layers: InputLayer, Conv2D,"), message);
    }

    @Test
    void functionalModelsAreRefused() {
        String message = assertThrows(SpecException.class, () -> KerasImport.parse(
                "{\"class_name\": \"Functional\", \"config\": {\"layers\": []}}", "m")).getMessage();
        assertTrue(message.contains("'Functional'; only Sequential models can be imported"), message);
    }

    @Test
    void unseededInitialisersTurnTheWeightInitSeedOffAndHeUniformIsKept() throws SpecException {
        KerasImport.Result result = KerasImport.parse(sequential(
                "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}},"
                        + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 10, \"activation\": \"softmax\","
                        + " \"kernel_initializer\": {\"class_name\": \"HeUniform\", \"config\": {\"seed\": null}}}}"), "m");
        assertFalse(result.spec().seeds().weightInit().enabled());
        assertEquals(Initializer.HE_UNIFORM, result.spec().model().initializer());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("seeds.weightInit is off")), result.notes().toString());
    }

    @Test
    void oldVarianceScalingAndStringInitialisersMapByTheirMeaning() throws SpecException {
        KerasImport.Result result = KerasImport.parse(sequential(
                "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"c\", \"filters\": 2, \"kernel_size\": [3, 3],"
                        + " \"activation\": \"tanh\", \"kernel_initializer\": {\"class_name\": \"VarianceScaling\","
                        + " \"config\": {\"scale\": 2.0, \"mode\": \"fan_in\", \"distribution\": \"normal\", \"seed\": 5}}}},"
                        + "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}},"
                        + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 10,"
                        + " \"kernel_initializer\": \"he_normal\"}},"
                        + "{\"class_name\": \"Activation\", \"config\": {\"name\": \"a\", \"activation\": \"softmax\"}}"), "m");
        assertEquals(Initializer.HE_NORMAL, result.spec().model().initializer());
        assertEquals(LayerType.OUTPUT, result.spec().model().layers().get(2).type(), "Dense + Activation(softmax) is the output");
        assertEquals(SeedSetting.on(5), result.spec().seeds().weightInit());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("seeds differ") && n.contains("unseeded")), result.notes().toString());
    }

    @Test
    void activationLayerFoldsIntoTheLinearLayerBeforeIt() throws SpecException {
        KerasImport.Result result = KerasImport.parse(sequential(
                "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"c\", \"filters\": 2, \"kernel_size\": 3, \"activation\": \"linear\"}},"
                        + "{\"class_name\": \"Activation\", \"config\": {\"name\": \"a\", \"activation\": \"elu\"}},"
                        + "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}},"
                        + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 10, \"activation\": \"softmax\"}}"), "m");
        assertEquals("elu", result.spec().model().layers().get(0).activation());
        assertEquals(3, result.spec().model().layers().size());
    }

    @Test
    void optionsWithoutCounterpartAreRefused() {
        assertTrue(refusal("{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 4,"
                + " \"kernel_regularizer\": {\"class_name\": \"L2\", \"config\": {\"l2\": 0.01}}}}")
                .contains("Keras layer 0 'd' (Dense): 'kernel_regularizer' is set"));
        assertTrue(refusal("{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"c\", \"filters\": 2, \"kernel_size\": [3, 5]}}")
                .contains("'kernel_size' is [3,5]; only square sizes"));
        assertTrue(refusal("{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 4, \"activation\": \"swish\"}}")
                .contains("activation 'swish' is not supported"));
        assertTrue(refusal("{\"class_name\": \"InputLayer\", \"config\": {\"name\": \"i\", \"batch_shape\": [null, 32, 32, 3]}}")
                .contains("input shape [null,32,32,3] is not ReproLab's [null, 28, 28, 1]"));
    }

    @Test
    void modelThatDoesNotFitTheDataIsRefusedWithTheValidatorsMessage() {
        String message = refusal("{\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 12, \"activation\": \"softmax\"}}");
        assertTrue(message.contains("units is 12 but the data has 10 classes"), message);
    }

    @Test
    void shippedExamplesAreBothKerasForms() throws Exception {
        assertTrue(Files.readString(KERAS3).contains("\"registered_name\": null"), "Keras 3 form");
        assertTrue(Files.readString(KERAS2).contains("\"keras_version\": \"2."), "Keras 2 form");
    }
}
