package reprolab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reprolab.ablation.AblationFactor;
import reprolab.ablation.AblationPlan;
import reprolab.ablation.AblationPlanner;
import reprolab.ablation.AblationRunner;
import reprolab.ablation.AblationText;
import reprolab.ablation.LongTraining;
import reprolab.ablation.RunningAblation;
import reprolab.analysis.AblationReport;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.Json;
import reprolab.run.RunTarget;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code reprolab ablate SPEC.json --repeats R [--factors a,b]}: which factor makes seeded runs differ,
 * and by how much. Prints progress on stderr, then the table and the verdict (or the report as JSON).
 */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Run a baseline group and one group per factor in which only that factor varies; "
                + "report which factors break bitwise reproducibility and how much accuracy each moves.")
final class AblateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "baseline experiment file")
    Path specFile;

    @Mixin
    SpecOptions specOptions;

    @Option(names = "--factors", split = ",", paramLabel = "FACTOR",
            description = "factors to vary (default: all): weightInit, dropout, shuffle, split, threads, helpers, "
                    + "dataType, perturbation, learningRate; for engine pytorch on cuda also deterministicAlgorithms, "
                    + "cudnnBenchmark, device")
    List<String> factors = new ArrayList<>();

    @Option(names = "--long", description = "train long enough for a 1e-8 difference to grow (tiny model: at least "
            + LongTraining.TINY_EPOCHS + " epochs; seed-cnn: " + LongTraining.SEED_CNN_EPOCHS + ") and write parameter "
            + "snapshots (runs.snapshotEvery), so the report gives each factor's time to chaos")
    boolean longTraining;

    @Mixin
    StoreOption storeOption;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--json", description = "print the report as JSON instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<AblationFactor> chosen;
        try {
            chosen = factors.isEmpty() ? null : AblationFactor.parse(factors);
        } catch (IllegalArgumentException e) {
            System.err.println("reprolab: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        ExperimentSpec spec = specOptions.load(specFile);
        if (chosen == null) {
            chosen = AblationFactor.varyingFor(spec.execution());
        }
        if (longTraining) {
            spec = LongTraining.apply(spec);
        }
        AblationPlan plan = AblationPlanner.plan(spec, spec.runs().repeats(), chosen);
        AblationReport report = run(plan);
        System.out.println(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report)
                : AblationText.render(report));
        return Main.EXIT_OK;
    }

    private AblationReport run(AblationPlan plan) throws Exception {
        RunTarget target = targetOptions.target();
        target.check(storeOption.store().root());
        AblationRunner runner = new AblationRunner(target, storeOption.store());
        int parallel = specOptions.parallel != null && specOptions.parallel > 0 ? specOptions.parallel
                : AblationRunner.defaultParallel(plan, target);
        ProgressPrinter progress = ProgressPrinter.forStream(System.err, plan.allRuns());
        RunningAblation running = runner.start(plan, parallel, progress);
        System.err.println("ablation " + running.folder().path() + ": " + plan.groups().size() + " groups x "
                + plan.repeats() + " runs, " + Math.min(parallel, plan.allRuns().size()) + " at a time on "
                + target.describe());
        return CancelOnExit.await(running::cancelAll, running::await, progress);
    }
}
