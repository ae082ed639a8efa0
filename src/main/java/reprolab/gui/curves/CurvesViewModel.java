package reprolab.gui.curves;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import reprolab.events.IterationEvent;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loss and accuracy of every run, raw by default. A view draws {@link #pointCount} points per run and
 * appends the new ones whenever {@link #versionProperty()} changes (once per batch), and rebuilds when
 * {@link #structureVersionProperty()} changes (new runs, smoothing).
 */
public final class CurvesViewModel {

    private final ObservableList<String> runIds = FXCollections.observableArrayList();
    private final Map<String, RunSeries> series = new HashMap<>();
    private final Map<String, BooleanProperty> visible = new HashMap<>();
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper structureVersion = new ReadOnlyIntegerWrapper();
    /** Per metric: min, max, sum and count per iteration over the points folded in so far. */
    private final Map<Metric, TreeMap<Integer, double[]>> bandSums = new EnumMap<>(Metric.class);
    /** Per metric and run: how many of its points are in {@link #bandSums}. */
    private final Map<Metric, Map<String, Integer>> folded = new EnumMap<>(Metric.class);

    /** One iteration of the band over visible runs. */
    public record BandPoint(int iteration, double min, double max, double mean) {
    }

    public CurvesViewModel() {
        smoothing.addListener((obs, was, now) -> {
            series.values().forEach(RunSeries::invalidateSmoothing);
            forgetBand();
            structureVersion.set(structureVersion.get() + 1);
        });
    }

    public void reset(List<String> ids) {
        runIds.setAll(ids);
        series.clear();
        visible.clear();
        forgetBand();
        ids.forEach(this::ensure);
        structureVersion.set(structureVersion.get() + 1);
    }

    /** Adds planned runs that have not reported yet, so each keeps its colour from the start. */
    public void addRuns(List<String> ids) {
        int before = runIds.size();
        ids.forEach(this::ensure);
        if (runIds.size() != before) {
            structureVersion.set(structureVersion.get() + 1);
        }
    }

    /** Replaces the curves with stored runs. */
    public void showStored(List<RunHistory> runs) {
        reset(runs.stream().map(RunHistory::runId).toList());
        for (RunHistory h : runs) {
            h.iterations().forEach(it -> add(series.get(h.runId()), it));
        }
        version.set(version.get() + 1);
    }

    /** Appends one batch's iteration events; listeners hear one change however many points arrived. */
    public void append(Map<String, List<WorkerEvent>> events) {
        boolean any = false;
        for (Map.Entry<String, List<WorkerEvent>> e : events.entrySet()) {
            RunSeries s = ensure(e.getKey());
            for (WorkerEvent event : e.getValue()) {
                if (event instanceof IterationEvent it) {
                    add(s, it);
                    any = true;
                }
            }
        }
        if (any) {
            version.set(version.get() + 1);
        }
    }

    public ObservableList<String> runIds() {
        return runIds;
    }

    public int pointCount(String runId) {
        RunSeries s = series.get(runId);
        return s == null ? 0 : s.size();
    }

    public int iteration(String runId, int i) {
        return series.get(runId).iteration(i);
    }

    /** The displayed value: raw, or smoothed when the smoothing slider is above 0. NaN where none. */
    public double value(String runId, Metric metric, int i) {
        return series.get(runId).value(metric, i, smoothing.get());
    }

    public BooleanProperty visibleProperty(String runId) {
        return visible.computeIfAbsent(runId, id -> {
            BooleanProperty p = new SimpleBooleanProperty(true);
            p.addListener((obs, was, now) -> {
                forgetBand();
                structureVersion.set(structureVersion.get() + 1);
            });
            return p;
        });
    }

    public void toggleVisible(String runId) {
        BooleanProperty p = visibleProperty(runId);
        p.set(!p.get());
    }

    /**
     * Min, max and mean over the visible runs at every iteration any of them reported. Only points that
     * arrived since the last call are folded in (a live run adds a few hundred per pulse to tens of
     * thousands on screen); hiding a run, smoothing or a new experiment starts over.
     */
    public List<BandPoint> band(Metric metric) {
        TreeMap<Integer, double[]> acc = bandSums.computeIfAbsent(metric, m -> new TreeMap<>());
        Map<String, Integer> done = folded.computeIfAbsent(metric, m -> new HashMap<>());
        for (String id : runIds) {
            if (visibleProperty(id).get()) {
                RunSeries s = series.get(id);
                int from = done.getOrDefault(id, 0);
                fold(acc, s, metric, from);
                done.put(id, s.size());
            }
        }
        List<BandPoint> band = new ArrayList<>(acc.size());
        acc.forEach((it, a) -> band.add(new BandPoint(it, a[0], a[1], a[2] / a[3])));
        return band;
    }

    private void fold(TreeMap<Integer, double[]> acc, RunSeries s, Metric metric, int from) {
        for (int i = from; i < s.size(); i++) {
            double v = s.value(metric, i, smoothing.get());
            if (!Double.isNaN(v)) {
                double[] a = acc.computeIfAbsent(s.iteration(i), k -> new double[]{Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0});
                a[0] = Math.min(a[0], v);
                a[1] = Math.max(a[1], v);
                a[2] += v;
                a[3]++;
            }
        }
    }

    private void forgetBand() {
        bandSums.clear();
        folded.clear();
    }

    /** Smoothing weight on the past, 0 (off, the default) to 0.99. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty structureVersionProperty() {
        return structureVersion.getReadOnlyProperty();
    }

    private RunSeries ensure(String runId) {
        RunSeries s = series.get(runId);
        if (s == null) {
            s = new RunSeries();
            series.put(runId, s);
            if (!runIds.contains(runId)) {
                runIds.add(runId);
            }
            visibleProperty(runId);
        }
        return s;
    }

    private static void add(RunSeries s, IterationEvent it) {
        s.add(it.iteration(), nan(it.loss()), nan(it.accuracy()));
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }
}
