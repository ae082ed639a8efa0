package reprolab.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import reprolab.events.FailureCause;
import reprolab.experiment.Json;
import reprolab.experiment.ResolvedSeeds;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reprolab.analysis.RunFixture.run;

class ReportJsonTest {

    private static JsonNode json(Object report) throws Exception {
        return Json.mapper().readTree(Json.mapper().writeValueAsString(report));
    }

    @Test
    void jsonReportHasTheDocumentedFieldNames() throws Exception {
        JsonNode root = json(ExperimentAnalysis.analyse(List.of(run("a").build(), run("b").build()), 0));
        for (String field : List.of("runs", "identical", "firstDivergence", "lossSpread", "verdict")) {
            assertTrue(root.has(field), field);
        }
        JsonNode first = root.get("runs").get(0);
        for (String field : List.of("id", "status", "seeds", "finalHash", "valAccuracy", "valLoss", "msPerIteration")) {
            assertTrue(first.has(field), field);
        }
        assertEquals("a", first.get("id").asText());
        assertEquals("finished", first.get("status").asText());
        assertEquals(42, first.get("seeds").get("weightInit").asLong());
        assertEquals(0.9, first.get("valAccuracy").asDouble());
        assertEquals(95.0, first.get("msPerIteration").asDouble());
        assertTrue(root.get("identical").asBoolean());
        assertTrue(root.get("firstDivergence").isNull());
        assertEquals(10, root.get("lossSpread").size());
        assertEquals(1, root.get("lossSpread").get(0).get("iteration").asInt());
        assertEquals("All 2 runs are bitwise identical.", root.get("verdict").asText());
    }

    @Test
    void jsonFirstDivergenceIsAnObjectWithIterationAndLayer() throws Exception {
        JsonNode root = json(ExperimentAnalysis.analyse(List.of(run("a").build(),
                run("b").seeds(new ResolvedSeeds(1, 42, 42, 42)).divergeAt(0, 0, "b").build()), 0));
        assertFalse(root.get("identical").asBoolean());
        JsonNode d = root.get("firstDivergence");
        assertEquals(0, d.get("iteration").asInt());
        assertEquals("conv_0", d.get("layer").asText());
        assertEquals(2, d.size());
    }

    @Test
    void jsonOfAFailedRunHasNullFinalValuesAndStaysStandardJson() throws Exception {
        String text = Json.mapper().writeValueAsString(ExperimentAnalysis.analyse(List.of(run("a").build(),
                run("b").iterations(3).loss(3, Double.NaN).failed("NaN loss", FailureCause.DIVERGED).build()), 0));
        assertFalse(text.contains("NaN,") || text.contains(":NaN"), "no bare NaN token: " + text);
        JsonNode failed = Json.mapper().readTree(text).get("runs").get(1);
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("finalHash").isNull());
        assertTrue(failed.get("valAccuracy").isNull());
    }

    @Test
    void ablationReportSerialisesFactorsAndVerdict() throws Exception {
        AblationReport report = AblationAnalysis.analyse(List.of(
                new AblationGroup("baseline", "everything seeded", List.of(run("a").build(), run("b").build()))));
        JsonNode root = json(report);
        assertEquals("baseline", root.get("factors").get(0).get("factor").asText());
        assertFalse(root.get("factors").get(0).get("breaksReproducibility").asBoolean());
        assertTrue(root.has("verdict"));
    }
}
