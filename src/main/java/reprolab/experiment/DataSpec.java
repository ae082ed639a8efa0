package reprolab.experiment;

/**
 * Which images train and validate the model.
 *
 * @param source         the shipped sample, an IDX pair given by path, or synthetic noise
 * @param imagesPath     IDX3 images file (raw or .gz); only for {@link DataSource#IDX}
 * @param labelsPath     IDX1 labels file (raw or .gz); only for {@link DataSource#IDX}
 * @param trainSize      number of training examples taken by the stratified split
 * @param validationSize number of validation examples taken by the stratified split
 */
public record DataSpec(DataSource source, String imagesPath, String labelsPath, int trainSize, int validationSize) {

    public static DataSpec defaults() {
        return new DataSpec(DataSource.MNIST_SAMPLE, null, null, 8000, 2000);
    }
}
