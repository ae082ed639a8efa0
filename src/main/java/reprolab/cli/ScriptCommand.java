package reprolab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecException;
import reprolab.run.ScriptExperiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code reprolab script SCRIPT.py [--repeats N] [--seed S] [--hash-seed H] [--threads T] [--time LIMIT]
 * [-- ARGS...]}: runs a user's own PyTorch script N times, each in its own Python process under the
 * probe, and prints the same report as {@code run}. Exit 0 all finished, 1 a run failed, 2 bad input.
 */
@Command(name = "script", mixinStandardHelpOptions = true,
        description = {"Run your own, unchanged PyTorch training script N times (one process each) and say where "
                + "the runs part and which setting differs (docs/your-script.md).",
                "Exit 0 when every run finished, 1 when a run failed, 2 on bad input (no such file, not Python, no torch)."})
final class ScriptCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCRIPT.py", description = "the training script")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the script's own arguments (after --)")
    List<String> args = new ArrayList<>();

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "runs (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--seed", paramLabel = "S", description = "seed torch, random and numpy before the script starts "
            + "(default: each run draws one and records it; a script that seeds itself wins)")
    Long seed;

    @Option(names = "--hash-seed", paramLabel = "H", description = "PYTHONHASHSEED (default: each run draws one)")
    Long hashSeed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "torch.set_num_threads and OMP/MKL/OpenBLAS threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--deterministic", description = "GPU only: torch.use_deterministic_algorithms(True) + CUBLAS_WORKSPACE_CONFIG")
    boolean deterministic;

    @Option(names = "--cudnn-benchmark", description = "GPU only: torch.backends.cudnn.benchmark = True")
    boolean cudnnBenchmark;

    @Option(names = "--no-cudnn", description = "GPU only: torch.backends.cudnn.enabled = False")
    boolean noCudnn;

    @Option(names = "--ablate", description = "flip one setting at a time from the all-fixed baseline and say which "
            + "breaks reproducibility (the output of ablate)")
    boolean ablate;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = ExperimentAnalysis.DEFAULT_LOSS_TOLERANCE_TEXT,
            description = "loss difference that counts as diverged (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Mixin
    StoreOption storeOption;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--json", description = "print the report as JSON instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ExperimentSpec spec;
        String time = targetOptions.time;
        try {
            ScriptExperiments.Request request = new ScriptExperiments.Request(script, args, repeats, seed, hashSeed,
                    threads, ScriptTime.seconds(time), deterministic, cudnnBenchmark, noCudnn);
            spec = ScriptExperiments.spec(request);
        } catch (SpecException | IllegalArgumentException e) {
            System.err.println("reprolab: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        // --time is the script's limit on every target; Slurm also gets it as the job's limit
        targetOptions.time = targetOptions.slurm() ? ScriptTime.slurmLimit(time) : null;
        if (ablate) {
            return ScriptAblation.run(spec, storeOption, targetOptions, json);
        }
        ExperimentSession.Outcome outcome = ExperimentSession.run(spec, storeOption.store(), tolerance, System.err,
                targetOptions);
        return outcome.print(json);
    }
}
