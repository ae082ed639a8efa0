package reprolab.run;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class archive's bookkeeping: when it is used, who writes it, when it is published or dropped. */
class WorkerClassArchiveTest {

    @TempDir
    Path dir;
    private Path javaHome;
    private Path cache;
    private String classpath;

    @BeforeEach
    void fakeRuntimeAndJars() throws IOException {
        javaHome = dir.resolve("jdk");
        Files.createDirectories(javaHome.resolve("lib/server"));
        Files.writeString(javaHome.resolve("lib/server/classes.jsa"), "base archive");
        Files.writeString(javaHome.resolve("lib/server/libjvm.so"), "jvm");
        Path a = Files.writeString(dir.resolve("a.jar"), "a");
        Path b = Files.writeString(dir.resolve("b.jar"), "bb");
        classpath = a + File.pathSeparator + b;
        cache = dir.resolve("cache");
    }

    private WorkerClassArchive archive() {
        return WorkerClassArchive.in(cache, javaHome, classpath).orElseThrow();
    }

    @Test
    void aClasspathWithAFolderOrARuntimeWithoutABaseArchiveGetsNone() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertTrue(WorkerClassArchive.in(cache, javaHome, classpath).isPresent());
        assertEquals(Optional.empty(), WorkerClassArchive.in(cache, javaHome, classpath + File.pathSeparator + classes));
        assertEquals(Optional.empty(), WorkerClassArchive.in(cache, javaHome, classpath + File.pathSeparator
                + dir.resolve("missing.jar")));
        Files.delete(javaHome.resolve("lib/server/classes.jsa"));
        assertEquals(Optional.empty(), WorkerClassArchive.in(cache, javaHome, classpath));
    }

    @Test
    void theNameChangesWithAnyJarOrTheRuntime() throws IOException {
        Path before = archive().file();
        Files.setLastModifiedTime(dir.resolve("b.jar"), FileTime.fromMillis(1_000_000));
        Path jarTouched = archive().file();
        assertNotEquals(before, jarTouched);
        Files.writeString(javaHome.resolve("lib/server/libjvm.so"), "jvm, updated");
        assertNotEquals(jarTouched, archive().file());
        assertEquals(archive().file(), archive().file(), "the same inputs, the same name");
    }

    @Test
    void oneWorkerWritesItAndItIsPublishedOnlyAfterACleanExit() throws IOException {
        WorkerClassArchive archive = archive();
        List<String> first = archive.optionsForLaunch();
        assertTrue(WorkerClassArchive.writes(first), first.toString());
        assertEquals(List.of(), archive.optionsForLaunch(), "a second worker meanwhile neither writes nor uses it");

        Path temp = Path.of(first.get(0).substring(first.get(0).indexOf('=') + 1));
        assertEquals(cache, temp.getParent());
        Files.writeString(temp, "archived classes");
        archive.launchEnded(first, 0, true);

        assertEquals("archived classes", Files.readString(archive.file()));
        assertFalse(Files.exists(temp));
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive.file()), archive.optionsForLaunch());
    }

    @Test
    void whatAFailedOrCancelledWorkerLeftIsDroppedAndTheNextWorkerWritesAgain() throws IOException {
        WorkerClassArchive archive = archive();
        for (int exit : new int[] {1, 137, -1}) {
            List<String> options = archive.optionsForLaunch();
            assertTrue(WorkerClassArchive.writes(options), "exit " + exit + ": " + options);
            Path temp = Path.of(options.get(0).substring(options.get(0).indexOf('=') + 1));
            Files.writeString(temp, "half");
            archive.launchEnded(options, exit, true);
            assertFalse(Files.exists(temp), "exit " + exit);
            assertFalse(Files.exists(archive.file()), "exit " + exit);
        }
        List<String> options = archive.optionsForLaunch();
        archive.launchEnded(options, 0, true); // a clean exit that wrote nothing publishes nothing
        assertFalse(Files.exists(archive.file()));
    }

    @Test
    void anArchiveThatKillsAWorkerBeforeItSpeaksIsRemoved() throws IOException {
        WorkerClassArchive archive = archive();
        Files.createDirectories(cache);
        Files.writeString(archive.file(), "truncated");
        List<String> using = archive.optionsForLaunch();
        assertFalse(WorkerClassArchive.writes(using));

        archive.launchEnded(using, 134, true); // it crashed after its first event: not the archive's doing
        assertTrue(Files.exists(archive.file()));
        archive.launchEnded(using, 1, false); // an ordinary failure
        assertTrue(Files.exists(archive.file()));
        archive.launchEnded(using, 135, false); // SIGBUS at start-up: a damaged archive
        assertFalse(Files.exists(archive.file()));
        assertTrue(WorkerClassArchive.writes(archive.optionsForLaunch()), "the next worker writes a new one");
    }

    @Test
    void onlyTheNewestArchivesAreKept() throws IOException {
        Files.createDirectories(cache);
        for (int i = 0; i < 4; i++) {
            Path old = Files.writeString(cache.resolve("worker-old" + i + ".jsa"), "old");
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Path unrelated = Files.writeString(cache.resolve("notes.txt"), "kept");
        WorkerClassArchive archive = archive();
        List<String> options = archive.optionsForLaunch();
        Files.writeString(Path.of(options.get(0).substring(options.get(0).indexOf('=') + 1)), "new");
        archive.launchEnded(options, 0, true);

        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(Set.of("notes.txt", "worker-old2.jsa", "worker-old3.jsa", archive.file().getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        assertTrue(Files.exists(unrelated));
    }
}
