package reprolab.gui.ablation;

import reprolab.ablation.AblationFactor;
import reprolab.ablation.AblationPlan;
import reprolab.ablation.AblationPlanner;
import reprolab.ablation.AblationRunner;
import reprolab.ablation.RunningAblation;
import reprolab.analysis.AblationReport;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.RunEventListener;
import reprolab.gui.RunnerExperimentService;
import reprolab.gui.ServiceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The real ablation engine behind {@link AblationService}: the planner, the runner and the store. */
public final class RunnerAblationService implements AblationService {

    private final AblationRunner runner;

    public RunnerAblationService(AblationRunner runner) {
        this.runner = runner;
    }

    @Override
    public Handle start(ExperimentSpec baseline, int repeats, List<String> factors, RunEventListener listener)
            throws ServiceException {
        try {
            AblationPlan plan = AblationPlanner.plan(baseline, repeats, AblationFactor.parse(factors));
            RunningAblation running = runner.start(plan, AblationRunner.defaultParallel(plan),
                    RunnerExperimentService.forward(listener));
            Map<String, String> groups = new LinkedHashMap<>();
            plan.groups().forEach(g -> g.runIds().forEach(id -> groups.put(id, g.factor())));
            return new Running(running, plan.allRuns().size(), Collections.unmodifiableMap(groups));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ServiceException("cannot start the ablation: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> factors() {
        return AblationFactor.varying().stream().map(AblationFactor::factor).toList();
    }

    private record Running(RunningAblation running, int runCount, Map<String, String> groups) implements Handle {
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
