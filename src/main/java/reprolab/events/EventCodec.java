package reprolab.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reprolab.experiment.Json;

import java.util.Map;

/**
 * Turns worker events into single JSON lines and back. Decoding looks the {@code type} up in a fixed
 * table; the stream can never choose a Java class.
 */
public final class EventCodec {

    /**
     * The format of the lines this build writes, in each line's {@value #FORMAT_FIELD} field. A line
     * without the field is version 1 (written before the field existed). Version 2 added the data
     * files' checksums and the CPU's feature flags to the provenance.
     */
    public static final int FORMAT_VERSION = 2;

    /** The name of the format version field. */
    public static final String FORMAT_FIELD = "formatVersion";

    /** Started lines carry the spec and are a few KB; anything this long is garbage. */
    public static final int MAX_LINE_LENGTH = 256 * 1024;

    private static final Map<String, Class<? extends WorkerEvent>> TYPES = Map.of(
            StartedEvent.TYPE, StartedEvent.class,
            IterationEvent.TYPE, IterationEvent.class,
            EpochEvent.TYPE, EpochEvent.class,
            FinishedEvent.TYPE, FinishedEvent.class,
            FailedEvent.TYPE, FailedEvent.class);

    private EventCodec() {
    }

    /** One line of JSON, without the newline. */
    public static String encode(WorkerEvent event) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", event.type());
        node.put(FORMAT_FIELD, FORMAT_VERSION);
        node.setAll((ObjectNode) Json.mapper().valueToTree(event));
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static WorkerEvent decode(String line) throws EventFormatException {
        if (line.length() > MAX_LINE_LENGTH) {
            throw new EventFormatException("line of " + line.length() + " characters is longer than any event");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new EventFormatException("not a JSON object");
        }
        JsonNode type = node.get("type");
        Class<? extends WorkerEvent> kind = type == null ? null : TYPES.get(type.asText());
        if (kind == null) {
            throw new EventFormatException("unknown event type " + type);
        }
        ((ObjectNode) node).remove("type");
        checkVersion(((ObjectNode) node).remove(FORMAT_FIELD));
        try {
            WorkerEvent event = Json.mapper().treeToValue(node, kind);
            if (event == null) {
                throw new EventFormatException("empty " + type.asText() + " event");
            }
            String missing = missingField(event);
            if (missing != null) {
                throw new EventFormatException("bad " + type.asText() + " event: field '" + missing + "' is missing");
            }
            return event;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EventFormatException("bad " + type.asText() + " event: " + firstLine(e.getMessage()));
        }
    }

    /** Accepts a missing version (1) and every version up to this build's; names anything else. */
    private static void checkVersion(JsonNode version) throws EventFormatException {
        if (version == null) {
            return;
        }
        if (!version.isInt() || version.intValue() < 1 || version.intValue() > FORMAT_VERSION) {
            throw new EventFormatException("event " + FORMAT_FIELD + " " + version + " is not supported: this"
                    + " ReproLab reads versions 1 to " + FORMAT_VERSION + " (a newer ReproLab wrote it?)");
        }
    }

    /** The first required field that is absent or null (readers of events count on them), or null. */
    private static String missingField(WorkerEvent event) {
        if (event instanceof StartedEvent s) {
            return s.runId() == null ? "runId" : s.provenance() == null ? "provenance" : null;
        }
        if (event instanceof IterationEvent i) {
            return i.modelHash() == null ? "modelHash" : i.layers() == null || i.layers().contains(null) ? "layers" : null;
        }
        if (event instanceof FinishedEvent f) {
            return f.finalHash() == null ? "finalHash" : null;
        }
        if (event instanceof FailedEvent f) {
            return f.reason() == null ? "reason" : f.cause() == null ? "cause" : null;
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
