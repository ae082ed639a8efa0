package reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();

    @Test
    void sampleIsFoundFromTheProjectRoot() throws DataException {
        assertEquals(PROJECT.resolve("sample-data"), SampleData.directory());
        assertTrue(Files.isRegularFile(SampleData.imagesFile()));
        assertTrue(Files.isRegularFile(SampleData.labelsFile()));
    }

    @Test
    void sampleIsFoundByWalkingUpFromASubfolder() throws DataException {
        assertEquals(PROJECT.resolve("sample-data"), SampleData.locate(null, PROJECT.resolve("src/main/java")));
    }

    @Test
    void homePropertyWinsOverTheWorkingDirectory() throws DataException {
        assertEquals(PROJECT.resolve("sample-data"), SampleData.locate(PROJECT.toString(), Path.of("/")));
    }

    @Test
    void aHomeWithoutTheSampleNamesTheFolderItLookedIn(@TempDir Path home) {
        DataException e = assertThrows(DataException.class, () -> SampleData.locate(home.toString(), PROJECT));
        assertEquals("The MNIST sample is missing: reprolab.home is " + home + " but " + home.resolve("sample-data")
                + " does not contain mnist-10k-images-idx3-ubyte.gz and mnist-10k-labels-idx1-ubyte.gz.",
                e.getMessage());
    }

    @Test
    void noSampleAnywhereAboveSaysHowToPointAtIt(@TempDir Path elsewhere) {
        DataException e = assertThrows(DataException.class, () -> SampleData.locate(null, elsewhere));
        assertTrue(e.getMessage().contains("no sample-data/mnist-10k-images-idx3-ubyte.gz in " + elsewhere),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dreprolab.home="), e.getMessage());
    }
}
