package reprolab.gui.layers;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import reprolab.experiment.LayerShapes;
import reprolab.experiment.LayerSpec;
import reprolab.experiment.LayerType;
import reprolab.experiment.ModelSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layer list of a custom model being edited: add, remove, reorder, change options. Every change
 * recomputes names, shapes and the parameter count with the validator's own {@link LayerShapes}, so a
 * problem shows on its layer as the user types. Starts with seed-cnn's layers as a template.
 */
public final class LayerEditorViewModel {

    private static final Pattern LAYER = Pattern.compile("^model\\.layers\\[(\\d+)\\] \\([^)]*\\): (.*)$");

    private final ObservableList<LayerRow> rows = FXCollections.observableArrayList();
    // one wrapper, kept: it listens to rows weakly, so a fresh one per call could be collected with the view's listener
    private final ObservableList<LayerRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<List<LayerSpec>> layers = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private List<String> parseProblems = List.of();
    private List<String> parameterLayers = List.of();

    public LayerEditorViewModel() {
        load(seedCnnTemplate());
    }

    /** Seed-cnn's layers, the model of the classic question: a start users change rather than a blank. */
    public static List<LayerSpec> seedCnnTemplate() {
        return List.of(LayerSpec.conv2d(32, 3, "relu"), LayerSpec.conv2d(32, 3, "relu"),
                LayerSpec.pool(LayerType.MAXPOOL2D, 2), LayerSpec.dropout(0.25), LayerSpec.of(LayerType.FLATTEN),
                LayerSpec.dense(512, "relu"), LayerSpec.dropout(0.5), LayerSpec.of(LayerType.OUTPUT));
    }

    /** Replaces the list (a loaded or imported experiment). */
    public void load(List<LayerSpec> specs) {
        List<LayerRow> fresh = new ArrayList<>();
        for (LayerSpec spec : specs) {
            fresh.add(watched(new LayerRow(spec)));
        }
        rows.setAll(fresh);
        recompute();
    }

    /** Adds a layer with typical options, before the output layer so the list keeps ending in it. */
    public void add(LayerType type) {
        int at = !rows.isEmpty() && rows.get(rows.size() - 1).type() == LayerType.OUTPUT ? rows.size() - 1 : rows.size();
        rows.add(at, watched(new LayerRow(starter(type))));
        recompute();
    }

    public void remove(int index) {
        rows.remove(index);
        recompute();
    }

    /** Moves a layer one place towards the input ({@code -1}) or the output ({@code +1}); no-op at the ends. */
    public void move(int index, int direction) {
        int to = index + direction;
        if (to < 0 || to >= rows.size()) {
            return;
        }
        LayerRow row = rows.remove(index);
        rows.add(to, row);
        recompute();
    }

    public ObservableList<LayerRow> rows() {
        return readOnlyRows;
    }

    /** The layers as typed (options that do not parse left out); changes after every edit. */
    public ReadOnlyObjectProperty<List<LayerSpec>> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    public List<LayerSpec> layers() {
        return layers.get();
    }

    /** "2,374,506 parameters", or why there is no count. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Problems of the whole list (its end, its size); a layer's own are on its row. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Texts that are not numbers, as "model.layers[i] (name): ..."; the validator cannot see these. */
    public List<String> parseProblems() {
        return parseProblems;
    }

    public List<String> parameterLayers() {
        return parameterLayers;
    }

    private LayerRow watched(LayerRow row) {
        for (StringProperty option : row.optionProperties()) {
            option.addListener((obs, was, now) -> recompute());
        }
        return row;
    }

    private void recompute() {
        List<LayerSpec> specs = new ArrayList<>();
        List<List<String>> rowProblems = new ArrayList<>();
        List<List<String>> parsed = new ArrayList<>(); // texts that are no numbers: the validator never sees them
        for (LayerRow row : rows) {
            List<String> own = new ArrayList<>();
            specs.add(row.toSpec(own));
            parsed.add(List.copyOf(own));
            rowProblems.add(own);
        }
        LayerShapes.Result result = LayerShapes.compute(specs, ModelSpec.ROWS, ModelSpec.COLS, ModelSpec.CLASSES);
        List<String> general = new ArrayList<>();
        for (String problem : result.problems()) {
            Matcher m = LAYER.matcher(problem);
            if (m.matches()) {
                rowProblems.get(Integer.parseInt(m.group(1))).add(m.group(2));
            } else {
                general.add(problem);
            }
        }
        List<String> unparsed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!parsed.get(i).isEmpty()) {
                unparsed.add("model.layers[" + i + "] (" + result.layers().get(i).name() + "): " + parsed.get(i).get(0));
            }
            LayerShapes.Layer layer = result.layers().get(i);
            String info = layer.output() == null ? "" : layer.output() + (layer.parameters() > 0
                    ? String.format(", %,d parameters", layer.parameters()) : "");
            rows.get(i).show(layer.name(), info, String.join("; ", rowProblems.get(i)));
        }
        parseProblems = List.copyOf(unparsed);
        parameterLayers = result.parameterLayers();
        problems.set(String.join("\n", general));
        summary.set(String.format("%,d parameters", result.parameters()) + (result.ok() && unparsed.isEmpty() ? "" : " so far"));
        layers.set(List.copyOf(specs));
    }

    private static LayerSpec starter(LayerType type) {
        return switch (type) {
            case CONV2D -> LayerSpec.conv2d(16, 3, "relu");
            case MAXPOOL2D, AVGPOOL2D -> LayerSpec.pool(type, 2);
            case DROPOUT -> LayerSpec.dropout(0.25);
            case DENSE -> LayerSpec.dense(128, "relu");
            default -> LayerSpec.of(type);
        };
    }
}
