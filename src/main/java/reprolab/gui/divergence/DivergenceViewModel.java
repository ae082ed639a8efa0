package reprolab.gui.divergence;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import reprolab.analysis.LayerStrip;
import reprolab.events.RunHistory;
import reprolab.gui.BackgroundTask;
import reprolab.gui.AnalysisResult;
import reprolab.gui.ExperimentService;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Divergence tab's state. Analysis runs on the background executor; its result is posted to the
 * FX thread. While one analysis runs, newer requests collapse into a single follow-up with the latest
 * runs, so a live experiment never queues up stale work.
 */
public final class DivergenceViewModel {

    private final ExperimentService service;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("No runs yet: press Run.");
    private final ReadOnlyObjectWrapper<AnalysisResult> result = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<LayerStrip> strip = new SimpleObjectProperty<>(LayerStrip.empty());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Supplier<List<RunHistory>> pending;
    private int generation;

    public DivergenceViewModel(ExperimentService service, Executor background, Executor fx) {
        this.service = service;
        this.background = background;
        this.fx = fx;
    }

    /** Asks for an analysis of these runs; call on the FX thread. */
    public void analyse(List<RunHistory> runs) {
        analyse(() -> runs);
    }

    /**
     * Asks for an analysis of the runs the supplier gives; the supplier is called on the background
     * thread, so taking a snapshot of a live experiment costs the FX thread nothing.
     */
    public void analyse(Supplier<List<RunHistory>> runs) {
        if (busy.get()) {
            pending = runs;
            return;
        }
        busy.set(true);
        int asked = generation;
        BackgroundTask.of(() -> {
            List<RunHistory> snapshot = runs.get();
            return new Analysed(service.analyse(snapshot), LayerStrip.of(snapshot));
        }).onSuccess(done -> finish(asked, done.result(), done.strip()))
                .onFailure(e -> finish(asked, AnalysisResult.empty("Analysis failed: " + BackgroundTask.messageOf(e)),
                        LayerStrip.empty()))
                .executeWith(background, fx);
    }

    /** What one background analysis hands back to the FX thread. */
    private record Analysed(AnalysisResult result, LayerStrip strip) {
    }

    /** Forgets the shown analysis (a new experiment starts); late results of old runs are dropped. */
    public void clear(String message) {
        generation++;
        pending = null;
        result.set(null);
        strip.set(LayerStrip.empty());
        verdict.set(message);
    }

    private void finish(int asked, AnalysisResult r, LayerStrip s) {
        busy.set(false);
        if (asked == generation) {
            result.set(r);
            strip.set(s);
            verdict.set(r.verdict());
        }
        if (pending != null) {
            Supplier<List<RunHistory>> next = pending;
            pending = null;
            analyse(next);
        }
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AnalysisResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObjectProperty<LayerStrip> stripProperty() {
        return strip;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
