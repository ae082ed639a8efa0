package reprolab.gui.history;

import com.fasterxml.jackson.databind.JsonNode;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Side-by-side settings of two experiments, the differing ones first: that is where to look. */
public final class SpecDiff {

    /** One setting of both experiments. */
    public record Row(String setting, String left, String right, boolean differs) {
    }

    private SpecDiff() {
    }

    public static List<Row> compare(ExperimentSpec left, ExperimentSpec right) {
        Map<String, String> a = flatten(SpecJson.toTree(left));
        Map<String, String> b = flatten(SpecJson.toTree(right));
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            String l = a.getOrDefault(key, "");
            String r = b.getOrDefault(key, "");
            rows.add(new Row(key, l, r, !l.equals(r)));
        }
        // stable sort keeps the file's order within each group
        rows.sort(Comparator.comparing(row -> !row.differs()));
        return rows;
    }

    private static Map<String, String> flatten(JsonNode tree) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", tree, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else {
            out.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }
}
