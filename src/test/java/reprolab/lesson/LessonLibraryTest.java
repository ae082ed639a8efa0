package reprolab.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonLibraryTest {

    @TempDir
    Path dir;

    private static Lesson titled(String title) {
        return new Lesson(1, "x", title, "Explained.", ExperimentSpec.defaults().withName("run name"),
                LessonMode.REPEATS, List.of(), List.of("execution"), List.of(), null);
    }

    @Test
    void saveAsRoundTripsThroughTheFolder() throws Exception {
        Lesson lesson = titled("Dropout only");
        Path file = LessonLibrary.saveAs(lesson, dir);
        assertEquals(dir.resolve("dropout-only.json"), file);
        Lesson back = LessonJson.read(file);
        assertEquals("dropout-only", back.id());
        assertEquals(lesson.settings(), back.settings());
        assertEquals(lesson.hidden(), back.hidden());
        assertEquals(lesson.text(), back.text());
    }

    @Test
    void saveAsNeverEscapesTheFolderWhateverTheTitle() throws Exception {
        for (String title : List.of("../../etc/passwd", "..", "/absolute/path", "C:\\Windows\\x", "con", "***", "\u00e9t\u00e9 \u00e0 Z\u00fcrich")) {
            Path file = LessonLibrary.saveAs(titled(title), dir);
            assertEquals(dir.toAbsolutePath().normalize(), file.getParent(), title);
            assertTrue(file.getFileName().toString().matches("[a-z0-9][a-z0-9-]*\\.json"), file.toString());
        }
        assertTrue(Files.exists(dir.resolve("lesson-con.json")));
        assertTrue(Files.exists(dir.resolve("ete-a-zurich.json")));
        try (var files = Files.list(dir)) {
            assertEquals(7, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void saveAsNeverOverwritesAnExistingLesson() throws Exception {
        Path first = LessonLibrary.saveAs(titled("Same title"), dir);
        Path second = LessonLibrary.saveAs(titled("Same title"), dir);
        assertEquals(dir.resolve("same-title-2.json"), second);
        assertTrue(Files.exists(first));
    }

    @Test
    void slugIsShortLowerCaseAndNeverEmpty() {
        assertEquals("threads-determinism", LessonLibrary.slug("  Threads & determinism! "));
        assertEquals("lesson", LessonLibrary.slug("?!"));
        assertTrue(LessonLibrary.slug("x".repeat(500)).length() <= 60);
    }

    @Test
    void loadFolderReportsBadFilesAndKeepsTheGoodOnes() throws Exception {
        LessonLibrary.saveAs(titled("Good one"), dir);
        Files.writeString(dir.resolve("broken.json"), "{not json");
        Files.writeString(dir.resolve("unknown.json"), "{\"schemaVersion\": 1, \"title\": \"T\", \"text\": \"x\", \"hidden\": [\"gpu.count\"]}");
        Files.writeString(dir.resolve("notes.txt"), "ignored: not a .json file");
        LessonLibrary.Loaded loaded = LessonLibrary.loadFolder(dir);
        assertEquals(List.of("good-one"), loaded.lessons().stream().map(Lesson::id).toList());
        assertEquals(2, loaded.problems().size());
        assertTrue(loaded.problems().get(0).message().startsWith("broken.json: malformed JSON"), loaded.problems().toString());
        assertTrue(loaded.problems().get(1).message().contains("'gpu.count'"), loaded.problems().toString());
    }

    @Test
    void loadFolderOfAMissingFolderIsAProblemNotAnException() {
        LessonLibrary.Loaded loaded = LessonLibrary.loadFolder(dir.resolve("missing"));
        assertTrue(loaded.lessons().isEmpty());
        assertTrue(loaded.problems().get(0).message().startsWith("cannot list lesson folder"));
    }

    @Test
    void binaryFileIsReportedAsNotText() throws Exception {
        Files.write(dir.resolve("image.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe});
        LessonLibrary.Loaded loaded = LessonLibrary.loadFolder(dir);
        assertTrue(loaded.problems().get(0).message().contains("is not UTF-8 text"), loaded.problems().toString());
    }

    @Test
    void oversizedFileIsReportedWithItsSize() throws Exception {
        Files.writeString(dir.resolve("big.json"), " ".repeat(LessonJson.MAX_FILE_CHARS + 1));
        LessonLibrary.Loaded loaded = LessonLibrary.loadFolder(dir);
        assertTrue(loaded.problems().get(0).message().contains("bytes; at most"), loaded.problems().toString());
    }
}
