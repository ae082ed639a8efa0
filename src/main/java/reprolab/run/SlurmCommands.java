package reprolab.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs Slurm's own client commands (sbatch, squeue, sacct, scontrol, scancel, sinfo) found on a
 * search path, always as an argument list, and returns what they printed. Immutable.
 */
public final class SlurmCommands {

    /** System property that replaces the PATH searched for Slurm's commands (tests: "sbatch is missing"). */
    public static final String PATH_PROPERTY = "reprolab.slurm.path";
    /** How long one command may take before it is stopped: a controller that answers does so in a second. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(SlurmCommands.class.getName());

    private final String searchPath;
    private final Duration timeout;

    private SlurmCommands(String searchPath, Duration timeout) {
        this.searchPath = searchPath == null ? "" : searchPath;
        this.timeout = timeout;
    }

    /** The commands on {@value #PATH_PROPERTY} when set, else on this process's PATH. */
    public static SlurmCommands fromEnvironment() {
        return new SlurmCommands(System.getProperty(PATH_PROPERTY, System.getenv("PATH")), DEFAULT_TIMEOUT);
    }

    /** The commands on this search path (directories separated by the platform's separator). */
    public static SlurmCommands onPath(String searchPath) {
        return new SlurmCommands(searchPath, DEFAULT_TIMEOUT);
    }

    /** The same commands, each stopped after {@code limit} (tests: a hung squeue). */
    SlurmCommands withTimeout(Duration limit) {
        return new SlurmCommands(searchPath, limit);
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

    /**
     * Runs {@code command args...}; a missing command or one that does not end within its timeout
     * (it is then killed with its children) becomes a {@link RunTargetException}.
     */
    Result run(String command, List<String> args) throws RunTargetException {
        Path exe = find(command).orElseThrow(() -> new RunTargetException(command
                + " is not on the PATH; Slurm's client commands are needed to run on a cluster"));
        List<String> argv = new ArrayList<>();
        argv.add(exe.toString());
        argv.addAll(args);
        TimedCommand.Outcome o;
        try {
            o = TimedCommand.run(new ProcessBuilder(argv), timeout);
        } catch (IOException e) {
            throw new RunTargetException(command + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunTargetException(command + " was interrupted");
        }
        if (o.timedOut()) {
            throw new RunTargetException(command + " did not answer within " + timeout.toSeconds()
                    + " s and was stopped; is slurmctld reachable (scontrol ping)?");
        }
        return new Result(o.exit(), o.out(), o.err());
    }

    /** Like {@link #run} but a non-zero exit is a {@link RunTargetException} carrying its stderr. */
    String runOk(String command, List<String> args) throws RunTargetException {
        Result r = run(command, args);
        if (!r.ok()) {
            throw new RunTargetException(command + " failed (exit " + r.exit() + "): " + firstLines(r.err()));
        }
        return r.out();
    }

    /** Runs a command whose failure only matters as a warning in the log (scancel): never throws. */
    void tryRun(String command, List<String> args) {
        try {
            Result r = run(command, args);
            if (!r.ok()) {
                LOG.log(System.Logger.Level.WARNING, command + " " + args + ": " + firstLines(r.err()));
            }
        } catch (RunTargetException e) {
            LOG.log(System.Logger.Level.WARNING, command + " " + args + ": " + e.getMessage());
        }
    }

    static String firstLines(String text) {
        String t = text.strip();
        return t.isEmpty() ? "it printed nothing" : String.join("; ", t.lines().limit(3).toList());
    }
}
