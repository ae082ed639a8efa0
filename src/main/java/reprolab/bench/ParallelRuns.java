package reprolab.bench;

import reprolab.experiment.ExecutionSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of repeated runs: {@code repeats} complete worker runs of seed-cnn (1 thread each, so
 * P in parallel use P cores without oversubscribing libnd4j's thread pools), at most P at a time.
 */
final class ParallelRuns {

    private ParallelRuns() {
    }

    static List<Map<String, Object>> measure(Path source, Path dir, int trainSize, int repeats, List<Integer> parallels)
            throws IOException, InterruptedException {
        Path spec = Workloads.fromFile(source, dir, "repeat", trainSize, 1, true);
        List<Map<String, Object>> results = new ArrayList<>();
        double baseline = 0;
        for (int parallel : parallels) {
            System.err.printf("%d runs of %s (%d digits), %d in parallel...%n", repeats, source.getFileName(), trainSize, parallel);
            double wallMs = runAll(dir, spec, repeats, parallel);
            double perMinute = repeats * 60_000.0 / wallMs;
            baseline = baseline == 0 ? perMinute : baseline;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("parallel", parallel);
            row.put("repeats", repeats);
            row.put("trainSize", trainSize);
            row.put("wallMs", Math.round(wallMs));
            row.put("runsPerMinute", perMinute);
            row.put("speedUp", perMinute / baseline);
            results.add(row);
        }
        return results;
    }

    private static double runAll(Path dir, Path spec, int repeats, int parallel) throws IOException, InterruptedException {
        ExecutionSpec execution = Workloads.execution(spec);
        long t0 = System.nanoTime();
        Deque<Process> running = new ArrayDeque<>();
        Deque<Path> outputs = new ArrayDeque<>();
        for (int i = 0; i < repeats; i++) {
            if (running.size() == parallel) {
                ChildJvm.await(running.removeFirst(), outputs.removeFirst(), 30);
            }
            Path out = dir.resolve("repeat-p" + parallel + "-" + i + ".jsonl");
            running.addLast(ChildJvm.start(BenchMain.WORKER, execution, out, spec.toString()));
            outputs.addLast(out);
        }
        while (!running.isEmpty()) {
            ChildJvm.await(running.removeFirst(), outputs.removeFirst(), 30);
        }
        return (System.nanoTime() - t0) / 1e6;
    }
}
