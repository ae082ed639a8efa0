package reprolab.gui.controls;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import reprolab.experiment.Backend;
import reprolab.experiment.DataSource;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.Initializer;
import reprolab.experiment.ModelName;
import reprolab.experiment.SeedKind;

/**
 * The settings form: one titled group per part of the experiment file, each field with a tooltip
 * saying why it matters and, beneath it, its validation error. Node ids are the setting's path with
 * dots as dashes (e.g. {@code runs-repeats}), so tests and lessons can find them.
 */
public final class ControlsView {

    private final ControlsViewModel vm;
    private final VBox root = new VBox(4);

    public ControlsView(ControlsViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("controls");
        root.getChildren().addAll(
                group("Experiment", grid(text("name", "Name"))),
                group("Data", dataGrid()),
                group("Model", modelGrid()),
                group("Seeds", seedsGrid()),
                group("Execution", executionGrid()),
                group("Perturbation", perturbationGrid()),
                group("Runs", grid(text("runs.repeats", "Repeats"), text("runs.parallel", "Parallel runs"))));
        Label other = new Label();
        other.getStyleClass().add("field-error");
        other.textProperty().bind(vm.otherProblemsProperty());
        root.getChildren().add(other);
    }

    public VBox root() {
        return root;
    }

    /** A node's id for a setting path. */
    public static String idOf(String key) {
        return key.replace('.', '-');
    }

    private GridPane dataGrid() {
        return grid(choice("data.source", "Source", vm.sourceProperty(), DataSource.values()),
                text("data.imagesPath", "Images file"), text("data.labelsPath", "Labels file"),
                text("data.trainSize", "Training examples"), text("data.validationSize", "Validation examples"));
    }

    private GridPane modelGrid() {
        return grid(choice("model.name", "Model", vm.modelProperty(), ModelName.values()),
                text("model.epochs", "Epochs"), text("model.batchSize", "Batch size"),
                text("model.learningRate", "Learning rate"),
                choice("model.initializer", "Initialiser", vm.initializerProperty(), Initializer.values()),
                check("model.earlyStopping.enabled", "Early stopping"),
                text("model.earlyStopping.patience", "Patience (epochs)"),
                check("model.earlyStopping.restoreBest", "Restore best epoch"));
    }

    private GridPane seedsGrid() {
        Row[] rows = new Row[SeedKind.values().length * 2];
        int i = 0;
        for (SeedKind kind : SeedKind.values()) {
            String help = "seeds." + kind.field();
            rows[i++] = check(ControlsViewModel.seedSwitchKey(kind), "Fix the " + kind.words(), help);
            rows[i++] = text(ControlsViewModel.seedValueKey(kind), "value", help);
        }
        return grid(rows);
    }

    private GridPane executionGrid() {
        Row backend = choice("execution.backend", "Backend", vm.backendProperty(), Backend.values());
        if (!vm.isCudaAvailable()) {
            backend.control().setDisable(true);
            Tooltip.install(backend.label(), new Tooltip(vm.backendDisabledReason()));
            backend.label().setText("Backend (CPU only: no CUDA backend)");
        }
        return grid(text("execution.threads", "Native threads"), check("execution.helpers", "Vendor kernels"),
                choice("execution.dataType", "Data type", vm.dataTypeProperty(), DataTypeName.values()), backend);
    }

    private GridPane perturbationGrid() {
        return grid(check("perturbation.enabled", "Perturb the weights"),
                text("perturbation.iteration", "After update"), text("perturbation.layer", "Layer"),
                text("perturbation.epsilon", "Epsilon"), text("perturbation.fraction", "Fraction"),
                text("perturbation.seed", "Seed"));
    }

    /** A label, a control and the error line of one setting. */
    private record Row(String key, Label label, Control control) {
    }

    private Row text(String key, String label) {
        return text(key, label, key);
    }

    private Row text(String key, String label, String helpKey) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(vm.text(key));
        field.setPrefColumnCount(10);
        return row(key, label, field, helpKey);
    }

    private Row check(String key, String label) {
        return check(key, label, key);
    }

    private Row check(String key, String label, String helpKey) {
        CheckBox box = new CheckBox();
        box.selectedProperty().bindBidirectional(vm.flag(key));
        return row(key, label, box, helpKey);
    }

    private <T extends Enum<T>> Row choice(String key, String label, ObjectProperty<T> property, T[] values) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.valueProperty().bindBidirectional(property);
        return row(key, label, box, key);
    }

    private Row row(String key, String label, Control control, String helpKey) {
        control.setId(idOf(key));
        String help = FieldHelp.of(helpKey);
        Label name = new Label(label);
        if (!help.isEmpty()) {
            control.setTooltip(new Tooltip(help));
            name.setTooltip(new Tooltip(help));
        }
        return new Row(key, name, control);
    }

    private GridPane grid(Row... rows) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        int r = 0;
        for (Row row : rows) {
            grid.add(row.label(), 0, r);
            grid.add(row.control(), 1, r++);
            Label error = new Label();
            error.setId(idOf(row.key()) + "-error");
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setMaxWidth(320);
            error.textProperty().bind(vm.errorProperty(row.key()));
            error.visibleProperty().bind(error.textProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            grid.add(error, 1, r++);
        }
        return grid;
    }

    private static Node group(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setAnimated(false);
        return pane;
    }
}
