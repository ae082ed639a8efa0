package reprolab.gui.script;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import reprolab.experiment.Backend;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ScriptSpec;
import reprolab.experiment.SpecException;
import reprolab.run.ScriptExperiments;
import reprolab.run.ShellWords;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Script mode of the settings panel (issue 24): the user's own PyTorch script, its arguments
 * (split as a shell splits them), N repeats and the toggles of {@code reprolab script}. Each edit
 * re-checks the fields; {@link #spec()} then builds the experiment as the CLI does
 * ({@link ScriptExperiments#spec}), so the app and the command refuse the same things.
 */
public final class ScriptViewModel {

    static final String CHECKING_GPU = "Checking whether this Python's torch sees a GPU…";

    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty args = new SimpleStringProperty("");
    private final StringProperty repeats = new SimpleStringProperty("3");
    private final BooleanProperty seedOn = new SimpleBooleanProperty(true);
    private final StringProperty seed = new SimpleStringProperty("0");
    private final BooleanProperty hashSeedOn = new SimpleBooleanProperty(false);
    private final StringProperty hashSeed = new SimpleStringProperty("0");
    private final StringProperty threads = new SimpleStringProperty("1");
    private final StringProperty timeLimit = new SimpleStringProperty("0");
    private final BooleanProperty deterministic = new SimpleBooleanProperty(false);
    private final BooleanProperty cudnnBenchmark = new SimpleBooleanProperty(false);
    private final BooleanProperty noCudnn = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper gpuAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper gpuRefusal = new ReadOnlyStringWrapper(CHECKING_GPU);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding gpuToggled = deterministic.or(cudnnBenchmark).or(noCudnn);
    private final BooleanBinding ready;

    public ScriptViewModel() {
        List<ObservableValue<?>> all = List.of(path, args, repeats, seedOn, seed, hashSeedOn, hashSeed, threads,
                timeLimit, deterministic, cudnnBenchmark, noCudnn);
        all.forEach(p -> p.addListener((obs, was, now) -> recheck()));
        ready = Bindings.createBooleanBinding(() -> active.get() && problem.get().isEmpty(), active, problem);
        recheck();
    }

    /** Switches the panel to Script mode on {@code script}. */
    public void open(Path script) {
        path.set(script.toAbsolutePath().normalize().toString());
        active.set(true);
    }

    /**
     * Shows a stored experiment (History): a script experiment fills these fields and turns Script mode
     * on, any other turns it off, so the panel always shows the settings of what is on screen.
     */
    public void show(ExperimentSpec spec) {
        ScriptSpec s = spec.script();
        if (s == null) {
            active.set(false);
            return;
        }
        path.set(s.path());
        args.set(ShellWords.join(s.args()));
        repeats.set(Integer.toString(spec.runs().repeats()));
        seedOn.set(s.seed().enabled());
        seed.set(Long.toString(s.seed().value()));
        hashSeedOn.set(s.hashSeed().enabled());
        hashSeed.set(Long.toString(s.hashSeed().value()));
        threads.set(Integer.toString(spec.execution().threads()));
        timeLimit.set(Long.toString(s.timeLimitSeconds()));
        boolean cuda = spec.execution().backend() == reprolab.experiment.Backend.CUDA;
        deterministic.set(cuda && spec.execution().deterministicAlgorithms());
        cudnnBenchmark.set(cuda && spec.execution().cudnnBenchmark());
        noCudnn.set(cuda && !spec.execution().helpers());
        active.set(true);
    }

    /** Back to the model settings; the script's fields are kept for the next time. */
    public void backToModel() {
        active.set(false);
    }

    /** What {@link ScriptExperiments#gpuRefusal()} said: empty when torch sees a CUDA GPU. */
    public void gpuChecked(Optional<String> refusal) {
        gpuAvailable.set(refusal.isEmpty());
        gpuRefusal.set(refusal.map(r -> "GPU toggles are off: " + r).orElse(""));
        if (refusal.isPresent()) { // a toggle that cannot act is not offered, not even set
            deterministic.set(false);
            cudnnBenchmark.set(false);
            noCudnn.set(false);
        }
        recheck();
    }

    /** The fields as the CLI's request; an {@link IllegalArgumentException} names the field at fault. */
    public ScriptExperiments.Request request() {
        if (path.get().isBlank()) {
            throw new IllegalArgumentException("choose a training script (File > Open training script…)");
        }
        List<String> words;
        try {
            words = ShellWords.split(args.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Arguments: " + e.getMessage());
        }
        int n = (int) number("Repeats", repeats.get(), 1, Integer.MAX_VALUE);
        Long s = seedOn.get() ? number("Seed", seed.get(), Long.MIN_VALUE, Long.MAX_VALUE) : null;
        Long h = hashSeedOn.get() ? number("Hash seed", hashSeed.get(), 0, ScriptSpec.MAX_HASH_SEED)
                : null;
        int t = (int) number("Threads", threads.get(), 1, 1024);
        long limit = number("Time limit", timeLimit.get(), 0, Long.MAX_VALUE);
        return new ScriptExperiments.Request(Path.of(path.get()), words, n, s, h, t, limit, deterministic.get(),
                cudnnBenchmark.get(), noCudnn.get());
    }

    /**
     * The script experiment, built and checked as {@code reprolab script} builds it (the file is Python,
     * torch is there). Blocks (starts Python): call it off the FX thread.
     */
    public ExperimentSpec spec() throws SpecException {
        try {
            return ScriptExperiments.spec(request());
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage());
        }
    }

    private static long number(String field, String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " is " + value + "; allowed: " + min + " to " + max);
        }
        return value;
    }

    private void recheck() {
        String found = "";
        if (gpuToggled.get() && !gpuAvailable.get()) {
            found = gpuRefusal.get();
        } else {
            try {
                request();
            } catch (IllegalArgumentException e) {
                found = e.getMessage();
            }
        }
        problem.set(found);
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty argsProperty() {
        return args;
    }

    public StringProperty repeatsProperty() {
        return repeats;
    }

    public BooleanProperty seedOnProperty() {
        return seedOn;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty hashSeedOnProperty() {
        return hashSeedOn;
    }

    public StringProperty hashSeedProperty() {
        return hashSeed;
    }

    public StringProperty threadsProperty() {
        return threads;
    }

    /** Seconds; 0: no limit. */
    public StringProperty timeLimitProperty() {
        return timeLimit;
    }

    public BooleanProperty deterministicProperty() {
        return deterministic;
    }

    public BooleanProperty cudnnBenchmarkProperty() {
        return cudnnBenchmark;
    }

    public BooleanProperty noCudnnProperty() {
        return noCudnn;
    }

    public ReadOnlyBooleanProperty gpuAvailableProperty() {
        return gpuAvailable.getReadOnlyProperty();
    }

    /** Why the GPU toggles are off; empty when torch sees a GPU. */
    public ReadOnlyStringProperty gpuRefusalProperty() {
        return gpuRefusal.getReadOnlyProperty();
    }

    /** The first problem of the fields, empty when Run can go. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether a GPU toggle is on: what makes the script's experiment a cuda one ({@link #backend()}). */
    public BooleanBinding gpuToggledProperty() {
        return gpuToggled;
    }

    /**
     * The backend the script's experiment gets: cuda when a GPU toggle is on, as {@link ScriptExperiments#spec}
     * decides; the Ablation tab offers the GPU factors for it before the experiment is built.
     */
    public Backend backend() {
        return gpuToggled.get() ? Backend.CUDA : Backend.CPU;
    }

    /** In Script mode with fields that pass. */
    public BooleanBinding readyProperty() {
        return ready;
    }
}
