package reprolab.gui.controls;

import java.util.Map;

/** One-line explanations of every setting: what it is and why it matters for reproducibility. */
public final class FieldHelp {

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("name", "A label for this experiment in the history list."),
            Map.entry("data.source", "Which digits to train on. The shipped sample needs no download."),
            Map.entry("data.imagesPath", "IDX3 image file (raw or .gz), used only when the source is IDX."),
            Map.entry("data.labelsPath", "IDX1 label file (raw or .gz), used only when the source is IDX."),
            Map.entry("data.trainSize", "Training examples drawn by the stratified split."),
            Map.entry("data.validationSize", "Validation examples: a larger set makes the reported accuracy less noisy."),
            Map.entry("model.name", "seed-cnn is the classic network; tiny trains in seconds for demos; custom: your own layers (the Layers editor)."),
            Map.entry("model.epochs", "Passes over the training set: more updates give tiny differences more time to grow."),
            Map.entry("model.batchSize", "Examples per update: it also decides the order of floating-point sums."),
            Map.entry("model.learningRate", "Adam's step size: a real design choice to compare seed noise against."),
            Map.entry("model.initializer", "How initial weights are drawn, from the weight-init seed."),
            Map.entry("model.earlyStopping.enabled", "Stops on validation loss; runs that differ may stop at different epochs."),
            Map.entry("model.earlyStopping.patience", "Epochs without improvement before stopping."),
            Map.entry("seeds.weightInit", "Seeds the initial weights. Off: every run starts from a different model."),
            Map.entry("seeds.dropout", "Seeds the dropout masks. Off: the same weights see different masks."),
            Map.entry("seeds.shuffle", "Seeds the order of training examples each epoch."),
            Map.entry("seeds.split", "Seeds which examples are for training and which for validation."),
            Map.entry("execution.threads", "Native threads. Like PYTHONHASHSEED, libnd4j reads this once per process, "
                    + "so each run gets its own JVM; more threads can change the order of sums."),
            Map.entry("execution.helpers", "Vendor kernels (oneDNN / cuDNN) are fast but may pick non-deterministic algorithms."),
            Map.entry("execution.dataType", "float rounds after ~7 digits, double after ~16: rounding differences grow slower in double."),
            Map.entry("execution.backend", "CPU or CUDA. GPU kernels often use atomic adds whose order changes from run to run."),
            Map.entry("perturbation.enabled", "Adds a deliberate tiny change to show how a 1e-8 difference grows into a different model."),
            Map.entry("perturbation.iteration", "After which update the change is applied."),
            Map.entry("perturbation.layer", "Which parameter layer is changed."),
            Map.entry("perturbation.epsilon", "Size of the change; below float precision it moves one unit in the last place."),
            Map.entry("perturbation.fraction", "Share of the layer's parameters that are changed."),
            Map.entry("perturbation.seed", "Chooses which parameters are changed."),
            Map.entry("runs.repeats", "How many times the same settings are trained: two or more to compare."),
            Map.entry("runs.snapshotEvery", "Saves the raw parameters every this many updates (0 = never), so runs' distance"
                    + " and the time to chaos can be measured. Tiny model: ~88 KB each; seed CNN: ~9.6 MB each."),
            Map.entry("runs.parallel", "Runs at once (0 = fit the cores). Runs never share a process, so this cannot change results."));

    private FieldHelp() {
    }

    /** The help text of a setting, by its path in the experiment file; empty when unknown. */
    public static String of(String key) {
        return HELP.getOrDefault(key, "");
    }
}
