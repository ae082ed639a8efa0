package reprolab.analysis;

import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Bitwise comparison of two runs from their fingerprints. */
final class PairDiff {

    /** Layer index of a difference seen only in the whole-model hash: after every real layer. */
    static final int MODEL_INDEX = Integer.MAX_VALUE;
    private static final int SAME = -1;

    /** Earliest iteration first, then the first layer in forward order. */
    static final Comparator<Result> EARLIEST = Comparator
            .comparingInt((Result r) -> r.divergence().iteration())
            .thenComparingInt(Result::layerIndex);

    /**
     * @param identical  see {@link PairComparison#identical()}
     * @param divergence first difference, or null
     * @param layerIndex forward-order index of the divergent layer ({@link #MODEL_INDEX} for "model")
     */
    record Result(boolean identical, Divergence divergence, int layerIndex) {
    }

    private PairDiff() {
    }

    /**
     * Walks the iterations both runs reported, in order, and stops at the first whose fingerprints
     * differ. When none differs, the runs are identical only if both finished with the same final hash:
     * agreeing over a common prefix says nothing about what an unfinished run would have done.
     */
    static Result compare(RunHistory a, RunHistory b, List<String> layerNames) {
        Map<Integer, IterationEvent> other = index(b);
        for (IterationEvent ea : sorted(a)) {
            IterationEvent eb = other.get(ea.iteration());
            if (eb == null) {
                continue;
            }
            int layer = firstDifferingLayer(ea, eb);
            if (layer != SAME) {
                return new Result(false, new Divergence(ea.iteration(), layerName(ea, eb, layer, layerNames)), layer);
            }
        }
        boolean bothFinished = a.status() == RunStatus.FINISHED && b.status() == RunStatus.FINISHED;
        if (!bothFinished) {
            return new Result(false, null, SAME);
        }
        if (!Objects.equals(a.finished().finalHash(), b.finished().finalHash())) {
            // Only the final model differs, e.g. restore-best-weights picked different epochs.
            int last = Math.max(a.finished().iterations(), b.finished().iterations());
            return new Result(false, new Divergence(last, Divergence.MODEL), MODEL_INDEX);
        }
        return new Result(true, null, SAME);
    }

    static Map<Integer, IterationEvent> index(RunHistory run) {
        Map<Integer, IterationEvent> byIteration = new HashMap<>();
        for (IterationEvent e : run.iterations()) {
            byIteration.putIfAbsent(e.iteration(), e);
        }
        return byIteration;
    }

    private static List<IterationEvent> sorted(RunHistory run) {
        List<IterationEvent> events = new ArrayList<>(run.iterations());
        events.sort(Comparator.comparingInt(IterationEvent::iteration));
        return events;
    }

    /** Index of the first layer (forward order) whose hash or name differs, MODEL_INDEX, or SAME. */
    private static int firstDifferingLayer(IterationEvent a, IterationEvent b) {
        List<LayerFingerprint> la = layers(a);
        List<LayerFingerprint> lb = layers(b);
        int n = Math.max(la.size(), lb.size());
        for (int i = 0; i < n; i++) {
            if (i >= la.size() || i >= lb.size()) {
                return i;
            }
            LayerFingerprint fa = la.get(i);
            LayerFingerprint fb = lb.get(i);
            if (!Objects.equals(fa.hash(), fb.hash()) || !Objects.equals(fa.layer(), fb.layer())) {
                return i;
            }
        }
        return Objects.equals(a.modelHash(), b.modelHash()) ? SAME : MODEL_INDEX;
    }

    private static List<LayerFingerprint> layers(IterationEvent e) {
        return e.layers() == null ? List.of() : e.layers();
    }

    private static String layerName(IterationEvent a, IterationEvent b, int index, List<String> names) {
        if (index == MODEL_INDEX) {
            return Divergence.MODEL;
        }
        for (IterationEvent e : List.of(a, b)) {
            List<LayerFingerprint> layers = layers(e);
            if (index < layers.size() && layers.get(index).layer() != null) {
                return layers.get(index).layer();
            }
        }
        return index < names.size() ? names.get(index) : "layer " + index;
    }
}
