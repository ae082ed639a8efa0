package reprolab.gui.history;

import org.junit.jupiter.api.Test;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunsSpec;
import reprolab.gui.AnalysisResult;
import reprolab.gui.ExperimentService;
import reprolab.gui.OpenedExperiment;
import reprolab.gui.RunEventListener;
import reprolab.gui.RunningHandle;
import reprolab.gui.ServiceException;
import reprolab.gui.StoredExperiment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryViewModelTest {

    /** Two stored experiments in memory; the second's folder cannot be opened. */
    private static final class Store implements ExperimentService {
        final List<StoredExperiment> entries = new ArrayList<>(List.of(
                new StoredExperiment(Path.of("/e/a"), "a", Instant.EPOCH, 2, null),
                new StoredExperiment(Path.of("/e/b"), "b", Instant.EPOCH, 3, null)));

        public RunningHandle start(ExperimentSpec spec, RunEventListener l) {
            throw new UnsupportedOperationException();
        }

        public List<StoredExperiment> list() {
            return List.copyOf(entries);
        }

        public OpenedExperiment open(Path folder) throws ServiceException {
            if (folder.endsWith("broken")) {
                throw new ServiceException("experiment.json has schemaVersion 9; this ReproLab reads 1");
            }
            int repeats = folder.endsWith("a") ? 2 : 3;
            return new OpenedExperiment(folder, ExperimentSpec.defaults().withRuns(new RunsSpec(repeats, 0)), List.of());
        }

        public void rename(Path folder, String name) {
            entries.replaceAll(e -> e.folder().equals(folder) ? new StoredExperiment(folder, name, e.created(),
                    e.runs(), null) : e);
        }

        public void delete(Path folder) {
            entries.removeIf(e -> e.folder().equals(folder));
        }

        public AnalysisResult analyse(List<RunHistory> runs) {
            return AnalysisResult.empty("");
        }

        public String seriesCsv(List<RunHistory> runs) {
            return "";
        }
    }

    private final Store store = new Store();
    private final HistoryViewModel vm = new HistoryViewModel(store, Runnable::run, Runnable::run);

    @Test
    void refreshListsTheStoredExperiments() {
        vm.refresh();
        assertEquals(List.of("a", "b"), vm.entries().stream().map(StoredExperiment::name).toList());
    }

    @Test
    void renameAndDeleteShowTheStoreAfterwards() {
        vm.refresh();
        vm.rename(vm.entries().get(0), "  first  ");
        assertEquals("first", vm.entries().get(0).name());
        vm.delete(vm.entries().get(1));
        assertEquals(1, vm.entries().size());
    }

    @Test
    void anEmptyNameIsRefusedWithAMessage() {
        vm.refresh();
        vm.rename(vm.entries().get(0), " ");
        assertEquals("a", store.entries.get(0).name());
        assertEquals("A name must not be empty.", vm.messageProperty().get());
    }

    @Test
    void compareListsTheDifferingSettingsFirst() {
        vm.refresh();
        vm.compare(vm.entries().get(0), vm.entries().get(1));
        SpecDiff.Row first = vm.comparison().get(0);
        assertEquals("runs.repeats", first.setting());
        assertTrue(first.differs());
        assertEquals("2", first.left());
        assertFalse(vm.comparison().get(1).differs());
        assertEquals("a vs b: 1 setting(s) differ", vm.messageProperty().get());
    }

    @Test
    void anUnreadableExperimentGivesTheStoresMessageNotAnException() {
        AtomicReference<OpenedExperiment> opened = new AtomicReference<>();
        vm.open(new StoredExperiment(Path.of("/e/broken"), "x", Instant.EPOCH, 0, null), opened::set);
        assertEquals(null, opened.get());
        assertTrue(vm.messageProperty().get().contains("schemaVersion 9"));
    }
}
