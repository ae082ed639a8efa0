package reprolab.analysis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's parameter snapshots: the raw parameters at some iterations, layer by layer. Analysis reads
 * them through this interface so that it stays free of I/O; {@code reprolab.ablation.SnapshotFiles} reads
 * them from a run's {@code .params} file one iteration at a time (a seed-CNN snapshot is 9.6 MB).
 */
public interface ParameterSeries {

    /** The run's id. */
    String runId();

    /** Parameter layer names in forward order. */
    List<String> layers();

    /** The iterations that have a snapshot, ascending. */
    List<Integer> iterations();

    /**
     * The parameters at one of {@link #iterations()}, one array per layer in forward order (float
     * values widen to double exactly).
     *
     * @throws IllegalArgumentException when there is no snapshot of that iteration
     */
    double[][] at(int iteration);

    /** Snapshots held in memory (tests, and small runs). */
    static ParameterSeries inMemory(String runId, List<String> layers, Map<Integer, double[][]> snapshots) {
        TreeMap<Integer, double[][]> sorted = new TreeMap<>(snapshots);
        List<String> names = List.copyOf(layers);
        return new ParameterSeries() {
            @Override
            public String runId() {
                return runId;
            }

            @Override
            public List<String> layers() {
                return names;
            }

            @Override
            public List<Integer> iterations() {
                return List.copyOf(sorted.keySet());
            }

            @Override
            public double[][] at(int iteration) {
                double[][] values = sorted.get(iteration);
                if (values == null) {
                    throw new IllegalArgumentException("run " + runId + " has no snapshot of iteration " + iteration);
                }
                return values;
            }
        };
    }
}
