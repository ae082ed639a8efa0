package reprolab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Field-by-field checks of a lesson tree; each problem names the field, the value and what is allowed. */
final class LessonChecks {

    private final ObjectNode root;
    private final List<String> problems;

    LessonChecks(ObjectNode root, List<String> problems) {
        this.root = root;
        this.problems = problems;
    }

    void unknownFields() {
        root.fieldNames().forEachRemaining(name -> {
            if (!LessonJson.FIELDS.contains(name)) {
                problems.add("unknown field '" + shorten(name) + "' (known fields: " + String.join(", ", LessonJson.FIELDS) + ")");
            }
        });
    }

    void schemaVersion() {
        JsonNode version = root.get("schemaVersion");
        if (version == null) {
            problems.add("field 'schemaVersion' is required; this version of ReproLab reads lesson schemaVersion "
                    + LessonJson.SCHEMA_VERSION);
        } else if (!version.isInt() || version.intValue() != LessonJson.SCHEMA_VERSION) {
            problems.add("lesson schemaVersion " + shorten(version.toString()) + " is not supported; this version of "
                    + "ReproLab reads schemaVersion " + LessonJson.SCHEMA_VERSION);
        }
    }

    /** A required string of at most {@code max} characters; {@code singleLine} forbids line breaks too. */
    String text(String field, int max, boolean singleLine) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            problems.add("field '" + field + "' is required");
            return null;
        }
        if (!node.isTextual()) {
            problems.add("field '" + field + "' must be a string, got " + node.getNodeType());
            return null;
        }
        String value = node.textValue();
        if (value.isBlank()) {
            problems.add("field '" + field + "' must not be empty");
        } else if (value.length() > max) {
            problems.add("field '" + field + "' is " + value.length() + " characters long; at most " + max + " are allowed");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && (singleLine || (c != '\n' && c != '\r' && c != '\t')))) {
            problems.add("field '" + field + "' must not contain control characters"
                    + (singleLine ? " or line breaks" : " (line breaks and tabs are fine)"));
        } else {
            return value;
        }
        return null;
    }

    LessonMode mode() {
        JsonNode node = root.get("mode");
        if (node == null) {
            return LessonMode.REPEATS;
        }
        LessonMode mode = node.isTextual() ? LessonMode.fromJson(node.textValue()) : null;
        if (mode == null) {
            problems.add("field 'mode' is " + shorten(node.toString()) + "; allowed: \"repeats\" or \"ablation\"");
        }
        return mode;
    }

    List<String> factors(LessonMode mode) {
        List<String> factors = stringList("factors");
        if (mode == LessonMode.ABLATION && factors.isEmpty()) {
            problems.add("field 'factors' must name at least one factor when mode is \"ablation\"; allowed: "
                    + String.join(", ", LessonFields.FACTORS));
        } else if (mode == LessonMode.REPEATS && !factors.isEmpty()) {
            problems.add("field 'factors' is only used when mode is \"ablation\"");
        }
        for (String factor : factors) {
            if (!LessonFields.FACTORS.contains(factor)) {
                problems.add("field 'factors' names an unknown factor '" + shorten(factor) + "'; allowed: "
                        + String.join(", ", LessonFields.FACTORS));
            }
        }
        return factors;
    }

    List<String> paths(String field) {
        List<String> paths = stringList(field);
        for (String path : paths) {
            if (!LessonFields.experimentPaths().contains(path)) {
                problems.add("field '" + field + "' names '" + shorten(path) + "', which is not an experiment setting"
                        + " (e.g. seeds, seeds.dropout, execution.threads, model.learningRate)");
            }
        }
        return paths;
    }

    String requires() {
        JsonNode node = root.get("requires");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !LessonFields.REQUIRES_GPU.equals(node.textValue())) {
            problems.add("field 'requires' is " + shorten(node.toString()) + "; allowed: \"gpu\" or leave it out");
            return null;
        }
        return LessonFields.REQUIRES_GPU;
    }

    /** An optional array of distinct, short strings; absent means empty. */
    private List<String> stringList(String field) {
        JsonNode node = root.get(field);
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (!node.isArray()) {
            problems.add("field '" + field + "' must be a list of strings, got " + node.getNodeType());
            return values;
        }
        if (node.size() > LessonJson.MAX_PATHS) {
            problems.add("field '" + field + "' has " + node.size() + " entries; at most " + LessonJson.MAX_PATHS);
            return values;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : node) {
            if (!entry.isTextual()) {
                problems.add("field '" + field + "' must hold only strings, found " + shorten(entry.toString()));
            } else if (!seen.add(entry.textValue())) {
                problems.add("field '" + field + "' names '" + shorten(entry.textValue()) + "' twice");
            } else {
                values.add(entry.textValue());
            }
        }
        return values;
    }

    /** Hostile files may carry megabyte strings; messages quote at most a few dozen characters. */
    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
