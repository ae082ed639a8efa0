package reprolab.gui.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunsSpec;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.lesson.FloatOrderDemo;
import reprolab.lesson.FloatOrderResult;
import reprolab.lesson.Lesson;
import reprolab.lesson.LessonLibrary;
import reprolab.lesson.LessonMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonsViewModelTest {

    private final ControlsViewModel controls = new ControlsViewModel(false, p -> true);

    private LessonsViewModel viewModel() {
        return LessonsViewModel.withShippedLessons(controls, Runnable::run, Runnable::run);
    }

    private static Lesson lesson(int repeats, List<String> hidden, List<String> locked) {
        ExperimentSpec spec = ExperimentSpec.defaults().withRuns(new RunsSpec(repeats, 0));
        return new Lesson(1, "test", "Test lesson", "Look at the seeds.", spec, LessonMode.REPEATS, List.of(),
                hidden, locked, null);
    }

    @Test
    void openingALessonFillsTheFormAndHidesAndLocksWhatItNames() {
        LessonsViewModel vm = viewModel();
        vm.open(lesson(3, List.of("perturbation"), List.of("seeds")));
        assertEquals("3", controls.text("runs.repeats").get());
        assertTrue(controls.restrictions().hiddenProperty("perturbation.epsilon").get());
        assertTrue(controls.restrictions().lockedProperty("seeds.dropout.value").get());
        assertFalse(controls.restrictions().lockedProperty("runs.repeats").get());
        assertEquals("Test lesson", vm.currentProperty().get().title());
        vm.close();
        assertFalse(controls.restrictions().hiddenProperty("perturbation.epsilon").get());
        assertFalse(controls.restrictions().lockedProperty("seeds.dropout.value").get());
        assertEquals("3", controls.text("runs.repeats").get(), "leaving keeps the settings");
    }

    @Test
    void gpuLessonIsListedUnavailableWithItsReasonAndDoesNotOpen() {
        LessonsViewModel vm = viewModel();
        LessonsViewModel.Entry gpu = vm.shipped().stream().filter(e -> e.lesson().requiresGpu()).findFirst()
                .orElseThrow();
        assertTrue(gpu.unavailable().orElseThrow().contains("GPU"));
        assertTrue(vm.shipped().stream().filter(e -> !e.lesson().requiresGpu())
                .allMatch(e -> e.unavailable().isEmpty()));
        vm.open(gpu.lesson());
        assertNull(vm.currentProperty().get());
        assertTrue(vm.messageProperty().get().contains("cannot run here"));
    }

    @Test
    void savedLessonHoldsTheCurrentSettingsAndOpensFromItsFile(@TempDir Path dir) throws Exception {
        LessonsViewModel teacher = viewModel();
        controls.text("runs.repeats").set("4");
        teacher.saveAs("My lesson", "Try it.", dir);
        Path file = dir.resolve(LessonLibrary.slug("My lesson") + ".json");
        assertTrue(Files.exists(file), teacher.messageProperty().get());
        ControlsViewModel studentForm = new ControlsViewModel(false, p -> true);
        LessonsViewModel student = LessonsViewModel.withShippedLessons(studentForm, Runnable::run, Runnable::run);
        student.openFile(file);
        assertEquals("4", studentForm.text("runs.repeats").get());
        assertEquals("Try it.", student.currentProperty().get().text());
    }

    @Test
    void badLessonFileIsReportedNotThrown(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 99}");
        LessonsViewModel vm = viewModel();
        vm.openFile(file);
        assertNull(vm.currentProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Cannot open bad.json"), vm.messageProperty().get());
    }

    @Test
    void floatDemoRunsOnTheBackgroundExecutorOnce() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        LessonsViewModel vm = new LessonsViewModel(controls, List.of(), () -> {
            calls.incrementAndGet();
            return FloatOrderDemo.run(1000, 1000, 1);
        }, queued::add, Runnable::run);
        vm.runFloatDemo();
        assertTrue(vm.floatDemoRunningProperty().get());
        assertEquals(0, calls.get(), "nothing computed on the calling (FX) thread");
        queued.remove(0).run();
        FloatOrderResult result = vm.floatDemoProperty().get();
        assertEquals(2.0 * 11.0 / 9.0, result.multiplyFirst());
        assertFalse(vm.floatDemoRunningProperty().get());
        vm.runFloatDemo();
        assertTrue(queued.isEmpty());
        assertEquals(1, calls.get());
    }
}
