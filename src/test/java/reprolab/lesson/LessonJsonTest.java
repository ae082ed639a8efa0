package reprolab.lesson;

import org.junit.jupiter.api.Test;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ModelName;
import reprolab.experiment.SeedSetting;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonJsonTest {

    private static final String MINIMAL = "{\"schemaVersion\": 1, \"title\": \"T\", \"text\": \"Some text.\"%s}";

    private static String lesson(String extra) {
        return String.format(MINIMAL, extra.isEmpty() ? "" : ", " + extra);
    }

    private static String problem(String json) {
        LessonException e = assertThrows(LessonException.class, () -> LessonJson.parse(json, "x"));
        return e.getMessage();
    }

    @Test
    void partialSettingsAreLaidOverTheDefaults() throws Exception {
        Lesson l = LessonJson.parse(lesson("\"settings\": {\"model\": {\"name\": \"tiny\"}, \"seeds\": {\"dropout\": {\"enabled\": false}}}"), "x");
        ExperimentSpec defaults = ExperimentSpec.defaults();
        assertEquals(ModelName.TINY, l.settings().model().name());
        assertEquals(defaults.model().batchSize(), l.settings().model().batchSize());
        assertFalse(l.settings().seeds().dropout().enabled());
        assertEquals(defaults.seeds().weightInit(), l.settings().seeds().weightInit());
        assertEquals("T", l.settings().name());
        assertEquals(LessonMode.REPEATS, l.mode());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertTrue(problem("{\"schemaVersion\": 1,\n \"title\": }").contains("malformed JSON at line 2"));
    }

    @Test
    void unknownTopLevelFieldIsRejectedWithTheKnownOnes() {
        String message = problem(lesson("\"difficulty\": 3"));
        assertTrue(message.contains("unknown field 'difficulty'"), message);
        assertTrue(message.contains("known fields: schemaVersion, title"), message);
    }

    @Test
    void unknownSettingsFieldIsRejectedWithItsPath() {
        String message = problem(lesson("\"settings\": {\"seeds\": {\"colour\": 1}}"));
        assertTrue(message.contains("in 'settings': unknown field 'seeds.colour'"), message);
    }

    @Test
    void outOfRangeSettingIsRejectedByTheExperimentValidator() {
        String message = problem(lesson("\"settings\": {\"execution\": {\"threads\": 0}}"));
        assertTrue(message.contains("'execution.threads' is 0"), message);
    }

    @Test
    void unknownHiddenPathIsRejected() {
        String message = problem(lesson("\"hidden\": [\"seeds.colour\"]"));
        assertTrue(message.contains("field 'hidden' names 'seeds.colour', which is not an experiment setting"), message);
    }

    @Test
    void unknownLockedPathIsRejected() {
        String message = problem(lesson("\"locked\": [\"execution.cores\"]"));
        assertTrue(message.contains("field 'locked' names 'execution.cores'"), message);
    }

    @Test
    void realFieldPathsAreAcceptedAtEveryLevel() throws Exception {
        Lesson l = LessonJson.parse(lesson("\"hidden\": [\"seeds\", \"data.imagesPath\"], "
                + "\"locked\": [\"seeds.dropout.value\", \"model.earlyStopping.patience\", \"execution.threads\"]"), "x");
        assertTrue(l.isHidden("seeds.split.enabled"));
        assertFalse(l.isHidden("execution.threads"));
        assertTrue(l.isLocked("execution.threads"));
        assertTrue(l.isLocked("seeds.weightInit"), "hidden implies locked");
        assertFalse(l.isLocked("execution.threadsAndMore"));
    }

    @Test
    void wrongSchemaVersionIsRejected() {
        String message = problem("{\"schemaVersion\": 2, \"title\": \"T\", \"text\": \"x\"}");
        assertTrue(message.contains("lesson schemaVersion 2 is not supported"), message);
    }

    @Test
    void missingSchemaVersionIsRejected() {
        assertTrue(problem("{\"title\": \"T\", \"text\": \"x\"}").contains("field 'schemaVersion' is required"));
    }

    @Test
    void hugeTextIsRejectedWithItsLength() {
        String message = problem(String.format("{\"schemaVersion\": 1, \"title\": \"T\", \"text\": \"%s\"}", "a".repeat(5000)));
        assertTrue(message.contains("field 'text' is 5000 characters long; at most 2000"), message);
    }

    @Test
    void hugeFileIsRejectedBeforeParsing() {
        String message = problem(lesson("\"settings\": {\"name\": \"" + "b".repeat(70_000) + "\"}"));
        assertTrue(message.contains("at most " + LessonJson.MAX_FILE_CHARS), message);
    }

    @Test
    void deepNestingIsRejected() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        String message = problem(lesson("\"factors\": " + deep));
        assertTrue(message.contains("exceeds a limit"), message);
    }

    @Test
    void titleWithALineBreakIsRejected() {
        assertTrue(problem("{\"schemaVersion\": 1, \"title\": \"a\\nb\", \"text\": \"x\"}")
                .contains("field 'title' must not contain control characters or line breaks"));
    }

    @Test
    void wrongTypesNameTheField() {
        assertTrue(problem("{\"schemaVersion\": 1, \"title\": 5, \"text\": \"x\"}").contains("field 'title' must be a string"));
        assertTrue(problem(lesson("\"hidden\": \"seeds\"")).contains("field 'hidden' must be a list of strings"));
        assertTrue(problem(lesson("\"settings\": []")).contains("field 'settings' must be an object"));
    }

    @Test
    void ablationNeedsKnownFactors() {
        assertTrue(problem(lesson("\"mode\": \"ablation\"")).contains("field 'factors' must name at least one factor"));
        assertTrue(problem(lesson("\"mode\": \"ablation\", \"factors\": [\"moonPhase\"]"))
                .contains("unknown factor 'moonPhase'"));
        assertTrue(problem(lesson("\"factors\": [\"dropout\"]")).contains("only used when mode is \"ablation\""));
        assertTrue(problem(lesson("\"mode\": \"random\"")).contains("field 'mode' is \"random\""));
    }

    @Test
    void gpuRequirementMustMatchTheBackend() {
        assertTrue(problem(lesson("\"settings\": {\"execution\": {\"backend\": \"cuda\"}}"))
                .contains("field 'requires' must be \"gpu\""));
        assertTrue(problem(lesson("\"requires\": \"gpu\"")).contains("backend is 'cpu'"));
        assertTrue(problem(lesson("\"requires\": \"tpu\"")).contains("field 'requires' is \"tpu\""));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        LessonException e = assertThrows(LessonException.class, () -> LessonJson.parse(
                "{\"schemaVersion\": 1, \"title\": \"\", \"text\": \"x\", \"hidden\": [\"nope\"], \"extra\": 1}", "x"));
        assertEquals(3, e.problems().size(), e.problems().toString());
    }

    @Test
    void idMustBeSafeAsAFileName() {
        assertThrows(LessonException.class, () -> LessonJson.parse(lesson(""), "../evil"));
    }

    @Test
    void writeThenParseGivesAnEqualLessonStatingOnlyChanges() throws Exception {
        ExperimentSpec settings = ExperimentSpec.defaults().withName("Mine")
                .withSeeds(ExperimentSpec.defaults().seeds().with(reprolab.experiment.SeedKind.SHUFFLE, SeedSetting.off()))
                .withModel(ExperimentSpec.defaults().model().withLearningRate(0.002));
        Lesson original = new Lesson(1, "mine", "Mine", "Line one.\r\nLine two.\tTabbed.", settings, LessonMode.ABLATION,
                List.of("dropout", "learningRate"), List.of("perturbation"), List.of("seeds.split"), null);
        String json = LessonJson.write(original);
        assertEquals(original, LessonJson.parse(json, "mine"));
        assertFalse(json.contains("batchSize"), json);
        assertFalse(json.contains("\"name\""), json);
        assertTrue(json.contains("learningRate"), json);
    }
}
