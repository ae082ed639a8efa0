package reprolab.gui.ablation;

import reprolab.experiment.ExperimentSpec;
import reprolab.gui.BackgroundTask;

import java.util.function.Supplier;

/**
 * The Script mode's fields as the Ablation tab's baseline (issue 24). Checking them is quick and done
 * on the FX thread; building the experiment starts Python (is it Python, is there torch), so the tab
 * builds it in the background, just before it starts the runs.
 *
 * @param problem why the fields cannot be a baseline now, empty when they can (read on the FX thread)
 * @param build   the script's experiment as the Script mode's Run builds it (run off the FX thread)
 */
public record ScriptBaseline(Supplier<String> problem, BackgroundTask.Work<ExperimentSpec> build) {
}
