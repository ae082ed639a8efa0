package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slurm's words for a task's end, parsed and turned into the reason a user reads. */
class SlurmFailuresTest {

    @TempDir
    Path runs;

    private FailedEvent failure(String state, String exitCode) throws Exception {
        Files.writeString(runs.resolve("run-01.stderr.log"), "java.lang.Something\nlast words\n");
        FollowedRun run = new FollowedRun("run-01", 0, runs.resolve("run-01.jsonl"));
        return SlurmFailures.failedEvent(run, new SlurmQueue.Task(0, state, "None", "n7", exitCode), null, runs);
    }

    @Test
    void timeoutIsATimeoutThatNamesTheNodeAndTheOption() throws Exception {
        FailedEvent f = failure("TIMEOUT", "0:15");
        assertEquals(FailureCause.TIMEOUT, f.cause());
        assertTrue(f.reason().startsWith("Slurm stopped the task at its time limit (TIMEOUT on node n7)"), f.reason());
        assertTrue(f.reason().contains("--time") && f.reason().endsWith("last words"), f.reason());
    }

    @Test
    void outOfMemoryAndNodeFailKeepSlurmsState() throws Exception {
        assertEquals(FailureCause.OUT_OF_MEMORY, failure("OUT_OF_MEMORY", "0:125").cause());
        FailedEvent node = failure("NODE_FAIL", "0:0");
        assertEquals(FailureCause.CRASHED, node.cause());
        assertTrue(node.reason().startsWith("the node failed (NODE_FAIL on node n7)"), node.reason());
    }

    @Test
    void aNonZeroExitSaysTheCodeAndTheStderrTail() throws Exception {
        FailedEvent f = failure("FAILED", "1:0");
        assertEquals(FailureCause.CRASHED, f.cause());
        assertTrue(f.reason().contains("ended as FAILED on node n7 (exit code 1)"), f.reason());
        assertTrue(f.reason().contains("Last lines of its stderr:\njava.lang.Something\nlast words"), f.reason());
    }

    @Test
    void aTaskThatCannotSeeTheFolderSaysSo() throws Exception {
        FailedEvent f = failure("FAILED", "97:0");
        assertEquals(FailureCause.ERROR, f.cause());
        assertTrue(f.reason().contains("node n7 cannot see the experiment folder"), f.reason());
    }

    @Test
    void scontrolLinesGiveEachEndedTaskAndSkipThePendingRest() {
        Map<Integer, SlurmQueue.Task> tasks = SlurmQueue.parseScontrol(
                "JobId=12 ArrayJobId=10 ArrayTaskId=2 JobState=TIMEOUT Reason=TimeLimit NodeList=n3 ExitCode=0:15\n"
                        + "JobId=10 ArrayJobId=10 ArrayTaskId=3-5%2 JobState=PENDING Reason=JobArrayTaskLimit "
                        + "NodeList=(null) ExitCode=0:0\n");
        assertEquals(Map.of(2, new SlurmQueue.Task(2, "TIMEOUT", "TimeLimit", "n3", "0:15")), tasks);
    }

    @Test
    void sacctLinesDropTheCancellersName() {
        Map<Integer, SlurmQueue.Task> tasks = SlurmQueue.parseSacct("10_0|CANCELLED by 1000|0:15|n1|None\n10_1|COMPLETED|0:0|n2|None\n");
        assertEquals("CANCELLED", tasks.get(0).state());
        assertEquals("n2", tasks.get(1).node());
    }
}
