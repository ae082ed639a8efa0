package reprolab.gui.ablation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import reprolab.analysis.AblationReport;
import reprolab.analysis.FactorResult;
import reprolab.experiment.Backend;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.BackgroundExecutor;
import reprolab.gui.BackgroundTask;
import reprolab.gui.EventBatcher;
import reprolab.gui.ServiceException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Ablation tab: which factors vary, how many repeats per group, Run and Cancel, and the report
 * (one row per factor, the spread of final accuracy for the bar chart, the verdict). The baseline is
 * the form's current experiment, or in Script mode the user's script ({@link #ablateScript}): then the
 * factors are the script's toggles.
 */
public final class AblationViewModel {

    /** Seeds only by default: the question most users have first is which seed they forgot. */
    private static final List<String> DEFAULT_FACTORS = List.of("weightInit", "dropout", "shuffle", "split");

    private final AblationService service;
    private final Supplier<ExperimentSpec> baseline;
    private final Executor background;
    private final Executor fx;
    private final Executor cancels;
    /** Why an ablation may not start now, or null when it may. */
    private java.util.function.Supplier<String> blocker = () -> null;
    private final FactorChoice factors;
    /** The script to ablate, or null: the model form's experiment. */
    private ScriptBaseline script;
    private final StringProperty repeats = new SimpleStringProperty("3");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose factors and press Run ablation.");
    private final ReadOnlyObjectWrapper<AblationReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FactorResult> rows = FXCollections.observableArrayList();
    private final AblationProgress progress = new AblationProgress();
    private AblationService.Handle handle;
    private java.nio.file.Path folder;
    private boolean cancelRequested;

    /** @param baseline the experiment to ablate (the form's spec), null while the form is invalid */
    public AblationViewModel(AblationService service, Supplier<ExperimentSpec> baseline, Executor background,
                             Executor fx) {
        this(service, baseline, background, fx, BackgroundExecutor.cancels());
    }

    /** @param cancels where Cancel runs: never the background pool, where it could wait behind analysis */
    public AblationViewModel(AblationService service, Supplier<ExperimentSpec> baseline, Executor background,
                             Executor fx, Executor cancels) {
        this.cancels = cancels;
        this.service = service;
        this.baseline = baseline;
        this.background = background;
        this.fx = fx;
        this.factors = new FactorChoice(service.factors(), DEFAULT_FACTORS::contains);
    }

    /** From now on the tab ablates the user's script: its toggles on {@code backend} are the factors. */
    public void ablateScript(ScriptBaseline baseline, Backend backend) {
        script = baseline;
        factors.showScript(service.scriptFactors(backend));
    }

    /** Back to ablating the model form's experiment, with the factors chosen for it before. */
    public void ablateModel() {
        script = null;
        factors.showModel();
    }

    /**
     * Refuses to start while {@code busy} says so, showing {@code reason}: the window's Run and an
     * ablation would share the cores and each slow down (and perturb the timing of) the other.
     */
    public void blockWhile(BooleanSupplier busy, String reason) {
        blockWhile(() -> busy.getAsBoolean() ? reason : null);
    }

    /** Refuses to start while {@code reasonOrNull} gives a reason, showing it. */
    public void blockWhile(java.util.function.Supplier<String> reasonOrNull) {
        this.blocker = reasonOrNull;
    }

    /** Factor name to whether it is in the next ablation, in report order: the model's or the script's. */
    public Map<String, BooleanProperty> factors() {
        return factors.shownProperty().get();
    }

    /** The factors on show; a new map when the mode (or a script's backend) changes. */
    public ReadOnlyObjectProperty<Map<String, BooleanProperty>> factorsProperty() {
        return factors.shownProperty();
    }

    /** How many of the factors on show are chosen. */
    public ReadOnlyIntegerProperty chosenCountProperty() {
        return factors.chosenCountProperty();
    }

    /** Whether the tab ablates the user's script rather than the model form. */
    public ReadOnlyBooleanProperty scriptModeProperty() {
        return factors.scriptShownProperty();
    }

    /** Selects exactly these factors among those on show (a lesson's). */
    public void select(List<String> names) {
        factors().forEach((name, on) -> on.set(names.contains(name)));
    }

    public StringProperty repeatsProperty() {
        return repeats;
    }

    /** Starts the ablation in the background; refuses with a message when the input is not runnable. */
    public void run() {
        ScriptBaseline s = script;
        ExperimentSpec spec = s == null ? baseline.get() : null; // the form is read here, on the FX thread
        List<String> chosen = factors.chosen();
        Integer r = parseRepeats();
        String problem = s == null && spec == null ? "Fix the settings marked in red first: they are the baseline."
                : s != null && !s.problem().get().isEmpty() ? "Fix the script's settings first: " + s.problem().get()
                : chosen.isEmpty() ? "Choose at least one factor."
                : r == null ? "Repeats must be a whole number from 2 to 100."
                : blocker.get();
        if (running.get() || problem != null) {
            if (problem != null) {
                status.set(problem);
            }
            return;
        }
        running.set(true);
        cancelRequested = false;
        report.set(null);
        rows.clear();
        status.set((s == null ? "Starting " : "Checking the script, then starting ") + (chosen.size() + 1)
                + " groups of " + r + " runs…");
        EventBatcher events = progress.begin();
        start(s == null ? () -> spec : s.build(), r, chosen, events);
    }

    /** @param spec gives the baseline; a script's starts Python, so it is called here, in the background */
    private void start(BackgroundTask.Work<ExperimentSpec> spec, int r, List<String> chosen, EventBatcher events) {
        BackgroundTask.of(() -> service.start(spec.call(), r, chosen, events))
                .onSuccess(this::started)
                .onFailure(e -> stopped("Could not start: " + BackgroundTask.messageOf(e)))
                .executeWith(background, fx);
    }

    private void started(AblationService.Handle h) {
        handle = h;
        folder = h.folder();
        progress.planned(h.groups());
        status.set("Running " + h.runCount() + " runs on " + h.where() + ", stored in " + h.folder());
        if (cancelRequested) {
            cancels.execute(h::cancelAll); // Cancel was pressed while the runs were starting
        }
        // the analysis at the end may throw: without this branch the tab stayed "running" for good
        h.completion().whenComplete((result, error) -> fx.execute(() -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                stopped("The ablation failed: " + BackgroundTask.messageOf(cause));
            } else {
                finished(result);
            }
        }));
    }

    private void stopped(String message) {
        running.set(false);
        handle = null;
        progress.ended(cancelRequested);
        status.set(message);
    }

    private void finished(AblationReport result) {
        running.set(false);
        handle = null;
        progress.ended(cancelRequested);
        report.set(result);
        rows.setAll(result.factors());
        status.set(cancelRequested ? "Cancelled: the report covers what the runs did before the cancel." : "Done.");
    }

    /** The folder of the last ablation started here, running or ended (File > Export ablation report); null before. */
    public java.nio.file.Path folder() {
        return folder;
    }

    /** Stops every run of the ablation; the report of what they did so far follows. */
    public void cancelAll() {
        if (!running.get()) {
            return;
        }
        cancelRequested = true;
        status.set("Cancelling the ablation…");
        AblationService.Handle h = handle;
        if (h != null) {
            cancels.execute(h::cancelAll);
        }
    }

    /** Applies the runs' events that arrived since the last pulse; called by the window's ~10 Hz pulse. */
    public void pulse(long nowNanos) {
        progress.pulse(nowNanos);
    }

    /** Which run of which group is where, for the progress table. */
    public AblationProgress progress() {
        return progress;
    }

    /** Cancels on the calling thread, for when the app closes and the executor is going away. */
    public void shutdown() {
        AblationService.Handle h = handle;
        if (h != null) {
            h.cancelAll();
        }
    }

    private Integer parseRepeats() {
        try {
            int r = Integer.parseInt(repeats.get().trim());
            return r >= 2 && r <= 100 ? r : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The "time to chaos" cell of a factor's row (see {@link reprolab.ablation.ChaosText#cell}); empty without snapshots. */
    public String timeToChaos(String factor) {
        AblationReport r = report.get();
        return r == null ? "" : reprolab.ablation.ChaosText.cell(r.chaos(), factor);
    }

    /** The spread each factor causes: standard deviation of final validation accuracy (0 when unknown). */
    public static double spread(FactorResult row) {
        return row.valAccuracy() == null ? 0 : row.valAccuracy().std();
    }

    public ObservableList<FactorResult> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<AblationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
