package reprolab.gui.ablation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import reprolab.analysis.AblationReport;
import reprolab.analysis.FactorResult;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.ServiceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Ablation tab: which factors vary, how many repeats per group, Run and Cancel, and the report
 * (one row per factor, the spread of final accuracy for the bar chart, the verdict). The baseline is
 * the form's current experiment.
 */
public final class AblationViewModel {

    /** Seeds only by default: the question most users have first is which seed they forgot. */
    private static final List<String> DEFAULT_FACTORS = List.of("weightInit", "dropout", "shuffle", "split");

    private final AblationService service;
    private final Supplier<ExperimentSpec> baseline;
    private final Executor background;
    private final Executor fx;
    private final Map<String, BooleanProperty> factors = new LinkedHashMap<>();
    private final StringProperty repeats = new SimpleStringProperty("3");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose factors and press Run ablation.");
    private final ReadOnlyObjectWrapper<AblationReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FactorResult> rows = FXCollections.observableArrayList();
    private AblationService.Handle handle;

    /** @param baseline the experiment to ablate (the form's spec), null while the form is invalid */
    public AblationViewModel(AblationService service, Supplier<ExperimentSpec> baseline, Executor background,
                             Executor fx) {
        this.service = service;
        this.baseline = baseline;
        this.background = background;
        this.fx = fx;
        service.factors().forEach(f -> factors.put(f, new SimpleBooleanProperty(DEFAULT_FACTORS.contains(f))));
    }

    /** Factor name to whether it is in the next ablation, in report order. */
    public Map<String, BooleanProperty> factors() {
        return factors;
    }

    /** Selects exactly these factors (a lesson's). */
    public void select(List<String> names) {
        factors.forEach((name, on) -> on.set(names.contains(name)));
    }

    public StringProperty repeatsProperty() {
        return repeats;
    }

    /** Starts the ablation in the background; refuses with a message when the input is not runnable. */
    public void run() {
        ExperimentSpec spec = baseline.get();
        List<String> chosen = factors.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                .toList();
        Integer r = parseRepeats();
        String problem = spec == null ? "Fix the settings marked in red first: they are the baseline."
                : chosen.isEmpty() ? "Choose at least one factor."
                : r == null ? "Repeats must be a whole number from 2 to 100." : null;
        if (running.get() || problem != null) {
            if (problem != null) {
                status.set(problem);
            }
            return;
        }
        running.set(true);
        report.set(null);
        rows.clear();
        status.set("Starting " + (chosen.size() + 1) + " groups of " + r + " runs…");
        background.execute(() -> start(spec, r, chosen));
    }

    private void start(ExperimentSpec spec, int r, List<String> chosen) {
        try {
            AblationService.Handle h = service.start(spec, r, chosen);
            fx.execute(() -> {
                handle = h;
                status.set("Running " + h.runCount() + " runs, stored in " + h.folder());
            });
            h.completion().thenAccept(result -> fx.execute(() -> finished(result)));
        } catch (ServiceException | RuntimeException e) {
            fx.execute(() -> {
                running.set(false);
                status.set("Could not start: " + e.getMessage());
            });
        }
    }

    private void finished(AblationReport result) {
        running.set(false);
        handle = null;
        report.set(result);
        rows.setAll(result.factors());
        status.set("Done.");
    }

    public void cancelAll() {
        AblationService.Handle h = handle;
        if (h != null) {
            status.set("Cancelling the ablation…");
            background.execute(h::cancelAll);
        }
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
