package reprolab.data;

import java.util.Arrays;

/**
 * Normalised examples, ready to be turned into tensors.
 *
 * <p>The arrays are shared, not copied (full MNIST is 188 MB of floats): treat them as read-only.
 * Equality compares the contents.
 *
 * @param count    number of examples
 * @param rows     image height in pixels
 * @param cols     image width in pixels
 * @param classes  number of classes; labels are {@code 0..classes-1}
 * @param features {@code count*rows*cols} floats, row-major per image, images one after another
 * @param labels   {@code count} class indices
 */
public record Examples(int count, int rows, int cols, int classes, float[] features, int[] labels) {

    public Examples {
        if (count < 0 || rows < 1 || cols < 1 || classes < 1) {
            throw new IllegalArgumentException("bad shape: count " + count + ", rows " + rows
                    + ", cols " + cols + ", classes " + classes);
        }
        if (features == null || (long) count * rows * cols != features.length) {
            throw new IllegalArgumentException("features must hold count*rows*cols = "
                    + (long) count * rows * cols + " floats");
        }
        if (labels == null || labels.length != count) {
            throw new IllegalArgumentException("labels must hold count = " + count + " values");
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
    }

    /** Pixels in one image: {@code rows * cols}. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** How many examples each class has, indexed by class. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The examples at the given indices, in that order (copied).
     *
     * @throws IndexOutOfBoundsException when an index is outside {@code 0..count-1}
     */
    public Examples select(int[] indices) {
        int pixels = pixelsPerImage();
        float[] selectedFeatures = new float[Math.multiplyExact(indices.length, pixels)];
        int[] selectedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int source = java.util.Objects.checkIndex(indices[i], count);
            System.arraycopy(features, source * pixels, selectedFeatures, i * pixels, pixels);
            selectedLabels[i] = labels[source];
        }
        return new Examples(indices.length, rows, cols, classes, selectedFeatures, selectedLabels);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Examples that
                && count == that.count && rows == that.rows && cols == that.cols
                && classes == that.classes
                && Arrays.equals(features, that.features) && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(features) + Arrays.hashCode(labels)) + count;
    }

    @Override
    public String toString() {
        return "Examples[" + count + " x " + rows + "x" + cols + ", " + classes + " classes]";
    }
}
