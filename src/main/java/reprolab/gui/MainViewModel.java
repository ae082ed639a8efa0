package reprolab.gui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.ablation.AblationService;
import reprolab.gui.ablation.AblationViewModel;
import reprolab.gui.ablation.ScriptBaseline;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.gui.curves.CurvesViewModel;
import reprolab.gui.divergence.DivergenceViewModel;
import reprolab.gui.history.HistoryViewModel;
import reprolab.gui.lessons.LessonsViewModel;
import reprolab.gui.runs.RunsViewModel;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The window's state: the form, the runs in flight and the three tabs, plus the commands Run, Cancel
 * and Cancel all. Events from the engine wait in an {@link EventBatcher} until the view's ~10 Hz pulse
 * calls {@link #pulse()}, which applies them all at once.
 */
public final class MainViewModel {

    /** Live divergence is re-analysed at most this often while runs are in flight. */
    static final long LIVE_ANALYSIS_NANOS = 1_000_000_000L;

    private final ExperimentService service;
    private final Executor background;
    private final Executor fx;
    private final Executor cancels;
    private final LongSupplier clock;
    private final ControlsViewModel controls;
    private final reprolab.gui.script.ScriptViewModel script = new reprolab.gui.script.ScriptViewModel();
    private final RunsViewModel runs = new RunsViewModel();
    private final CurvesViewModel curves = new CurvesViewModel();
    private final DivergenceViewModel divergence;
    private final HistoryViewModel history;
    private final LessonsViewModel lessons;
    private final AblationViewModel ablation;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready.");
    private final ReadOnlyIntegerWrapper batchesApplied = new ReadOnlyIntegerWrapper();
    private final BooleanBinding canRun;
    private EventBatcher batcher = new EventBatcher();
    private RunningHandle handle;
    private List<RunHistory> shownRuns = List.of();
    /** The folder of the experiment the tabs show (last started or opened), for the HTML report; null before. */
    private java.nio.file.Path shownFolder;
    private long lastAnalysis;

    private reprolab.gui.target.RunTargetViewModel targets;

    public MainViewModel(ExperimentService service, ControlsViewModel controls, Executor background, Executor fx,
                         LongSupplier clock) {
        this(service, null, controls, background, fx, clock);
    }

    /** @param ablations the ablation engine, or null for a window without the Ablation tab */
    public MainViewModel(ExperimentService service, AblationService ablations, ControlsViewModel controls,
                         Executor background, Executor fx, LongSupplier clock) {
        this(service, ablations, controls, background, fx, BackgroundExecutor.cancels(), clock);
    }

    /** @param cancels where Cancel runs: its own thread, so it never waits behind analysis or export */
    public MainViewModel(ExperimentService service, AblationService ablations, ControlsViewModel controls,
                         Executor background, Executor fx, Executor cancels, LongSupplier clock) {
        this.cancels = cancels;
        this.service = service;
        this.controls = controls;
        this.background = background;
        this.fx = fx;
        this.clock = clock;
        this.divergence = new DivergenceViewModel(service, background, fx);
        this.history = new HistoryViewModel(service, background, fx);
        this.lessons = LessonsViewModel.withShippedLessons(controls, background, fx);
        this.ablation = ablations == null ? null
                : new AblationViewModel(ablations, () -> controls.specProperty().get(), background, fx, cancels);
        if (ablation != null) {
            ablation.blockWhile(running::get, "Runs are in progress: cancel them or wait before starting an ablation.");
            ablateWhatTheSettingsPanelShows();
            ablation.runningProperty().addListener((obs, was, now) -> {
                if (now) {
                    status.set("Run is off while the ablation runs: both would share the cores.");
                } else {
                    status.set("The ablation has ended; Run is available again.");
                }
            });
        }
        // a lesson on a script (lesson 10) opens in Script mode on its script; any other lesson leaves it,
        // so Run and the Ablation tab act on what the lesson shows (before, a script lesson ran the hidden model form)
        lessons.currentProperty().addListener((obs, was, now) -> {
            if (now != null) {
                script.show(now.settings());
            }
        });
        lessons.messageProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                status.set(now);
            }
        });
        // one experiment at a time: Run stays off while an ablation runs (the status line says why)
        // in Script mode the script's fields decide, not the model form (issue 24)
        javafx.beans.binding.BooleanBinding formReady = Bindings.createBooleanBinding(
                () -> script.activeProperty().get() ? script.readyProperty().get() : controls.validProperty().get(),
                script.activeProperty(), script.readyProperty(), controls.validProperty());
        this.canRun = ablation == null
                ? Bindings.createBooleanBinding(() -> formReady.get() && !running.get(), formReady, running)
                : Bindings.createBooleanBinding(() -> formReady.get() && !running.get()
                        && !ablation.runningProperty().get(), formReady, running,
                        ablation.runningProperty());
    }

    /**
     * The Ablation tab follows the settings panel: in Script mode it ablates the script, from the Script
     * mode's fields, with the toggles its backend has (issue 24); else the model form's experiment.
     */
    private void ablateWhatTheSettingsPanelShows() {
        ScriptBaseline baseline = new ScriptBaseline(script.problemProperty()::get, script::spec);
        Runnable follow = () -> {
            if (script.activeProperty().get()) {
                ablation.ablateScript(baseline, script.backend());
            } else {
                ablation.ablateModel();
            }
        };
        script.activeProperty().addListener((obs, was, now) -> follow.run());
        script.gpuToggledProperty().addListener((obs, was, now) -> follow.run());
        follow.run();
    }

    /** Starts the form's experiment in the background; does nothing while the form is invalid or runs are live. */
    public void run() {
        if (script.activeProperty().get()) {
            runScript();
            return;
        }
        start(controls.specProperty().get());
    }

    /** Builds the script's experiment in the background (it starts Python to check it), then starts it. */
    private void runScript() {
        if (!script.readyProperty().get() || running.get()) {
            return;
        }
        status.set("Checking " + script.pathProperty().get() + "…");
        BackgroundTask.of(script::spec).onSuccess(this::start)
                .onFailure(e -> status.set("Could not start: " + BackgroundTask.messageOf(e)))
                .executeWith(background, fx);
    }

    private void start(ExperimentSpec spec) {
        if (spec == null || running.get()) {
            return;
        }
        if (ablation != null && ablation.runningProperty().get()) {
            status.set("An ablation is running: cancel it or wait before pressing Run.");
            return;
        }
        running.set(true);
        EventBatcher fresh = new EventBatcher();
        batcher = fresh;
        handle = null;
        runs.reset(List.of());
        curves.reset(List.of());
        divergence.clear("Running " + spec.runs().repeats() + " repeat(s)…");
        status.set("Starting " + spec.name() + "…");
        BackgroundTask.of(() -> service.start(spec, fresh))
                .onSuccess(started -> started(fresh, started))
                .onFailure(e -> {
                    running.set(false);
                    status.set("Could not start: " + BackgroundTask.messageOf(e));
                })
                .executeWith(background, fx);
    }

    private void started(EventBatcher owner, RunningHandle started) {
        if (owner != batcher) {
            started.cancelAll();
            return;
        }
        handle = started;
        runs.addMissing(started.runIds());
        curves.addRuns(started.runIds());
        shownFolder = started.folder();
        status.set("Running, stored in " + started.folder());
    }

    /** Cancels one run; the engine reports it as cancelled in a later batch. */
    public void cancel(String runId) {
        RunningHandle h = handle;
        if (h != null) {
            cancels.execute(() -> h.cancel(runId));
        }
    }

    public void cancelAll() {
        RunningHandle h = handle;
        if (h != null) {
            status.set("Cancelling all runs…");
            cancels.execute(h::cancelAll);
        }
    }

    /**
     * Cancels every run on the calling thread, for when the app closes: the background executor is
     * about to be shut down, so a queued cancel would never run and the worker JVMs would outlive the window.
     */
    public void shutdown() {
        RunningHandle h = handle;
        if (h != null && running.get()) {
            h.detach(); // local workers are cancelled; a cluster's jobs go on and History follows them again
        }
        if (ablation != null) {
            ablation.shutdown();
        }
    }

    /** Applies everything that arrived since the last pulse; called ~10 times a second on the FX thread. */
    public void pulse() {
        runs.applyStatuses(batcher.drainStatuses());
        if (ablation != null) {
            ablation.pulse(clock.getAsLong());
        }
        EventBatcher.Batch batch = batcher.drain();
        if (batch.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        runs.apply(batch.events(), now);
        curves.append(batch.events());
        batchesApplied.set(batchesApplied.get() + 1);
        if (batch.allEnded() != null) {
            ended(batch.allEnded());
        } else if (handle != null && now - lastAnalysis >= LIVE_ANALYSIS_NANOS) {
            lastAnalysis = now;
            RunningHandle h = handle;
            divergence.analyse(h::snapshot);
        }
    }

    private void ended(List<RunHistory> all) {
        running.set(false);
        shownRuns = all;
        runs.markAllEnded();
        divergence.analyse(all);
        history.refresh();
        status.set("Done: " + all.size() + " run(s).");
    }

    /** Shows a stored experiment: its settings in the form, its runs in every tab. */
    public void show(OpenedExperiment opened) {
        if (running.get()) {
            status.set("Cancel or wait for the running experiment before opening another.");
            return;
        }
        controls.load(opened.spec());
        script.show(opened.spec());
        shownRuns = opened.runs();
        runs.showStored(opened.runs());
        curves.showStored(opened.runs());
        divergence.clear("Analysing…");
        divergence.analyse(opened.runs());
        shownFolder = opened.folder();
        status.set("Opened " + opened.folder());
        followIfStillRunning(opened.folder());
    }

    /** A reopened experiment whose Slurm jobs still run: follow them as if just started. */
    private void followIfStillRunning(java.nio.file.Path folder) {
        EventBatcher fresh = new EventBatcher();
        background.execute(() -> {
            try {
                service.follow(folder, fresh).ifPresent(h -> fx.execute(() -> {
                    if (running.get()) {
                        h.detach();
                        return;
                    }
                    running.set(true);
                    batcher = fresh;
                    runs.reset(List.of());
                    curves.reset(List.of());
                    started(fresh, h);
                }));
            } catch (ServiceException | RuntimeException e) {
                fx.execute(() -> status.set("Could not follow its jobs: " + e.getMessage()));
            }
        });
    }

    /** The runs on screen, taken on the caller's thread (a live snapshot while running). */
    public List<RunHistory> currentRuns() {
        RunningHandle h = handle;
        return running.get() && h != null ? h.snapshot() : shownRuns;
    }

    /** The folder of the experiment the tabs show, or null when none was run or opened yet. */
    public java.nio.file.Path shownFolder() {
        return shownFolder;
    }

    /** The "Run on" choice, or null when the window offers none (tests with a fake engine). */
    public reprolab.gui.target.RunTargetViewModel targets() {
        return targets;
    }

    /** Offers the "Run on" choice beside Run; the engine must ask the same view model (see ReproLabApp). */
    public void offerTargets(reprolab.gui.target.RunTargetViewModel choice) {
        this.targets = choice;
    }

    /** The Script mode of the settings panel (issue 24). */
    public reprolab.gui.script.ScriptViewModel script() {
        return script;
    }

    public ControlsViewModel controls() {
        return controls;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public CurvesViewModel curves() {
        return curves;
    }

    public DivergenceViewModel divergence() {
        return divergence;
    }

    public HistoryViewModel history() {
        return history;
    }

    /** The Ablation tab's state, or null when the window has no ablation engine. */
    public AblationViewModel ablation() {
        return ablation;
    }

    public LessonsViewModel lessons() {
        return lessons;
    }

    public ExperimentService service() {
        return service;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** How many batches have reached the view models: one per pulse that had anything to apply. */
    public ReadOnlyIntegerProperty batchesAppliedProperty() {
        return batchesApplied.getReadOnlyProperty();
    }

    /** Shows a message in the status line (errors of exports, file dialogs). */
    public void report(String message) {
        status.set(message);
    }
}
