package reprolab.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.Json;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The experiment files the benchmark runs: the shipped seed CNN experiment with only its size and
 * thread count changed, so what is measured is the model users train.
 */
final class Workloads {

    static final Path SEED_CNN = Path.of("sample-data", "experiments", "seed-cnn.json");

    private Workloads() {
    }

    /** Writes a copy of seed-cnn.json with {@code trainSize} training digits and the given threads and helpers. */
    static Path seedCnn(Path dir, String name, int trainSize, int threads, boolean helpers) throws IOException {
        ObjectNode tree;
        try (InputStream in = Files.newInputStream(SEED_CNN)) {
            tree = (ObjectNode) Json.mapper().readTree(in);
        }
        ObjectNode data = (ObjectNode) tree.get("data");
        data.put("trainSize", trainSize);
        data.put("validationSize", 500);
        ObjectNode execution = (ObjectNode) tree.get("execution");
        execution.put("threads", threads);
        execution.put("helpers", helpers);
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        return file;
    }

    /** The execution settings of a workload file, for the child JVM's environment. */
    static ExecutionSpec execution(Path workload) throws IOException {
        try {
            return SpecJson.read(workload).execution();
        } catch (SpecException e) {
            throw new IOException("benchmark workload " + workload + " is not a valid experiment: " + e.getMessage(), e);
        }
    }
}
