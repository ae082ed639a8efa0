package reprolab.data;

import java.nio.file.Path;
import reprolab.experiment.DataSpec;

/** Loads the examples an experiment's {@code data} section names. */
public final class ExampleLoader {

    private ExampleLoader() {
    }

    /**
     * Loads what the spec names, resolving relative IDX paths against the working directory.
     *
     * @see #load(DataSpec, Path)
     */
    public static Examples load(DataSpec spec) throws DataException {
        return load(spec, Path.of(System.getProperty("user.dir")));
    }

    /**
     * Loads {@code mnist-sample} (the shipped files), {@code idx} (imagesPath and labelsPath,
     * relative ones resolved against {@code baseDir}, e.g. the experiment's folder) or
     * {@code synthetic} (exactly trainSize + validationSize examples, so the split uses them all).
     *
     * @throws DataException when a file is missing or bad, or a required path is not given
     */
    public static Examples load(DataSpec spec, Path baseDir) throws DataException {
        if (spec == null || spec.source() == null) {
            throw new DataException("data.source is missing; use mnist-sample, idx or synthetic.");
        }
        switch (spec.source()) {
            case MNIST_SAMPLE:
                return IdxReader.read(SampleData.imagesFile(), SampleData.labelsFile());
            case IDX:
                return IdxReader.read(resolve(spec.imagesPath(), "data.imagesPath", baseDir),
                        resolve(spec.labelsPath(), "data.labelsPath", baseDir));
            case SYNTHETIC:
                return synthetic(spec);
            default:
                throw new DataException("data.source " + spec.source().json() + " is not supported.");
        }
    }

    /**
     * The files {@link #load(DataSpec, Path)} reads for this spec, in reading order (none for synthetic
     * data), so that a run can record what it read, not only where.
     */
    public static java.util.List<Path> files(DataSpec spec, Path baseDir) throws DataException {
        if (spec == null || spec.source() == null) {
            return java.util.List.of();
        }
        switch (spec.source()) {
            case MNIST_SAMPLE:
                return java.util.List.of(SampleData.imagesFile(), SampleData.labelsFile());
            case IDX:
                return java.util.List.of(resolve(spec.imagesPath(), "data.imagesPath", baseDir),
                        resolve(spec.labelsPath(), "data.labelsPath", baseDir));
            default:
                return java.util.List.of();
        }
    }

    private static Examples synthetic(DataSpec spec) throws DataException {
        long count = (long) spec.trainSize() + spec.validationSize();
        if (spec.trainSize() < 0 || spec.validationSize() < 0 || count > SyntheticData.MAX_COUNT) {
            throw new DataException("data.trainSize + data.validationSize must be 0.." + SyntheticData.MAX_COUNT
                    + " for synthetic data, was " + spec.trainSize() + " + " + spec.validationSize() + ".");
        }
        return SyntheticData.generate((int) count);
    }

    private static Path resolve(String path, String field, Path baseDir) throws DataException {
        if (path == null || path.isBlank()) {
            throw new DataException(field + " is required when data.source is idx.");
        }
        try {
            return baseDir.resolve(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new DataException(field + " \"" + path + "\" is not a valid path: " + e.getReason() + ".", e);
        }
    }
}
