package reprolab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code reprolab run SPEC.json}: runs the repeats of an experiment and prints the verdict. Exit 0 when
 * every run finished (identical or not), 1 when a run failed or was cancelled, 2 on bad input.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment's repeats (one JVM each), store them, print the verdict and a summary.",
                "Exit 0 when every run finished, 1 when a run failed or was cancelled, 2 on bad input."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "experiment file")
    Path specFile;

    @picocli.CommandLine.Mixin
    SpecOptions specOptions;

    @picocli.CommandLine.Mixin
    StoreOption storeOption;

    @picocli.CommandLine.Mixin
    TargetOptions targetOptions;

    @Option(names = "--json", description = "print the report as JSON instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ExperimentSpec spec = specOptions.load(specFile);
        ExperimentSession.Outcome outcome = ExperimentSession.run(spec, storeOption.store(), specOptions.tolerance, System.err,
                targetOptions);
        return outcome.print(json);
    }
}
