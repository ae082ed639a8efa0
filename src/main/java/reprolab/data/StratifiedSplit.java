package reprolab.data;

import java.util.SplittableRandom;

/**
 * A seeded stratified shuffle split. Each class goes to train and validation in proportion to its
 * frequency, sizes are exact (largest-remainder rounding), and which examples of a class go where is
 * a seeded random choice, never by position: the shipped sample stores its labels round-robin and
 * its tail holds only 1s and 7s, so any positional split would be biased.
 */
public final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /**
     * Splits the examples whose labels are given.
     *
     * @param labels         class of each example, in 0..classes-1
     * @param classes        number of classes
     * @param trainSize      exact number of training examples
     * @param validationSize exact number of validation examples
     * @param seed           the run's split seed; the same seed always gives the same split
     * @return disjoint index arrays, each in a seeded random order
     * @throws DataException when the sizes are negative or together exceed the number of examples,
     *                       or a label is outside 0..classes-1
     */
    public static Split split(int[] labels, int classes, int trainSize, int validationSize, long seed)
            throws DataException {
        checkSizes(labels.length, trainSize, validationSize);
        int[][] byClass = indicesByClass(labels, classes);
        int[] sizes = new int[classes];
        for (int c = 0; c < classes; c++) {
            sizes[c] = byClass[c].length;
        }
        int[] trainQuota = Apportion.largestRemainder(sizes, trainSize, sizes);
        int[] room = new int[classes];
        for (int c = 0; c < classes; c++) {
            room[c] = sizes[c] - trainQuota[c];
        }
        int[] validationQuota = Apportion.largestRemainder(sizes, validationSize, room);
        SplittableRandom random = new SplittableRandom(seed);
        int[] train = new int[trainSize];
        int[] validation = new int[validationSize];
        int t = 0;
        int v = 0;
        for (int c = 0; c < classes; c++) {
            int[] members = byClass[c];
            EpochOrder.shuffle(members, random);
            System.arraycopy(members, 0, train, t, trainQuota[c]);
            System.arraycopy(members, trainQuota[c], validation, v, validationQuota[c]);
            t += trainQuota[c];
            v += validationQuota[c];
        }
        // Without this the arrays would be grouped by class; training order must not depend on it.
        EpochOrder.shuffle(train, random);
        EpochOrder.shuffle(validation, random);
        return new Split(train, validation);
    }

    private static void checkSizes(int count, int trainSize, int validationSize) throws DataException {
        if (trainSize < 0 || validationSize < 0) {
            throw new DataException("data.trainSize (" + trainSize + ") and data.validationSize ("
                    + validationSize + ") must not be negative.");
        }
        if ((long) trainSize + validationSize > count) {
            throw new DataException("data.trainSize " + trainSize + " + data.validationSize " + validationSize
                    + " = " + ((long) trainSize + validationSize) + " is more than the " + count
                    + " examples the data set has.");
        }
    }

    private static int[][] indicesByClass(int[] labels, int classes) throws DataException {
        if (classes < 1) {
            throw new DataException("the number of classes must be at least 1, was " + classes + ".");
        }
        int[] counts = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new DataException("label " + labels[i] + " at index " + i + " is outside 0.."
                        + (classes - 1) + ".");
            }
            counts[labels[i]]++;
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        return byClass;
    }
}
