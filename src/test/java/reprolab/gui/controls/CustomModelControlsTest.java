package reprolab.gui.controls;

import org.junit.jupiter.api.Test;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.KerasImport;
import reprolab.experiment.LayerType;
import reprolab.experiment.ModelName;
import reprolab.experiment.SpecJson;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The form with a custom model: the layer editor's list is the spec's, and its problems block Run. */
class CustomModelControlsTest {

    private final ControlsViewModel vm = new ControlsViewModel(false, p -> true);

    @Test
    void customModelTakesTheEditorsLayers() throws Exception {
        vm.modelProperty().set(ModelName.CUSTOM);
        assertTrue(vm.validProperty().get(), vm.otherProblemsProperty().get());
        ExperimentSpec expected = SpecJson.read(Path.of("sample-data", "experiments", "custom-seed-cnn.json"));
        assertEquals(expected.model().layers(), vm.specProperty().get().model().layers());
        vm.modelProperty().set(ModelName.TINY);
        assertEquals(List.of(), vm.specProperty().get().model().layers(), "a shipped model carries no list");
    }

    @Test
    void perturbationOffersTheCustomParameterLayers() {
        vm.modelProperty().set(ModelName.CUSTOM);
        vm.layerEditor().add(LayerType.BATCHNORM);
        assertEquals(List.of("conv_0", "conv_1", "dense_0", "batchnorm_0", "output"), vm.perturbationLayers());
    }

    @Test
    void aLayerProblemInvalidatesTheForm() {
        vm.modelProperty().set(ModelName.CUSTOM);
        vm.layerEditor().rows().get(0).option("filters").set("0");
        assertFalse(vm.validProperty().get());
        assertNull(vm.specProperty().get());
        vm.layerEditor().rows().get(0).option("filters").set("x");
        assertFalse(vm.validProperty().get());
        vm.layerEditor().rows().get(0).option("filters").set("8");
        assertTrue(vm.validProperty().get());
    }

    @Test
    void loadingAnImportedKerasModelFillsTheEditor() throws Exception {
        KerasImport.Result imported = KerasImport.parse("{\"class_name\": \"Sequential\", \"config\": {\"layers\": ["
                + "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 10, \"activation\": \"softmax\"}}]}}", "m");
        vm.load(imported.spec());
        assertEquals(ModelName.CUSTOM, vm.modelProperty().get());
        assertEquals(2, vm.layerEditor().rows().size());
        assertEquals(imported.spec().model(), vm.specProperty().get().model());
        assertFalse(vm.specProperty().get().seeds().weightInit().enabled(), "unseeded Keras initialisers");
    }
}
