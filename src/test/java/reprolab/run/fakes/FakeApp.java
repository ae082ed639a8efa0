package reprolab.run.fakes;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.RunListener;
import reprolab.run.WorkerCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The app in miniature: creates an experiment in the store at args[0] and runs slow fake workers. */
public final class FakeApp {

    public static void main(String[] args) throws Exception {
        ExperimentFolder folder = new ExperimentStore(Path.of(args[0])).create(ExperimentSpec.defaults());
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            runs.add(new RunSpec(ExperimentSpec.SCHEMA_VERSION, "slow-" + i, ExperimentSpec.defaults(),
                    new ResolvedSeeds(1, 2, 3, 4)));
        }
        new ExperimentRunner(WorkerCommand.forCurrentJvm().withMainClass(ScriptedWorker.class.getName()))
                .start(folder, runs, 2, RunListener.none()).await();
    }
}
