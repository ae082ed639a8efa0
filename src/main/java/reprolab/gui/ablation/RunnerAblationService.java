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
import reprolab.run.ExperimentStore;
import reprolab.run.RunTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The real ablation engine behind {@link AblationService}: the planner, the store, and the target the
 * app's "Run on" choice names at each start (this computer or a Slurm cluster), as for experiments.
 */
public final class RunnerAblationService implements AblationService {

    private final ExperimentStore store;
    private final RunTarget local;
    private final UnaryOperator<RunTarget> chooser;

    /** Ablations stored in {@code store}, run on {@code local} (this computer's runner). */
    public RunnerAblationService(ExperimentStore store, RunTarget local) {
        this(store, local, target -> target);
    }

    private RunnerAblationService(ExperimentStore store, RunTarget local, UnaryOperator<RunTarget> chooser) {
        this.store = store;
        this.local = local;
        this.chooser = chooser;
    }

    /** The same service, asking {@code chooser} at each start where the runs go (given this computer's runner). */
    public RunnerAblationService choosingTargetWith(UnaryOperator<RunTarget> chooser) {
        return new RunnerAblationService(store, local, chooser);
    }

    @Override
    public Handle start(ExperimentSpec baseline, int repeats, List<String> factors, RunEventListener listener)
            throws ServiceException {
        try {
            AblationPlan plan = AblationPlanner.plan(baseline, repeats, AblationFactor.parse(factors));
            RunTarget target = chooser.apply(local);
            target.check(store.root()); // before the folder exists: a refused submission stores nothing
            RunningAblation running = new AblationRunner(target, store).start(plan,
                    AblationRunner.defaultParallel(plan, target), RunnerExperimentService.forward(listener));
            Map<String, String> groups = new LinkedHashMap<>();
            plan.groups().forEach(g -> g.runIds().forEach(id -> groups.put(id, g.factor())));
            return new Running(running, plan.allRuns().size(), Collections.unmodifiableMap(groups), target.describe());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ServiceException("cannot start the ablation: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> factors() {
        return AblationFactor.varying().stream().map(AblationFactor::factor).toList();
    }

    private record Running(RunningAblation running, int runCount, Map<String, String> groups, String where)
            implements Handle {
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
