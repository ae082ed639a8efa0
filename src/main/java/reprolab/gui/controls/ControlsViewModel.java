package reprolab.gui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import reprolab.experiment.Backend;
import reprolab.experiment.Engine;
import reprolab.experiment.DataSource;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.Initializer;
import reprolab.experiment.ModelName;
import reprolab.gui.layers.LayerEditorViewModel;
import reprolab.experiment.SeedKind;
import reprolab.experiment.SpecValidator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting of an experiment as editable properties, keyed by its path in the experiment file
 * (e.g. {@code runs.repeats}, {@code seeds.dropout.value}). Each edit re-validates the whole form:
 * problems land in the error property of the field they concern, and {@link #specProperty()} holds
 * a runnable spec only while there are none.
 */
public final class ControlsViewModel {

    /** The class whose presence means a CUDA backend jar is on the classpath. */
    public static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    private static final Pattern FIELD = Pattern.compile("fields? '([^']+)'");

    private final Map<String, StringProperty> texts = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> switches = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    final ObjectProperty<DataSource> source = new SimpleObjectProperty<>();
    final ObjectProperty<ModelName> model = new SimpleObjectProperty<>();
    final ObjectProperty<Initializer> initializer = new SimpleObjectProperty<>();
    final ObjectProperty<DataTypeName> dataType = new SimpleObjectProperty<>();
    final ObjectProperty<Backend> backend = new SimpleObjectProperty<>();
    final ObjectProperty<Engine> engine = new SimpleObjectProperty<>();
    /** Whether the PyTorch engine's Python sees a CUDA GPU (set by {@link EngineViewModel} once it knows). */
    private final BooleanProperty pytorchCuda = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<ExperimentSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper otherProblems = new ReadOnlyStringWrapper("");
    private final ObservableList<String> perturbationLayers = FXCollections.observableArrayList();
    private final LayerEditorViewModel layerEditor = new LayerEditorViewModel();
    private final FieldRestrictions restrictions = new FieldRestrictions();
    private final boolean cudaAvailable;
    private final Predicate<Path> readable;
    private final IdxPairCheck.Memo pairCheck;
    private final ReadOnlyStringWrapper idxSummary = new ReadOnlyStringWrapper("");
    private boolean loading;

    /**
     * @param cudaAvailable whether a CUDA backend is on the classpath (see {@link #detectCuda()})
     * @param readable      whether a data file can be read; a stat call, cheap enough for the FX thread
     */
    public ControlsViewModel(boolean cudaAvailable, Predicate<Path> readable) {
        this(cudaAvailable, readable, IdxPairCheck.HEADERS);
    }

    /**
     * @param pairCheck checks a readable IDX pair's headers (normally {@link IdxPairCheck#HEADERS}: a few
     *                  bytes of each file, and only again when the paths or the files change)
     */
    public ControlsViewModel(boolean cudaAvailable, Predicate<Path> readable, IdxPairCheck pairCheck) {
        this.cudaAvailable = cudaAvailable;
        this.readable = readable;
        this.pairCheck = new IdxPairCheck.Memo(pairCheck);
        for (String key : SpecForm.TEXT_KEYS) {
            texts.put(key, new SimpleStringProperty(""));
        }
        for (String key : SpecForm.SWITCH_KEYS) {
            switches.put(key, new SimpleBooleanProperty());
        }
        List<ObservableValue<?>> all = new ArrayList<>(texts.values());
        all.addAll(switches.values());
        all.addAll(List.of(source, model, initializer, dataType, backend, engine, pytorchCuda));
        all.forEach(p -> p.addListener((obs, was, now) -> revalidate()));
        model.addListener((obs, was, now) -> followModel(now));
        layerEditor.layersProperty().addListener((obs, was, now) -> {
            followModel(model.get());
            revalidate();
        });
        load(ExperimentSpec.defaults());
    }

    /**
     * Whether a CUDA run can work here: the CUDA backend class is on the classpath (looked up without
     * initialising it, so ND4J is not loaded) and an NVIDIA driver is installed. With the class but no
     * driver, ND4J would fall back to the CPU, so the control stays off.
     */
    public static boolean detectCuda() {
        return cudaBackendOnClasspath() && nvidiaDriverPresent();
    }

    static boolean cudaBackendOnClasspath() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, ControlsViewModel.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static boolean nvidiaDriverPresent() {
        return java.nio.file.Files.exists(Path.of("/proc/driver/nvidia/version"))
                || java.nio.file.Files.exists(Path.of(System.getenv().getOrDefault("SystemRoot", "C:\\Windows"),
                "System32", "nvcuda.dll"));
    }

    /** Fills the form from a spec (a loaded file, a reopened experiment). */
    public void load(ExperimentSpec s) {
        loading = true;
        try {
            SpecForm.fill(this, s);
        } finally {
            loading = false;
        }
        revalidate();
    }

    public StringProperty text(String key) {
        return require(texts, key);
    }

    public BooleanProperty flag(String key) {
        return require(switches, key);
    }

    /** The problem with a field, empty when it is fine. */
    public ReadOnlyStringProperty errorProperty(String key) {
        return errors.computeIfAbsent(key, k -> new ReadOnlyStringWrapper("")).getReadOnlyProperty();
    }

    public ObjectProperty<DataSource> sourceProperty() {
        return source;
    }

    public ObjectProperty<ModelName> modelProperty() {
        return model;
    }

    public ObjectProperty<Initializer> initializerProperty() {
        return initializer;
    }

    public ObjectProperty<DataTypeName> dataTypeProperty() {
        return dataType;
    }

    public ObjectProperty<Engine> engineProperty() {
        return engine;
    }

    public BooleanProperty pytorchCudaProperty() {
        return pytorchCuda;
    }

    /** True while the chosen engine has no GPU here, so the backend stays cpu. */
    public javafx.beans.binding.BooleanBinding backendLocked() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> engine.get() == Engine.PYTORCH ? !pytorchCuda.get() : !cudaAvailable, engine, pytorchCuda);
    }

    public ObjectProperty<Backend> backendProperty() {
        return backend;
    }

    /** What an open lesson hides or locks. */
    public FieldRestrictions restrictions() {
        return restrictions;
    }

    /** The parameter layers of the chosen model, in forward order: what the perturbation may change. */
    public ObservableList<String> perturbationLayers() {
        return perturbationLayers;
    }

    /** Offers the new model's layers; a layer the new model lacks is replaced by its first dense layer. */
    private void followModel(ModelName now) {
        List<String> layers = now == null ? List.of()
                : now == ModelName.CUSTOM ? layerEditor.parameterLayers() : now.parameterLayers();
        perturbationLayers.setAll(layers);
        StringProperty layer = text("perturbation.layer");
        if (!layers.isEmpty() && !layers.contains(layer.get())) {
            layer.set(layers.contains("dense_0") ? "dense_0" : layers.get(0));
        }
    }

    /** The layer list of a custom model (used when the model is custom). */
    public LayerEditorViewModel layerEditor() {
        return layerEditor;
    }

    /** The spec the form describes, or null while any field is invalid. */
    public ReadOnlyObjectProperty<ExperimentSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /**
     * What the chosen IDX pair holds ("10000 images of 28x28 pixels, 10000 labels") once both files pass
     * the check; empty otherwise.
     */
    public ReadOnlyStringProperty idxSummaryProperty() {
        return idxSummary.getReadOnlyProperty();
    }

    /** Problems that belong to no single field. */
    public ReadOnlyStringProperty otherProblemsProperty() {
        return otherProblems.getReadOnlyProperty();
    }

    public boolean isCudaAvailable() {
        return cudaAvailable;
    }

    /** Why the backend choice is locked, or empty when it is not. */
    public String backendDisabledReason() {
        if (cudaAvailable) {
            return "";
        }
        return cudaBackendOnClasspath()
                ? "No NVIDIA GPU driver found on this machine: CUDA runs would fall back to the CPU."
                : "No CUDA backend on the classpath (" + CUDA_BACKEND_CLASS
                        + "): this build runs on the CPU only. Build with -Pcuda on a machine with an NVIDIA GPU.";
    }

    /** Names of the seed value fields, one per {@link SeedKind}. */
    public static String seedValueKey(SeedKind kind) {
        return "seeds." + kind.field() + ".value";
    }

    public static String seedSwitchKey(SeedKind kind) {
        return "seeds." + kind.field() + ".enabled";
    }

    private void revalidate() {
        if (loading) {
            return;
        }
        Map<String, String> found = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        ExperimentSpec built = SpecForm.build(this, found);
        if (built != null) {
            for (String problem : SpecValidator.validate(built)) {
                Matcher m = FIELD.matcher(problem);
                if (problem.startsWith("model.layers")) {
                    found.putIfAbsent("model.layers", problem); // the layer editor shows each on its layer
                } else if (m.find()) {
                    found.putIfAbsent(m.group(1), problem);
                } else {
                    other.add(problem);
                }
            }
            checkEnvironment(built, found);
        }
        errors.forEach((key, error) -> error.set(found.getOrDefault(key, "")));
        found.forEach((key, message) -> errors.computeIfAbsent(key, k -> new ReadOnlyStringWrapper()).set(message));
        otherProblems.set(String.join("\n", other));
        boolean ok = found.isEmpty() && other.isEmpty();
        spec.set(ok ? built : null);
        valid.set(ok);
    }

    /** Checks the spec validator cannot make: files it would read and hardware it would need. */
    private void checkEnvironment(ExperimentSpec s, Map<String, String> found) {
        String summary = "";
        if (s.data().source() == DataSource.IDX) {
            checkReadable("data.imagesPath", s.data().imagesPath(), found);
            checkReadable("data.labelsPath", s.data().labelsPath(), found);
            if (!found.containsKey("data.imagesPath") && !found.containsKey("data.labelsPath")
                    && !isBlank(s.data().imagesPath()) && !isBlank(s.data().labelsPath())) {
                summary = checkPair(s.data().imagesPath(), s.data().labelsPath(), found);
            }
        }
        idxSummary.set(summary);
        boolean gpu = s.execution().pytorch() ? pytorchCuda.get() : cudaAvailable;
        if (s.execution().backend() == Backend.CUDA && !gpu) {
            found.putIfAbsent("execution.backend", s.execution().pytorch()
                    ? "The PyTorch engine's Python sees no CUDA GPU here." : backendDisabledReason());
        }
    }

    private void checkReadable(String key, String path, Map<String, String> found) {
        if (path == null || path.isBlank() || found.containsKey(key)) {
            return;
        }
        boolean ok;
        try {
            ok = readable.test(Path.of(path));
        } catch (RuntimeException invalidPath) {
            ok = false;
        }
        if (!ok) {
            found.put(key, "cannot read " + path);
        }
    }

    /** The pair's summary, or empty with its problem put on the field of the file at fault. */
    private String checkPair(String images, String labels, Map<String, String> found) {
        IdxPairCheck.Result pairResult = pairCheck.check(images, labels);
        if (pairResult.problem() == null) {
            return pairResult.summary();
        }
        found.put(pairResult.problem().startsWith("labels file") ? "data.labelsPath" : "data.imagesPath",
                pairResult.problem());
        return "";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T require(Map<String, T> map, String key) {
        T value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no setting " + key);
        }
        return value;
    }
}
