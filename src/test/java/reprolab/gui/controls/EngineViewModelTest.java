package reprolab.gui.controls;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reprolab.experiment.Backend;
import reprolab.experiment.Engine;
import reprolab.run.PythonProbe;
import reprolab.run.PythonWorker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine choice is locked with the reason while no torch is found; the PyTorch switches only where they act. */
class EngineViewModelTest {

    private static final PythonProbe NO_TORCH = new PythonProbe("python3", "3.11.7", null, false, null,
            "torch cannot be imported: No module named 'torch'");
    private static final PythonProbe CPU_TORCH = new PythonProbe("/usr/bin/python3", "3.11.2", "1.13.0", false, null, null);
    private static final PythonProbe GPU_TORCH = new PythonProbe("python3", "3.12.1", "2.11.0", true, "NVIDIA H200", null);

    private final ControlsViewModel controls = new ControlsViewModel(false, p -> true);
    private final EngineViewModel vm = new EngineViewModel(controls, python -> NO_TORCH);

    @AfterEach
    void forgetPython() {
        System.clearProperty(PythonWorker.PYTHON_PROPERTY);
    }

    @Test
    void withoutTorchTheEngineChoiceIsLockedWithTheReason() {
        vm.apply(NO_TORCH);
        assertTrue(vm.engineLocked().get());
        assertTrue(vm.statusProperty().get().contains("PyTorch engine unavailable: python3 (Python 3.11.7): torch cannot "
                + "be imported"), vm.statusProperty().get());
        assertTrue(vm.cudaSwitchesDisabled().get(), "dl4j has no deterministic-algorithms switch");
    }

    @Test
    void withTorchPyTorchCanBeChosenAndTheSpecSaysSo() {
        vm.apply(CPU_TORCH);
        assertFalse(vm.engineLocked().get());
        controls.engineProperty().set(Engine.PYTORCH);
        assertTrue(controls.validProperty().get(), controls.otherProblemsProperty().get());
        assertEquals(Engine.PYTORCH, controls.specProperty().get().execution().engine());
        assertTrue(vm.cudaSwitchesDisabled().get(), "on the CPU deterministic algorithms change nothing");
        controls.flag("execution.deterministicAlgorithms").set(true); // e.g. from a file written for a GPU
        assertFalse(controls.validProperty().get());
        assertTrue(controls.errorProperty("execution.deterministicAlgorithms").get()
                .contains("only takes effect with execution.backend 'cuda'"));
    }

    @Test
    void theGpuSwitchesNeedPyTorchACudaGpuAndBackendCuda() {
        vm.apply(CPU_TORCH);
        controls.engineProperty().set(Engine.PYTORCH);
        assertTrue(vm.cudaSwitchesDisabled().get(), "no GPU");
        assertTrue(controls.backendLocked().get(), "no GPU: the backend stays cpu");
        vm.apply(GPU_TORCH);
        assertFalse(controls.backendLocked().get());
        controls.backendProperty().set(Backend.CUDA);
        assertFalse(vm.cudaSwitchesDisabled().get());
        controls.flag("execution.cudnnBenchmark").set(true);
        controls.flag("execution.deterministicAlgorithms").set(true);
        assertTrue(controls.validProperty().get(), controls.otherProblemsProperty().get());
        assertTrue(controls.specProperty().get().execution().cudnnBenchmark());
        assertTrue(controls.specProperty().get().execution().deterministicAlgorithms());
    }

    @Test
    void aDl4jSpecWithAPyTorchSwitchShowsTheErrorUnderTheSwitch() {
        controls.flag("execution.deterministicAlgorithms").set(true);
        assertFalse(controls.validProperty().get());
        assertTrue(controls.errorProperty("execution.deterministicAlgorithms").get().contains("is a PyTorch setting"));
    }

    @Test
    void typedPythonBecomesTheAppSettingAndIsProbed() {
        vm.pythonProperty().set("/opt/py/bin/python3");
        assertEquals("/opt/py/bin/python3", System.getProperty(PythonWorker.PYTHON_PROPERTY));
        EngineViewModel asking = new EngineViewModel(controls, python -> new PythonProbe(python, null, null, false, null, "x"));
        asking.pythonProperty().set("/opt/py/bin/python3");
        assertEquals("/opt/py/bin/python3", asking.probe().python());
        vm.pythonProperty().set("");
        assertEquals(null, System.getProperty(PythonWorker.PYTHON_PROPERTY));
    }
}
