package reprolab.gui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.util.List;

/**
 * Builds the form's rows (a label, a control bound to the view model, the field's error line) and the
 * groups that hold them. Every control gets the id of its setting path ({@link ControlsView#idOf}), its
 * tooltip from {@link FieldHelp}, and follows what a lesson hides or locks.
 */
final class FormRows {

    private static final double LABEL_WIDTH = 150;
    private final ControlsViewModel vm;

    FormRows(ControlsViewModel vm) {
        this.vm = vm;
    }

    /**
     * A label, a control and the error line of one setting.
     *
     * @param extraDisable disables the control besides a lesson's lock (null: nothing else)
     * @param extraShow    shows the row only while true, besides a lesson's hiding (null: always)
     */
    record Row(String key, Label label, Node control, ObservableBooleanValue extraDisable,
               ObservableBooleanValue extraShow) {
        Row(String key, Label label, Node control) {
            this(key, label, control, null, null);
        }

        Row disabledWhen(ObservableBooleanValue condition) {
            return new Row(key, label, control, condition, extraShow);
        }

        Row shownWhen(ObservableBooleanValue condition) {
            return new Row(key, label, control, extraDisable, condition);
        }
    }

    Row text(String key, String label) {
        return text(key, label, key);
    }

    Row text(String key, String label, String helpKey) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(vm.text(key));
        field.setPrefColumnCount(10);
        return row(key, label, field, helpKey);
    }

    /** A path field with a "Choose…" button that opens a file chooser at the current file's folder. */
    Row file(String key, String label, String chooserTitle) {
        Row text = text(key, label);
        TextField field = (TextField) text.control();
        Button choose = new Button("Choose…");
        choose.setId(ControlsView.idOf(key) + "-choose");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(chooserTitle);
            File current = field.getText().isBlank() ? null : new File(field.getText().trim()).getParentFile();
            if (current != null && current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File picked = chooser.showOpenDialog(field.getScene() == null ? null : field.getScene().getWindow());
            if (picked != null) {
                field.setText(picked.getAbsolutePath());
            }
        });
        HBox both = new HBox(6, field, choose);
        both.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        return new Row(key, text.label(), both);
    }

    Row check(String key, String label) {
        return check(key, label, key);
    }

    Row check(String key, String label, String helpKey) {
        CheckBox box = new CheckBox();
        box.selectedProperty().bindBidirectional(vm.flag(key));
        return row(key, label, box, helpKey);
    }

    <T extends Enum<T>> Row choice(String key, String label, ObjectProperty<T> property, T[] values) {
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
    Row layerChoice() {
        ComboBox<String> box = new ComboBox<>(vm.perturbationLayers());
        box.valueProperty().bindBidirectional(vm.text("perturbation.layer"));
        box.setMaxWidth(Double.MAX_VALUE);
        return row("perturbation.layer", "Layer", box, "perturbation.layer");
    }

    Row row(String key, String label, Control control, String helpKey) {
        control.setMaxWidth(Double.MAX_VALUE);
        control.setId(ControlsView.idOf(key));
        String help = FieldHelp.of(helpKey);
        Label name = new Label(label);
        if (!help.isEmpty()) {
            control.setTooltip(new Tooltip(help));
            name.setTooltip(new Tooltip(help));
        }
        return new Row(key, name, control);
    }

    GridPane grid(Row... rows) {
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
        for (Row row : rows) {
            grid.add(row.label(), 0, r);
            grid.add(row.control(), 1, r++);
            bindRestrictions(row);
            grid.add(errorLine(row.key()), 1, r++);
        }
        return grid;
    }

    /** A lesson hides or locks settings; a seed row follows its value's path. */
    private void bindRestrictions(Row row) {
        FieldRestrictions lesson = vm.restrictions();
        for (Node n : List.of(row.label(), row.control())) {
            var shown = lesson.hiddenProperty(row.key()).not();
            n.visibleProperty().bind(row.extraShow() == null ? shown : shown.and(row.extraShow()));
            n.managedProperty().bind(n.visibleProperty());
        }
        row.control().disableProperty().bind(lesson.lockedProperty(row.key())
                .or(row.extraDisable() == null ? new SimpleBooleanProperty(false) : row.extraDisable()));
    }

    private Label errorLine(String key) {
        Label error = new Label();
        error.setId(ControlsView.idOf(key) + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMaxWidth(320);
        error.textProperty().bind(vm.errorProperty(key));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    /**
     * A titled group, hidden when a lesson hides every setting in it. A collapsed group opens by itself
     * when one of its fields gets an error, so a disabled Run never has an invisible reason.
     */
    static TitledPane group(String id, String title, GridPane content, Node... extra) {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4, content);
        box.getChildren().addAll(extra);
        TitledPane pane = new TitledPane(title, box);
        pane.setId(id);
        pane.setAnimated(false);
        List<Node> fields = content.getChildren().stream()
                .filter(n -> !n.getStyleClass().contains("field-error")).toList();
        pane.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> fields.stream().anyMatch(Node::isVisible),
                fields.stream().map(Node::visibleProperty).toArray(javafx.beans.Observable[]::new)));
        pane.managedProperty().bind(pane.visibleProperty());
        content.getChildren().stream().filter(n -> n.getStyleClass().contains("field-error"))
                .map(n -> ((Label) n).textProperty())
                .forEach(text -> text.addListener((obs, was, now) -> {
                    if (!now.isEmpty()) {
                        pane.setExpanded(true);
                    }
                }));
        return pane;
    }
}
