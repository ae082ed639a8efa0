package reprolab.experiment;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecJsonTest {

    @Test
    void emptyObjectGivesTheDefaults() throws SpecException {
        assertEquals(ExperimentSpec.defaults(), SpecJson.parse("{}"));
    }

    @Test
    void partialFileOverridesOnlyWhatItNames() throws SpecException {
        ExperimentSpec spec = SpecJson.parse("{\"model\": {\"name\": \"tiny\", \"epochs\": 3}, \"seeds\": {\"dropout\": {\"enabled\": false}}}");
        assertEquals(ModelName.TINY, spec.model().name());
        assertEquals(3, spec.model().epochs());
        assertEquals(64, spec.model().batchSize());
        assertFalse(spec.seeds().dropout().enabled());
        assertEquals(42, spec.seeds().dropout().value());
        assertTrue(spec.seeds().weightInit().enabled());
    }

    @Test
    void writtenSpecReadsBackEqual() throws SpecException {
        ExperimentSpec spec = ExperimentSpec.defaults().withName("round trip")
                .withSeeds(SeedsSpec.defaults().with(SeedKind.SHUFFLE, SeedSetting.on(-5)));
        assertEquals(spec, SpecJson.parse(SpecJson.write(spec)));
    }

    @Test
    void unknownFieldIsRejectedWithItsPath() {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse("{\"model\": {\"epochz\": 3}}"));
        assertTrue(e.getMessage().contains("unknown field 'model.epochz'"), e.getMessage());
        assertTrue(e.getMessage().contains("epochs"), "lists the known fields: " + e.getMessage());
    }

    @Test
    void unknownSchemaVersionIsRejected() {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse("{\"schemaVersion\": 2}"));
        assertTrue(e.getMessage().contains("schemaVersion 2 is not supported"), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheField() {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse("{\"model\": {\"epochs\": \"ten\"}}"));
        assertTrue(e.getMessage().contains("model.epochs"), e.getMessage());
    }

    @Test
    void unknownEnumValueNamesTheField() {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse("{\"model\": {\"name\": \"resnet\"}}"));
        assertTrue(e.getMessage().contains("model.name"), e.getMessage());
    }

    @Test
    void outOfRangeValuesNameFieldValueAndRange() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"model\": {\"epochs\": 0, \"learningRate\": -1}, \"execution\": {\"threads\": 999}}"));
        List<String> problems = e.problems();
        assertTrue(problems.contains("field 'model.epochs' is 0; allowed: 1 to 1000"), problems.toString());
        assertTrue(problems.contains("field 'execution.threads' is 999; allowed: 1 to 256"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("field 'model.learningRate' is -1.0")), problems.toString());
    }

    @Test
    void perturbationLayerMustExistInTheModel() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"model\": {\"name\": \"tiny\"}, \"perturbation\": {\"layer\": \"conv_1\"}}"));
        assertTrue(e.getMessage().contains("model tiny has the layers conv_0, dense_0, output"), e.getMessage());
    }

    @Test
    void sampleCannotHoldMoreDigitsThanItHas() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"data\": {\"trainSize\": 9000, \"validationSize\": 2000}}"));
        assertTrue(e.getMessage().contains("the shipped sample has 10000 digits"), e.getMessage());
    }

    @Test
    void idxSourceNeedsBothPaths() {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse("{\"data\": {\"source\": \"idx\"}}"));
        assertTrue(e.getMessage().contains("'data.imagesPath' is required"), e.getMessage());
    }

    @Test
    void malformedJsonSaysWhere() {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse("{\"model\": {\"epochs\": 3,,}}"));
        assertTrue(e.getMessage().startsWith("malformed JSON at line 1"), e.getMessage());
    }

    @Test
    void deeplyNestedDocumentIsRejected() {
        String nested = "{\"name\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse(nested));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void hugeNumberIsRejected() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"model\": {\"epochs\": 1" + "0".repeat(2000) + "}}"));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void specHashChangesWithAnySetting() {
        ExperimentSpec a = ExperimentSpec.defaults();
        assertEquals(SpecJson.hash(a), SpecJson.hash(ExperimentSpec.defaults()));
        assertNotEquals(SpecJson.hash(a), SpecJson.hash(a.withExecution(a.execution().withThreads(2))));
    }

    @Test
    void shippedExperimentFilesAreValid() throws Exception {
        try (var files = Files.list(Path.of("sample-data/experiments"))) {
            List<Path> specs = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertEquals(4, specs.size()); // forum-question, seed-cnn, tiny, custom-seed-cnn
            for (Path file : specs) {
                SpecJson.read(file);
            }
        }
    }

    @Test
    void overrideSetsANestedFieldAndValidates() throws SpecException {
        ExperimentSpec spec = SpecOverrides.apply(ExperimentSpec.defaults(),
                List.of("seeds.dropout.enabled=false", "model.name=tiny", "execution.threads=2"));
        assertFalse(spec.seeds().dropout().enabled());
        assertEquals(ModelName.TINY, spec.model().name());
        assertEquals(2, spec.execution().threads());
    }

    @Test
    void overrideOfUnknownKeyIsRejected() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecOverrides.apply(ExperimentSpec.defaults(), List.of("seeds.colour=red")));
        assertEquals("unknown setting 'seeds.colour'", e.getMessage());
    }

    @Test
    void overrideOutOfRangeIsRejected() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecOverrides.apply(ExperimentSpec.defaults(), List.of("model.batchSize=0")));
        assertTrue(e.getMessage().contains("model.batchSize"), e.getMessage());
    }

    @Test
    void offSeedsAreDrawnAndOnSeedsKept() {
        SeedsSpec seeds = SeedsSpec.defaults().with(SeedKind.DROPOUT, SeedSetting.off());
        ResolvedSeeds a = ResolvedSeeds.resolve(seeds, new java.util.SplittableRandom(1));
        ResolvedSeeds b = ResolvedSeeds.resolve(seeds, new java.util.SplittableRandom(2));
        assertEquals(42, a.weightInit());
        assertNotEquals(a.dropout(), b.dropout());
        assertEquals(a.asSpec().dropout(), SeedSetting.on(a.dropout()));
    }

    /** Hashes printed by the previous release (commit 0a7ded5) for the same specs: a DL4J spec hashes as before. */
    @Test
    void specsThatDoNotUseThisRoundsSettingsHashAsTheyDidInTheLastRelease() throws Exception {
        assertEquals("3751c6f23491fa1e3779b125e84a1412da32f333f42e2df2241bcc32128bc78c",
                SpecJson.hash(ExperimentSpec.defaults()));
        assertEquals("9f8760e6be5e5409e6d6a45de952bd8b8dee2b1a818b01c58316d623eed8a346",
                SpecJson.hash(SpecJson.read(Path.of("sample-data", "experiments", "tiny.json"))));
        String written = SpecJson.write(ExperimentSpec.defaults());
        for (String later : List.of("engine", "deterministicAlgorithms", "cudnnBenchmark", "snapshotEvery", "layers")) {
            assertFalse(written.contains("\"" + later + "\""), later + " is left out at its default");
        }
    }

    @Test
    void settingsLeftOutOfTheJsonAreStillInTheTreeAndCanBeSet() throws Exception {
        var tree = SpecJson.toTree(ExperimentSpec.defaults());
        assertEquals("dl4j", tree.at("/execution/engine").asText());
        assertEquals(0, tree.at("/runs/snapshotEvery").asInt());
        assertTrue(tree.at("/model/layers").isArray());
        ExperimentSpec changed = SpecOverrides.apply(ExperimentSpec.defaults(),
                List.of("execution.engine=pytorch", "execution.backend=cuda", "execution.deterministicAlgorithms=true",
                        "execution.threads=2"));
        assertEquals(Engine.PYTORCH, changed.execution().engine());
        assertTrue(changed.execution().deterministicAlgorithms());
        assertEquals(5, SpecOverrides.apply(ExperimentSpec.defaults(), List.of("runs.snapshotEvery=5")).runs().snapshotEvery());
        ExperimentSpec readBack = SpecJson.parse(SpecJson.write(changed));
        assertEquals(changed, readBack);
        assertNotEquals(SpecJson.hash(ExperimentSpec.defaults()), SpecJson.hash(changed));
    }
}
