package reprolab.cli;

import reprolab.ablation.AblationPlan;
import reprolab.ablation.AblationRunner;
import reprolab.ablation.AblationText;
import reprolab.ablation.RunningAblation;
import reprolab.ablation.ScriptAblationPlanner;
import reprolab.analysis.AblationReport;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.Json;
import reprolab.run.RunTarget;

/** {@code script --ablate}: the script's ablation ({@link ScriptAblationPlanner}), printed as {@code ablate} prints. */
final class ScriptAblation {

    private ScriptAblation() {
    }

    static int run(ExperimentSpec spec, StoreOption store, TargetOptions on, boolean json) throws Exception {
        AblationPlan plan = ScriptAblationPlanner.plan(spec, spec.runs().repeats());
        RunTarget target = on.target();
        target.check(store.store().root());
        int parallel = AblationRunner.defaultParallel(plan, target);
        ProgressPrinter progress = ProgressPrinter.forStream(System.err, plan.allRuns());
        RunningAblation running = new AblationRunner(target, store.store()).start(plan, parallel, progress);
        System.err.println("ablation " + running.folder().path() + ": " + plan.groups().size() + " groups x "
                + plan.repeats() + " runs, " + Math.min(parallel, plan.allRuns().size()) + " at a time on "
                + target.describe());
        AblationReport report = CancelOnExit.await(running::cancelAll, running::await, progress);
        System.out.println(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report)
                : AblationText.render(report));
        return Main.EXIT_OK; // as ablate: the report is the answer, whichever factors break it
    }
}
