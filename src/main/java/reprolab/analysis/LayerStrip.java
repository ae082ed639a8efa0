package reprolab.analysis;

import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.RunHistory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which layer's fingerprints differ between runs at which iteration: the data of the layers x
 * iterations strip. Built from the runs' histories (off the FX thread in the app); immutable.
 */
public final class LayerStrip {

    private final List<String> layers;
    private final int[] iterations;
    private final boolean[][] differs;

    private LayerStrip(List<String> layers, int[] iterations, boolean[][] differs) {
        this.layers = layers;
        this.iterations = iterations;
        this.differs = differs;
    }

    public static LayerStrip empty() {
        return new LayerStrip(List.of(), new int[0], new boolean[0][0]);
    }

    /** Compares the runs iteration by iteration, up to the shortest run's length. */
    public static LayerStrip of(List<RunHistory> runs) {
        List<RunHistory> withData = runs.stream().filter(r -> !r.iterations().isEmpty()).toList();
        if (withData.size() < 2) {
            return empty();
        }
        List<String> layers = withData.get(0).iterations().get(0).layers().stream().map(LayerFingerprint::layer).toList();
        int n = withData.stream().mapToInt(r -> r.iterations().size()).min().orElse(0);
        int[] iterations = new int[n];
        boolean[][] differs = new boolean[layers.size()][n];
        for (int i = 0; i < n; i++) {
            iterations[i] = withData.get(0).iterations().get(i).iteration();
            for (int l = 0; l < layers.size(); l++) {
                differs[l][i] = hashes(withData, i, l).size() > 1;
            }
        }
        return new LayerStrip(List.copyOf(layers), iterations, differs);
    }

    private static Set<String> hashes(List<RunHistory> runs, int index, int layer) {
        Set<String> seen = new HashSet<>();
        for (RunHistory r : runs) {
            IterationEvent it = r.iterations().get(index);
            seen.add(layer < it.layers().size() ? it.layers().get(layer).hash() : "missing");
        }
        return seen;
    }

    public List<String> layers() {
        return layers;
    }

    public int length() {
        return iterations.length;
    }

    public int iteration(int index) {
        return iterations[index];
    }

    public boolean differs(int layer, int index) {
        return differs[layer][index];
    }

    /** The first iteration at which this layer differs, or -1 when it never does. */
    public int firstDiffering(int layer) {
        for (int i = 0; i < iterations.length; i++) {
            if (differs[layer][i]) {
                return iterations[i];
            }
        }
        return -1;
    }

    /** Layer names with the iteration they first differ at, for a text summary. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            int first = firstDiffering(l);
            lines.add(layers.get(l) + ": " + (first < 0 ? "identical" : "differs from iteration " + first));
        }
        return lines;
    }
}
