package reprolab.ablation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.SpecException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AblationFilesTest {

    @TempDir
    Path dir;

    @Test
    void manifestReadsBackAsWritten() throws IOException, SpecException {
        AblationManifest manifest = AblationPlanner.plan(AblationPlannerTest.tiny(), 2,
                List.of(AblationFactor.DROPOUT), 2, new Random(5)).manifest();
        AblationFiles.write(dir, manifest);
        assertEquals(manifest, AblationFiles.read(dir));
        assertTrue(AblationFiles.isAblation(dir));
        assertEquals(List.of(AblationFiles.MANIFEST_FILE), Files.list(dir).map(p -> p.getFileName().toString()).toList(),
                "no temporary file is left behind");
    }

    @Test
    void unknownSchemaVersionIsRejectedWithTheVersion() throws IOException {
        Files.writeString(dir.resolve(AblationFiles.MANIFEST_FILE), "{\"schemaVersion\": 9, \"repeats\": 2, \"groups\": []}");
        IOException e = assertThrows(IOException.class, () -> AblationFiles.read(dir));
        assertTrue(e.getMessage().contains("schemaVersion 9"), e.getMessage());
    }

    @Test
    void folderWithoutManifestIsNotAnAblation() {
        assertFalse(AblationFiles.isAblation(dir));
        assertThrows(IOException.class, () -> AblationFiles.read(dir));
    }
}
