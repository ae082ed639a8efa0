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
import javafx.geometry.Pos;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import java.util.List;
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

    private static final double LABEL_WIDTH = 150;
    private final ControlsViewModel vm;
    private final VBox root = new VBox(6);

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
                group("Runs", grid(text("runs.repeats", "Repeats"), text("runs.parallel", "Parallel runs"),
                        text("runs.snapshotEvery", "Snapshot every"))));
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
        Row[] rows = new Row[SeedKind.values().length];
        int i = 0;
        for (SeedKind kind : SeedKind.values()) {
            rows[i++] = seedRow(kind);
        }
        return grid(rows);
    }

    /** "Weight init seed  [x] fixed  [42]": the switch and its value side by side, the value off when unfixed. */
    private Row seedRow(SeedKind kind) {
        String help = "seeds." + kind.field();
        Row onOff = check(ControlsViewModel.seedSwitchKey(kind), "fixed", help);
        Row value = text(ControlsViewModel.seedValueKey(kind), "", help);
        CheckBox box = (CheckBox) onOff.control();
        box.setText("fixed");
        value.control().disableProperty().bind(box.selectedProperty().not());
        HBox both = new HBox(8, box, value.control());
        both.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(value.control(), Priority.ALWAYS);
        String words = kind.words();
        Label label = new Label(Character.toUpperCase(words.charAt(0)) + words.substring(1));
        label.setTooltip(onOff.label().getTooltip());
        return new Row(value.key(), label, both);
    }

    private GridPane executionGrid() {
        Row backend = choice("execution.backend", "Backend", vm.backendProperty(), Backend.values());
        if (!vm.isCudaAvailable()) {
            backend = new Row(backend.key(), backend.label(), backend.control(), new SimpleBooleanProperty(true));
            Tooltip.install(backend.label(), new Tooltip(vm.backendDisabledReason()));
            backend.label().setText("Backend (CPU only)");
        }
        return grid(text("execution.threads", "Native threads"), check("execution.helpers", "Vendor kernels"),
                choice("execution.dataType", "Data type", vm.dataTypeProperty(), DataTypeName.values()), backend);
    }

    private GridPane perturbationGrid() {
        return grid(check("perturbation.enabled", "Perturb the weights"),
                text("perturbation.iteration", "After update"), layerChoice(),
                text("perturbation.epsilon", "Epsilon"), text("perturbation.fraction", "Fraction"),
                text("perturbation.seed", "Seed"));
    }

    /** A label, a control and the error line of one setting. */
    private record Row(String key, Label label, Node control, ObservableBooleanValue extraDisable) {
        Row(String key, Label label, Node control) {
            this(key, label, control, null);
        }
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
        // the names of the experiment file ("mnist-sample"), not Java's constant names ("MNIST_SAMPLE")
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : JsonNames.of(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        return row(key, label, box, key);
    }

    /** The perturbed layer: a choice of the chosen model's parameter layers, never free text. */
    private Row layerChoice() {
        ComboBox<String> box = new ComboBox<>(vm.perturbationLayers());
        box.valueProperty().bindBidirectional(vm.text("perturbation.layer"));
        box.setMaxWidth(Double.MAX_VALUE);
        return row("perturbation.layer", "Layer", box, "perturbation.layer");
    }

    private Row row(String key, String label, Control control, String helpKey) {
        control.setMaxWidth(Double.MAX_VALUE);
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
        grid.getStyleClass().add("settings-grid");
        grid.setHgap(10);
        grid.setVgap(3);
        // the same label width in every group, so the fields line up down the whole form
        ColumnConstraints labels = new ColumnConstraints(LABEL_WIDTH);
        ColumnConstraints fields = new ColumnConstraints(120, 200, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        int r = 0;
        FieldRestrictions lesson = vm.restrictions();
        for (Row row : rows) {
            grid.add(row.label(), 0, r);
            grid.add(row.control(), 1, r++);
            // a lesson hides or locks settings; a seed row follows its value's path
            for (Node n : List.of(row.label(), row.control())) {
                n.visibleProperty().bind(lesson.hiddenProperty(row.key()).not());
                n.managedProperty().bind(n.visibleProperty());
            }
            row.control().disableProperty().bind(lesson.lockedProperty(row.key())
                    .or(row.extraDisable() == null ? new SimpleBooleanProperty(false) : row.extraDisable()));
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

    /** A titled group, hidden when a lesson hides every setting in it. */
    private static Node group(String title, GridPane content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setAnimated(false);
        List<Node> fields = content.getChildren().stream()
                .filter(n -> !n.getStyleClass().contains("field-error")).toList();
        pane.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> fields.stream().anyMatch(Node::isVisible),
                fields.stream().map(Node::visibleProperty).toArray(javafx.beans.Observable[]::new)));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }
}
