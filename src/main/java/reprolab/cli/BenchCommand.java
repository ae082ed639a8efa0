package reprolab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reprolab.bench.BenchMain;
import reprolab.bench.Options;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code reprolab bench}: speed of the seed CNN; prints figures, asserts nothing. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure ms per iteration of seed-cnn (forward/backward/updater split, fingerprint cost),",
                "worker start-up and runs per minute with 1, 2 and 4 parallel repeats; writes a table and JSON.",
                "Run it on a quiet machine: figures from a busy one say little (see docs/performance.md)."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--threads", paramLabel = "N", description = "profile only this thread count (default: 1 and 2)")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "target/bench.json", description = "JSON report; - writes it to standard output and the table to standard error (default: ${DEFAULT-VALUE})")
    Path json;

    @Option(names = "--quick", description = "fewer iterations: a smoke test of the figures, not a measurement")
    boolean quick;

    @Option(names = "--helpers", paramLabel = "on|off|both", defaultValue = "on",
            description = "vendor kernels (oneDNN) setting(s) to profile (default: ${DEFAULT-VALUE})")
    String helpers;

    @Option(names = "--kernels", paramLabel = "reprolab|dl4j|both", defaultValue = "reprolab",
            description = "whose Adam step, ReLU backward and dense layer to profile: ours (as runs use them), DL4J's, or both"
                    + " for a before/after; same bits either way (default: ${DEFAULT-VALUE})")
    String kernels;

    @Option(names = "--ops", description = "also time every native op (ND4J's op profiler, 20 more iterations per row);"
            + " the table names each log")
    boolean ops;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "0",
            description = "measured iterations per profiled configuration (default 40, --quick 12; 125 = one epoch of"
                    + " seed-cnn's 8,000 digits, to see whether resident memory grows)")
    int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "iterations before the measured ones (default 8, --quick 3); at 2 threads the JIT still "
                    + "compiles for ~50-100 iterations, so use ~100 for steady-state figures")
    int warmup;

    @Option(names = "--no-repeats", description = "skip the 5 complete repeated runs (1, 2 and 4 at a time) after the profile")
    boolean noRepeats;

    @Option(names = "--spec", paramLabel = "FILE", description = "measure this experiment's model (e.g. a custom one) "
            + "instead of seed-cnn; its data size and threads are the benchmark's")
    Path spec;

    @Override
    public Integer call() {
        List<Boolean> helperStates = switch (helpers) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            case "both" -> List.of(true, false);
            default -> throw new IllegalArgumentException("--helpers must be on, off or both, got " + helpers);
        };
        List<String> kernelChoices = switch (kernels) {
            case "reprolab", "dl4j" -> List.of(kernels);
            case "both" -> List.of("dl4j", "reprolab");
            default -> throw new IllegalArgumentException("--kernels must be reprolab, dl4j or both, got " + kernels);
        };
        return BenchMain.run(new Options(threads == null ? List.of(1, 2) : List.of(threads), json, quick, helperStates,
                kernelChoices, ops, iterations, !noRepeats, spec == null ? Options.SEED_CNN_SPEC : spec, warmup));
    }
}
