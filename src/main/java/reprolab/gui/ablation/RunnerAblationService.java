package reprolab.gui.ablation;

import reprolab.ablation.AblationFactor;
import reprolab.ablation.AblationPlan;
import reprolab.ablation.AblationPlanner;
import reprolab.ablation.AblationRunner;
import reprolab.ablation.RunningAblation;
import reprolab.ablation.ScriptAblationPlanner;
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
import java.util.function.Supplier;

/**
 * The real ablation engine behind {@link AblationService}: the planner, the store, and the target the
 * app's "Run on" choice names at each start (this computer or a Slurm cluster), as for experiments.
 * A script's baseline is planned by {@link ScriptAblationPlanner}, as {@code script --ablate} plans it;
 * from there on both kinds share the runner, the store and the report.
 */
public final class RunnerAblationService implements AblationService {

    private final ExperimentStore store;
    private final Supplier<RunTarget> target;

    /** Ablations stored in {@code store}, run where {@code target} says at each start. */
    public RunnerAblationService(ExperimentStore store, Supplier<RunTarget> target) {
        this.store = store;
        this.target = target;
    }

    @Override
    public Handle start(ExperimentSpec baseline, int repeats, List<String> factors, RunEventListener listener)
            throws ServiceException {
        try {
            AblationPlan plan = baseline.script() != null ? ScriptAblationPlanner.plan(baseline, repeats, factors)
                    : AblationPlanner.plan(baseline, repeats, AblationFactor.parse(factors));
            RunTarget chosen = target.get();
            chosen.check(store.root()); // before the folder exists: a refused submission stores nothing
            RunningAblation running = new AblationRunner(chosen, store).start(plan,
                    AblationRunner.defaultParallel(plan, chosen), RunnerExperimentService.forward(listener));
            Map<String, String> groups = new LinkedHashMap<>();
            plan.groups().forEach(g -> g.runIds().forEach(id -> groups.put(id, g.factor())));
            return new Running(running, plan.allRuns().size(), Collections.unmodifiableMap(groups), chosen.describe());
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
