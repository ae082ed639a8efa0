package reprolab.bench;

import reprolab.experiment.ExecutionSpec;
import reprolab.run.WorkerCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Java main class in a JVM of its own with this JVM's class path and a worker's native
 * environment, set by {@link WorkerCommand#applyEnvironment} (libnd4j reads OMP_NUM_THREADS / SD_* once
 * per process, so a thread count needs its own process). Standard error goes to a file so a failing
 * child can be explained.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code mainClass args...} with the native environment a worker of {@code execution} gets
     * (threads, helpers, allocator); stdout goes to {@code stdout}.
     */
    static Process start(String mainClass, ExecutionSpec execution, Path stdout, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(WorkerCommand.JIT_OPTIONS); // measure what workers run
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        WorkerCommand.applyEnvironment(builder.environment(), execution);
        builder.redirectOutput(stdout.toFile());
        builder.redirectError(stdout.resolveSibling(stdout.getFileName() + ".err").toFile());
        return builder.start();
    }

    /** Waits for a child and returns its stdout; throws with the tail of its stderr when it failed. */
    static String await(Process process, Path stdout, long timeoutMinutes) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("benchmark child did not finish within " + timeoutMinutes + " minutes");
        }
        if (process.exitValue() != 0) {
            String err = Files.readString(stdout.resolveSibling(stdout.getFileName() + ".err"), StandardCharsets.UTF_8);
            throw new IOException("benchmark child exited with " + process.exitValue() + ": "
                    + err.substring(Math.max(0, err.length() - 2000)));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
