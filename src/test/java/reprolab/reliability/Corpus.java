package reprolab.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder of bad inputs under {@code src/test/resources/bad/} with its manifest {@code expected.tsv}:
 * one line per file, tab-separated columns, the last one a fragment of the message it must produce.
 */
final class Corpus {

    /** Any input must be judged within this time, class loading of the first one included. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    /** Generous for a 1 MB input, yet far below what an unbounded read of a hostile one would take. */
    static final long ALLOCATION_LIMIT = 64L << 20;

    /** One manifest line. */
    record Entry(Path file, List<String> columns) {
        String name() {
            return file.getFileName().toString();
        }

        String fragment() {
            return columns.get(columns.size() - 1);
        }
    }

    private Corpus() {
    }

    static Path folder(String name) {
        try {
            return Path.of(Corpus.class.getResource("/bad/" + name + "/expected.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Entry> entries(String name) {
        Path folder = folder(name);
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(folder.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                entries.add(new Entry(folder.resolve(columns[0]), List.of(columns).subList(1, columns.length)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Fails when a file of the folder is missing from the manifest or the manifest names a missing file. */
    static void assertManifestComplete(String name) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(folder(name))) {
            list.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("expected.tsv") && !n.equals("README.md"))
                    .forEach(files::add);
        }
        TreeSet<String> listed = new TreeSet<>();
        entries(name).forEach(e -> listed.add(e.name()));
        assertEquals(files, listed, "bad/" + name + "/expected.tsv must list exactly the files of the folder");
    }

    /** The message of what {@code check} threw, or fails when it threw nothing. */
    interface Check {
        void run() throws Exception;
    }

    /**
     * Runs {@code check} on its own thread under {@link #TIME_LIMIT}, asserts that it allocated at most
     * {@link #ALLOCATION_LIMIT} bytes, and returns the exception it threw (null when none).
     */
    static Exception bounded(Check check) {
        return assertTimeoutPreemptively(TIME_LIMIT, () -> {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            Exception thrown = null;
            try {
                check.run();
            } catch (Exception e) {
                thrown = e;
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < ALLOCATION_LIMIT, "allocated " + allocated + " bytes");
            return thrown;
        });
    }
}
