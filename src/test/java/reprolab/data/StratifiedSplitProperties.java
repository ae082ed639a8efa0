package reprolab.data;

import java.util.Arrays;
import java.util.BitSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The split's guarantees for arbitrary label sets and sizes. */
class StratifiedSplitProperties {

    @Property(tries = 300)
    boolean sizesAreExactDisjointAndEachClassWithinOneOfItsShare(
            @ForAll @Size(min = 1, max = 300) int[] rawLabels, @ForAll @IntRange(min = 1, max = 12) int classes,
            @ForAll @IntRange(min = 0, max = 100) int trainPercent, @ForAll @IntRange(min = 0, max = 100) int validationPercent,
            @ForAll long seed) throws DataException {
        int[] labels = Arrays.stream(rawLabels).map(l -> Math.floorMod(l, classes)).toArray();
        int trainSize = labels.length * trainPercent / 100;
        int validationSize = (labels.length - trainSize) * validationPercent / 100;
        Split split = StratifiedSplit.split(labels, classes, trainSize, validationSize, seed);
        return split.train().length == trainSize && split.validation().length == validationSize
                && disjoint(split, labels.length)
                && proportional(split.train(), labels, classes, trainSize)
                && proportional(split.validation(), labels, classes, validationSize);
    }

    private static boolean disjoint(Split split, int count) {
        BitSet seen = new BitSet(count);
        for (int i : StratifiedSplitTest.concat(split.train(), split.validation())) {
            if (i < 0 || i >= count || seen.get(i)) {
                return false;
            }
            seen.set(i);
        }
        return true;
    }

    private static boolean proportional(int[] indices, int[] labels, int classes, int size) {
        int[] counts = new int[classes];
        int[] population = new int[classes];
        for (int i : indices) {
            counts[labels[i]]++;
        }
        for (int label : labels) {
            population[label]++;
        }
        for (int c = 0; c < classes; c++) {
            if (Math.abs(counts[c] - (double) size * population[c] / labels.length) > 1 + 1e-9) {
                return false;
            }
        }
        return true;
    }
}
