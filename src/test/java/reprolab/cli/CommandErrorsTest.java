package reprolab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input never starts a worker: exit 2 and one clear line on stderr. */
class CommandErrorsTest {

    @TempDir
    Path dir;

    private Path tinySpec() throws IOException {
        Path spec = dir.resolve("tiny.json");
        Files.writeString(spec, "{\"data\": {\"trainSize\": 200, \"validationSize\": 50}, \"model\": {\"name\": \"tiny\"}}");
        return spec;
    }

    private static void assertUsageError(CliCapture r, String expected) {
        assertEquals(Main.EXIT_USAGE, r.exit(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void ablateWithUnknownFactorExitsTwoNamingIt() throws IOException {
        CliCapture r = CliCapture.run("ablate", tinySpec().toString(), "--factors", "dropout,seeed",
                "--out", dir.toString());
        assertUsageError(r, "unknown ablation factor 'seeed'");
    }

    @Test
    void runWithMissingFileExitsTwo() {
        assertUsageError(CliCapture.run("run", dir.resolve("nope.json").toString(), "--out", dir.toString()),
                "does not exist");
    }

    @Test
    void runWithMalformedSpecExitsTwoWithTheLine() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"x\",\n \"data\": }");
        assertUsageError(CliCapture.run("run", bad.toString(), "--out", dir.toString()), "malformed JSON at line 2");
    }

    @Test
    void runWithUnknownSetKeyExitsTwo() throws IOException {
        assertUsageError(CliCapture.run("run", tinySpec().toString(), "--set", "seeds.colour=3", "--out", dir.toString()),
                "unknown setting 'seeds.colour'");
    }

    @Test
    void runWithOutOfRangeValueExitsTwoNamingTheField() throws IOException {
        assertUsageError(CliCapture.run("run", tinySpec().toString(), "--set", "model.epochs=0", "--out", dir.toString()),
                "model.epochs");
    }

    @Test
    void floatDemoPrintsBothOrders() {
        CliCapture r = CliCapture.run("float-demo");
        assertEquals(Main.EXIT_OK, r.exit());
        // computed here independently; shortest round-trip forms of the two doubles
        String multiplyFirst = Double.toString(2.0 * 11.0 / 9.0);
        String divideFirst = Double.toString(2.0 / 9.0 * 11.0);
        assertTrue(!multiplyFirst.equals(divideFirst), "the two orders differ in double precision");
        assertTrue(r.out().contains(multiplyFirst) && r.out().contains(divideFirst), r.out());
    }
}
