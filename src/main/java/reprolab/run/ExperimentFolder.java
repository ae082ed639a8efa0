package reprolab.run;

import reprolab.events.EventCodec;
import reprolab.events.EventFormatException;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One experiment on disk: {@code experiment.json} (the spec) and {@code runs/}, which holds per run
 * {@code <id>.jsonl} (its events), {@code <id>.stderr.log} (the worker's log, bounded),
 * {@code <id>.run.json} (what the worker was asked to do), {@code <id>.args} (its classpath) and, when
 * {@code runs.snapshotEvery} is above 0, {@code <id>.params} (raw parameter snapshots, see
 * {@code reprolab.ablation.SnapshotFiles}).
 * The events alone are enough to redraw every run later.
 */
public final class ExperimentFolder {

    /** The spec file of every experiment folder. */
    public static final String SPEC_FILE = "experiment.json";
    /** The folder of the run files. */
    public static final String RUNS_DIR = "runs";
    static final String LOG_SUFFIX = ".jsonl";

    private final Path path;
    private final ExperimentSpec spec;

    ExperimentFolder(Path path, ExperimentSpec spec) {
        this.path = path;
        this.spec = spec;
    }

    /** The folder. */
    public Path path() {
        return path;
    }

    /** The experiment as stored in {@code experiment.json}. */
    public ExperimentSpec spec() {
        return spec;
    }

    /** The folder of the run files. */
    public Path runsDir() {
        return path.resolve(RUNS_DIR);
    }

    /** The event log of a run. */
    public Path logFile(String runId) {
        return runsDir().resolve(checkedId(runId) + LOG_SUFFIX);
    }

    /** The worker's stderr of a run. */
    public Path stderrFile(String runId) {
        return runsDir().resolve(checkedId(runId) + ".stderr.log");
    }

    /** The run's parameter snapshots, when it wrote any ({@code runs.snapshotEvery} above 0). */
    public Path snapshotFile(String runId) {
        return runsDir().resolve(checkedId(runId) + reprolab.events.SnapshotHeader.FILE_SUFFIX);
    }

    /** Opens a run's event log for appending, creating it (and {@code runs/}) when needed. */
    public RunLog openLog(String runId) throws IOException {
        Files.createDirectories(runsDir());
        return new RunLog(logFile(runId));
    }

    /**
     * Every stored run, in the order of their ids. Lines that are cut off, garbled or too long are
     * skipped and described in {@link RunHistory#problems()}; a run without an end event has the
     * status {@code INCOMPLETE}. Never throws for damaged content; an unreadable file becomes a run
     * whose only content is that problem.
     */
    public List<RunHistory> loadRuns() {
        List<Path> logs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runsDir(), "*" + LOG_SUFFIX)) {
            files.forEach(logs::add);
        } catch (IOException e) {
            return List.of(); // no runs/ yet: no runs
        }
        logs.sort(null);
        List<RunHistory> runs = new ArrayList<>();
        for (Path log : logs) {
            String name = log.getFileName().toString();
            runs.add(loadRun(name.substring(0, name.length() - LOG_SUFFIX.length()), log));
        }
        return runs;
    }

    /** Reads one event log; see {@link #loadRuns()}. */
    public static RunHistory loadRun(String runId, Path log) {
        List<WorkerEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(log)) {
            BoundedLineReader reader = new BoundedLineReader(in, EventCodec.MAX_LINE_LENGTH);
            int number = 0;
            for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                number++;
                readLine(line, number, events, problems);
            }
        } catch (IOException e) {
            problems.add("cannot read " + log.getFileName() + ": " + e.getMessage());
        }
        return RunHistory.of(runId, events, problems);
    }

    private static void readLine(BoundedLineReader.Line line, int number, List<WorkerEvent> events,
                                 List<String> problems) {
        if (line.text().isBlank() && !line.overlong()) {
            return;
        }
        if (line.overlong()) {
            problems.add("line " + number + " skipped: " + line.bytes() + " bytes is longer than any event");
            return;
        }
        try {
            events.add(EventCodec.decode(line.text()));
        } catch (EventFormatException e) {
            problems.add(line.terminated()
                    ? "line " + number + " skipped: " + e.getMessage()
                    : "line " + number + " is cut off (the app or the machine stopped while writing it) and was skipped");
        }
    }

    private static String checkedId(String runId) {
        // the id becomes a file name: only the characters RunSpec allows, so it cannot leave runs/
        if (runId == null || !runId.matches(RunSpec.RUN_ID_PATTERN)) {
            throw new IllegalArgumentException("run id '" + runId + "' must match " + RunSpec.RUN_ID_PATTERN);
        }
        return runId;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
