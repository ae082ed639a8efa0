package reprolab.cli;

import reprolab.analysis.ExperimentAnalysis;
import picocli.CommandLine.Option;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunsSpec;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;
import reprolab.experiment.SpecOverrides;
import reprolab.experiment.SpecValidator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options shared by the commands that run an experiment file. */
final class SpecOptions {

    @Option(names = "--repeats", paramLabel = "N", description = "runs of the same spec (default: the file's runs.repeats)")
    Integer repeats;

    @Option(names = "--parallel", paramLabel = "P",
            description = "runs at once (default: the file's runs.parallel, 0 = as many as fit the cores)")
    Integer parallel;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override one field of the spec, e.g. --set seeds.dropout.enabled=false")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = ExperimentAnalysis.DEFAULT_LOSS_TOLERANCE_TEXT,
            description = "loss difference that counts as diverged for the tolerance report (default: ${DEFAULT-VALUE})")
    double tolerance;

    /** Reads the file, applies --set, --repeats and --parallel, and validates the result. */
    ExperimentSpec load(Path file) throws SpecException {
        ExperimentSpec spec = SpecOverrides.apply(SpecJson.read(file), overrides);
        RunsSpec runs = new RunsSpec(repeats == null ? spec.runs().repeats() : repeats,
                parallel == null ? spec.runs().parallel() : parallel, spec.runs().snapshotEvery());
        spec = spec.withRuns(runs);
        SpecValidator.validateOrThrow(spec);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new SpecException("--tolerance is " + tolerance + "; allowed: a finite number, at least 0");
        }
        return spec;
    }
}
