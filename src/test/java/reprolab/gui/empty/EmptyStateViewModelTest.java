package reprolab.gui.empty;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ModelName;
import reprolab.gui.ablation.AblationService;
import reprolab.gui.ablation.AblationViewModel;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.gui.lessons.LessonsViewModel;
import reprolab.lesson.Lesson;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmptyStateViewModelTest {

    private final ControlsViewModel controls = new ControlsViewModel(false, p -> true);
    private final LessonsViewModel lessons = LessonsViewModel.withShippedLessons(controls, Runnable::run, Runnable::run);
    private final ObservableList<String> runs = FXCollections.observableArrayList();
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final EmptyStateViewModel vm = new EmptyStateViewModel(controls, lessons, runs, running);

    @Test
    void theCurvesHintSaysWhatRunWillTrainAndFollowsTheForm() {
        assertEquals("Press Run to train 3 repeats of seed-cnn (1 epoch on 8000 examples of mnist-sample, all 4 seeds "
                + "fixed). Their loss and accuracy appear here, one line per run: runs that are bitwise identical "
                + "draw a single line.", vm.curvesHintProperty().get());
        controls.text("runs.repeats").set("5");
        controls.modelProperty().set(ModelName.TINY);
        controls.flag("seeds.dropout.enabled").set(false);
        assertTrue(vm.curvesHintProperty().get().startsWith(
                "Press Run to train 5 repeats of tiny (1 epoch on 8000 examples of mnist-sample, 3 of 4 seeds fixed)"),
                vm.curvesHintProperty().get());
    }

    @Test
    void anInvalidFormIsPointedAtInsteadOfRun() {
        controls.text("runs.repeats").set("zero");
        assertEquals("Fix the settings marked in red on the left, then press Run.", vm.curvesHintProperty().get());
    }

    @Test
    void oneRepeatHasNothingToCompareOnTheDivergenceTab() {
        assertTrue(vm.divergenceHintProperty().get().contains("whether they are bitwise identical"));
        controls.text("runs.repeats").set("1");
        assertTrue(vm.divergenceHintProperty().get().startsWith("One repeat has nothing to compare"));
    }

    @Test
    void theTabsAreEmptyUntilARunStartsOrRunsAreShown() {
        assertTrue(vm.experimentEmptyProperty().get());
        running.set(true);
        assertFalse(vm.experimentEmptyProperty().get());
        running.set(false);
        runs.add("run-01");
        assertFalse(vm.experimentEmptyProperty().get());
        runs.clear();
        assertTrue(vm.experimentEmptyProperty().get());
    }

    @Test
    void theAblationHintCountsTheRunsOfTheChosenFactors() {
        AblationViewModel ablation = new AblationViewModel(new NoAblations(), () -> controls.specProperty().get(),
                Runnable::run, Runnable::run);
        var hint = vm.ablationHint(ablation);
        assertTrue(hint.get().contains("3 runs each: 15 runs of seed-cnn"), hint.get());
        ablation.select(List.of("dropout"));
        ablation.repeatsProperty().set("4");
        assertTrue(hint.get().contains("4 runs each: 8 runs of seed-cnn"), hint.get());
        ablation.select(List.of());
        assertEquals("Choose at least one factor above, then press Run ablation.", hint.get());
    }

    @Test
    void inScriptModeTheAblationHintCountsTheScriptsToggles() {
        AblationViewModel ablation = new AblationViewModel(new NoAblations(), () -> controls.specProperty().get(),
                Runnable::run, Runnable::run);
        var hint = vm.ablationHint(ablation);
        ablation.ablateScript(new reprolab.gui.ablation.ScriptBaseline(() -> "", () -> null),
                reprolab.experiment.Backend.CPU);
        assertTrue(hint.get().contains("3 runs each: 12 Python processes"), hint.get());
        ablation.ablateModel();
        assertTrue(hint.get().contains("15 runs of seed-cnn"), hint.get());
    }

    @Test
    void theFirstThreeShippedLessonsAreOfferedAndOpenIntoTheForm() {
        List<Lesson> starters = vm.starterLessons();
        assertEquals(List.of("01-identical-runs", "02-forget-one-seed", "03-threads-and-determinism"),
                starters.stream().map(Lesson::id).toList());
        vm.open(starters.get(1));
        assertEquals(starters.get(1), lessons.currentProperty().get());
        // the form holds the lesson's settings (an off seed's value is not kept, so compare what matters)
        assertEquals(starters.get(1).settings().name(), controls.specProperty().get().name());
        assertFalse(controls.specProperty().get().seeds().dropout().enabled());
    }

    /** The ablation tab's factors without an engine: the hint never starts anything. */
    private static final class NoAblations implements AblationService {
        @Override
        public Handle start(ExperimentSpec baseline, int repeats, List<String> factors,
                            reprolab.gui.RunEventListener listener) {
            throw new AssertionError("the hint must not start an ablation");
        }

        @Override
        public List<String> factors() {
            return List.of("weightInit", "dropout", "shuffle", "split", "threads");
        }
    }
}
