package reprolab.cli;

import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentStore;
import reprolab.run.RepeatSession;
import reprolab.run.RunTarget;
import reprolab.run.RunningExperiment;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs the repeats of one experiment from the command line: stores it, shows progress, cancels the
 * workers on Ctrl-C, and analyses what came back.
 */
final class ExperimentSession {

    private ExperimentSession() {
    }

    record Outcome(ExperimentFolder folder, List<RunHistory> runs, ExperimentReport report) {

        /** Prints the report (text, or JSON) on stdout, and returns the exit code: 0 when every run finished. */
        int print(boolean json) throws com.fasterxml.jackson.core.JsonProcessingException {
            if (json) {
                System.out.println(reprolab.experiment.Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(report));
            } else {
                System.out.println(reprolab.analysis.ReportText.render(report));
                System.out.println("stored in " + folder.path());
            }
            return runs.stream().allMatch(r -> r.finished() != null) ? Main.EXIT_OK : Main.EXIT_DIFFERENT;
        }
    }

    static Outcome run(ExperimentSpec spec, ExperimentStore store, double lossTolerance, PrintStream progressOut,
                       TargetOptions on) throws IOException, InterruptedException {
        RunTarget target = on.target();
        target.check(store.root()); // before the folder exists: a refused submission leaves nothing behind
        RepeatSession session = RepeatSession.plan(spec, target);
        ExperimentFolder folder = session.createFolder(store);
        ProgressPrinter progress = ProgressPrinter.forStream(progressOut, session.runs());
        progressOut.println("experiment " + folder.path() + ": " + session.runs().size() + " runs, "
                + session.atOnce() + " at a time on " + target.describe());
        RunningExperiment running = session.start(folder, target, progress);
        List<RunHistory> histories = CancelOnExit.await(running::cancelAll, running::await, progress);
        return new Outcome(folder, histories, ExperimentAnalysis.analyse(histories, lossTolerance));
    }
}
