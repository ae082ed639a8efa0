package reprolab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the IDX reader with random and mutated files: whatever the bytes, it may only succeed or
 * throw DataException; never another exception, never a hang. Tries are bounded to run in seconds.
 */
class IdxReaderFuzzTest {

    private static final byte[] IMAGES = IdxBytes.images(10, 8, 8);
    private static final byte[] LABELS = IdxBytes.labels(10);
    private static Path dir;
    /** One reused daemon thread, so a hang fails the try instead of the build, at no cost per try. */
    private static ExecutorService reader;

    @BeforeContainer
    static void createFolder() throws IOException {
        // Hundreds of small files: on tmpfs, where there is one, writing them is ten times faster.
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "idx-fuzz") : Files.createTempDirectory("idx-fuzz");
        reader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "idx-fuzz-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        reader.shutdownNow();
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 200)
    void randomBytesOnlyEverRaiseDataException(@ForAll @Size(max = 2048) byte[] images,
                                               @ForAll @Size(max = 64) byte[] labels) throws Exception {
        readOnlyFailsWithDataException(images, labels);
    }

    @Property(tries = 200)
    void randomSizesBehindAValidMagicOnlyEverRaiseDataException(
            @ForAll int count, @ForAll int rows, @ForAll int cols, @ForAll @Size(max = 1024) byte[] body,
            @ForAll boolean gzip) throws Exception {
        byte[] images = IdxBytes.concat(IdxBytes.header(IdxBytes.IMAGES_MAGIC, count, rows, cols), body);
        readOnlyFailsWithDataException(gzip ? IdxBytes.gzip(images) : images, LABELS);
    }

    @Property(tries = 300)
    void mutatedValidFilesOnlyEverRaiseDataException(@ForAll("mutatedImages") byte[] images,
                                                     @ForAll("mutatedLabels") byte[] labels) throws Exception {
        readOnlyFailsWithDataException(images, labels);
    }

    @Provide
    Arbitrary<byte[]> mutatedImages() {
        return mutated(Arbitraries.of(IMAGES, IdxBytes.gzip(IMAGES)));
    }

    @Provide
    Arbitrary<byte[]> mutatedLabels() {
        return mutated(Arbitraries.of(LABELS, IdxBytes.gzip(LABELS)));
    }

    /** Overwrites a few bytes (biased to the header), then maybe cuts or extends the file. */
    private static Arbitrary<byte[]> mutated(Arbitrary<byte[]> originals) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 700)
                .withDistribution(RandomDistribution.biased());
        Arbitrary<List<int[]>> edits = Combinators.combine(position, Arbitraries.integers().between(0, 255))
                .as((at, value) -> new int[] {at, value}).list().ofMaxSize(4);
        Arbitrary<Integer> resize = Arbitraries.integers().between(-700, 64);
        return Combinators.combine(originals, edits, resize).as(IdxReaderFuzzTest::apply);
    }

    private static byte[] apply(byte[] original, List<int[]> edits, int resize) {
        byte[] bytes = original.clone();
        for (int[] edit : edits) {
            bytes[edit[0] % bytes.length] = (byte) edit[1];
        }
        int length = Math.max(0, bytes.length + resize);
        return java.util.Arrays.copyOf(bytes, length);
    }

    private static void readOnlyFailsWithDataException(byte[] images, byte[] labels)
            throws InterruptedException, TimeoutException {
        Path imagesFile = write("images", images);
        Path labelsFile = write("labels", labels);
        try {
            reader.submit(() -> {
                try {
                    return IdxReader.read(imagesFile, labelsFile);
                } catch (DataException expected) {
                    return null; // the only failure allowed
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("IdxReader threw " + e.getCause(), e.getCause());
        }
    }

    private static Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
