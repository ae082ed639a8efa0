package reprolab.reliability;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import reprolab.data.DataException;
import reprolab.data.ExampleLoader;
import reprolab.events.EventCodec;
import reprolab.events.EventFormatException;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;
import reprolab.lesson.LessonException;
import reprolab.lesson.LessonJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file of the bad-input corpora (experiment files, worker event lines, lesson files) gets its own
 * specific message, of the one exception type its reader declares, within seconds and bounded memory.
 */
class BadInputCorpusTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyBadExperimentFileGetsItsMessage() {
        return Corpus.entries("spec").stream().map(entry -> DynamicTest.dynamicTest(entry.name(), () -> {
            String stage = entry.columns().get(0);
            ExperimentSpec[] read = new ExperimentSpec[1];
            Exception parse = Corpus.bounded(() -> read[0] = SpecJson.read(entry.file()));
            if (stage.equals("parse")) {
                assertMessage(SpecException.class, entry.fragment(), parse);
            } else if (stage.equals("valid")) {
                assertNull(parse, () -> "should be read: " + parse);
                assertEquals(entry.fragment(), read[0].name());
            } else {
                assertNull(parse, () -> "the spec itself is valid: " + parse);
                Exception load = Corpus.bounded(() -> ExampleLoader.load(read[0].data()));
                assertMessage(DataException.class, entry.fragment(), load);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBadEventLineGetsItsMessage() {
        return Corpus.entries("events").stream().map(entry -> DynamicTest.dynamicTest(entry.name(), () -> {
            String line = Files.readString(entry.file(), StandardCharsets.UTF_8);
            assertMessage(EventFormatException.class, entry.fragment(), Corpus.bounded(() -> EventCodec.decode(line)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBadLessonFileGetsItsMessage() {
        return Corpus.entries("lessons").stream().map(entry -> DynamicTest.dynamicTest(entry.name(), () ->
                assertMessage(LessonException.class, entry.fragment(), Corpus.bounded(() -> LessonJson.read(entry.file())))));
    }

    @Test
    void everyCorpusFileIsListedInItsManifest() throws IOException {
        Corpus.assertManifestComplete("spec");
        Corpus.assertManifestComplete("events");
        Corpus.assertManifestComplete("lessons");
    }

    @Test
    void experimentFileOverOneMegabyteIsRefusedBeforeItIsRead() throws IOException {
        Path file = tmp.resolve("big.json");
        // valid JSON, padded with spaces: only the size is wrong
        Files.writeString(file, "{\"name\": \"big\"}" + " ".repeat((int) SpecJson.MAX_FILE_BYTES));
        assertMessage(SpecException.class, "bytes; at most 1048576 are allowed", Corpus.bounded(() -> SpecJson.read(file)));
    }

    @Test
    void experimentTextWithATwoMegabyteStringIsRefusedByLength() {
        String json = "{\"name\": \"" + "x".repeat(2 << 20) + "\"}";
        assertMessage(SpecException.class, "experiment is larger than 1048576 characters",
                Corpus.bounded(() -> SpecJson.parse(json)));
    }

    @Test
    void eventLineLongerThanAnyEventIsRefusedByLength() {
        String line = "{\"type\":\"failed\",\"reason\":\"" + "x".repeat(EventCodec.MAX_LINE_LENGTH) + "\"}";
        assertMessage(EventFormatException.class, "is longer than any event", Corpus.bounded(() -> EventCodec.decode(line)));
    }

    @Test
    void experimentStringJustUnderTheJacksonLimitIsRejectedAsTooLongForAName() {
        String json = "{\"name\": \"" + "y".repeat(1000) + "\"}";
        assertMessage(SpecException.class, "field 'name' is 1000 characters long", Corpus.bounded(() -> SpecJson.parse(json)));
    }

    private static void assertMessage(Class<? extends Exception> type, String fragment, Exception thrown) {
        assertInstanceOf(type, thrown, () -> "expected " + type.getSimpleName() + " with '" + fragment + "', got " + thrown);
        assertTrue(thrown.getMessage().contains(fragment),
                () -> "message '" + thrown.getMessage() + "' should contain '" + fragment + "'");
    }
}
