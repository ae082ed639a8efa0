package reprolab.gui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import reprolab.experiment.Backend;
import reprolab.experiment.Engine;
import reprolab.run.PythonProbe;
import reprolab.run.PythonWorker;

import java.util.function.Function;

/**
 * The engine part of the form: which engine trains, which Python the PyTorch engine uses (the app's
 * setting, {@link PythonWorker#PYTHON_PROPERTY}), and what that Python offers. The choice of PyTorch
 * stays locked, with the reason, until a probe found torch; the PyTorch-only switches (deterministic
 * algorithms, cudnn.benchmark) are enabled only for that engine with a CUDA GPU and backend cuda, the
 * only place they take effect.
 * {@link #probe()} runs a Python (about a second) and belongs on a background thread;
 * {@link #apply(PythonProbe)} on the FX thread.
 */
public final class EngineViewModel {

    private final ControlsViewModel controls;
    private final Function<String, PythonProbe> prober;
    private final StringProperty python = new SimpleStringProperty(PythonWorker.explicit().orElse(""));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Looking for a Python with torch...");
    private final ReadOnlyBooleanWrapper torchFound = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding engineLocked;
    private final BooleanBinding cudaSwitchesDisabled;

    public EngineViewModel(ControlsViewModel controls, Function<String, PythonProbe> prober) {
        this.controls = controls;
        this.prober = prober;
        // locked only while on dl4j: a loaded pytorch experiment can always be switched back
        engineLocked = Bindings.createBooleanBinding(
                () -> !torchFound.get() && controls.engineProperty().get() != Engine.PYTORCH,
                torchFound, controls.engineProperty());
        cudaSwitchesDisabled = Bindings.createBooleanBinding(
                () -> controls.engineProperty().get() != Engine.PYTORCH || !controls.pytorchCudaProperty().get()
                        || controls.backendProperty().get() != Backend.CUDA,
                controls.engineProperty(), controls.pytorchCudaProperty(), controls.backendProperty());
        python.addListener((obs, was, now) -> PythonWorker.useSetting(now));
    }

    /** Asks the chosen Python (blank: the launcher's own choice) what it offers. Any thread. */
    public PythonProbe probe() {
        String chosen = python.get() == null || python.get().isBlank() ? PythonWorker.python() : python.get().trim();
        return prober.apply(chosen);
    }

    /** Shows what the probe found and unlocks what it allows. FX thread. */
    public void apply(PythonProbe found) {
        torchFound.set(found.hasTorch());
        controls.pytorchCudaProperty().set(found.hasTorch() && found.cuda());
        status.set(found.hasTorch() ? "PyTorch engine: " + found.describe()
                : "PyTorch engine unavailable: " + found.describe());
    }

    /** The Python path the user typed; blank means the launcher's own lookup. */
    public StringProperty pythonProperty() {
        return python;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding engineLocked() {
        return engineLocked;
    }

    /** True unless PyTorch trains on a CUDA GPU: deterministic algorithms and cudnn.benchmark act only there. */
    public BooleanBinding cudaSwitchesDisabled() {
        return cudaSwitchesDisabled;
    }

    public ControlsViewModel controls() {
        return controls;
    }
}
