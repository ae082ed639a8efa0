package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writers of the same file at the same time: each write lands whole, one of them last. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void concurrentWritersOfOneFileNeverMixOrLoseAWrite() throws Exception {
        Path target = dir.resolve("experiment.json");
        int writers = 8;
        int rounds = 50;
        CyclicBarrier together = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<String> contents = new ArrayList<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String content = String.valueOf((char) ('a' + w)).repeat(200_000 + w); // large: writes overlap
                contents.add(content);
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        together.await();
                        AtomicFiles.writeString(target, content);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(); // a writer whose temp file another one renamed away fails here
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(contents.contains(Files.readString(target)), "the file is one writer's content, whole");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temp file left behind");
        }
    }
}
