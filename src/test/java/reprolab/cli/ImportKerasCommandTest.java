package reprolab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ModelName;
import reprolab.experiment.SpecJson;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportKerasCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsAnExperimentFileThatLoadsAndNotesGoToStderr() throws Exception {
        CliCapture r = CliCapture.run("import-keras", "sample-data/keras/question-keras2.json");
        assertEquals(0, r.exit(), r.err());
        ExperimentSpec spec = SpecJson.parse(r.out());
        assertEquals(ModelName.CUSTOM, spec.model().name());
        assertEquals(8, spec.model().layers().size());
        assertTrue(r.err().contains("reprolab: note: every initialiser has seed 42"), r.err());
    }

    @Test
    void unsupportedLayerExitsTwoWithOneLineNamingIt() throws Exception {
        Path file = dir.resolve("rnn.json");
        Files.writeString(file, "{\"class_name\": \"Sequential\", \"config\": {\"layers\": ["
                + "{\"class_name\": \"SimpleRNN\", \"config\": {\"name\": \"rnn\"}}]}}");
        CliCapture r = CliCapture.run("import-keras", file.toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("Keras layer 0 'rnn' (SimpleRNN): not supported; supported layers:"), r.err());
        assertEquals("", r.out());
    }
}
