package reprolab.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command whose time is bounded: its stdout and stderr go to temporary files (never a
 * pipe that must be read to the end first, which would block past any timeout while the command
 * hangs), {@code waitFor(timeout)} decides, and a command past its time is killed with everything
 * it started.
 */
final class TimedCommand {

    /** How a command ended: its exit code and what it printed, or that it ran past its time. */
    record Outcome(boolean timedOut, int exit, String out, String err) {
    }

    private TimedCommand() {
    }

    /** Starts {@code builder} (its stdin from /dev/null, unless the builder redirects it) and waits at most {@code timeout}. */
    static Outcome run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("reprolab-cmd", ".out");
        Path err = Files.createTempFile("reprolab-cmd", ".err");
        try {
            if (builder.redirectInput() == ProcessBuilder.Redirect.PIPE) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            builder.redirectOutput(out.toFile());
            if (builder.redirectError() != ProcessBuilder.Redirect.DISCARD) {
                builder.redirectError(err.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTrees.destroy(process);
                process.waitFor(5, TimeUnit.SECONDS);
                return new Outcome(true, -1, read(out), read(err));
            }
            return new Outcome(false, process.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
