package reprolab.gui.controls;

import reprolab.data.DataException;
import reprolab.data.IdxReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a chosen pair of IDX files before a run: what {@link IdxReader#checkPair} checks (both exist,
 * are regular files, valid headers, the same count), so a wrong file is named in the form, not minutes
 * later in a failed run. A test passes its own.
 */
@FunctionalInterface
public interface IdxPairCheck {

    /** The real check: reads the two headers (a few bytes each). */
    IdxPairCheck HEADERS = (images, labels) -> {
        var shape = IdxReader.checkPair(images, labels);
        return shape.describe() + ", " + shape.count() + " labels";
    };

    /** A one-line summary of the pair, e.g. "10000 images of 28x28 pixels, 10000 labels". */
    String check(Path images, Path labels) throws DataException;

    /** The outcome: a summary, or the problem (naming the file at fault first). */
    record Result(String summary, String problem) {
    }

    /** Runs a check again only when the paths or the files changed since the last time. FX thread only. */
    final class Memo {
        private final IdxPairCheck check;
        private String checkedKey;
        private Result result;

        Memo(IdxPairCheck check) {
            this.check = check;
        }

        /** The outcome for these paths, its exception turned into the problem. */
        Result check(String images, String labels) {
            String key = key(images, labels);
            if (!key.equals(checkedKey)) {
                try {
                    result = new Result(check.check(Path.of(images), Path.of(labels)), null);
                } catch (DataException | RuntimeException e) {
                    result = new Result("", e.getMessage());
                }
                checkedKey = key;
            }
            return result;
        }
    }

    /**
     * What the last check depends on: the paths, and each file's size and modification time, so the
     * check runs again when a file is replaced but not on every keystroke elsewhere in the form.
     */
    static String key(String images, String labels) {
        return stamp(images) + "\n" + stamp(labels);
    }

    private static String stamp(String path) {
        try {
            Path p = Path.of(path);
            return path + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException | RuntimeException e) {
            return path + "|?";
        }
    }
}
