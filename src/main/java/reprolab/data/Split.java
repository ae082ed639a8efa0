package reprolab.data;

/**
 * A train/validation split: indices into an {@link Examples}, disjoint, each array in a seeded
 * random order (never grouped by class). The arrays are shared, not copied; do not modify them.
 *
 * @param train      indices of the training examples
 * @param validation indices of the validation examples
 */
public record Split(int[] train, int[] validation) {

    public Split {
        if (train == null || validation == null) {
            throw new IllegalArgumentException("train and validation indices are required");
        }
    }
}
