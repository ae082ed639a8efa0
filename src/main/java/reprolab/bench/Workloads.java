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
        return fromFile(SEED_CNN, dir, name, trainSize, threads, helpers);
    }

    /** The same for any experiment file (bench --spec): its model, with the benchmark's size and threads. */
    static Path fromFile(Path source, Path dir, String name, int trainSize, int threads, boolean helpers) throws IOException {
        execution(source); // a file that is no valid experiment stops the benchmark with the validator's message
        ObjectNode tree;
        try (InputStream in = Files.newInputStream(source)) {
            tree = (ObjectNode) Json.mapper().readTree(in);
        }
        ObjectNode data = object(tree, "data");
        data.put("trainSize", trainSize);
        data.put("validationSize", 500);
        ObjectNode execution = object(tree, "execution");
        execution.put("threads", threads);
        execution.put("helpers", helpers);
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        return file;
    }

    /** A section of the file, added when the file leaves it to the defaults. */
    private static ObjectNode object(ObjectNode tree, String field) {
        return tree.get(field) instanceof ObjectNode section ? section : tree.putObject(field);
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
