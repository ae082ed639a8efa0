package reprolab.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes that a crash or power cut leaves either complete or not done at all. */
public final class AtomicFiles {

    private static final java.util.concurrent.atomic.AtomicLong WRITES = new java.util.concurrent.atomic.AtomicLong();

    private AtomicFiles() {
    }

    /** Writes to a temp file beside the target, forces it to disk, then renames it over the target. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The app's one atomic writer (experiment files, reports, exports, lessons, screenshots): the
     * bytes go to a temp file beside the target, are forced to disk, then renamed over the target,
     * and the folder is synced, so a crash or power cut leaves the old file or the new one, never half.
     */
    public static void write(Path target, byte[] content) throws IOException {
        // a temp name of its own per write: two writers of one file (the app and the command line,
        // two windows) must never write into, or rename, each other's half-written temp file
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + WRITES.incrementAndGet() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(content));
                channel.force(true);
            }
            renameIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Renames a complete file that is already on disk over {@code target}, atomically where the
     * file system can, and syncs the folder so that the rename survives a power cut.
     */
    static void renameIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Makes a rename or a new file in {@code dir} survive a power cut. Linux allows fsync on a
     * directory; other systems refuse, and there nothing more can be done, so that is ignored.
     */
    static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not supported on this platform
        }
    }
}
