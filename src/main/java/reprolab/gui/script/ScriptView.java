package reprolab.gui.script;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The Script mode of the settings panel: the script, its arguments, repeats and the toggles of
 * {@code reprolab script}. The DL4J-only settings (data, model, data type, vendor kernels) have no
 * meaning for a script and are not shown. Node ids start with {@code script}, so tests find them.
 */
public final class ScriptView {

    private final VBox root = new VBox(6);
    private final VBox runBarSlot = new VBox();
    private final GridPane grid = new GridPane();
    private int row;

    public ScriptView(ScriptViewModel vm) {
        root.setId("scriptMode");
        root.getStyleClass().add("controls");
        grid.setHgap(8);
        grid.setVgap(4);
        Label path = new Label();
        path.setId("scriptPath");
        path.setWrapText(true);
        path.textProperty().bind(vm.pathProperty());
        add("Script", path);
        add("Arguments", field("scriptArgs", vm.argsProperty(), "The script's own arguments, split as a shell "
                + "splits them: quote a word with blanks (--name \"two words\")."));
        add("Repeats", field("scriptRepeats", vm.repeatsProperty(), "How many times the script runs, each in its own Python process."));
        add("Seed", toggled("scriptSeedOn", vm.seedOnProperty(), field("scriptSeed", vm.seedProperty(),
                "Seeds torch, random and numpy before the script starts; off: each run draws one and records it.")));
        add("Hash seed", toggled("scriptHashSeedOn", vm.hashSeedOnProperty(), field("scriptHashSeed",
                vm.hashSeedProperty(), "PYTHONHASHSEED: the order of sets; off: each run draws one and records it.")));
        add("Threads", field("scriptThreads", vm.threadsProperty(), "torch.set_num_threads and OMP/MKL/OpenBLAS threads."));
        add("Time limit (s)", field("scriptTimeLimit", vm.timeLimitProperty(), "Stop a run after this many seconds; 0: no limit."));
        add("GPU", new VBox(2, gpu("scriptDeterministic", "Deterministic algorithms", vm.deterministicProperty(), vm),
                gpu("scriptCudnnBenchmark", "cuDNN benchmark", vm.cudnnBenchmarkProperty(), vm),
                gpu("scriptNoCudnn", "No cuDNN", vm.noCudnnProperty(), vm), reason(vm)));
        Label problem = new Label();
        problem.setId("scriptProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        Button back = new Button("Back to model settings");
        back.setId("backToModel");
        back.setOnAction(e -> vm.backToModel());
        TitledPane pane = new TitledPane("Your training script", new VBox(6, grid, problem, back));
        pane.setCollapsible(false);
        root.getChildren().addAll(pane, runBarSlot);
    }

    public VBox root() {
        return root;
    }

    /** Where the window puts Run and Cancel all while Script mode shows. */
    public VBox runBarSlot() {
        return runBarSlot;
    }

    private void add(String label, Node control) {
        grid.addRow(row++, new Label(label), control);
    }

    private static TextField field(String id, StringProperty text, String help) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        field.setTooltip(new Tooltip(help));
        return field;
    }

    private static Node toggled(String id, BooleanProperty on, TextField value) {
        CheckBox box = new CheckBox();
        box.setId(id);
        box.selectedProperty().bindBidirectional(on);
        value.disableProperty().bind(on.not());
        return new javafx.scene.layout.HBox(6, box, value);
    }

    private static CheckBox gpu(String id, String text, BooleanProperty on, ScriptViewModel vm) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(on);
        box.disableProperty().bind(vm.gpuAvailableProperty().not());
        return box;
    }

    private static Label reason(ScriptViewModel vm) {
        Label reason = new Label();
        reason.setId("scriptGpuReason");
        reason.setWrapText(true);
        reason.textProperty().bind(vm.gpuRefusalProperty());
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        return reason;
    }
}
