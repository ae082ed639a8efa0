package reprolab.gui;

import org.junit.jupiter.api.Test;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.controls.ControlsViewModel;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main view model in Script mode: Run starts the script's experiment through the one experiment service. */
class ScriptModeViewModelTest {

    /** The fake engine, remembering the specs it was asked to start. */
    private static final class Recording implements ExperimentService {
        final FakeExperimentService fake = new FakeExperimentService(3, 0);
        final List<ExperimentSpec> specs = new CopyOnWriteArrayList<>();

        @Override
        public RunningHandle start(ExperimentSpec spec, RunEventListener listener) {
            specs.add(spec);
            return fake.start(spec, listener);
        }

        @Override
        public List<StoredExperiment> list() {
            return fake.list();
        }

        @Override
        public OpenedExperiment open(Path folder) throws ServiceException {
            return fake.open(folder);
        }

        @Override
        public void rename(Path folder, String newName) {
            fake.rename(folder, newName);
        }

        @Override
        public void delete(Path folder) {
            fake.delete(folder);
        }

        @Override
        public AnalysisResult analyse(List<RunHistory> runs) {
            return fake.analyse(runs);
        }

        @Override
        public String seriesCsv(List<RunHistory> runs) {
            return fake.seriesCsv(runs);
        }
    }

    private final AtomicLong clock = new AtomicLong();
    private final Recording service = new Recording();
    private final FakeAblationService ablations = new FakeAblationService();
    private final MainViewModel vm = new MainViewModel(service, ablations, new ControlsViewModel(false, p -> true),
            Runnable::run, Runnable::run, Runnable::run, clock::get);

    @Test
    void runInScriptModeStartsTheScriptsExperimentNotTheModelForm() {
        vm.script().open(Path.of("sample-data/scripts/digit_names.py"));
        vm.script().argsProperty().set("--epochs 1");
        vm.script().repeatsProperty().set("2");
        vm.script().timeLimitProperty().set("60");
        assertTrue(vm.canRunProperty().get(), vm.script().problemProperty().get());

        vm.run();

        assertEquals(1, service.specs.size(), vm.statusProperty().get());
        ExperimentSpec spec = service.specs.get(0);
        assertNotNull(spec.script(), "the spec has its script section");
        assertEquals(List.of("--epochs", "1"), spec.script().args());
        assertEquals(60, spec.script().timeLimitSeconds());
        assertEquals(2, spec.runs().repeats());
        assertEquals(2, vm.runs().rows().size(), "the Runs table shows the script's runs");
    }

    @Test
    void aBadScriptFieldTurnsRunOffAndBackToModelRunsTheFormAgain() {
        vm.script().open(Path.of("sample-data/scripts/digit_names.py"));
        vm.script().threadsProperty().set("none");
        assertFalse(vm.canRunProperty().get(), "Run is off while a script field is wrong");
        vm.script().backToModel();
        assertTrue(vm.canRunProperty().get(), "the model form decides again");
        vm.run();
        assertNull(service.specs.get(0).script(), "a model experiment");
    }

    @Test
    void theAblationTabOffersTheScriptsTogglesInScriptModeAndTheModelsFactorsBackWithTheirChoice() {
        vm.ablation().select(List.of("dropout"));
        assertEquals(ablations.factors(), List.copyOf(vm.ablation().factors().keySet()));

        vm.script().open(Path.of("sample-data/scripts/digit_names.py"));
        assertTrue(vm.ablation().scriptModeProperty().get());
        assertEquals(List.of("seed", "hashSeed", "threads"), List.copyOf(vm.ablation().factors().keySet()));
        assertEquals(3, vm.ablation().chosenCountProperty().get(), "all toggles, as `script --ablate` flips them");
        vm.ablation().factors().get("threads").set(false);
        vm.script().deterministicProperty().set(true); // a GPU toggle: the script's experiment would be cuda
        assertEquals(List.of("seed", "hashSeed", "threads", "deterministicAlgorithms", "cudnnBenchmark"),
                List.copyOf(vm.ablation().factors().keySet()));
        assertFalse(vm.ablation().factors().get("threads").get(), "a toggle keeps its choice when the list grows");
        vm.script().deterministicProperty().set(false);

        vm.script().backToModel();
        assertFalse(vm.ablation().scriptModeProperty().get());
        assertEquals(ablations.factors(), List.copyOf(vm.ablation().factors().keySet()));
        assertEquals(1, vm.ablation().chosenCountProperty().get(), "the model's choice is kept: dropout");
        assertTrue(vm.ablation().factors().get("dropout").get());
    }

    @Test
    void runAblationInScriptModeStartsTheScriptsAblationWithTheScriptFieldsAsBaseline() {
        vm.script().open(Path.of("sample-data/scripts/digit_names.py"));
        vm.script().argsProperty().set("--limit 128");
        vm.script().seedProperty().set("7");
        vm.script().hashSeedOnProperty().set(true);
        vm.script().hashSeedProperty().set("42");
        vm.ablation().factors().get("threads").set(false);
        vm.ablation().repeatsProperty().set("2");

        vm.ablation().run(); // the executors run in place: the spec (which starts Python) is built here

        assertEquals(1, ablations.started.size(), vm.ablation().statusProperty().get());
        assertEquals(List.of("seed", "hashSeed"), ablations.factorLists.get(0));
        ExperimentSpec baseline = ablations.baselines.get(0);
        assertNotNull(baseline.script(), "the script's experiment, not the model form's");
        assertTrue(baseline.script().path().endsWith("digit_names.py"), baseline.script().path());
        assertEquals(List.of("--limit", "128"), baseline.script().args());
        assertEquals(7, baseline.script().seed().value());
        assertEquals(42, baseline.script().hashSeed().value());
        assertEquals(6, ablations.started.get(0).runCount(), "baseline, seed and hashSeed, 2 runs each");
    }

    @Test
    void aBadScriptFieldRefusesTheAblationNamingTheField() {
        vm.script().open(Path.of("sample-data/scripts/digit_names.py"));
        vm.script().threadsProperty().set("none");
        vm.ablation().run();
        assertTrue(ablations.started.isEmpty());
        assertTrue(vm.ablation().statusProperty().get().startsWith("Fix the script's settings first: Threads"),
                vm.ablation().statusProperty().get());
    }

    @Test
    void aScriptLessonOpensInScriptModeOnItsScriptAndAModelLessonLeavesIt() {
        reprolab.lesson.Lesson scriptLesson = lesson("your own script");
        vm.lessons().open(scriptLesson);
        assertTrue(vm.script().activeProperty().get(), "lesson 10 runs its script, not the hidden model form");
        assertEquals(Path.of(scriptLesson.settings().script().path()).toString(), vm.script().pathProperty().get());
        assertEquals(List.of("seed", "hashSeed", "threads"), List.copyOf(vm.ablation().factors().keySet()),
                "the Ablation tab offers the script's toggles");

        vm.lessons().open(lesson("identical runs"));
        assertFalse(vm.script().activeProperty().get(), "a model lesson shows the model form");
    }

    private static reprolab.lesson.Lesson lesson(String titleWords) {
        return reprolab.lesson.LessonLibrary.shipped().stream()
                .filter(l -> l.title().toLowerCase(java.util.Locale.ROOT).contains(titleWords)).findFirst()
                .orElseThrow(() -> new AssertionError("no shipped lesson titled with '" + titleWords + "'"));
    }
}
