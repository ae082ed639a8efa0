package reprolab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecJson;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a lesson may use: field paths of the experiment (for {@code hidden} and {@code locked})
 * and ablation factors. Paths are read off the experiment's own JSON form, so a field added to
 * {@link ExperimentSpec} becomes hideable without touching this class.
 */
public final class LessonFields {

    /** The factors an ablation lesson may vary, as the ablation engine names them. */
    public static final List<String> FACTORS = List.of("weightInit", "dropout", "shuffle", "split", "threads",
            "helpers", "dataType", "perturbation", "learningRate");

    /** Requirement a lesson may declare: it needs the CUDA backend. */
    public static final String REQUIRES_GPU = "gpu";

    private static final Set<String> PATHS = collectPaths();

    private LessonFields() {
    }

    /**
     * Every field path of an experiment, sections included: {@code seeds}, {@code seeds.dropout},
     * {@code seeds.dropout.enabled}, {@code execution.threads}, ... ({@code schemaVersion} is no control
     * and is left out). Iteration order follows the file's field order.
     */
    public static Set<String> experimentPaths() {
        return PATHS;
    }

    private static Set<String> collectPaths() {
        Set<String> paths = new LinkedHashSet<>();
        collect(SpecJson.toTree(ExperimentSpec.defaults()), "", paths);
        paths.remove("schemaVersion");
        return java.util.Collections.unmodifiableSet(paths);
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            paths.add(path);
            if (field.getValue().isObject()) {
                collect(field.getValue(), path, paths);
            }
        }
    }
}
