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
    void theAblationTabRefusesInScriptModeRatherThanAblateTheHiddenModelForm() {
        vm.script().open(Path.of("sample-data/scripts/digit_names.py"));
        vm.ablation().select(List.of("dropout"));
        vm.ablation().run();
        assertTrue(ablations.started.isEmpty());
        assertTrue(vm.ablation().statusProperty().get().contains("--ablate"), vm.ablation().statusProperty().get());
        vm.script().backToModel();
        vm.ablation().run();
        assertEquals(1, ablations.started.size());
    }
}
