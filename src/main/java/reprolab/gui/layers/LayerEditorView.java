package reprolab.gui.layers;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import reprolab.experiment.Initializer;
import reprolab.experiment.LayerSpec;
import reprolab.experiment.LayerType;

import java.util.ArrayList;
import java.util.List;

/**
 * The layer editor: one card per layer (name, kind, output shape and parameters, its options, its
 * problem) with move and remove buttons, the total parameter count on top and an add bar below.
 * Node ids: {@code layer-<i>-<option>}, {@code layer-<i>-up|down|remove|error}, {@code layer-parameters},
 * {@code layer-add-type}, {@code layer-add}.
 */
public final class LayerEditorView {

    private final LayerEditorViewModel vm;
    private final VBox root = new VBox(6);
    private final VBox cards = new VBox(4);

    public LayerEditorView(LayerEditorViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("layer-editor");
        Label summary = new Label();
        summary.setId("layer-parameters");
        summary.textProperty().bind(vm.summaryProperty());
        Label problems = new Label();
        problems.setId("layer-problems");
        problems.getStyleClass().add("field-error");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problemsProperty());
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        root.getChildren().addAll(summary, cards, problems, addBar());
        vm.rows().addListener((ListChangeListener<LayerRow>) change -> rebuild());
        rebuild();
    }

    public VBox root() {
        return root;
    }

    private void rebuild() {
        List<Node> built = new ArrayList<>();
        for (int i = 0; i < vm.rows().size(); i++) {
            built.add(card(i, vm.rows().get(i)));
        }
        cards.getChildren().setAll(built);
    }

    private Node card(int index, LayerRow row) {
        Label name = new Label();
        name.textProperty().bind(row.nameProperty().concat(" · " + row.type().json()));
        name.setStyle("-fx-font-weight: bold");
        Label info = new Label();
        info.textProperty().bind(row.infoProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, name, info, gap, button(index, "up", "↑", "Move towards the input", () -> vm.move(index, -1)),
                button(index, "down", "↓", "Move towards the output", () -> vm.move(index, 1)),
                button(index, "remove", "✕", "Remove this layer", () -> vm.remove(index)));
        header.setAlignment(Pos.CENTER_LEFT);
        FlowPane options = new FlowPane(8, 3);
        for (String option : row.optionNames()) {
            Label label = new Label(option);
            HBox pair = new HBox(3, label, field(index, row, option));
            pair.setAlignment(Pos.CENTER_LEFT);
            options.getChildren().add(pair);
        }
        Label error = new Label();
        error.setId("layer-" + index + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(row.errorProperty());
        error.managedProperty().bind(row.errorProperty().isNotEmpty());
        VBox card = new VBox(2, header, options, error);
        card.setStyle("-fx-border-color: derive(-fx-base, -15%); -fx-border-radius: 3; -fx-padding: 4");
        return card;
    }

    /** Numbers as text fields; padding, activation and initialiser as choices (empty: the default). */
    private static Node field(int index, LayerRow row, String option) {
        List<String> choices = switch (option) {
            case "padding" -> List.of("", "valid", "same");
            case "activation" -> prepend(LayerSpec.ACTIVATIONS);
            case "initializer" -> prepend(java.util.Arrays.stream(Initializer.values()).map(Initializer::json).toList());
            default -> null;
        };
        if (choices == null) {
            TextField text = new TextField();
            text.setPrefColumnCount(4);
            text.textProperty().bindBidirectional(row.option(option));
            text.setId("layer-" + index + "-" + option);
            return text;
        }
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(choices));
        box.valueProperty().bindBidirectional(row.option(option));
        box.setId("layer-" + index + "-" + option);
        box.setTooltip(new Tooltip("empty: " + (option.equals("initializer") ? "the model's initialiser"
                : option.equals("padding") ? "valid" : "relu")));
        return box;
    }

    private static List<String> prepend(List<String> values) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(values);
        return all;
    }

    private static Button button(int index, String id, String text, String help, Runnable action) {
        Button b = new Button(text);
        b.setId("layer-" + index + "-" + id);
        b.setTooltip(new Tooltip(help));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node addBar() {
        ComboBox<LayerType> type = new ComboBox<>(FXCollections.observableArrayList(LayerType.values()));
        type.setId("layer-add-type");
        type.setValue(LayerType.CONV2D);
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(LayerType value) {
                return value == null ? "" : value.json();
            }

            @Override
            public LayerType fromString(String text) {
                return null;
            }
        });
        Button add = new Button("Add layer");
        add.setId("layer-add");
        add.setOnAction(e -> vm.add(type.getValue()));
        HBox bar = new HBox(6, type, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
