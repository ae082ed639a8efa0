package reprolab.gui.controls;

import org.junit.jupiter.api.Test;
import reprolab.experiment.Backend;
import reprolab.experiment.DataSource;
import reprolab.experiment.ExperimentSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlsViewModelTest {

    private final ControlsViewModel vm = new ControlsViewModel(false, p -> p.toString().startsWith("/ok"));

    @Test
    void defaultsAreValidAndGiveTheDefaultSpec() {
        assertTrue(vm.validProperty().get());
        assertEquals(ExperimentSpec.defaults(), vm.specProperty().get());
    }

    @Test
    void lettersInASeedShowAnErrorNextToThatSeedAndInvalidateTheForm() {
        vm.text("seeds.dropout.value").set("42abc");
        assertTrue(vm.errorProperty("seeds.dropout.value").get().contains("whole number"));
        assertFalse(vm.validProperty().get());
        assertNull(vm.specProperty().get());
        vm.text("seeds.dropout.value").set("43");
        assertEquals("", vm.errorProperty("seeds.dropout.value").get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void zeroRepeatsIsReportedOnTheRepeatsField() {
        vm.text("runs.repeats").set("0");
        assertTrue(vm.errorProperty("runs.repeats").get().contains("allowed: 1 to 1000"));
        assertFalse(vm.validProperty().get());
    }

    @Test
    void unreadableDataPathIsReportedOnThatField() {
        vm.sourceProperty().set(DataSource.IDX);
        vm.text("data.imagesPath").set("/ok/images.idx");
        vm.text("data.labelsPath").set("/missing/labels.idx");
        assertEquals("", vm.errorProperty("data.imagesPath").get());
        assertTrue(vm.errorProperty("data.labelsPath").get().contains("cannot read"));
        assertFalse(vm.validProperty().get());
    }

    @Test
    void cudaWithoutACudaBackendIsRejectedWithTheReason() {
        vm.backendProperty().set(Backend.CUDA);
        assertTrue(vm.errorProperty("execution.backend").get().contains("No CUDA backend"));
        assertFalse(vm.validProperty().get());
    }

    @Test
    void aSwitchedOffSeedIgnoresAHalfTypedValue() {
        vm.flag("seeds.shuffle.enabled").set(false);
        vm.text("seeds.shuffle.value").set("x");
        assertTrue(vm.validProperty().get());
        assertFalse(vm.specProperty().get().seeds().shuffle().enabled());
    }

    @Test
    void loadingASpecFillsEveryField() {
        ExperimentSpec spec = ExperimentSpec.defaults().withName("loaded")
                .withRuns(new reprolab.experiment.RunsSpec(7, 2));
        vm.load(spec);
        assertEquals("7", vm.text("runs.repeats").get());
        assertNotNull(vm.specProperty().get());
        assertEquals(spec, vm.specProperty().get());
    }
}
