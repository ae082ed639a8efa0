package reprolab.cli;

import reprolab.events.FailedEvent;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.StartedEvent;
import reprolab.events.WorkerEvent;
import reprolab.experiment.RunSpec;
import reprolab.run.RunListener;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress of every run: on a terminal, one bar per run redrawn in place at most ten times a second;
 * otherwise (a pipe, CI) plain lines when a run starts, passes each quarter, and ends.
 */
final class ProgressPrinter implements RunListener, AutoCloseable {

    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, RunProgress> runs = new LinkedHashMap<>();
    private long lastDraw;
    private boolean drawn;

    private static final class RunProgress {
        int iteration;
        int total;
        String state = "waiting";
        boolean ended;
        int lastQuarter = -1;
    }

    private ProgressPrinter(PrintStream out, boolean terminal, List<RunSpec> specs) {
        this.out = out;
        this.terminal = terminal;
        for (RunSpec spec : specs) {
            runs.put(spec.runId(), new RunProgress());
        }
    }

    static ProgressPrinter forStream(PrintStream out, List<RunSpec> specs) {
        boolean terminal = System.console() != null && out == System.err && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
        return new ProgressPrinter(out, terminal, specs);
    }

    @Override
    public synchronized void onEvent(String runId, WorkerEvent event) {
        RunProgress run = runs.computeIfAbsent(runId, id -> new RunProgress());
        if (event instanceof StartedEvent s) {
            run.total = s.provenance().totalIterations();
            run.state = "running";
            // a user's script does not say how long it trains (totalIterations 0)
            plain(runId + " started ("
                    + (run.total == 0 ? "a script: iterations not known ahead" : run.total + " iterations") + ")");
        } else if (event instanceof IterationEvent i) {
            run.iteration = i.iteration();
            int quarter = run.total == 0 ? 0 : 4 * run.iteration / run.total;
            if (quarter > run.lastQuarter && quarter < 4 && run.iteration > 0 && run.total > 0) {
                run.lastQuarter = quarter;
                plain(runId + " iteration " + run.iteration + "/" + run.total);
            }
        } else if (event instanceof FinishedEvent f) {
            run.state = String.format("finished, val acc %.4f", f.valAccuracy());
            run.ended = true;
            plain(runId + " " + run.state);
        } else if (event instanceof FailedEvent f) {
            run.state = f.cause().json() + ": " + f.reason().lines().findFirst().orElse("");
            run.ended = true;
            plain(runId + " " + run.state);
        }
        redraw(false);
    }

    @Override
    public synchronized void onStatus(String runId, String status) {
        RunProgress run = runs.computeIfAbsent(runId, id -> new RunProgress());
        if (!run.ended) { // a status ("unknown since 14:05: ...", "running on node n2") never hides a run's end
            run.state = status;
        }
        plain(runId + " " + status);
        redraw(false);
    }

    private void plain(String line) {
        if (!terminal) {
            out.println(line);
        }
    }

    private void redraw(boolean force) {
        long now = System.nanoTime();
        if (!terminal || (!force && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        StringBuilder screen = new StringBuilder();
        if (drawn) {
            screen.append("\033[").append(runs.size()).append('F');
        }
        for (Map.Entry<String, RunProgress> entry : runs.entrySet()) {
            RunProgress run = entry.getValue();
            int filled = run.total == 0 ? 0 : Math.min(BAR_WIDTH, BAR_WIDTH * run.iteration / run.total);
            screen.append(String.format("\033[2K%-8s [%s%s] %5d/%-5d %s%n", entry.getKey(), "#".repeat(filled),
                    " ".repeat(BAR_WIDTH - filled), run.iteration, run.total, run.state));
        }
        out.print(screen);
        out.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        redraw(true);
    }
}
