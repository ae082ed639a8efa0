package reprolab.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Slurm's own client commands (sbatch, squeue, sacct, scontrol, scancel, sinfo) found on a
 * search path, always as an argument list, and returns what they printed. Immutable.
 */
public final class SlurmCommands {

    /** System property that replaces the PATH searched for Slurm's commands (tests: "sbatch is missing"). */
    public static final String PATH_PROPERTY = "reprolab.slurm.path";
    private static final long TIMEOUT_SECONDS = 30;

    private final String searchPath;

    private SlurmCommands(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** The commands on {@value #PATH_PROPERTY} when set, else on this process's PATH. */
    public static SlurmCommands fromEnvironment() {
        return new SlurmCommands(System.getProperty(PATH_PROPERTY, System.getenv("PATH")));
    }

    /** The commands on this search path (directories separated by the platform's separator). */
    public static SlurmCommands onPath(String searchPath) {
        return new SlurmCommands(searchPath);
    }

    /** What a command printed and how it exited. */
    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    /** The executable of a command, if it is on the search path. */
    public Optional<Path> find(String command) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Why Slurm cannot be used from here (sbatch not on the search path), or empty when it can. */
    public Optional<String> unavailableReason() {
        return find("sbatch").isPresent() ? Optional.empty()
                : Optional.of("sbatch is not on the PATH, so no Slurm cluster can be reached from this computer "
                + "(install Slurm's client commands, or load their module, and start ReproLab again)");
    }

    /** Runs {@code command args...}; a missing command or a hang becomes a {@link RunTargetException}. */
    Result run(String command, List<String> args) throws RunTargetException {
        Path exe = find(command).orElseThrow(() -> new RunTargetException(command
                + " is not on the PATH; Slurm's client commands are needed to run on a cluster"));
        List<String> argv = new ArrayList<>();
        argv.add(exe.toString());
        argv.addAll(args);
        try {
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            String out = readAll(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RunTargetException(command + " did not answer within " + TIMEOUT_SECONDS
                        + " s; is slurmctld reachable (scontrol ping)?");
            }
            return new Result(p.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new RunTargetException(command + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunTargetException(command + " was interrupted");
        }
    }

    /** Like {@link #run} but a non-zero exit is a {@link RunTargetException} carrying its stderr. */
    String runOk(String command, List<String> args) throws RunTargetException {
        Result r = run(command, args);
        if (!r.ok()) {
            throw new RunTargetException(command + " failed (exit " + r.exit() + "): " + firstLines(r.err()));
        }
        return r.out();
    }

    static String firstLines(String text) {
        String t = text.strip();
        return t.isEmpty() ? "it printed nothing" : String.join("; ", t.lines().limit(3).toList());
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
