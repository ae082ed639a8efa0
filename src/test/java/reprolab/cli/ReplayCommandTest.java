package reprolab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.data.SampleData;
import reprolab.experiment.FileChecksum;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real tiny run, then replayed from its event log alone. */
class ReplayCommandTest {

    @TempDir
    static Path dir;
    private static Path log;

    @BeforeAll
    static void runOnce() throws Exception {
        Path spec = dir.resolve("tiny.json");
        // weight-init seed off: the replay must take the drawn seed from the provenance, not the spec
        Files.writeString(spec, "{\"name\": \"replay tiny\", \"data\": {\"trainSize\": 200, \"validationSize\": 50},"
                + " \"model\": {\"name\": \"tiny\", \"batchSize\": 50},"
                + " \"seeds\": {\"weightInit\": {\"enabled\": false}}}");
        CliCapture run = CliCapture.run("run", spec.toString(), "--repeats", "1", "--out", dir.resolve("store").toString());
        assertEquals(Main.EXIT_OK, run.exit(), run.out() + run.err());
        try (Stream<Path> files = Files.walk(dir.resolve("store"))) {
            log = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
    }

    @Test
    void aReplayFromTheProvenanceAloneIsBitwiseIdentical() {
        CliCapture r = CliCapture.run("replay", log.toString(), "--out", dir.resolve("replays").toString());
        assertEquals(Main.EXIT_OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("bitwise identical, final hash "), r.out());
    }

    @Test
    void theRunRecordedTheChecksumsOfTheDataItRead() throws Exception {
        String started = Files.readAllLines(log).get(0);
        assertTrue(started.contains(FileChecksum.sha256(SampleData.imagesFile())), "images checksum in " + started);
        assertTrue(started.contains(FileChecksum.sha256(SampleData.labelsFile())), "labels checksum");
        assertTrue(started.contains("\"cpuFlags\""), started);
        String finished = Files.readAllLines(log).stream().filter(l -> l.contains("\"finished\"")).findFirst()
                .orElseThrow();
        assertTrue(finished.contains("\"adam.native\":0") && finished.contains("\"adam.reprolab\":"), finished);
    }

    @Test
    void changedDataIsRefusedWithTheFileNamed() throws Exception {
        String images = FileChecksum.sha256(SampleData.imagesFile());
        Path edited = dir.resolve("edited.jsonl");
        Files.writeString(edited, Files.readString(log).replace(images, "0".repeat(64)));
        CliCapture r = CliCapture.run("replay", edited.toString(), "--out", dir.resolve("never").toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains(SampleData.IMAGES) && r.err().contains("has changed"), r.err());
        assertTrue(Files.notExists(dir.resolve("never")), "nothing ran");
    }

    @Test
    void aFileThatIsNotARunLogIsOneLineAndExitTwo() throws Exception {
        Path other = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliCapture r = CliCapture.run("replay", other.toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("is not a run's event log"), r.err());
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        CliCapture e = CliCapture.run("replay", empty.toString());
        assertEquals(Main.EXIT_USAGE, e.exit());
        assertTrue(e.err().contains("no readable 'started' event"), e.err());
    }
}
