package reprolab.analysis;

import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.RunHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Per-iteration figures across runs: spreads, the growth of the gap, the loss tolerance test. */
final class Series {

    /** For every iteration any run reported, that iteration's event from each run that reported it. */
    private final TreeMap<Integer, List<IterationEvent>> byIteration = new TreeMap<>();

    Series(List<RunHistory> runs) {
        for (RunHistory run : runs) {
            for (IterationEvent e : PairDiff.index(run).values()) {
                byIteration.computeIfAbsent(e.iteration(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    List<IterationSpread> lossSpread() {
        return spread(IterationEvent::loss);
    }

    List<IterationSpread> accuracySpread() {
        return spread(IterationEvent::accuracy);
    }

    /** Spread at every iteration where at least one run has a finite value (iteration 0 has none). */
    private List<IterationSpread> spread(Function<IterationEvent, Double> value) {
        List<IterationSpread> out = new ArrayList<>();
        for (Map.Entry<Integer, List<IterationEvent>> entry : byIteration.entrySet()) {
            Stats s = Stats.of(entry.getValue().stream().map(value).toList());
            if (s != null) {
                out.add(new IterationSpread(entry.getKey(), s.n(), s.min(), s.max(), s.mean(), s.std()));
            }
        }
        return out;
    }

    /** One point per reported iteration. */
    List<GapPoint> gap() {
        List<GapPoint> out = new ArrayList<>();
        for (Map.Entry<Integer, List<IterationEvent>> entry : byIteration.entrySet()) {
            Stats loss = Stats.of(entry.getValue().stream().map(IterationEvent::loss).toList());
            Stats norm = Stats.of(entry.getValue().stream().map(Series::modelNorm).toList());
            double lossDelta = loss == null ? 0.0 : loss.max() - loss.min();
            double normSpread = norm == null ? 0.0 : norm.max() - norm.min();
            out.add(new GapPoint(entry.getKey(), lossDelta, normSpread));
        }
        return out;
    }

    /**
     * The first iteration where two runs' losses differ by more than {@code tolerance}, or where one
     * run's loss is NaN/infinite and another's is finite (NaN differs from every number).
     */
    Integer firstLossDivergence(double tolerance) {
        for (Map.Entry<Integer, List<IterationEvent>> entry : byIteration.entrySet()) {
            int finite = 0;
            int nonFinite = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (IterationEvent e : entry.getValue()) {
                if (e.loss() == null) {
                    continue;
                }
                if (Double.isFinite(e.loss())) {
                    finite++;
                    min = Math.min(min, e.loss());
                    max = Math.max(max, e.loss());
                } else {
                    nonFinite++;
                }
            }
            if ((finite >= 2 && max - min > tolerance) || (finite > 0 && nonFinite > 0)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Whole-model L2 norm: the layers' parameters together, sqrt of the sum of squared layer norms. */
    static Double modelNorm(IterationEvent e) {
        if (e.layers() == null || e.layers().isEmpty()) {
            return null;
        }
        double sum = 0;
        for (LayerFingerprint layer : e.layers()) {
            sum += layer.norm() * layer.norm();
        }
        return Math.sqrt(sum);
    }

    /** The first iteration at which the run's loss was NaN or infinite, or null. */
    static Integer firstNonFiniteLoss(RunHistory run) {
        for (IterationEvent e : run.iterations()) {
            if (e.loss() != null && !Double.isFinite(e.loss())) {
                return e.iteration();
            }
        }
        return null;
    }
}
