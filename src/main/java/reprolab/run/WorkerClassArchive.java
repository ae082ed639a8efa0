package reprolab.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive (JDK AppCDS) of the classes a worker JVM loads, so that every worker
 * after the first maps DL4J's, ND4J's and our ~3,600 classes from one file instead of reading,
 * verifying and linking them from jars again: a tiny worker run 1.9 -> 1.4 s, ~0.7 s of CPU less per
 * worker (docs/performance.md, round 5). Class loading only: what a run computes is the same.
 *
 * <p>The first worker of an installation writes the archive as it exits
 * ({@code -XX:ArchiveClassesAtExit}, ~2-3 s more for that one run) to a temp file that the launcher
 * renames into place only after a clean exit: a half-written archive makes a JVM crash with SIGBUS,
 * so none may ever be visible under the final name. Its name carries a hash of the Java runtime and of
 * every jar (path, size, time), because the JVM silently drops all sharing, even the JDK's own, when
 * they differ. Only for a classpath of jars (a build folder cannot be archived: the Maven tests run
 * from target/classes without; {@code ./reprolab} packs the classes into a jar) and a runtime that
 * has the JDK's base archive, which a dynamic archive extends. {@code REPROLAB_CLASS_ARCHIVE=off}
 * turns it off. Local workers only: a Slurm node may have another Java or see another cache.
 */
public final class WorkerClassArchive {

    /** The switch: {@code off} starts every worker without an archive. */
    public static final String SWITCH_VARIABLE = "REPROLAB_CLASS_ARCHIVE";
    /** Archives kept in the cache: the newest few (one per installed version or Java update). */
    static final int KEPT = 3;
    private static final String PREFIX = "worker-";
    private static final String SUFFIX = ".jsa";
    private static final String USE = "-XX:SharedArchiveFile=";
    private static final String WRITE = "-XX:ArchiveClassesAtExit=";
    /** JVM exit codes of SIGABRT and SIGBUS: how a JVM dies on an archive that is not whole. */
    private static final List<Integer> CRASH_CODES = List.of(128 + 6, 128 + 7);

    private final Path archive;
    private boolean writing;

    private WorkerClassArchive(Path archive) {
        this.archive = archive;
    }

    /**
     * The archive for workers started by {@code command}, in the user's cache
     * ({@code $XDG_CACHE_HOME/reprolab/class-archives}, else {@code ~/.cache/reprolab/class-archives}),
     * or empty where none can be used: switched off, a classpath that is not all jars, or a Java
     * runtime without a base archive.
     */
    public static Optional<WorkerClassArchive> inUserCache(WorkerCommand command) {
        return switchedOff() ? Optional.empty() : in(userCache(), command);
    }

    /** One line for {@code reprolab doctor}: where the archive is and whether workers use it, or why not. */
    public static String describe(WorkerCommand command) {
        if (switchedOff()) {
            return "off (" + SWITCH_VARIABLE + "=off)";
        }
        Optional<WorkerClassArchive> archive = in(userCache(), command);
        if (archive.isPresent()) {
            Path file = archive.get().file();
            return Files.isRegularFile(file) ? file + ", used by every worker"
                    : file + ", written by the next worker (its exit takes a few seconds longer)";
        }
        Optional<Path> home = javaHome(command);
        if (home.isPresent() && !hasBaseArchive(home.get())) {
            return "not used: the Java runtime " + home.get() + " has no base archive (lib/server/classes.jsa)";
        }
        return "not used: the classpath is not all jars (a build folder such as target/classes)";
    }

    private static boolean switchedOff() {
        return "off".equalsIgnoreCase(System.getenv(SWITCH_VARIABLE));
    }

    private static Path userCache() {
        return UserFolders.xdg("XDG_CACHE_HOME", ".cache").resolve("reprolab").resolve("class-archives");
    }

    /** The archive for workers started by {@code command}, kept in {@code folder}; empty where none can be used. */
    static Optional<WorkerClassArchive> in(Path folder, WorkerCommand command) {
        return javaHome(command).flatMap(home -> in(folder, home, command.classpath()));
    }

    /** The runtime whose {@code bin/java} the command starts. */
    private static Optional<Path> javaHome(WorkerCommand command) {
        Path bin = Path.of(command.java()).toAbsolutePath().getParent();
        return Optional.ofNullable(bin == null ? null : bin.getParent());
    }

    /** The archive for workers of this runtime and classpath, kept in {@code folder}; empty where none can be used. */
    static Optional<WorkerClassArchive> in(Path folder, Path javaHome, String classpath) {
        if (!hasBaseArchive(javaHome)) {
            return Optional.empty();
        }
        return key(javaHome, classpath).map(k -> new WorkerClassArchive(folder.resolve(PREFIX + k + SUFFIX)));
    }

    /** The JDK's own archive, which {@code -XX:ArchiveClassesAtExit} builds on (jlink's --generate-cds-archive). */
    static boolean hasBaseArchive(Path javaHome) {
        return Files.isRegularFile(javaHome.resolve("lib").resolve("server").resolve("classes.jsa"));
    }

    /**
     * A hash of the runtime (the JVM library and the base archive, an update replaces both) and of
     * each classpath jar, by path, size and time; empty when an entry is not a jar file.
     */
    static Optional<String> key(Path javaHome, String classpath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path server = javaHome.resolve("lib").resolve("server");
            update(digest, fileStamp(server.resolve("libjvm.so")));
            update(digest, fileStamp(server.resolve("classes.jsa")));
            for (String entry : classpath.split(java.io.File.pathSeparator)) {
                Path jar = Path.of(entry).toAbsolutePath();
                if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                    return Optional.empty();
                }
                update(digest, fileStamp(jar));
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest(), 0, 8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry: no archive rather than a wrong one
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String fileStamp(Path file) throws IOException {
        if (!Files.exists(file)) {
            return file + "|absent"; // libjvm.dylib or jvm.dll elsewhere: the rest still tells runtimes apart
        }
        return file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** Where the archive is (or will be). */
    public Path file() {
        return archive;
    }

    /**
     * The JVM options for the next worker: use the archive when it exists; else let this one worker
     * write it, unless another worker of this launcher already does; else none.
     */
    synchronized List<String> optionsForLaunch() {
        if (Files.isRegularFile(archive)) {
            return List.of(USE + archive);
        }
        if (writing) {
            return List.of();
        }
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            return List.of(); // no cache folder (read-only home): workers start as before
        }
        writing = true;
        return List.of(WRITE + temp());
    }

    /** True when these options make the worker write the archive (it needs longer to exit). */
    static boolean writes(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith(WRITE));
    }

    /**
     * After a worker started with {@code options} has exited: publishes an archive it wrote after a
     * clean exit, drops one it left otherwise, and removes the archive when a worker that used it died
     * of a signal before it said anything (a damaged file: the next worker writes a new one).
     */
    synchronized void launchEnded(List<String> options, int exitCode, boolean reportedAnything) {
        try {
            if (writes(options)) {
                writing = false;
                Path temp = temp();
                if (exitCode == 0 && Files.isRegularFile(temp) && Files.size(temp) > 0) {
                    publish(temp);
                    pruneOthers();
                } else {
                    Files.deleteIfExists(temp);
                }
            } else if (!options.isEmpty() && !reportedAnything && CRASH_CODES.contains(exitCode)) {
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            // the cache is only a speed-up: workers start without it
        }
    }

    private Path temp() {
        return archive.resolveSibling("." + archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    /** On disk before it gets its name, so a power cut cannot leave a named, half-written archive. */
    private void publish(Path temp) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true); // the JVM that wrote it did not
        }
        AtomicFiles.renameIntoPlace(temp, archive);
    }

    /** Keeps the {@link #KEPT} newest archives; older ones belong to runtimes or jars since replaced. */
    private void pruneOthers() throws IOException {
        List<Path> archives = new ArrayList<>();
        try (Stream<Path> files = Files.list(archive.getParent())) {
            files.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.toString().endsWith(SUFFIX))
                    .forEach(archives::add);
        }
        archives.sort((a, b) -> Long.compare(modified(b), modified(a)));
        for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
            if (!old.equals(archive)) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
