package reprolab.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 10,000 MNIST digits shipped in {@code sample-data/}. The folder is found through the system
 * property {@code reprolab.home} (set by the launcher and the installer) or, failing that, by
 * walking up from the working directory, so tests and {@code ./reprolab} from any subfolder work.
 */
public final class SampleData {

    /** System property naming the ReproLab folder that contains {@code sample-data/}. */
    public static final String HOME_PROPERTY = "reprolab.home";
    public static final String FOLDER = "sample-data";
    public static final String IMAGES = "mnist-10k-images-idx3-ubyte.gz";
    public static final String LABELS = "mnist-10k-labels-idx1-ubyte.gz";

    private SampleData() {
    }

    /** The shipped IDX3 images file. */
    public static Path imagesFile() throws DataException {
        return directory().resolve(IMAGES);
    }

    /** The shipped IDX1 labels file. */
    public static Path labelsFile() throws DataException {
        return directory().resolve(LABELS);
    }

    /**
     * The {@code sample-data/} folder holding both files.
     *
     * @throws DataException when it cannot be found, saying where it was looked for
     */
    public static Path directory() throws DataException {
        return locate(System.getProperty(HOME_PROPERTY), Path.of(System.getProperty("user.dir")));
    }

    /** Looks in {@code home/sample-data} when home is given, else in start and each folder above it. */
    static Path locate(String home, Path start) throws DataException {
        if (home != null && !home.isBlank()) {
            Path folder = Path.of(home).toAbsolutePath().resolve(FOLDER);
            if (!holdsSample(folder)) {
                throw new DataException("The MNIST sample is missing: " + HOME_PROPERTY + " is " + home
                        + " but " + folder + " does not contain " + IMAGES + " and " + LABELS + ".");
            }
            return folder;
        }
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path folder = dir.resolve(FOLDER);
            if (holdsSample(folder)) {
                return folder;
            }
        }
        throw new DataException("The MNIST sample is missing: no " + FOLDER + "/" + IMAGES + " in "
                + start.toAbsolutePath() + " or any folder above it; run from the ReproLab folder or set -D"
                + HOME_PROPERTY + "=<ReproLab folder>.");
    }

    private static boolean holdsSample(Path folder) {
        return Files.isRegularFile(folder.resolve(IMAGES)) && Files.isRegularFile(folder.resolve(LABELS));
    }
}
