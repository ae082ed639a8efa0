package reprolab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Applies {@code key=value} overrides (the command line's {@code --set}) to a spec: the key is a
 * dotted field path, the value is parsed as JSON when it can be (numbers, booleans, null) and taken
 * as a string otherwise. The result is validated like a file.
 */
public final class SpecOverrides {

    private SpecOverrides() {
    }

    public static ExperimentSpec apply(ExperimentSpec spec, List<String> assignments) throws SpecException {
        ObjectNode tree = (ObjectNode) SpecJson.toTree(spec);
        for (String assignment : assignments) {
            set(tree, assignment);
        }
        return SpecJson.fromTree(tree);
    }

    private static void set(ObjectNode tree, String assignment) throws SpecException {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new SpecException("override '" + assignment + "' must look like key=value, e.g. seeds.dropout.enabled=false");
        }
        String key = assignment.substring(0, eq).trim();
        String raw = assignment.substring(eq + 1).trim();
        String[] parts = key.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null || !child.isObject()) {
                throw new SpecException("unknown setting '" + key + "'");
            }
            parent = (ObjectNode) child;
        }
        String leaf = parts[parts.length - 1];
        if (!parent.has(leaf) || parent.get(leaf).isObject()) {
            throw new SpecException("unknown setting '" + key + "'");
        }
        parent.set(leaf, parseValue(raw));
    }

    private static JsonNode parseValue(String raw) {
        try {
            JsonNode parsed = Json.mapper().readTree(raw);
            if (parsed != null && parsed.isValueNode()) {
                return parsed;
            }
        } catch (Exception notJson) {
            // fall through: a bare word such as tiny or xavier-uniform is a string
        }
        return Json.mapper().getNodeFactory().textNode(raw);
    }
}
