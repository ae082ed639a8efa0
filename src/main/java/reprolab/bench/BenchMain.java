package reprolab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import reprolab.experiment.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./reprolab bench [--threads N] [--json FILE|-] [--quick] [--helpers on|off|both] [--kernels reprolab|dl4j|both] [--ops]} (see
 * {@code reprolab.cli.BenchCommand}): measures
 * training of {@code seed-cnn} on this machine and prints a table; never asserts a time. Figures:
 * ms per iteration (median, mean, spread) per thread count, each in its own worker JVM; the split
 * into forward, backward and updater; the cost of the per-iteration fingerprints; start-up of a
 * worker; runs per minute for 5 repeats with 1, 2 and 4 in parallel. Exit code 0, or 2 on bad usage.
 */
public final class BenchMain {

    static final String PROFILER = "reprolab.worker.IterationProfiler";
    static final String WORKER = "reprolab.worker.WorkerMain";

    private BenchMain() {
    }

    /** Runs the benchmark; returns the process exit code. */
    public static int run(Options options) {
        try {
            Map<String, Object> report = measure(options);
            String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
            if (options.jsonToStdout()) {
                // standard output carries the JSON document alone, so it can be piped; the table goes to the log
                System.err.print(Table.render(report));
                System.out.println(json);
                return 0;
            }
            Files.createDirectories(options.json().toAbsolutePath().getParent());
            Files.writeString(options.json(), json);
            System.out.print(Table.render(report));
            System.out.println("JSON: " + options.json());
            return 0;
        } catch (IOException e) {
            System.err.println("bench failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static Map<String, Object> measure(Options options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("reprolab-bench");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", Map.of("cpu", cpu(), "cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.runtime.version")));
        report.put("quick", options.quick());
        List<Map<String, Object>> iterations = new ArrayList<>();
        for (boolean helpers : options.helpers()) {
            for (int threads : options.threads()) {
                for (String kernels : options.kernels()) {
                    iterations.add(profile(dir, options, threads, helpers, kernels));
                }
            }
        }
        report.put("iterations", iterations);
        report.put("workload", options.spec().toString());
        report.put("parallelRuns", options.repeatedRuns()
                ? ParallelRuns.measure(options.spec(), dir, options.quick() ? 640 : 1920, 5, List.of(1, 2, 4)) : List.of());
        return report;
    }

    private static Map<String, Object> profile(Path dir, Options options, int threads, boolean helpers, String kernels)
            throws IOException, InterruptedException {
        String name = "profile-t" + threads + (helpers ? "" : "-nohelpers") + "-" + kernels;
        Path spec = Workloads.fromFile(options.spec(), dir, name, 8000, threads, helpers);
        Path out = dir.resolve(name + ".out");
        int warmup = options.warmup();
        int measured = options.measured();
        System.err.printf("profiling %s at %d thread(s), helpers %s, %s kernels: %d + %d iterations...%n",
                options.spec().getFileName(), threads, helpers ? "on" : "off", kernels, warmup, measured);
        long t0 = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(spec.toString(), String.valueOf(warmup), String.valueOf(measured), kernels));
        if (options.ops()) {
            args.add("ops");
        }
        Process p = ChildJvm.start(PROFILER, Workloads.execution(spec), out, args.toArray(String[]::new));
        JsonNode raw = Json.mapper().readTree(ChildJvm.await(p, out, 30));
        Map<String, Object> figures = IterationFigures.from(raw, (System.nanoTime() - t0) / 1e6);
        figures.put("warmupIterations", warmup);
        if (options.ops()) {
            figures.put("opProfileLog", out.resolveSibling(out.getFileName() + ".err").toString());
        }
        return figures;
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
