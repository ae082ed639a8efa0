package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.EventCodec;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentFolderTest {

    @TempDir
    Path root;

    private static IterationEvent iteration(int i) {
        return new IterationEvent(i, 0, 0.5, 0.5, List.of(new LayerFingerprint("dense_0", "0123456789abcdef", 1)), "h", 0);
    }

    private ExperimentFolder folderWithLog(String id, int iterations) throws Exception {
        ExperimentFolder folder = new ExperimentStore(root).create(ExperimentSpec.defaults());
        try (RunLog log = folder.openLog(id)) {
            for (int i = 0; i < iterations; i++) {
                log.append(iteration(i));
            }
        }
        return folder;
    }

    @Test
    void runCutOffMidLineLoadsAsIncompleteWithTheCutLineReported() throws Exception {
        ExperimentFolder folder = folderWithLog("run-01", 3);
        String line = EventCodec.encode(iteration(3));
        Files.writeString(folder.logFile("run-01"), line.substring(0, 25), StandardOpenOption.APPEND);

        RunHistory run = folder.loadRuns().get(0);

        assertEquals(RunStatus.INCOMPLETE, run.status());
        assertEquals(3, run.iterations().size());
        assertTrue(run.problems().get(0).contains("line 4 is cut off"), run.problems().toString());
    }

    @Test
    void garbledAndOverlongLinesAreSkippedAndTheRestIsRead() throws Exception {
        ExperimentFolder folder = folderWithLog("run-01", 1);
        Files.writeString(folder.logFile("run-01"), "{\"type\":\"nonsense\"}\n" + "x".repeat(300_000) + "\n"
                + EventCodec.encode(new FinishedEvent("f", 1, 1, 1, 0.1, 0.9, false, -1)) + "\n",
                StandardOpenOption.APPEND);

        RunHistory run = folder.loadRuns().get(0);

        assertEquals(RunStatus.FINISHED, run.status());
        assertEquals(2, run.problems().size(), run.problems().toString());
        assertTrue(run.problems().get(0).startsWith("line 2"));
        assertTrue(run.problems().get(1).contains("longer than any event"));
    }

    @Test
    void runsLoadInTheOrderOfTheirIds() throws Exception {
        ExperimentFolder folder = folderWithLog("run-02", 1);
        folder.openLog("run-01").close();

        assertEquals(List.of("run-01", "run-02"), folder.loadRuns().stream().map(RunHistory::runId).toList());
    }

    @Test
    void runIdThatWouldLeaveTheRunsFolderIsRefused() throws Exception {
        ExperimentFolder folder = new ExperimentStore(root).create(ExperimentSpec.defaults());

        assertThrows(IllegalArgumentException.class, () -> folder.openLog("../escape"));
    }

    @Test
    void appendedEventIsInTheFileBeforeTheLogIsClosed() throws Exception {
        ExperimentFolder folder = new ExperimentStore(root).create(ExperimentSpec.defaults());
        try (RunLog log = folder.openLog("run-01")) {
            log.append(iteration(0));
            assertEquals(List.of(EventCodec.encode(iteration(0))), Files.readAllLines(folder.logFile("run-01")));
        }
    }
}
