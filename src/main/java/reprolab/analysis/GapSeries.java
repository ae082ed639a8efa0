package reprolab.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * How far apart the runs of one group are over training: at each iteration that every run has a
 * snapshot of, the mean L2 distance over the pairs of runs whose parameters differ there (0 when all
 * are identical). Pairs that are bitwise identical are left out so that a group whose runs alternate
 * two settings (1 and 4 threads) measures the distance the setting makes, not half of it.
 *
 * @param factor     the group
 * @param layers     parameter layer names in forward order
 * @param iterations the common snapshot iterations, ascending
 * @param model      whole-model distance per iteration
 * @param layer      {@code layer[l][t]}: distance of layer l per iteration, over the same pairs
 * @param differing  per iteration, how many pairs differ
 * @param pairs      pairs of runs compared
 */
public record GapSeries(String factor, List<String> layers, List<Integer> iterations, double[] model,
                        double[][] layer, int[] differing, int pairs) {

    /**
     * Measures a group, or returns null when it has fewer than two runs with snapshots of the same
     * layers. Runs whose layers differ from the first run's are left out.
     */
    public static GapSeries measure(String factor, List<ParameterSeries> runs) {
        List<ParameterSeries> usable = new ArrayList<>();
        for (ParameterSeries run : runs) {
            if (!run.iterations().isEmpty() && (usable.isEmpty() || usable.get(0).layers().equals(run.layers()))) {
                usable.add(run);
            }
        }
        if (usable.size() < 2) {
            return null;
        }
        List<Integer> common = commonIterations(usable);
        int layerCount = usable.get(0).layers().size();
        double[] model = new double[common.size()];
        double[][] layer = new double[layerCount][common.size()];
        int[] differing = new int[common.size()];
        for (int t = 0; t < common.size(); t++) {
            double[] mean = meanOverDifferingPairs(usable, common.get(t), layerCount);
            differing[t] = (int) mean[layerCount + 1];
            model[t] = mean[layerCount];
            for (int l = 0; l < layerCount; l++) {
                layer[l][t] = mean[l];
            }
        }
        int n = usable.size();
        return new GapSeries(factor, usable.get(0).layers(), common, model, layer, differing, n * (n - 1) / 2);
    }

    /** Index (in {@link #iterations()}) of the first snapshot at which some pair of runs differs, or -1. */
    public int firstDiffering() {
        for (int t = 0; t < differing.length; t++) {
            if (differing[t] > 0) {
                return t;
            }
        }
        return -1;
    }

    /** Index of an iteration in {@link #iterations()}, or -1. */
    public int indexOf(int iteration) {
        return iterations.indexOf(iteration);
    }

    private static List<Integer> commonIterations(List<ParameterSeries> runs) {
        List<Integer> common = new ArrayList<>(runs.get(0).iterations());
        for (ParameterSeries run : runs.subList(1, runs.size())) {
            common.retainAll(run.iterations());
        }
        return common;
    }

    /** {@code [mean d(layer 0..n-1), mean d(model), differing pairs]} at one iteration. */
    private static double[] meanOverDifferingPairs(List<ParameterSeries> runs, int iteration, int layerCount) {
        List<double[][]> values = new ArrayList<>();
        for (ParameterSeries run : runs) {
            values.add(run.at(iteration));
        }
        double[] sum = new double[layerCount + 2];
        for (int i = 0; i < values.size(); i++) {
            for (int j = i + 1; j < values.size(); j++) {
                double[] d = ParameterDistance.perLayerAndModel(values.get(i), values.get(j));
                if (d[layerCount] > 0) {
                    for (int k = 0; k <= layerCount; k++) {
                        sum[k] += d[k];
                    }
                    sum[layerCount + 1]++;
                }
            }
        }
        double count = sum[layerCount + 1];
        for (int k = 0; k <= layerCount && count > 0; k++) {
            sum[k] /= count;
        }
        return sum;
    }
}
