package reprolab.reliability;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecOverrides;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.Planner;
import reprolab.run.RunListener;
import reprolab.run.WorkerCommand;

import java.nio.file.Path;
import java.util.List;

/**
 * The app in miniature, with the real worker: {@code RealWorkerApp ROOT RUNS} creates an experiment of
 * the tiny model in the store at ROOT and runs RUNS repeats, two at a time, through the real launcher.
 * The crash harness kills it with SIGKILL.
 */
public final class RealWorkerApp {

    private RealWorkerApp() {
    }

    /** Two epochs of four updates on 200 sample digits: about ten seconds per run on a busy laptop. */
    static ExperimentSpec tinySpec() throws SpecException {
        return SpecOverrides.apply(ExperimentSpec.defaults().withName("crash harness"), List.of("model.name=tiny",
                "model.batchSize=50", "model.epochs=2", "data.trainSize=200", "data.validationSize=50",
                "execution.threads=1"));
    }

    public static void main(String[] args) throws Exception {
        ExperimentSpec spec = tinySpec();
        ExperimentFolder folder = new ExperimentStore(Path.of(args[0])).create(spec);
        new ExperimentRunner(WorkerCommand.forCurrentJvm())
                .start(folder, Planner.repeats(spec, Integer.parseInt(args[1])), 2, RunListener.none()).await();
    }
}
