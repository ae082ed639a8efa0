package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunsSpec;
import reprolab.experiment.SpecJson;

import java.nio.file.Path;
import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RepeatSessionTest {

    @TempDir
    Path store;

    @Test
    void planHasOneRunPerRepeatAndTheSpecsParallelCappedByTheRuns() {
        RepeatSession session = RepeatSession.plan(ExperimentSpec.defaults().withRuns(new RunsSpec(3, 5)));
        assertEquals(3, session.runs().size());
        assertEquals(3, new HashSet<>(session.runIds()).size(), "distinct run ids");
        assertEquals(5, session.parallel());
        assertEquals(3, session.atOnce());
    }

    @Test
    void parallelZeroMeansAsManyAsFitTheCores() {
        ExperimentSpec spec = ExperimentSpec.defaults().withRuns(new RunsSpec(4, 0));
        assertEquals(ExperimentRunner.defaultParallel(spec.execution().threads()), RepeatSession.plan(spec).parallel());
    }

    @Test
    void theFolderHoldsTheSpecBeforeAnyRunStarts() throws Exception {
        ExperimentSpec spec = ExperimentSpec.defaults().withRuns(new RunsSpec(2, 1));
        ExperimentFolder folder = RepeatSession.plan(spec).createFolder(new ExperimentStore(store));
        assertEquals(spec, SpecJson.read(folder.path().resolve(ExperimentFolder.SPEC_FILE)));
    }

    @Test
    void theCommandLinesToleranceDefaultIsTheAppsOne() {
        assertEquals(ExperimentAnalysis.DEFAULT_LOSS_TOLERANCE,
                Double.parseDouble(ExperimentAnalysis.DEFAULT_LOSS_TOLERANCE_TEXT));
        assertEquals(ExperimentAnalysis.DEFAULT_LOSS_TOLERANCE, reprolab.gui.RunnerExperimentService.LOSS_TOLERANCE);
    }
}
