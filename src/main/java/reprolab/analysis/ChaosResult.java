package reprolab.analysis;

import java.util.List;

/**
 * One group's "time to chaos": when the distance between its runs' parameters reaches the seed-level
 * gap (the smallest distance between runs of a seed group at the same iteration).
 *
 * @param factor            the group
 * @param role              {@code baseline}, {@code seed} (a reference group) or {@code factor}
 * @param reachedAt         first snapshot iteration at which the group's model distance is at least the
 *                          seed-level gap, or null when it never is (always null for a seed group)
 * @param endIteration      the last snapshot iteration the group shares with a seed group (-1 if none)
 * @param endGap            the group's model distance there (null without a seed group)
 * @param endSeedGap        the seed-level gap there (null without a seed group)
 * @param endRatio          endGap / endSeedGap (null when the seed-level gap is 0 or unknown)
 * @param endReference      which seed group had the smallest distance at the end
 * @param firstIteration    the first snapshot iteration at which the runs differ, or null
 * @param firstGap          the model distance there (0 when they never differ)
 * @param layers            the same per parameter layer
 * @param series            the group's and the seed-level distance at every compared iteration
 */
public record ChaosResult(String factor, String role, Integer reachedAt, int endIteration, Double endGap,
                          Double endSeedGap, Double endRatio, String endReference, Integer firstIteration,
                          double firstGap, List<Layer> layers, List<Point> series) {

    public static final String BASELINE = "baseline";
    public static final String SEED = "seed";
    public static final String FACTOR = "factor";

    public ChaosResult {
        layers = List.copyOf(layers);
        series = List.copyOf(series);
    }

    /**
     * One layer's time to chaos, against the seed-level gap of the same layer.
     *
     * @param layer      layer name
     * @param reachedAt  first iteration at which the layer's distance reaches the seed-level one, or null
     * @param endGap     the layer's distance at the end
     * @param endSeedGap the seed-level distance of the layer at the end
     * @param endRatio   endGap / endSeedGap (null when that is 0)
     */
    public record Layer(String layer, Integer reachedAt, Double endGap, Double endSeedGap, Double endRatio) {
    }

    /**
     * The distances at one iteration.
     *
     * @param iteration the snapshot's iteration
     * @param gap       the group's model distance
     * @param seedGap   the seed-level model distance (null when no seed group has this iteration)
     */
    public record Point(int iteration, double gap, Double seedGap) {
    }
}
