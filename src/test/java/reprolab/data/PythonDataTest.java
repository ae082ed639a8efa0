package reprolab.data;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reprolab.experiment.Json;
import reprolab.run.PythonWorker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The PyTorch worker's port of the data code (reprolab_worker/data.py, splitmix.py) draws the same
 * split, the same epoch orders and the same synthetic labels as the Java side, so both engines
 * train on the same batches.
 */
class PythonDataTest {

    private static final long[] SEEDS = {0, 1, 42, -7, Long.MAX_VALUE, Long.MIN_VALUE, 9_007_199_254_740_991L};
    private static JsonNode python;

    @BeforeAll
    static void askPython() throws Exception {
        String script = String.join("\n",
                "import json, sys",
                "from reprolab_worker import data",
                "seeds = [int(s) for s in sys.argv[1:]]",
                "e = data.read_idx('sample-data/mnist-10k-images-idx3-ubyte.gz', 'sample-data/mnist-10k-labels-idx1-ubyte.gz')",
                "out = {'orders': [data.permutation(37, s, ep) for s in seeds for ep in (0, 1, 5)],",
                "       'splits': [data.stratified_split(e.labels, 10, 300, 120, s) for s in seeds],",
                "       'pixel': [e.pixels[1000 * 784 + 300], e.labels[1000]],",
                "       'synthetic': data.synthetic(50).labels}",
                "print(json.dumps(out))");
        List<String> command = new java.util.ArrayList<>(List.of(PythonWorker.python(), "-c", script));
        for (long seed : SEEDS) {
            command.add(Long.toString(seed));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONPATH", PythonWorker.sourceDir(System.getProperty("user.dir")).toString());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "python failed: " + out);
        python = Json.mapper().readTree(out);
    }

    @Test
    void epochOrdersAreTheJavaOnes() {
        int i = 0;
        for (long seed : SEEDS) {
            for (int epoch : new int[]{0, 1, 5}) {
                assertArrayEquals(EpochOrder.permutation(37, seed, epoch), ints(python.get("orders").get(i++)),
                        "seed " + seed + " epoch " + epoch);
            }
        }
    }

    @Test
    void stratifiedSplitsAreTheJavaOnes() throws Exception {
        Examples sample = IdxReader.read(Path.of("sample-data", SampleData.IMAGES), Path.of("sample-data", SampleData.LABELS));
        for (int i = 0; i < SEEDS.length; i++) {
            Split split = StratifiedSplit.split(sample.labels(), 10, 300, 120, SEEDS[i]);
            assertArrayEquals(split.train(), ints(python.get("splits").get(i).get(0)), "train, seed " + SEEDS[i]);
            assertArrayEquals(split.validation(), ints(python.get("splits").get(i).get(1)), "validation, seed " + SEEDS[i]);
        }
        assertEquals(Math.round(sample.features()[1000 * 784 + 300] * 255), python.get("pixel").get(0).asInt());
        assertEquals(sample.labels()[1000], python.get("pixel").get(1).asInt());
    }

    @Test
    void syntheticLabelsAreTheJavaOnes() {
        assertArrayEquals(SyntheticData.generate(50).labels(), ints(python.get("synthetic")));
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }
}
