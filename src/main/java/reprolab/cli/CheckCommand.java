package reprolab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import reprolab.analysis.ReportText;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code reprolab check SPEC.json --repeats N}: a gate for continuous integration. Exit 0 when every
 * run finished and all are bitwise identical, 1 when they differ or a run failed, 2 on bad input.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Exit 0 if all repeats are bitwise identical, 1 if not (with the report), 2 on bad input.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "experiment file")
    Path specFile;

    @picocli.CommandLine.Mixin
    SpecOptions specOptions;

    @picocli.CommandLine.Mixin
    StoreOption storeOption;

    @picocli.CommandLine.Mixin
    TargetOptions targetOptions;

    @Override
    public Integer call() throws Exception {
        ExperimentSpec spec = specOptions.load(specFile);
        if (spec.runs().repeats() < 2) {
            System.err.println("reprolab: check needs at least 2 repeats to compare (--repeats N)");
            return Main.EXIT_USAGE;
        }
        ExperimentSession.Outcome outcome = ExperimentSession.run(spec, storeOption.store(), specOptions.tolerance, System.err,
                targetOptions);
        System.out.println(ReportText.render(outcome.report()));
        boolean allFinished = outcome.runs().stream().allMatch(r -> r.finished() != null);
        return outcome.report().identical() && allFinished ? Main.EXIT_OK : Main.EXIT_DIFFERENT;
    }
}
