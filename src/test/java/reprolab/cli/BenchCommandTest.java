package reprolab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import reprolab.experiment.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reprolab bench} as a user calls it, kept short: one profiled configuration, no repeated runs. */
class BenchCommandTest {

    @Test
    void jsonDashSendsTheReportAloneToStandardOutputAndTheTableToStandardError() throws Exception {
        CliCapture result = CliCapture.run("bench", "--quick", "--threads", "1", "--iterations", "2", "--warmup", "1",
                "--no-repeats", "--json", "-");
        assertEquals(0, result.exit(), result.err());
        JsonNode report = Json.mapper().readTree(result.out());
        JsonNode row = report.get("iterations").get(0);
        assertEquals(1, row.get("threads").asInt());
        assertEquals(2, row.get("iterationMs").get("count").asInt());
        assertEquals(1, row.get("warmupIterations").asInt());
        assertTrue(result.err().contains(": 1 + 2 iterations..."), result.err());
        assertTrue(row.get("peakRssMb").asDouble() > 0, row.toString());
        assertEquals(0, report.get("parallelRuns").size(), "--no-repeats skips the repeated runs");
        assertTrue(result.err().contains("resident memory, 1 thread(s)"), result.err());
        assertTrue(result.err().contains("forward + backward + updater + other = the iteration"), result.err());
    }

    @Test
    void warmupOutOfRangeIsABadUsage() {
        CliCapture result = CliCapture.run("bench", "--warmup", "-3", "--no-repeats");
        assertEquals(Main.EXIT_USAGE, result.exit());
        assertTrue(result.err().contains("--warmup must be a whole number from 1 to 100000, got -3"), result.err());
    }

    @Test
    void iterationsOutOfRangeAreABadUsage() {
        CliCapture result = CliCapture.run("bench", "--iterations", "-1", "--no-repeats");
        assertEquals(Main.EXIT_USAGE, result.exit());
        assertTrue(result.err().contains("--iterations must be a whole number from 1 to 100000, got -1"), result.err());
    }
}
