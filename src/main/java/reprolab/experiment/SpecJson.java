package reprolab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes experiment files. A file may leave out any field: it is laid over
 * {@link ExperimentSpec#defaults()}. Unknown fields, an unknown schemaVersion, wrong types and
 * out-of-range values are rejected with a message naming the field, never ignored.
 */
public final class SpecJson {

    /** Experiment files are a few KB; anything this large is not one. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    private SpecJson() {
    }

    public static ExperimentSpec read(Path file) throws SpecException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new SpecException("experiment file " + file + " does not exist or is not a file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new SpecException("experiment file " + file + " is " + Files.size(file)
                        + " bytes; at most " + MAX_FILE_BYTES + " are allowed");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SpecException("experiment file " + file.getFileName() + " is not UTF-8 text (is it a JSON file?)");
        } catch (IOException e) {
            throw new SpecException("cannot read experiment file " + file + ": " + e.getMessage());
        }
    }

    public static ExperimentSpec parse(String json) throws SpecException {
        return fromTree(parseTree(json));
    }

    public static ExperimentSpec parse(InputStream in) throws SpecException {
        try {
            return parse(new String(in.readNBytes((int) MAX_FILE_BYTES + 1), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SpecException("cannot read experiment: " + e.getMessage());
        }
    }

    /** Parses JSON text into a tree, with limits; the message says what is wrong and where. */
    public static JsonNode parseTree(String json) throws SpecException {
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a byte-order mark, as Windows Notepad writes: not part of the JSON
        }
        if (json.length() > MAX_FILE_BYTES) {
            throw new SpecException("experiment is larger than " + MAX_FILE_BYTES + " characters");
        }
        try {
            JsonNode node = Json.mapper().readTree(json);
            if (node == null || !node.isObject()) {
                throw new SpecException("an experiment file must hold one JSON object");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new SpecException("experiment file exceeds a limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new SpecException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    /** Lays a (partial) tree over the defaults, binds it and validates it. */
    public static ExperimentSpec fromTree(JsonNode userTree) throws SpecException {
        checkSchemaVersion(userTree);
        ObjectNode merged = (ObjectNode) toTree(ExperimentSpec.defaults());
        if (userTree.has("script")) {
            merged.putNull("script"); // a script section has no defaults to lay it over: taken whole
        }
        List<String> problems = new ArrayList<>();
        merge(merged, userTree, "", problems);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        ExperimentSpec spec;
        try {
            spec = Json.mapper().treeToValue(merged, ExperimentSpec.class);
        } catch (JsonMappingException e) {
            throw new SpecException(describe(e));
        } catch (JsonProcessingException e) {
            throw new SpecException(e.getOriginalMessage());
        }
        SpecValidator.validateOrThrow(spec);
        return spec;
    }

    /**
     * Every setting of the spec as a tree, the ones the JSON leaves out at their defaults included (see
     * {@link #OMITTED_AT_DEFAULT}): the base that files and {@code --set} are laid over, the paths a lesson
     * can lock, the settings two experiments are compared by.
     */
    public static JsonNode toTree(ExperimentSpec spec) {
        ObjectNode tree = Json.mapper().valueToTree(spec);
        for (Map.Entry<String, JsonNode> omitted : OMITTED_AT_DEFAULT.entrySet()) {
            String[] path = omitted.getKey().split("\\.");
            ObjectNode parent = (ObjectNode) tree.get(path[0]);
            if (!parent.has(path[1])) {
                parent.set(path[1], omitted.getValue().deepCopy());
            }
        }
        return tree;
    }

    /**
     * Settings added after the first release, which the JSON (files, run specs, the spec hash) leaves
     * out while they hold these defaults: an experiment that does not use them is written, and hashed,
     * exactly as before they existed. Each record component carries the matching {@code @JsonInclude}.
     */
    static final Map<String, JsonNode> OMITTED_AT_DEFAULT = Map.of(
            "model.layers", Json.mapper().createArrayNode(),
            "execution.engine", Json.mapper().getNodeFactory().textNode(Engine.DL4J.json()),
            "execution.deterministicAlgorithms", Json.mapper().getNodeFactory().booleanNode(false),
            "execution.cudnnBenchmark", Json.mapper().getNodeFactory().booleanNode(false),
            "execution.threadInvariant", Json.mapper().getNodeFactory().booleanNode(false),
            "runs.snapshotEvery", Json.mapper().getNodeFactory().numberNode(0));

    public static String write(ExperimentSpec spec) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ExperimentSpec always serialises", e);
        }
    }

    /** SHA-256 of the canonical JSON: equal specs have equal hashes. */
    public static String hash(ExperimentSpec spec) {
        try {
            byte[] canonical = Json.mapper().writeValueAsBytes(spec);
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkSchemaVersion(JsonNode tree) throws SpecException {
        JsonNode version = tree.get("schemaVersion");
        if (version == null) {
            return; // the current version is assumed for hand-written files
        }
        if (!version.isInt() || version.intValue() != ExperimentSpec.SCHEMA_VERSION) {
            throw new SpecException("schemaVersion " + version + " is not supported; this version of ReproLab reads "
                    + "schemaVersion " + ExperimentSpec.SCHEMA_VERSION);
        }
    }

    private static void merge(ObjectNode target, JsonNode source, String path, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            JsonNode existing = target.get(name);
            if (!target.has(name)) {
                problems.add("unknown field '" + fieldPath + "'" + knownFields(target, path));
            } else if (existing != null && existing.isObject()) {
                if (!field.getValue().isObject()) {
                    problems.add("field '" + fieldPath + "' must be an object, got " + abbreviate(field.getValue()));
                } else {
                    merge((ObjectNode) existing, field.getValue(), fieldPath, problems);
                }
            } else {
                target.set(name, field.getValue());
            }
        }
    }

    private static String knownFields(ObjectNode target, String path) {
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        return " (known fields" + (path.isEmpty() ? "" : " of '" + path + "'") + ": " + String.join(", ", names) + ")";
    }

    static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']'); // model.layers[2]
            }
        }
        String reason = e.getOriginalMessage();
        int cut = reason.indexOf(" at [Source");
        if (cut > 0) {
            reason = reason.substring(0, cut);
        }
        return "field '" + path + "' has the wrong type or value: " + firstLine(reason);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
