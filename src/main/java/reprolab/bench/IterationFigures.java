package reprolab.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the profiler child's raw samples into the benchmark's figures for one thread count. */
final class IterationFigures {

    private IterationFigures() {
    }

    static Map<String, Object> from(JsonNode raw, double childWallMs) {
        double[] fit = array(raw.get("fitMs"));
        double[] forwardBackward = array(raw.get("forwardBackwardMs"));
        double[] forward = array(raw.get("forwardMs"));
        double[] fingerprint = array(raw.get("fingerprintMs"));
        Stats iteration = Stats.of(fit);
        Stats prints = Stats.of(fingerprint);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("threads", raw.get("threads").asInt());
        figures.put("nativeBuild", raw.get("nativeBuild").asText());
        figures.put("helpersActive", raw.get("helpersActive").asBoolean());
        figures.put("cacheMode", raw.path("cacheMode").asText("NONE"));
        figures.put("kernels", raw.path("kernels").asText("dl4j"));
        if (raw.has("kernelSelfCheck")) {
            figures.put("kernelSelfCheck", raw.get("kernelSelfCheck").asText());
        }
        figures.put("startupMs", raw.get("startupMs").asLong());
        figures.put("childWallMs", Math.round(childWallMs));
        figures.put("iterationMs", iteration);
        figures.put("forwardMs", Stats.of(forward));
        figures.put("backwardMs", Stats.of(Stats.minus(forwardBackward, forward)));
        figures.put("updaterMs", Stats.of(Stats.minus(fit, forwardBackward)));
        figures.put("fingerprintMs", prints);
        figures.put("fingerprintShare", prints.median() / iteration.median());
        if (raw.has("fitCpuMs")) {
            figures.put("iterationCpuMs", Stats.of(array(raw.get("fitCpuMs"))));
        }
        if (raw.has("batchMs")) {
            figures.put("batchMs", Stats.of(array(raw.get("batchMs"))));
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
