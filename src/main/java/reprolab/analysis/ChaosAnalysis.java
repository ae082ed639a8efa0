package reprolab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "How long until a 1e-8 difference is as large as a new seed?" For each group of an ablation, the
 * distance between its runs' parameters over iterations ({@link GapSeries}) is compared with the
 * seed-level gap: at each iteration, the smallest such distance among the seed groups (weight init,
 * dropout, shuffle, split seed drawn fresh per run), i.e. the least a new seed moves a model. A group's
 * time to chaos is the first snapshot iteration at which its distance is at least that; the same is
 * done per layer. The snapshots come every K updates, so the time is known to within K.
 */
public final class ChaosAnalysis {

    private ChaosAnalysis() {
    }

    /**
     * The runs of one group with their snapshots.
     *
     * @param factor the group's factor name
     * @param runs   the runs that have snapshots
     */
    public record Group(String factor, List<ParameterSeries> runs) {
        public Group {
            runs = List.copyOf(runs);
        }
    }

    /**
     * Analyses every group with at least two runs with snapshots; null when there is none (the runs
     * wrote no snapshots: {@code runs.snapshotEvery} was 0, or the files predate them).
     *
     * @param seedFactors the factor names of the seed groups, the reference
     */
    public static ChaosReport analyse(List<Group> groups, Set<String> seedFactors) {
        List<GapSeries> gaps = new ArrayList<>();
        for (Group group : groups) {
            GapSeries gap = GapSeries.measure(group.factor(), group.runs());
            if (gap != null) {
                gaps.add(gap);
            }
        }
        if (gaps.isEmpty()) {
            return null;
        }
        List<GapSeries> seeds = gaps.stream().filter(g -> seedFactors.contains(g.factor())).toList();
        List<ChaosResult> results = new ArrayList<>();
        for (GapSeries gap : gaps) {
            results.add(result(gap, seeds, seedFactors));
        }
        return new ChaosReport(seeds.stream().map(GapSeries::factor).toList(), results, summary(results, seeds));
    }

    private static ChaosResult result(GapSeries gap, List<GapSeries> seeds, Set<String> seedFactors) {
        String role = AblationAnalysis.isBaseline(gap.factor()) ? ChaosResult.BASELINE
                : seedFactors.contains(gap.factor()) ? ChaosResult.SEED : ChaosResult.FACTOR;
        boolean timed = !ChaosResult.SEED.equals(role);
        Crossing model = Crossing.of(gap, seeds, -1, timed);
        List<ChaosResult.Layer> layers = new ArrayList<>();
        for (int l = 0; l < gap.layers().size(); l++) {
            Crossing c = Crossing.of(gap, seeds, l, timed);
            layers.add(new ChaosResult.Layer(gap.layers().get(l), c.reachedAt, c.gap(), c.seedGap(), c.ratio()));
        }
        List<ChaosResult.Point> series = new ArrayList<>();
        for (int t = 0; t < gap.iterations().size(); t++) {
            int iteration = gap.iterations().get(t);
            double seedGap = reference(seeds, iteration, -1).value;
            series.add(new ChaosResult.Point(iteration, gap.model()[t], Double.isNaN(seedGap) ? null : seedGap));
        }
        int first = gap.firstDiffering();
        return new ChaosResult(gap.factor(), role, model.reachedAt, model.endIteration, model.gap(), model.seedGap(),
                model.ratio(), model.endReference, first < 0 ? null : gap.iterations().get(first),
                first < 0 ? 0.0 : gap.model()[first], layers, series);
    }

    /** The smallest seed-group distance at an iteration (layer -1: the model), NaN when none has it. */
    static Reference reference(List<GapSeries> seeds, int iteration, int layer) {
        Reference best = new Reference(Double.NaN, null);
        for (GapSeries seed : seeds) {
            int t = seed.indexOf(iteration);
            if (t >= 0) {
                double v = layer < 0 ? seed.model()[t] : seed.layer()[layer][t];
                if (Double.isNaN(best.value) || v < best.value) {
                    best = new Reference(v, seed.factor());
                }
            }
        }
        return best;
    }

    record Reference(double value, String factor) {
    }

    /** Where one distance series first reaches the seed-level one, and how they stand at the end. */
    private static final class Crossing {
        Integer reachedAt;
        int endIteration = -1;
        double endGap = Double.NaN;
        double endSeedGap = Double.NaN;
        String endReference;

        static Crossing of(GapSeries gap, List<GapSeries> seeds, int layer, boolean timed) {
            Crossing c = new Crossing();
            boolean comparable = layer < 0 || seeds.stream().allMatch(s -> s.layers().equals(gap.layers()));
            for (int t = 0; t < gap.iterations().size() && comparable; t++) {
                int iteration = gap.iterations().get(t);
                Reference ref = reference(seeds, iteration, layer);
                if (Double.isNaN(ref.value)) {
                    continue;
                }
                double value = layer < 0 ? gap.model()[t] : gap.layer()[layer][t];
                if (timed && c.reachedAt == null && iteration > 0 && ref.value > 0 && value >= ref.value) {
                    c.reachedAt = iteration;
                }
                c.endIteration = iteration;
                c.endGap = value;
                c.endSeedGap = ref.value;
                c.endReference = ref.factor;
            }
            return c;
        }

        Double ratio() {
            return endSeedGap > 0 ? endGap / endSeedGap : null;
        }

        Double gap() {
            return Double.isNaN(endGap) ? null : endGap;
        }

        Double seedGap() {
            return Double.isNaN(endSeedGap) ? null : endSeedGap;
        }
    }

    private static String summary(List<ChaosResult> results, List<GapSeries> seeds) {
        if (seeds.isEmpty()) {
            return "No seed group has parameter snapshots, so there is no seed-level gap to compare with; "
                    + "add a seed factor (e.g. --factors shuffle,...) to measure the time to chaos.";
        }
        List<String> parts = new ArrayList<>();
        for (ChaosResult r : results) {
            if (ChaosResult.FACTOR.equals(r.role())) {
                parts.add(r.factor() + (r.reachedAt() != null ? " reached it at iteration " + r.reachedAt()
                        : String.format(Locale.ROOT, " had not reached it by iteration %d (%.3g of it)",
                        r.endIteration(), r.endRatio())));
            }
        }
        return "Time to chaos: the first iteration at which the distance between a factor's runs' parameters is "
                + "at least the seed-level gap (the smallest distance between runs with different seeds, here "
                + String.join(", ", seeds.stream().map(GapSeries::factor).toList()) + ")"
                + (parts.isEmpty() ? "." : ": " + String.join("; ", parts) + ".");
    }
}
