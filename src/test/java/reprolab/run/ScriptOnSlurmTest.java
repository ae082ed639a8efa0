package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SeedSetting;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A user's script on the real local Slurm cluster: the same probe, events and bits as on this computer. */
class ScriptOnSlurmTest {

    @TempDir
    Path dir;

    @Test
    void anUnseededScriptOnSlurmPartsAtIteration0AndEachTaskMatchesItsLocalReplay() throws Exception {
        LocalSlurm.requireRunning();
        ExperimentSpec spec = ScriptExperiments.spec(new ScriptExperiments.Request(
                Path.of("src/test/python/probe_scripts/unseeded.py"), List.of(), 2, null, 0L, 1, 120, false, false,
                false));
        List<reprolab.experiment.RunSpec> runs = Planner.repeats(spec, 2);
        List<RunHistory> onSlurm = LocalSlurm.target().start(new ExperimentStore(dir.resolve("slurm")).create(spec),
                runs, 2, RunListener.none()).await();
        for (RunHistory run : onSlurm) {
            assertEquals(RunStatus.FINISHED, run.status(), run.runId() + ": " + run.failed());
            assertEquals("fc1.weight", run.iterations().get(0).layers().get(0).layer());
        }
        assertNotEquals(onSlurm.get(0).iterations().get(0).modelHash(), onSlurm.get(1).iterations().get(0).modelHash());
        // run-01 again on this computer with the seeds it drew on the node: the same bits
        ExperimentSpec replay = spec.withScript(spec.script().withSeeds(SeedSetting.on(runs.get(0).seeds().script()),
                SeedSetting.on(0)));
        List<RunHistory> local = new ExperimentRunner(WorkerCommand.forCurrentJvm()).start(
                new ExperimentStore(dir.resolve("local")).create(replay), Planner.repeats(replay, 1), 1,
                RunListener.none()).await();
        assertEquals(onSlurm.get(0).finished().finalHash(), local.get(0).finished().finalHash());
    }
}
