package reprolab.gui.ablation;

import reprolab.ablation.ScriptAblationPlanner;
import reprolab.analysis.AblationReport;
import reprolab.experiment.Backend;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.RunEventListener;
import reprolab.gui.ServiceException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The Ablation tab's door to the engine; a fake stands in for it in tests. May block: call it off the FX thread. */
public interface AblationService {

    /** An ablation in flight. */
    interface Handle {
        Path folder();

        int runCount();

        /** Run id to the name of its group ({@code baseline}, {@code dropout}, …), in launch order. */
        Map<String, String> groups();

        /** Completes with the report once every run has ended (also after a cancel); never exceptionally. */
        CompletableFuture<AblationReport> completion();

        void cancelAll();

        /** Where the runs go, for the status line: "this computer", or the cluster's job. */
        default String where() {
            return "this computer";
        }
    }

    /**
     * Plans a baseline group plus one group per factor, {@code repeats} runs each, stores and starts them.
     * A baseline with a {@code script} section is the ablation of that script (issue 24): its factors are
     * the script's toggles ({@link #scriptFactors}).
     *
     * @param factors  factor names as in lesson files ({@code weightInit}, {@code dropout}, …), or a script's
     *                 toggles ({@code seed}, {@code hashSeed}, …)
     * @param listener hears every event of every run, on background threads (for per-run progress)
     */
    Handle start(ExperimentSpec baseline, int repeats, List<String> factors, RunEventListener listener)
            throws ServiceException;

    /** The factors the user can choose from for a model experiment, in report order. */
    List<String> factors();

    /** The toggles a script's ablation can flip on this backend, in report order (the planner's own list). */
    default List<String> scriptFactors(Backend backend) {
        return ScriptAblationPlanner.factors(backend);
    }
}
