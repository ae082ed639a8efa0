package reprolab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reprolab script}: real scripts, each run a real Python process under the probe. */
class ScriptCommandTest {

    static final Path FIXTURES = Path.of("src/test/python/probe_scripts");
    static final Path DIGIT_NAMES = Path.of("sample-data/scripts/digit_names.py");

    @TempDir
    Path dir;

    static JsonNode report(CliCapture c) throws Exception {
        return Json.mapper().readTree(c.out());
    }

    CliCapture script(String... args) {
        List<String> all = new ArrayList<>(List.of("script", "--json", "--out", dir.resolve("store").toString()));
        all.addAll(List.of(args));
        return CliCapture.run(all.toArray(String[]::new));
    }

    @Test
    void aScriptThatSeedsItselfIsIdenticalAcrossProcesses() throws Exception {
        CliCapture c = script(FIXTURES.resolve("seeded.py").toString(), "--repeats", "2");
        assertEquals(Main.EXIT_OK, c.exit(), c.err());
        JsonNode r = report(c);
        assertTrue(r.get("identical").asBoolean(), r.get("verdict").asText());
        assertEquals(r.at("/runs/0/finalHash"), r.at("/runs/1/finalHash"));
    }

    @Test
    void anUnseededScriptDiffersAtIteration0InItsFirstLayerAndReplaysExactly() throws Exception {
        CliCapture c = script(FIXTURES.resolve("unseeded.py").toString(), "--repeats", "2");
        assertEquals(Main.EXIT_OK, c.exit(), c.err());
        JsonNode r = report(c);
        assertEquals(0, r.at("/firstDivergence/iteration").asInt(), r.get("verdict").asText());
        assertEquals("fc1.weight", r.at("/firstDivergence/layer").asText());
        assertTrue(r.get("verdict").asText().contains("the script's seed (torch, random, numpy) is not fixed"),
                r.get("verdict").asText());
        CliCapture replay = CliCapture.run("replay", firstLog().toString(), "--out", dir.resolve("replays").toString());
        assertEquals(Main.EXIT_OK, replay.exit(), replay.out() + replay.err());
        assertTrue(replay.out().contains("bitwise identical"), replay.out());
    }

    @Test
    void aClassOrderFromASetDiffersFromIteration1UnderSeedAloneAndNotWithAHashSeed() throws Exception {
        JsonNode seedOnly = report(script(DIGIT_NAMES.toString(), "--repeats", "2", "--seed", "7", "--", "--limit", "256"));
        assertEquals(1, seedOnly.at("/firstDivergence/iteration").asInt(), seedOnly.get("verdict").asText());
        assertTrue(seedOnly.get("verdict").asText().contains("PYTHONHASHSEED"), seedOnly.get("verdict").asText());
        JsonNode fixed = report(script(DIGIT_NAMES.toString(), "--repeats", "2", "--seed", "7", "--hash-seed", "0",
                "--", "--limit", "256"));
        assertTrue(fixed.get("identical").asBoolean(), fixed.get("verdict").asText());
    }

    @Test
    void twoOptimizersNameBothNetworksParameters() throws Exception {
        CliCapture c = script(FIXTURES.resolve("gan.py").toString(), "--repeats", "1");
        assertEquals(Main.EXIT_OK, c.exit(), c.err());
        String started = Files.readAllLines(firstLog()).get(0);
        assertTrue(started.contains("\"layers\":[\"netG.0.weight\"") && started.contains("\"netD.2.bias\"]"), started);
    }

    @Test
    void aCrashIsAFailedRunWhoseReasonIsItsTraceback() throws Exception {
        CliCapture c = script(FIXTURES.resolve("crash.py").toString(), "--repeats", "1");
        assertEquals(Main.EXIT_DIFFERENT, c.exit(), c.err());
        String reason = report(c).at("/runs/0/reason").asText();
        assertTrue(reason.contains("ValueError: bad batch shape 7") && reason.contains("crash.py"), reason);
    }

    @Test
    void aScriptThatNeverStepsSaysSo() throws Exception {
        CliCapture c = script(FIXTURES.resolve("no_step.py").toString(), "--repeats", "1");
        assertEquals(Main.EXIT_DIFFERENT, c.exit(), c.err());
        assertTrue(report(c).at("/runs/0/reason").asText().contains("without calling any optimizer's step()"));
    }

    @Test
    void aScriptThatRunsForeverIsStoppedByTime() throws Exception {
        CliCapture c = script(FIXTURES.resolve("forever.py").toString(), "--repeats", "1", "--time", "4s");
        assertEquals(Main.EXIT_DIFFERENT, c.exit(), c.err());
        JsonNode run = report(c).at("/runs/0");
        assertFalse(run.get("status").asText().equalsIgnoreCase("finished"), run.toString());
        assertTrue(run.get("reason").asText().contains("time limit of 4s"), run.get("reason").asText());
    }

    @Test
    void badInputIsRefusedWithExit2AndNothingStored() throws Exception {
        CliCapture missing = script(dir.resolve("nope.py").toString());
        assertEquals(Main.EXIT_USAGE, missing.exit());
        assertTrue(missing.err().contains("no such script"), missing.err());
        Path notPython = Files.writeString(dir.resolve("data.py"), "a,b,c\n1,2,3 4\n");
        CliCapture garbage = script(notPython.toString());
        assertEquals(Main.EXIT_USAGE, garbage.exit());
        assertTrue(garbage.err().contains("is not a Python script"), garbage.err());
        CliCapture gpu = script(FIXTURES.resolve("seeded.py").toString(), "--deterministic");
        assertEquals(Main.EXIT_USAGE, gpu.exit());
        assertTrue(gpu.err().contains("act on a GPU only"), gpu.err());
        assertFalse(Files.exists(dir.resolve("store")));
    }

    @Test
    void theAblationFindsThatTheHashSeedBreaksAScriptThatSeedsItself() throws Exception {
        CliCapture c = script(DIGIT_NAMES.toString(), "--ablate", "--repeats", "2", "--", "--limit", "128");
        assertEquals(Main.EXIT_OK, c.exit(), c.err());
        JsonNode factors = report(c).get("factors");
        assertEquals("baseline", factors.get(0).get("factor").asText());
        assertFalse(factors.get(0).get("breaksReproducibility").asBoolean());
        JsonNode hash = null;
        JsonNode seed = null;
        for (JsonNode f : factors) {
            hash = f.get("factor").asText().equals("hashSeed") ? f : hash;
            seed = f.get("factor").asText().equals("seed") ? f : seed;
        }
        assertTrue(hash.get("breaksReproducibility").asBoolean(), factors.toString());
        assertEquals(1, hash.at("/firstDivergence/iteration").asInt(), factors.toString());
        assertFalse(seed.get("breaksReproducibility").asBoolean(), "the script's own torch.manual_seed wins");
    }

    private Path firstLog() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("store"))) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow();
        }
    }
}
