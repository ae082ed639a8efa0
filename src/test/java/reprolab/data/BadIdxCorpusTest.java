package reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the committed corpus in bad/idx is rejected with its own specific message. */
class BadIdxCorpusTest {

    private static final String GOOD_IMAGES = "good-images.idx3";
    private static final String GOOD_LABELS = "good-labels.idx1";

    /** Bad file -> a phrase its message must contain. Files named labels-* are read with good images. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("images-empty.idx3", "is empty (0 bytes)"),
            Map.entry("images-three-bytes.idx3", "has 3 bytes, the header alone needs 16"),
            Map.entry("images-short-header.idx3", "has 8 bytes, the header alone needs 16"),
            Map.entry("images-labels-magic.idx3",
                    "magic number 0x00000801 is an IDX1 labels file, expected 0x00000803"),
            Map.entry("images-html.idx3", "magic number 0x3C21444F is not an IDX file"),
            Map.entry("images-garbage.bin", "is not an IDX file"),
            Map.entry("images-float-type.idx3", "holds 32-bit float values (type 0x0D)"),
            Map.entry("images-two-dims.idx3", "is an IDX file with 2 dimensions, expected 0x00000803"),
            Map.entry("images-zero-count.idx3", "declares 0 images; the count must be 1..10000000"),
            Map.entry("images-absurd-count.idx3", "declares 4294967295 images; the count must be 1..10000000"),
            Map.entry("images-zero-rows.idx3", "declares 0 rows per image; it must be 1..1024"),
            Map.entry("images-huge-cols.idx3", "declares 2000 columns per image; it must be 1..1024"),
            Map.entry("images-too-many-pixels.idx3", "10485760000000 pixels in total; at most 2147483639"),
            Map.entry("images-truncated.idx3",
                    "is truncated: its header declares 10 images of 8x8 pixels (656 bytes with the header)"
                            + " but it has only 316 bytes"),
            Map.entry("images-oversized.idx3", "is oversized: its header declares 10 images of 8x8 pixels"
                    + " (656 bytes with the header) but it has 756 bytes"),
            Map.entry("images-truncated.idx3.gz", "is truncated: its header declares 10 images of 8x8 pixels"
                    + " (656 bytes with the header) but it decompresses to only 316 bytes"),
            Map.entry("images-oversized.idx3.gz", "decompresses to more than the 656 bytes its header declares"),
            Map.entry("images-bomb.idx3.gz", "decompresses to more than the 656 bytes its header declares"),
            Map.entry("images-cut.idx3.gz", "is cut short: its gzip data ends early"),
            Map.entry("images-bad-crc.idx3.gz", "has corrupt gzip data (Corrupt GZIP trailer)"),
            Map.entry("images-bad-gzip-header.idx3.gz", "starts like a gzip file (1f 8b) but is not a valid gzip"),
            Map.entry("images-gzip-magic-only.idx3.gz", "is not a valid gzip file (the file ends inside the gzip header)"),
            Map.entry("images-double-gzip.idx3.gz", "is gzip again (compressed twice)"),
            Map.entry("labels-images-magic.idx1",
                    "magic number 0x00000803 is an IDX3 images file, expected 0x00000801"),
            Map.entry("labels-out-of-range.idx1", "label 12 at index 3 is outside 0..9"),
            Map.entry("labels-nine.idx1", "holds 10 images but labels file"),
            Map.entry("labels-truncated.idx1", "is truncated: its header declares 10 labels"),
            Map.entry("labels-oversized.idx1", "is oversized: its header declares 10 labels (18 bytes"),
            Map.entry("labels-zero-count.idx1", "declares 0 labels; the count must be 1..10000000"),
            Map.entry("labels-empty.idx1.gz", "is empty after gzip decompression"));

    private static Path corpus;

    @BeforeAll
    static void locateCorpus() throws URISyntaxException {
        corpus = Path.of(BadIdxCorpusTest.class.getResource("/bad/idx/" + GOOD_IMAGES).toURI()).getParent();
    }

    static Stream<Arguments> badFiles() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void eachBadFileIsRejectedWithItsSpecificMessageNamingTheFile(String file, String expected) {
        boolean badLabels = file.startsWith("labels-");
        Path images = corpus.resolve(badLabels ? GOOD_IMAGES : file);
        Path labels = corpus.resolve(badLabels ? file : GOOD_LABELS);
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DataException.class, () -> IdxReader.read(images, labels)));
        String kind = badLabels ? "labels file " : "images file ";
        assertTrue(e.getMessage().contains(kind + corpus.resolve(file)), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void everyCorpusFileHasAnExpectedMessage() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("good-") && !name.equals("README.md"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), files);
    }

    @Test
    void committedCorpusFilesAreSmall() throws IOException {
        try (Stream<Path> list = Files.list(corpus)) {
            for (Path file : (Iterable<Path>) list::iterator) {
                assertTrue(Files.size(file) <= 8 * 1024, file + " is " + Files.size(file) + " bytes");
            }
        }
    }

    @Test
    void goodCorpusFilesAreReadWhateverTheirNamesSayAboutCompression() throws DataException {
        Examples plain = IdxReader.read(corpus.resolve(GOOD_IMAGES), corpus.resolve(GOOD_LABELS));
        Examples renamed = IdxReader.read(corpus.resolve("good-images-gzip-without-gz-name.idx3"),
                corpus.resolve("good-labels-raw-with-gz-name.idx1.gz"));
        assertEquals(10, plain.count());
        assertEquals(plain, renamed);
    }
}
