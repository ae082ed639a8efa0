package reprolab.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the profiler child's raw samples into the benchmark's figures for one thread count. */
final class IterationFigures {

    /** The phases of an iteration, in order; their medians need not add up, each iteration's values do. */
    static final java.util.List<String> PHASES = java.util.List.of("forwardMs", "backwardMs", "updaterMs", "otherMs");

    private IterationFigures() {
    }

    static Map<String, Object> from(JsonNode raw, double childWallMs) {
        double[] fit = array(raw.get("fitMs"));
        double[] fingerprint = array(raw.get("fingerprintMs"));
        Stats iteration = Stats.of(fit);
        Stats prints = Stats.of(fingerprint);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("threads", raw.get("threads").asInt());
        figures.put("nativeBuild", raw.get("nativeBuild").asText());
        figures.put("helpersActive", raw.get("helpersActive").asBoolean());
        figures.put("cacheMode", raw.path("cacheMode").asText("NONE"));
        figures.put("threadInvariant", raw.path("threadInvariant").asBoolean(false));
        figures.put("kernels", raw.path("kernels").asText("dl4j"));
        if (raw.has("kernelSelfCheck")) {
            figures.put("kernelSelfCheck", raw.get("kernelSelfCheck").asText());
        }
        figures.put("startupMs", raw.get("startupMs").asLong());
        figures.put("childWallMs", Math.round(childWallMs));
        figures.put("iterationMs", iteration);
        // each phase timed inside the same fit call: never negative, and per iteration they add up to it
        for (String phase : PHASES) {
            figures.put(phase, Stats.of(array(raw.get(phase))));
        }
        figures.put("fingerprintMs", prints);
        figures.put("fingerprintShare", prints.median() / iteration.median());
        if (raw.has("fitCpuMs")) {
            figures.put("iterationCpuMs", Stats.of(array(raw.get("fitCpuMs"))));
        }
        if (raw.has("batchMs")) {
            figures.put("batchMs", Stats.of(array(raw.get("batchMs"))));
        }
        if (raw.has("rssMb")) {
            double[] rss = array(raw.get("rssMb"));
            figures.put("rssFirstMb", rss[0]);
            figures.put("rssLastMb", rss[rss.length - 1]);
            figures.put("peakRssMb", raw.get("peakRssMb").asDouble());
            if (raw.has("heapCommittedMb")) {
                double[] heap = array(raw.get("heapCommittedMb"));
                figures.put("heapFirstMb", heap[0]);
                figures.put("heapLastMb", heap[heap.length - 1]);
            }
        }
        return figures;
    }

    private static double[] array(JsonNode node) {
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }
}
