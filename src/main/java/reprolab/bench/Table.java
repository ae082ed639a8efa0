package reprolab.bench;

import java.util.List;
import java.util.Map;

/** The benchmark report as a plain-text table for the terminal. */
final class Table {

    private Table() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> report) {
        StringBuilder out = new StringBuilder();
        out.append("seed-cnn, batch 64, ms per iteration (forward + backward + updater + other = the iteration,"
                + " each timed inside the same fit call)").append(Boolean.TRUE.equals(report.get("quick"))
                ? " (QUICK: too few iterations to compare)" : "").append('\n');
        out.append(String.format("%-7s %-8s %-8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %7s %9s%n", "threads", "helpers",
                "kernels", "median", "mean", "min", "stddev", "forward", "backward", "updater", "other", "prints", "prints%",
                "startup"));
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("iterations")) {
            Stats it = (Stats) row.get("iterationMs");
            out.append(String.format("%-7d %-8s %-8s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.2f %6.1f%% %7dms%n",
                    (Integer) row.get("threads"), (Boolean) row.get("helpersActive") ? "active" : "off",
                    row.get("kernels"), it.median(), it.mean(), it.min(), it.stddev(), median(row, "forwardMs"), median(row, "backwardMs"),
                    median(row, "updaterMs"), median(row, "otherMs"), median(row, "fingerprintMs"),
                    100 * (Double) row.get("fingerprintShare"), (Long) row.get("startupMs")));
        }
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("iterations");
        if (!rows.isEmpty()) {
            out.append("native build: ").append(rows.get(0).get("nativeBuild")).append('\n');
            out.append("conv cache mode: ").append(rows.get(0).get("cacheMode")).append('\n');
            if (Boolean.TRUE.equals(rows.get(0).get("threadInvariant"))) {
                out.append("thread-invariant kernels (execution.threadInvariant): native code on 1 thread,"
                        + " the threads column is our Java kernels' threads\n");
            }
            if (rows.get(0).containsKey("kernelSelfCheck")) {
                out.append("kernel self-check (what workers use): ").append(rows.get(0).get("kernelSelfCheck")).append('\n');
            }
            for (Map<String, Object> row : rows) {
                if (row.containsKey("iterationCpuMs")) {
                    out.append(String.format("CPU time of the training thread per iteration, %d thread(s): median %.1f ms"
                            + " (min %.1f; this thread only)%n", (Integer) row.get("threads"),
                            median(row, "iterationCpuMs"), ((Stats) row.get("iterationCpuMs")).min()));
                }
                if (row.containsKey("opProfileLog")) {
                    out.append(String.format("time per native op, %d thread(s), %s kernels: ND4J's op profiler in %s%n",
                            (Integer) row.get("threads"), row.get("kernels"), row.get("opProfileLog")));
                }
                if (row.containsKey("peakRssMb")) {
                    double first = (Double) row.get("rssFirstMb");
                    double last = (Double) row.get("rssLastMb");
                    out.append(String.format("resident memory, %d thread(s): %.1f MiB after the first measured iteration,"
                            + " %.1f MiB after the last (%+.1f over %d iterations); peak %.1f MiB%n", (Integer) row.get("threads"),
                            first, last, last - first, ((Stats) row.get("iterationMs")).count(), (Double) row.get("peakRssMb")));
                    if (row.containsKey("heapFirstMb")) {
                        double heapFirst = (Double) row.get("heapFirstMb");
                        double heapLast = (Double) row.get("heapLastMb");
                        // committed is not resident (untouched heap pages cost nothing), so no subtraction from the above
                        out.append(String.format("  Java heap committed meanwhile: %.1f -> %.1f MiB (%+.1f)%n", heapFirst,
                                heapLast, heapLast - heapFirst));
                    }
                }
                if (row.containsKey("batchMs")) {
                    out.append(String.format("batch building (ours, outside fit), %d thread(s): median %.3f ms%n",
                            (Integer) row.get("threads"), median(row, "batchMs")));
                }
            }
        }
        List<Map<String, Object>> repeated = (List<Map<String, Object>>) report.get("parallelRuns");
        if (repeated.isEmpty()) {
            return out.toString();
        }
        out.append(String.format("%nrepeated runs (1 thread each)%n%-9s %8s %10s %9s%n", "parallel", "wall s",
                "runs/min", "speed-up"));
        for (Map<String, Object> row : repeated) {
            out.append(String.format("%-9d %8.1f %10.2f %8.2fx%n", (Integer) row.get("parallel"),
                    (Long) row.get("wallMs") / 1000.0, (Double) row.get("runsPerMinute"), (Double) row.get("speedUp")));
        }
        return out.toString();
    }

    private static double median(Map<String, Object> row, String key) {
        return ((Stats) row.get(key)).median();
    }
}
