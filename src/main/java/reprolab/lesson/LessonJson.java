package reprolab.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reprolab.experiment.Backend;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.Json;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes lesson files. Strict, because teachers share them: a size limit, limits on
 * nesting and string length, unknown fields and unknown field paths rejected, and every message names
 * the field. The {@code settings} part is a partial experiment laid over the defaults, so a lesson
 * states only what it changes; when it names no experiment, the title is used.
 */
public final class LessonJson {

    /** The only lesson format version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;
    /** A lesson is a few hundred bytes of settings and a paragraph; anything larger is not one. */
    public static final int MAX_FILE_CHARS = 64 * 1024;
    public static final int MAX_TITLE_LENGTH = 100;
    public static final int MAX_TEXT_LENGTH = 2000;
    public static final int MAX_PATHS = 64;
    /** Safe as a file name on every OS; also what {@link LessonLibrary#slug} produces. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,79}";

    static final List<String> FIELDS = List.of("schemaVersion", "title", "text", "settings", "mode", "factors",
            "hidden", "locked", "requires");

    private LessonJson() {
    }

    /** Reads a lesson file; its id is the slug of the file name without {@code .json}. */
    public static Lesson read(Path file) throws LessonException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new LessonException("lesson file " + file + " does not exist or is not a file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_CHARS) {
                throw new LessonException("lesson file " + name + " is " + size + " bytes; at most "
                        + MAX_FILE_CHARS + " are allowed");
            }
            String id = LessonLibrary.slug(name.replaceFirst("(?i)\\.json$", ""));
            return parse(Files.readString(file, StandardCharsets.UTF_8), id);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new LessonException("lesson file " + name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new LessonException("cannot read lesson file " + name + ": " + e.getMessage());
        }
    }

    /** Parses lesson JSON; {@code id} names it (see {@link #ID_PATTERN}). */
    public static Lesson parse(String json, String id) throws LessonException {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw new LessonException("lesson id '" + id + "' must match " + ID_PATTERN);
        }
        if (json.length() > MAX_FILE_CHARS) {
            throw new LessonException("lesson is " + json.length() + " characters long; at most "
                    + MAX_FILE_CHARS + " are allowed");
        }
        ObjectNode root = parseTree(json);
        List<String> problems = new ArrayList<>();
        LessonChecks checks = new LessonChecks(root, problems);
        checks.unknownFields();
        checks.schemaVersion();
        String title = checks.text("title", MAX_TITLE_LENGTH, true);
        String text = checks.text("text", MAX_TEXT_LENGTH, false);
        LessonMode mode = checks.mode();
        List<String> factors = checks.factors(mode);
        List<String> hidden = checks.paths("hidden");
        List<String> locked = checks.paths("locked");
        String requires = checks.requires();
        ExperimentSpec settings = settings(root.get("settings"), title, problems);
        if (settings != null) {
            checkBackend(settings, requires, problems);
        }
        if (!problems.isEmpty()) {
            throw new LessonException(problems);
        }
        return new Lesson(SCHEMA_VERSION, id, title, text, settings, mode, factors, hidden, locked, requires);
    }

    /**
     * The lesson as a file: settings are written as their difference from the defaults (and the
     * experiment name only when it is not the title), so that reading it back gives an equal lesson.
     */
    public static String write(Lesson lesson) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("title", lesson.title());
        root.put("text", lesson.text());
        root.put("mode", lesson.mode().json());
        if (lesson.mode() == LessonMode.ABLATION) {
            strings(root.putArray("factors"), lesson.factors());
        }
        strings(root.putArray("hidden"), lesson.hidden());
        strings(root.putArray("locked"), lesson.locked());
        if (lesson.requires() != null) {
            root.put("requires", lesson.requires());
        }
        JsonNode base = SpecJson.toTree(ExperimentSpec.defaults().withName(lesson.title()));
        root.set("settings", difference(base, SpecJson.toTree(lesson.settings())));
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lesson tree always serialises", e);
        }
    }

    private static ObjectNode parseTree(String json) throws LessonException {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (StreamConstraintsException e) {
            throw new LessonException("lesson exceeds a limit (nesting deeper than " + Json.MAX_NESTING
                    + ", or a string or number too long): " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new LessonException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new LessonException("a lesson file must hold one JSON object");
        }
        return (ObjectNode) node;
    }

    private static ExperimentSpec settings(JsonNode node, String title, List<String> problems) {
        if (node != null && !node.isObject()) {
            problems.add("field 'settings' must be an object (a partial experiment), got " + node.getNodeType());
            return null;
        }
        ObjectNode tree = node == null ? Json.mapper().createObjectNode() : ((ObjectNode) node).deepCopy();
        if (!tree.has("name") && title != null) {
            tree.put("name", title);
        }
        try {
            return SpecJson.fromTree(tree);
        } catch (SpecException e) {
            for (String problem : e.problems()) {
                problems.add("in 'settings': " + problem);
            }
            return null;
        }
    }

    /** A lesson that runs on CUDA must say so, so the app can disable it where there is no GPU. */
    private static void checkBackend(ExperimentSpec settings, String requires, List<String> problems) {
        boolean cuda = settings.execution().backend() == Backend.CUDA;
        if (cuda && requires == null) {
            problems.add("field 'requires' must be \"gpu\" because settings.execution.backend is 'cuda'");
        } else if (!cuda && LessonFields.REQUIRES_GPU.equals(requires)) {
            problems.add("field 'requires' is \"gpu\" but settings.execution.backend is 'cpu'; set it to 'cuda'");
        }
    }

    private static JsonNode difference(JsonNode base, JsonNode actual) {
        ObjectNode diff = Json.mapper().createObjectNode();
        actual.fields().forEachRemaining(field -> {
            JsonNode was = base.get(field.getKey());
            JsonNode now = field.getValue();
            if (field.getKey().equals("schemaVersion")) {
                return; // the lesson's own schemaVersion covers the file
            }
            if (now.isObject() && was != null && was.isObject()) {
                JsonNode inner = difference(was, now);
                if (inner.size() > 0) {
                    diff.set(field.getKey(), inner);
                }
            } else if (!now.equals(was)) {
                diff.set(field.getKey(), now);
            }
        });
        return diff;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
