package reprolab.lesson;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reprolab.experiment.Backend;
import reprolab.experiment.DataSource;
import reprolab.experiment.ModelName;
import reprolab.experiment.SeedKind;
import reprolab.experiment.SpecJson;
import reprolab.experiment.SpecValidator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShippedLessonsTest {

    private static List<Lesson> lessons;
    private static Map<String, Lesson> byId;

    @BeforeAll
    static void load() {
        lessons = LessonLibrary.shipped();
        byId = lessons.stream().collect(Collectors.toMap(Lesson::id, Function.identity()));
    }

    @Test
    void indexListsTheLessonsInMenuOrder() {
        assertEquals(List.of("01-identical-runs", "02-forget-one-seed", "03-threads-and-determinism",
                        "04-tiny-perturbation", "05-seeds-vs-hyperparameters", "06-noise-in-accuracy", "07-gpu-kernels",
                        "08-time-to-chaos", "09-thread-invariant-kernels", "10-your-own-script"),
                lessons.stream().map(Lesson::id).collect(Collectors.toList()));
    }

    @Test
    void everyShippedLessonIsAValidQuickExperimentOnTheTinyModel() throws Exception {
        for (Lesson lesson : lessons) {
            assertTrue(SpecValidator.validate(lesson.settings()).isEmpty(), lesson.id());
            // the settings survive a trip through the experiment file format on their own
            assertEquals(lesson.settings(), SpecJson.parse(SpecJson.write(lesson.settings())), lesson.id());
            assertEquals(ModelName.TINY, lesson.settings().model().name(), lesson.id());
            assertEquals(DataSource.MNIST_SAMPLE, lesson.settings().data().source(), lesson.id());
            // one epoch, except a lesson about long training, which saves snapshots to measure it
            boolean longTraining = lesson.settings().runs().snapshotEvery() > 0;
            assertEquals(longTraining, lesson.settings().model().epochs() > 1, lesson.id());
            assertTrue(lesson.settings().model().epochs() <= 10, lesson.id());
            assertEquals(1000, lesson.settings().data().trainSize(), lesson.id());
            assertEquals(500, lesson.settings().data().validationSize(), lesson.id());
            assertEquals(3, lesson.settings().runs().repeats(), lesson.id());
            assertEquals(lesson.title(), lesson.settings().name(), lesson.id());
        }
    }

    @Test
    void everyShippedFileInTheAssetsFolderIsListedInTheIndex() {
        Path folder = Path.of("assets", "lessons");
        LessonLibrary.Loaded loaded = LessonLibrary.loadFolder(folder);
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
        assertEquals(lessons, loaded.lessons());
        assertTrue(Files.isRegularFile(folder.resolve("index.txt")));
    }

    @Test
    void identicalRunsLessonHasEverySeedOn() {
        Lesson lesson = byId.get("01-identical-runs");
        for (SeedKind kind : SeedKind.values()) {
            assertTrue(lesson.settings().seeds().get(kind).enabled(), kind.field());
        }
        assertFalse(lesson.settings().perturbation().enabled());
    }

    @Test
    void forgetOneSeedHidesTheSeedsAndSwitchesExactlyOneOff() {
        Lesson lesson = byId.get("02-forget-one-seed");
        long off = java.util.Arrays.stream(SeedKind.values())
                .filter(k -> !lesson.settings().seeds().get(k).enabled()).count();
        assertEquals(1, off);
        assertTrue(lesson.isHidden("seeds.dropout.enabled"));
        assertTrue(lesson.isHidden("seeds.weightInit"));
    }

    @Test
    void threadsLessonLeavesOnlyThreadsAndKernelsOpenAmongSettingsThatMatter() {
        Lesson lesson = byId.get("03-threads-and-determinism");
        assertEquals(2, lesson.settings().execution().threads());
        assertTrue(lesson.settings().execution().helpers());
        assertFalse(lesson.isLocked("execution.threads"));
        assertFalse(lesson.isLocked("execution.helpers"));
        assertTrue(lesson.isLocked("seeds.shuffle.value"));
    }

    @Test
    void threadInvariantLessonAblatesTheThreadsWithTheSettingOffAndOpen() {
        Lesson lesson = byId.get("09-thread-invariant-kernels");
        assertEquals(LessonMode.ABLATION, lesson.mode());
        assertEquals(List.of("threads"), lesson.factors());
        assertFalse(lesson.settings().execution().threadInvariant(), "the learner ticks it after the first run");
        assertTrue(lesson.settings().execution().helpers());
        assertFalse(lesson.isLocked("execution.threadInvariant"));
        assertFalse(lesson.isLocked("execution.helpers"));
    }

    @Test
    void perturbationLessonIsAnAblationOfAOneInAHundredMillionNudge() {
        Lesson lesson = byId.get("04-tiny-perturbation");
        assertTrue(lesson.settings().perturbation().enabled());
        assertEquals(1e-8, lesson.settings().perturbation().epsilon());
        assertEquals(LessonMode.ABLATION, lesson.mode());
        assertEquals(List.of("perturbation"), lesson.factors());
    }

    @Test
    void seedsVersusHyperparametersComparesSeedsWithTheLearningRate() {
        Lesson lesson = byId.get("05-seeds-vs-hyperparameters");
        assertEquals(LessonMode.ABLATION, lesson.mode());
        assertEquals(List.of("weightInit", "dropout", "shuffle", "learningRate"), lesson.factors());
    }

    @Test
    void noiseLessonDrawsFreshSeedsAndExplainsKFoldWithoutClaimingIt() {
        Lesson lesson = byId.get("06-noise-in-accuracy");
        for (SeedKind kind : SeedKind.values()) {
            assertFalse(lesson.settings().seeds().get(kind).enabled(), kind.field());
        }
        assertTrue(lesson.text().contains("K-fold"));
        assertTrue(lesson.text().contains("does not do K-fold yet"));
        assertFalse(lesson.isLocked("data.validationSize"));
        assertFalse(lesson.isLocked("runs.repeats"));
    }

    @Test
    void gpuLessonRunsOnCudaAndIsDisabledWithAReasonWithoutAGpu() {
        Lesson lesson = byId.get("07-gpu-kernels");
        assertEquals(Backend.CUDA, lesson.settings().execution().backend());
        assertTrue(lesson.settings().execution().helpers());
        assertTrue(lesson.unavailableReason(false).orElseThrow().contains("GPU"));
        assertTrue(lesson.unavailableReason(true).isEmpty());
        assertTrue(byId.get("01-identical-runs").unavailableReason(false).isEmpty());
    }

    @Test
    void onlyTheGpuLessonRequiresAGpu() {
        assertEquals(List.of("07-gpu-kernels"),
                lessons.stream().filter(Lesson::requiresGpu).map(Lesson::id).collect(Collectors.toList()));
    }

    @Test
    void yourOwnScriptRunsTheShippedScriptAsItIsWithBothSeedsDrawn() throws Exception {
        reprolab.experiment.ScriptSpec script = byId.get("10-your-own-script").settings().script();
        assertEquals("sample-data/scripts/digit_names.py", script.path());
        // the lesson names the script's content: an edited script is refused, not silently taught
        assertEquals(reprolab.experiment.FileChecksum.sha256(java.nio.file.Path.of(script.path())), script.sha256());
        assertFalse(script.seed().enabled());
        assertFalse(script.hashSeed().enabled());
        assertTrue(java.nio.file.Files.readString(java.nio.file.Path.of(script.path())).contains("list(set("));
    }
}
