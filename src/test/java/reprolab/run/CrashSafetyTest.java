package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.run.fakes.FakeApp;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashSafetyTest {

    private static final int KILLS = 2;

    @TempDir
    Path root;

    private void awaitExperiments(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (new ExperimentStore(root).list().size() < count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void appKilledAtRandomMomentsLeavesFinishedRunsIntactAndTheRestReadable() throws Exception {
        Random random = new Random(7);
        for (int kill = 0; kill < KILLS; kill++) {
            Process app = new ProcessBuilder(WorkerCommand.forCurrentJvm().java(), "-cp",
                    System.getProperty("java.class.path"), FakeApp.class.getName(), root.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitExperiments(kill + 1);
            Thread.sleep(random.nextInt(3000)); // anywhere from creating the folder to the last run's end
            app.destroyForcibly(); // SIGKILL of the app alone: its workers are orphaned, as after a real crash
            assertTrue(app.waitFor(10, TimeUnit.SECONDS));
        }

        ExperimentStore store = new ExperimentStore(root);
        List<ExperimentEntry> entries = store.list();
        assertEquals(KILLS, entries.size());
        int runs = 0;
        for (ExperimentEntry entry : entries) {
            assertNull(entry.problem());
            for (RunHistory run : store.open(entry.folder()).loadRuns()) {
                runs++;
                assertTrue(run.status() == RunStatus.FINISHED || run.status() == RunStatus.INCOMPLETE,
                        run.runId() + " is " + run.status());
                if (run.status() == RunStatus.FINISHED) {
                    assertEquals(4, run.iterations().size());
                    assertTrue(run.problems().isEmpty(), run.problems().toString());
                }
            }
        }
        assertTrue(runs > 0, "no kill came late enough to hit a run");
    }
}
