package reprolab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.events.RunHistory;
import reprolab.run.RunReplay;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code reprolab replay RUN.jsonl}: runs a stored run again from its provenance alone (its spec and
 * the seeds it used) and says whether the replay is bitwise identical. Exit 0 identical, 1 not,
 * 2 on bad input (not a run log, no provenance, data files changed since).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run one stored run from its provenance; exit 0 if bitwise identical, 1 if not, 2 on bad input.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN.jsonl", description = "a run's event log: <experiment>/runs/<run-id>.jsonl")
    Path log;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = ExperimentAnalysis.DEFAULT_LOSS_TOLERANCE_TEXT,
            description = "loss difference that counts as diverged (default: ${DEFAULT-VALUE})")
    double tolerance;

    @picocli.CommandLine.Mixin
    TargetOptions on;

    @picocli.CommandLine.Mixin
    StoreOption storeOption;

    @Override
    public Integer call() throws Exception {
        RunReplay replay;
        try {
            replay = RunReplay.of(log);
        } catch (IllegalArgumentException e) {
            System.err.println("reprolab: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        List<String> changed = replay.changedData();
        if (!changed.isEmpty()) {
            System.err.println("reprolab: the data the run read has changed, a replay would prove nothing: "
                    + String.join("; ", changed));
            return Main.EXIT_USAGE;
        }
        ExperimentSession.Outcome outcome = ExperimentSession.run(replay.spec(), storeOption.store(), tolerance,
                System.err, on);
        RunHistory original = renamed(replay.original(), "original");
        RunHistory again = renamed(outcome.runs().get(0), "replay");
        ExperimentReport report = ExperimentAnalysis.analyse(List.of(original, again), tolerance);
        boolean identical = report.identical();
        System.out.println("replay of " + log + " (stored in " + outcome.folder().path() + "): "
                + (identical ? "bitwise identical, final hash " + again.finished().finalHash() : "NOT identical"));
        System.out.println(report.verdict());
        return identical ? Main.EXIT_OK : Main.EXIT_DIFFERENT;
    }

    private static RunHistory renamed(RunHistory r, String id) {
        return new RunHistory(id, r.started(), r.iterations(), r.epochs(), r.finished(), r.failed(), r.problems());
    }
}
