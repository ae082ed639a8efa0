package reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import reprolab.experiment.DataSource;
import reprolab.experiment.DataSpec;

class ExampleLoaderTest {

    private static final Path CORPUS = Path.of("src/test/resources/bad/idx").toAbsolutePath();

    @Test
    void mnistSampleLoadsTheShippedTenThousandDigits() throws DataException {
        Examples examples = ExampleLoader.load(DataSpec.defaults());
        assertEquals(10_000, examples.count());
        assertEquals(28, examples.rows());
    }

    @Test
    void idxPathsAreResolvedAgainstTheBaseFolder() throws DataException {
        DataSpec spec = new DataSpec(DataSource.IDX, "good-images.idx3", "good-labels.idx1", 8, 2);
        Examples examples = ExampleLoader.load(spec, CORPUS);
        assertEquals(10, examples.count());
        assertEquals(8, examples.rows());
    }

    @Test
    void idxWithoutAnImagesPathNamesTheField() {
        DataSpec spec = new DataSpec(DataSource.IDX, null, "good-labels.idx1", 8, 2);
        DataException e = assertThrows(DataException.class, () -> ExampleLoader.load(spec, CORPUS));
        assertEquals("data.imagesPath is required when data.source is idx.", e.getMessage());
    }

    @Test
    void aBadIdxFileFailsWithTheReadersMessage() {
        DataSpec spec = new DataSpec(DataSource.IDX, "images-truncated.idx3", "good-labels.idx1", 8, 2);
        DataException e = assertThrows(DataException.class, () -> ExampleLoader.load(spec, CORPUS));
        assertEquals(true, e.getMessage().startsWith("images file " + CORPUS.resolve("images-truncated.idx3")
                + " is truncated"), e.getMessage());
    }

    @Test
    void syntheticGivesExactlyTrainPlusValidationExamples() throws DataException {
        Examples examples = ExampleLoader.load(new DataSpec(DataSource.SYNTHETIC, null, null, 80, 20));
        assertEquals(SyntheticData.generate(100), examples);
    }
}
