package reprolab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How far apart the runs of a plain experiment are over training, from their parameter snapshots
 * ({@code runs.snapshotEvery}), for a terminal: a short table of the whole-model distance at a dozen
 * of the snapshot iterations (the first, the first that differs, the last, and evenly between), then
 * each layer's distance at the end.
 */
public final class GapText {

    /** Rows of the table at most: enough to see the growth, few enough to read. */
    static final int ROWS = 12;

    private GapText() {
    }

    public static String render(GapSeries gap) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        int last = gap.iterations().size() - 1;
        int first = gap.firstDiffering();
        out.append(String.format(Locale.ROOT, "parameter distance between runs (L2 over all parameters, mean over "
                + "the pairs that differ; %d runs, %d pairs, %d snapshots):", runs(gap.pairs()), gap.pairs(),
                gap.iterations().size())).append(nl);
        if (first < 0) {
            return out.append("  identical at every snapshot, up to iteration ").append(gap.iterations().get(last))
                    .append(" (distance 0)").toString();
        }
        out.append(String.format(Locale.ROOT, "  %9s  %12s  %s", "iteration", "distance", "pairs differing")).append(nl);
        for (int t : rows(gap.iterations().size(), first)) {
            out.append(String.format(Locale.ROOT, "  %9d  %12s  %d of %d", gap.iterations().get(t), num(gap.model()[t]),
                    gap.differing()[t], gap.pairs())).append(nl);
        }
        List<String> layers = new ArrayList<>();
        for (int l = 0; l < gap.layers().size(); l++) {
            layers.add(gap.layers().get(l) + " " + num(gap.layer()[l][last]));
        }
        out.append("  per layer at iteration ").append(gap.iterations().get(last)).append(": ")
                .append(String.join(", ", layers)).append(nl);
        double start = gap.model()[first];
        out.append(String.format(Locale.ROOT, "  first apart at iteration %d (%s); %s at iteration %d, %sx that",
                gap.iterations().get(first), num(start), num(gap.model()[last]), gap.iterations().get(last),
                num(gap.model()[last] / start)));
        return out.toString();
    }

    /** Snapshot indices shown: the first, the first differing, the last, and evenly spaced ones. */
    static List<Integer> rows(int snapshots, int firstDiffering) {
        TreeSet<Integer> shown = new TreeSet<>();
        shown.add(0);
        shown.add(firstDiffering);
        shown.add(snapshots - 1);
        int between = ROWS - shown.size();
        for (int k = 1; k <= between && snapshots > shown.size(); k++) {
            shown.add((int) Math.round((double) k * (snapshots - 1) / (between + 1)));
        }
        return new ArrayList<>(shown);
    }

    /** Runs from the number of pairs, n(n-1)/2. */
    private static int runs(int pairs) {
        return (int) Math.round((1 + Math.sqrt(1 + 8.0 * pairs)) / 2);
    }

    private static String num(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }
}
