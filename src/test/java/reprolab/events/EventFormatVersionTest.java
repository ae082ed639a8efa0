package reprolab.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.Json;
import reprolab.experiment.ResolvedSeeds;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFormatVersionTest {

    private static Provenance provenance(Map<String, String> data, String flags) {
        return new Provenance("hash", ExperimentSpec.defaults(), new ResolvedSeeds(1, 2, 3, 4), Map.of(), "CpuBackend",
                "linux", true, "cpu", "Linux", "17", Map.of(), List.of("dense_0"), 10, data, flags);
    }

    @Test
    void everyLineCarriesTheCurrentFormatVersion() throws Exception {
        String line = EventCodec.encode(new FinishedEvent("ab", 1, 1, 1, 0.1, 0.9, false, -1));
        assertEquals(EventCodec.FORMAT_VERSION, Json.mapper().readTree(line).get(EventCodec.FORMAT_FIELD).asInt());
    }

    @Test
    void dataChecksumsAndCpuFlagsSurviveTheRoundTrip() throws Exception {
        StartedEvent started = new StartedEvent("r", provenance(Map.of("/data/images.gz", "ab12"), "fpu sse2 avx2"));
        assertEquals(started, EventCodec.decode(EventCodec.encode(started)));
    }

    @Test
    void aLineWithoutAVersionIsReadAsVersionOneWithoutTheNewFields() throws Exception {
        StartedEvent started = new StartedEvent("r", provenance(Map.of("/data/images.gz", "ab12"), "avx2"));
        ObjectNode node = (ObjectNode) Json.mapper().readTree(EventCodec.encode(started));
        node.remove(EventCodec.FORMAT_FIELD);
        ObjectNode p = (ObjectNode) node.get("provenance");
        p.remove("dataChecksums");
        p.remove("cpuFlags");
        StartedEvent old = (StartedEvent) EventCodec.decode(Json.mapper().writeValueAsString(node));
        assertEquals(Map.of(), old.provenance().dataChecksums());
        assertEquals("", old.provenance().cpuFlags());
        assertEquals(started.provenance().seeds(), old.provenance().seeds());
    }

    @Test
    void anUnknownVersionIsRejectedByName() {
        EventFormatException e = assertThrows(EventFormatException.class,
                () -> EventCodec.decode("{\"type\":\"finished\",\"formatVersion\":3,\"finalHash\":\"ab\"}"));
        assertTrue(e.getMessage().contains("formatVersion 3 is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("versions 1 to " + EventCodec.FORMAT_VERSION), e.getMessage());
    }

    @Test
    void aStartedLineOfTheLastReleaseLoadsWithThisRoundsSpecFieldsAtTheirDefaults() throws Exception {
        StartedEvent started = new StartedEvent("r", provenance(Map.of(), ""));
        ObjectNode node = (ObjectNode) Json.mapper().readTree(EventCodec.encode(started));
        node.remove(EventCodec.FORMAT_FIELD);
        ObjectNode spec = (ObjectNode) node.get("provenance").get("spec");
        // the fields the engine, custom-model and snapshot work added to the experiment file
        ((ObjectNode) spec.get("execution")).remove(List.of("engine", "deterministicAlgorithms", "cudnnBenchmark"));
        ((ObjectNode) spec.get("runs")).remove("snapshotEvery");
        ((ObjectNode) spec.get("model")).remove("layers");
        StartedEvent old = (StartedEvent) EventCodec.decode(Json.mapper().writeValueAsString(node));
        assertEquals(ExperimentSpec.defaults(), old.provenance().spec());
    }
}
