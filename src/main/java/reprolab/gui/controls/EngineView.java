package reprolab.gui.controls;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import reprolab.experiment.Engine;
import reprolab.gui.BackgroundExecutor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The "Engine" group of the settings form: engine choice, the Python for PyTorch with what it offers,
 * PyTorch's deterministic-algorithms and cudnn.benchmark switches, and DL4J's thread-invariant kernels. Node ids follow
 * {@link ControlsView#idOf}: {@code execution-engine}, {@code engine-python}, {@code engine-status}.
 */
final class EngineView {

    private static final ExecutorService PROBES = BackgroundExecutor.create();
    private final EngineViewModel vm;
    private final GridPane grid = new GridPane();
    private final Label status = new Label();

    EngineView(EngineViewModel vm) {
        this.vm = vm;
        grid.setHgap(8);
        grid.setVgap(4);
        addRow(0, "Engine", engineChoice(), "execution.engine");
        addRow(2, "Python for PyTorch", pythonField(), null);
        status.setId("engine-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        grid.add(status, 0, 4, 2, 1);
        addRow(5, "Deterministic algorithms", check("execution.deterministicAlgorithms",
                "torch.use_deterministic_algorithms(True), with CUBLAS_WORKSPACE_CONFIG=:4096:8 (PyTorch on a CUDA "
                        + "GPU only: on the CPU these models' kernels are deterministic already)",
                vm.cudaSwitchesDisabled()),
                "execution.deterministicAlgorithms");
        addRow(7, "cudnn.benchmark", check("execution.cudnnBenchmark",
                "cuDNN times several convolution algorithms and keeps the fastest (PyTorch on a CUDA GPU only)",
                vm.cudaSwitchesDisabled()),
                "execution.cudnnBenchmark");
        addRow(9, "Thread-invariant kernels", check("execution.threadInvariant",
                "DL4J only: the same bits at any thread count (native code on one thread, our kernels split only "
                        + "independent outputs); slower than vendor kernels at several threads",
                javafx.beans.binding.Bindings.equal(vm.controls().engineProperty(), Engine.PYTORCH)),
                "execution.threadInvariant");
        reprobe();
    }

    GridPane grid() {
        return grid;
    }

    private ChoiceBox<Engine> engineChoice() {
        ChoiceBox<Engine> box = new ChoiceBox<>(FXCollections.observableArrayList(Engine.values()));
        box.setId(ControlsView.idOf("execution.engine"));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Engine e) {
                return e == null ? "" : e == Engine.DL4J ? "DL4J (Java)" : "PyTorch (Python)";
            }

            @Override
            public Engine fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(vm.controls().engineProperty());
        box.disableProperty().bind(vm.engineLocked());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.statusProperty());
        box.setTooltip(tip);
        return box;
    }

    private HBox pythonField() {
        TextField field = new TextField();
        field.setId("engine-python");
        field.setPromptText("REPROLAB_PYTHON, else python3 with torch");
        field.textProperty().bindBidirectional(vm.pythonProperty());
        Button check = new Button("Check");
        check.setOnAction(e -> reprobe());
        HBox box = new HBox(6, field, check);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    private CheckBox check(String key, String help, javafx.beans.value.ObservableBooleanValue disabled) {
        CheckBox box = new CheckBox();
        box.disableProperty().bind(disabled);
        box.setId(ControlsView.idOf(key));
        box.selectedProperty().bindBidirectional(vm.controls().flag(key));
        box.setTooltip(new Tooltip(help));
        return box;
    }

    private void addRow(int row, String label, javafx.scene.Node control, String errorKey) {
        grid.add(new Label(label), 0, row);
        grid.add(control, 1, row);
        GridPane.setHgrow(control, Priority.ALWAYS);
        if (errorKey != null) {
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.textProperty().bind(vm.controls().errorProperty(errorKey));
            // no empty row under a field without a problem
            error.visibleProperty().bind(error.textProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            grid.add(error, 1, row + 1);
        }
    }

    /** Probes the chosen Python off the FX thread and shows the answer. */
    private void reprobe() {
        CompletableFuture.supplyAsync(vm::probe, PROBES)
                .exceptionally(e -> new reprolab.run.PythonProbe(vm.pythonProperty().get(), null, null, false, null,
                        "could not be asked: " + e.getMessage()))
                .thenAccept(found -> Platform.runLater(() -> vm.apply(found)));
    }
}
