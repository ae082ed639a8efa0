package reprolab.gui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import reprolab.experiment.Backend;
import reprolab.experiment.DataSource;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.Initializer;
import reprolab.experiment.ModelName;
import reprolab.experiment.SeedKind;
import reprolab.gui.controls.FormRows.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings form, in the order a user needs it (issue 15):
 * <ol>
 *   <li>{@link #reproducibilitySection}, always open and never scrolled away: the four seeds with their
 *       switches, threads, vendor kernels, data type, backend, repeats;</li>
 *   <li>the run bar (Run, Cancel all) the window passes in;</li>
 *   <li>{@link #moreSettings}, collapsed groups that scroll: data, model, perturbation, name and
 *       parallel runs. Each title says what is set, so a collapsed group still tells it.</li>
 * </ol>
 * Each field has a tooltip saying why it matters and, beneath it, its validation error. Node ids are
 * the setting's path with dots as dashes (e.g. {@code runs-repeats}), so tests and lessons can find them.
 * New settings go into the section method they belong to (an engine choice or where runs execute: into
 * {@link #reproducibilityRows}; a model editor: into {@link #modelSection}).
 */
public final class ControlsView {

    private final ControlsViewModel vm;
    private final FormRows rows;
    private final VBox root = new VBox(6);

    /** The form alone, without a run bar. */
    public ControlsView(ControlsViewModel vm) {
        this(vm, null);
    }

    /** @param runBar Run and Cancel all, placed right under the reproducibility controls (null: none) */
    public ControlsView(ControlsViewModel vm, Node runBar) {
        this.vm = vm;
        this.rows = new FormRows(vm);
        root.getStyleClass().add("controls");
        root.getChildren().add(reproducibilitySection());
        if (runBar != null) {
            root.getChildren().add(runBar);
        }
        ScrollPane more = new ScrollPane(moreSettings());
        more.setId("moreSettings");
        more.setFitToWidth(true);
        VBox.setVgrow(more, Priority.ALWAYS);
        Label other = new Label();
        other.getStyleClass().add("field-error");
        other.setWrapText(true);
        other.textProperty().bind(vm.otherProblemsProperty());
        other.visibleProperty().bind(other.textProperty().isNotEmpty());
        other.managedProperty().bind(other.visibleProperty());
        root.getChildren().addAll(more, other);
    }

    public VBox root() {
        return root;
    }

    /** A node's id for a setting path. */
    public static String idOf(String key) {
        return key.replace('.', '-');
    }

    /** What the app is about, first and open: it cannot be collapsed. */
    private TitledPane reproducibilitySection() {
        TitledPane pane = FormRows.group("reproducibilitySection", "Reproducibility",
                rows.grid(reproducibilityRows().toArray(Row[]::new)));
        pane.setCollapsible(false);
        return pane;
    }

    /** The rows of the reproducibility section, in order; new execution choices are added here. */
    private List<Row> reproducibilityRows() {
        List<Row> list = new ArrayList<>();
        for (SeedKind kind : SeedKind.values()) {
            list.add(seedRow(kind));
        }
        list.add(rows.text("execution.threads", "Native threads"));
        list.add(rows.check("execution.helpers", "Vendor kernels"));
        list.add(rows.choice("execution.dataType", "Data type", vm.dataTypeProperty(), DataTypeName.values()));
        list.add(backendRow());
        list.add(rows.text("runs.repeats", "Repeats"));
        return list;
    }

    /** The collapsed groups under the run bar. */
    private VBox moreSettings() {
        return new VBox(6, engineSection(), dataSection(), modelSection(), perturbationSection(), experimentSection());
    }

    /** DL4J or PyTorch, the Python for PyTorch and PyTorch's own switches; the title names the engine. */
    private TitledPane engineSection() {
        GridPane grid = new EngineView(new EngineViewModel(vm, reprolab.run.PythonProbe::of)).grid();
        return collapsed(FormRows.group("engineSection", "", grid), "Engine", Bindings.createStringBinding(
                () -> JsonNames.of(vm.engineProperty().get()), vm.engineProperty()));
    }

    private TitledPane dataSection() {
        BooleanBinding idx = vm.sourceProperty().isEqualTo(DataSource.IDX);
        Label summary = new Label();
        summary.setId("data-idx-summary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(vm.idxSummaryProperty());
        summary.visibleProperty().bind(idx.and(summary.textProperty().isNotEmpty()));
        summary.managedProperty().bind(summary.visibleProperty());
        GridPane grid = rows.grid(rows.choice("data.source", "Source", vm.sourceProperty(), DataSource.values()),
                // the file fields mean nothing for the shipped sample or synthetic data, so they only show for idx
                rows.file("data.imagesPath", "Images file", "IDX3 images file").shownWhen(idx),
                rows.file("data.labelsPath", "Labels file", "IDX1 labels file").shownWhen(idx),
                rows.text("data.trainSize", "Training examples"),
                rows.text("data.validationSize", "Validation examples"));
        return collapsed(FormRows.group("dataSection", "", grid, summary), "Data", Bindings.createStringBinding(
                () -> JsonNames.of(vm.sourceProperty().get()) + ", " + vm.text("data.trainSize").get() + " + "
                        + vm.text("data.validationSize").get() + " examples",
                vm.sourceProperty(), vm.text("data.trainSize"), vm.text("data.validationSize")));
    }

    /** The model's settings; a layer editor for custom models goes under the grid. */
    private TitledPane modelSection() {
        GridPane grid = rows.grid(rows.choice("model.name", "Model", vm.modelProperty(), ModelName.values()),
                rows.text("model.epochs", "Epochs"), rows.text("model.batchSize", "Batch size"),
                rows.text("model.learningRate", "Learning rate"),
                rows.choice("model.initializer", "Initialiser", vm.initializerProperty(), Initializer.values()),
                rows.check("model.earlyStopping.enabled", "Early stopping"),
                rows.text("model.earlyStopping.patience", "Patience (epochs)"),
                rows.check("model.earlyStopping.restoreBest", "Restore best epoch"));
        TitledPane pane = FormRows.group("modelSection", "", grid, layersGroup());
        // the layer editor is the point of a custom model: open the section when one is chosen or loaded
        vm.modelProperty().addListener((obs, was, now) -> pane.setExpanded(pane.isExpanded() || now == ModelName.CUSTOM));
        return collapsed(pane, "Model", Bindings.createStringBinding(
                () -> JsonNames.of(vm.modelProperty().get()) + ", " + plural(vm.text("model.epochs").get(), "epoch")
                        + ", batch " + vm.text("model.batchSize").get() + ", lr " + vm.text("model.learningRate").get(),
                vm.modelProperty(), vm.text("model.epochs"), vm.text("model.batchSize"),
                vm.text("model.learningRate")));
    }

    /** The custom model's layer editor, shown only while the model is custom. */
    private Node layersGroup() {
        TitledPane pane = new TitledPane("Layers", new reprolab.gui.layers.LayerEditorView(vm.layerEditor()).root());
        pane.setId("layersGroup");
        pane.setAnimated(false);
        pane.visibleProperty().bind(vm.modelProperty().isEqualTo(ModelName.CUSTOM));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private TitledPane perturbationSection() {
        GridPane grid = rows.grid(rows.check("perturbation.enabled", "Perturb the weights"),
                rows.text("perturbation.iteration", "After update"), rows.layerChoice(),
                rows.text("perturbation.epsilon", "Epsilon"), rows.text("perturbation.fraction", "Fraction"),
                rows.text("perturbation.seed", "Seed"));
        return collapsed(FormRows.group("perturbationSection", "", grid), "Perturbation",
                Bindings.createStringBinding(() -> vm.flag("perturbation.enabled").get()
                                ? "±" + vm.text("perturbation.epsilon").get() + " after update "
                                + vm.text("perturbation.iteration").get() + " in " + vm.text("perturbation.layer").get()
                                : "off", vm.flag("perturbation.enabled"), vm.text("perturbation.epsilon"),
                        vm.text("perturbation.iteration"), vm.text("perturbation.layer")));
    }

    private TitledPane experimentSection() {
        GridPane grid = rows.grid(rows.text("name", "Name"), rows.text("runs.parallel", "Parallel runs"),
                rows.text("runs.snapshotEvery", "Snapshot every"));
        return collapsed(FormRows.group("experimentSection", "", grid), "Name, parallel runs, snapshots",
                Bindings.createStringBinding(() -> vm.text("name").get(), vm.text("name")));
    }

    /** Collapsed by default, its title "Name · what is set". */
    private static TitledPane collapsed(TitledPane pane, String name, StringBinding summary) {
        pane.setExpanded(false);
        pane.textProperty().bind(Bindings.concat(name, " · ", summary));
        // a title's minimum width is its whole text: a long summary (an imported Keras model's name) would
        // widen the form past the scroll pane, which then scrolls sideways instead of wrapping the Engine
        // text (issue 27); a title too long for the form is cut with an ellipsis instead
        pane.setMinWidth(0);
        return pane;
    }

    private static String plural(String count, String noun) {
        return count + " " + noun + ("1".equals(count.trim()) ? "" : "s");
    }

    /** "Weight init  [x] fixed  [42]": the switch and its value side by side, the value off when unfixed. */
    private Row seedRow(SeedKind kind) {
        String help = "seeds." + kind.field();
        Row onOff = rows.check(ControlsViewModel.seedSwitchKey(kind), "fixed", help);
        Row value = rows.text(ControlsViewModel.seedValueKey(kind), "", help);
        CheckBox box = (CheckBox) onOff.control();
        box.setText("fixed");
        value.control().disableProperty().bind(box.selectedProperty().not());
        HBox both = new HBox(8, box, value.control());
        both.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(value.control(), Priority.ALWAYS);
        // short names, so the label column stays narrow; the tooltip and reports use the long ones
        Label label = new Label(switch (kind) {
            case WEIGHT_INIT -> "Weight-init seed";
            case DROPOUT -> "Dropout seed";
            case SHUFFLE -> "Shuffle seed";
            case SPLIT -> "Split seed";
        });
        label.setTooltip(onOff.label().getTooltip());
        return new Row(value.key(), label, both);
    }

    private Row backendRow() {
        Row backend = rows.choice("execution.backend", "Backend", vm.backendProperty(), Backend.values());
        if (!vm.isCudaAvailable()) {
            backend = backend.disabledWhen(vm.backendLocked());
            Tooltip.install(backend.label(), new Tooltip(vm.backendDisabledReason()));
            backend.label().setText("Backend (CPU only)");
        }
        return backend;
    }
}
