package reprolab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.experiment.SpecJson;
import reprolab.run.WorkerCommand;
import reprolab.run.WorkerMemory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

/**
 * {@code reprolab worker SPEC.json}: one run of an experiment file, its events on stdout. Starts a
 * worker JVM exactly as the app does, so the native thread and helper settings are in its
 * environment before libnd4j reads them.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Train one run of SPEC.json in a worker JVM and print its events (JSON lines) to stdout.")
final class WorkerCommandLine implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "experiment file")
    Path specFile;

    @Override
    public Integer call() throws Exception {
        ExperimentSpec spec = SpecJson.read(specFile);
        RunSpec run = new RunSpec(ExperimentSpec.SCHEMA_VERSION, "run-01", spec,
                ResolvedSeeds.resolve(spec.seeds(), new SecureRandom()));
        Path dir = Files.createTempDirectory("reprolab-worker");
        try {
            ProcessBuilder builder = WorkerCommand.forCurrentJvm().processFor(run, dir, WorkerMemory.forParallel(1));
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "reprolab-worker-stop"));
            return process.waitFor();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
