package reprolab.cli;

import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunSpec;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.Planner;
import reprolab.run.RunningExperiment;
import reprolab.run.WorkerCommand;

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
    }

    static Outcome run(ExperimentSpec spec, ExperimentStore store, double lossTolerance, PrintStream progressOut)
            throws IOException, InterruptedException {
        ExperimentFolder folder = store.create(spec);
        List<RunSpec> runs = Planner.repeats(spec, spec.runs().repeats());
        int parallel = spec.runs().parallel() > 0 ? spec.runs().parallel()
                : ExperimentRunner.defaultParallel(spec.execution().threads());
        ProgressPrinter progress = ProgressPrinter.forStream(progressOut, runs);
        progressOut.println("experiment " + folder.path() + ": " + runs.size() + " runs, " + Math.min(parallel, runs.size())
                + " at a time");
        RunningExperiment running = new ExperimentRunner(WorkerCommand.forCurrentJvm()).start(folder, runs, parallel, progress);
        List<RunHistory> histories = CancelOnExit.await(running::cancelAll, running::await, progress);
        return new Outcome(folder, histories, ExperimentAnalysis.analyse(histories, lossTolerance));
    }
}
