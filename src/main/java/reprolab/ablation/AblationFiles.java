package reprolab.ablation;

import com.fasterxml.jackson.core.JsonProcessingException;
import reprolab.experiment.Json;
import reprolab.run.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code ablation.json}, the file that makes an experiment folder an ablation. */
public final class AblationFiles {

    /** The manifest's name inside the experiment folder. */
    public static final String MANIFEST_FILE = "ablation.json";
    /** Far more than any manifest needs (1000 repeats x 10 groups of short ids); bigger is not ours. */
    static final long MAX_BYTES = 4L << 20;

    private AblationFiles() {
    }

    /** Whether {@code folder} holds an ablation (it has {@code ablation.json}). */
    public static boolean isAblation(Path folder) {
        return Files.isRegularFile(folder.resolve(MANIFEST_FILE));
    }

    /** Writes the manifest atomically (see {@link AtomicFiles}). */
    public static void write(Path folder, AblationManifest manifest) throws IOException {
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        AtomicFiles.writeString(folder.resolve(MANIFEST_FILE), json);
    }

    /**
     * Reads the manifest of an ablation folder.
     *
     * @throws IOException with a message saying what is wrong: missing, too large, malformed, or an
     *                     unsupported schemaVersion
     */
    public static AblationManifest read(Path folder) throws IOException {
        Path file = folder.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder.getFileName() + " is not an ablation: it has no " + MANIFEST_FILE);
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(MANIFEST_FILE + " is " + Files.size(file) + " bytes; at most " + MAX_BYTES + " are allowed");
        }
        AblationManifest manifest;
        try {
            manifest = Json.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), AblationManifest.class);
        } catch (JsonProcessingException e) {
            throw new IOException(MANIFEST_FILE + " is malformed: " + e.getOriginalMessage(), e);
        }
        if (manifest.schemaVersion() != AblationManifest.SCHEMA_VERSION) {
            throw new IOException(MANIFEST_FILE + " has schemaVersion " + manifest.schemaVersion()
                    + "; this version of ReproLab reads schemaVersion " + AblationManifest.SCHEMA_VERSION);
        }
        return manifest;
    }
}
