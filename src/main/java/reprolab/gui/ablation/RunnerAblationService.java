package reprolab.gui.ablation;

import reprolab.ablation.AblationFactor;
import reprolab.ablation.AblationPlan;
import reprolab.ablation.AblationPlanner;
import reprolab.ablation.AblationRunner;
import reprolab.ablation.RunningAblation;
import reprolab.analysis.AblationReport;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.ServiceException;
import reprolab.run.RunListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The real ablation engine behind {@link AblationService}: the planner, the runner and the store. */
public final class RunnerAblationService implements AblationService {

    private final AblationRunner runner;

    public RunnerAblationService(AblationRunner runner) {
        this.runner = runner;
    }

    @Override
    public Handle start(ExperimentSpec baseline, int repeats, List<String> factors) throws ServiceException {
        try {
            AblationPlan plan = AblationPlanner.plan(baseline, repeats, AblationFactor.parse(factors));
            RunningAblation running = runner.start(plan, AblationRunner.defaultParallel(plan), IGNORE_EVENTS);
            return new Running(running, plan.allRuns().size());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ServiceException("cannot start the ablation: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> factors() {
        return AblationFactor.varying().stream().map(AblationFactor::factor).toList();
    }

    /** The tab shows the report, not live curves, so single events are not needed. */
    private static final RunListener IGNORE_EVENTS = (String runId, WorkerEvent event) -> { };

    private record Running(RunningAblation running, int runCount) implements Handle {
        @Override
        public Path folder() {
            return running.folder().path();
        }

        @Override
        public CompletableFuture<AblationReport> completion() {
            return running.completion();
        }

        @Override
        public void cancelAll() {
            running.cancelAll();
        }
    }
}
