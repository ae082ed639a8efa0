package reprolab.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.ExperimentSpec;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.WorkerCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adapter over a real experiment store in a temporary folder (no workers: the FX tests start those). */
class RunnerExperimentServiceTest {

    @TempDir
    Path root;

    private ExperimentStore store() {
        return new ExperimentStore(root);
    }

    private RunnerExperimentService service() {
        return new RunnerExperimentService(store(), new ExperimentRunner(WorkerCommand.forCurrentJvm()));
    }

    @Test
    void aStoredExperimentIsListedAndOpensWithItsSettings() throws Exception {
        Path folder = store().create(ExperimentSpec.defaults().withName("seeded")).path();
        RunnerExperimentService service = service();
        List<StoredExperiment> list = service.list();
        assertEquals(1, list.size());
        assertEquals("seeded", list.get(0).name());
        OpenedExperiment opened = service.open(folder);
        assertEquals("seeded", opened.spec().name());
        assertTrue(opened.runs().isEmpty());
    }

    @Test
    void renameAndDeleteChangeTheStore() throws Exception {
        Path folder = store().create(ExperimentSpec.defaults()).path();
        RunnerExperimentService service = service();
        service.rename(folder, "renamed");
        assertEquals("renamed", service.list().get(0).name());
        service.delete(service.list().get(0).folder());
        assertTrue(service.list().isEmpty());
    }

    @Test
    void aFolderThatIsNoExperimentGivesAServiceExceptionWithAMessage() throws Exception {
        Path stray = Files.createDirectories(root.resolve("not-an-experiment"));
        ServiceException e = assertThrows(ServiceException.class, () -> service().open(stray));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void noRunsAnalyseToAnEmptyResultWithoutDivergence() {
        AnalysisResult r = service().analyse(List.of());
        assertTrue(r.pairs().isEmpty());
        assertTrue(r.firstDivergenceIteration() == null);
    }
}
