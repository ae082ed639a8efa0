package reprolab.run;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The app's data folder: one folder per experiment, named {@code yyyyMMdd-HHmmss-<slug>}. Folder
 * names come only from {@link Slug}, so no experiment name can reach outside the root.
 */
public final class ExperimentStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_SAME_SECOND = 1000;

    private final Path root;
    private final Clock clock;

    /** A store in {@code root}, which is created when the first experiment is. */
    public ExperimentStore(Path root) {
        this(root, Clock.systemDefaultZone());
    }

    ExperimentStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /**
     * {@code $XDG_DATA_HOME/reprolab/experiments}, else {@code ~/.local/share/reprolab/experiments};
     * the system property {@code reprolab.data} overrides both.
     */
    public static Path defaultRoot() {
        String override = System.getProperty("reprolab.data");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return UserFolders.xdg("XDG_DATA_HOME", ".local", "share").resolve("reprolab").resolve("experiments");
    }

    /** The data folder. */
    public Path root() {
        return root;
    }

    /**
     * Makes a new experiment folder holding the spec and an empty {@code runs/}. The folder is
     * assembled under a hidden name and renamed into place, so a crash never leaves a half-made
     * experiment in the list.
     */
    public ExperimentFolder create(ExperimentSpec spec) throws IOException {
        Files.createDirectories(root);
        String base = STAMP.format(LocalDateTime.now(clock)) + "-" + Slug.of(spec.name());
        Path staging = Files.createTempDirectory(root, ".new-");
        try {
            Files.createDirectory(staging.resolve(ExperimentFolder.RUNS_DIR));
            AtomicFiles.writeString(staging.resolve(ExperimentFolder.SPEC_FILE), SpecJson.write(spec));
            for (int i = 1; i <= MAX_SAME_SECOND; i++) {
                Path folder = inside(base + (i == 1 ? "" : "-" + i));
                if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && moved(staging, folder)) {
                    AtomicFiles.syncDirectory(root);
                    return new ExperimentFolder(folder, spec);
                }
            }
        } catch (IOException | RuntimeException e) {
            Tree.delete(staging);
            throw e;
        }
        Tree.delete(staging);
        throw new IOException("more than " + MAX_SAME_SECOND + " experiments named '" + base + "' in one second");
    }

    private static boolean moved(Path staging, Path folder) throws IOException {
        try {
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException taken) {
            return false; // another create took the name in the meantime: two never share a folder
        }
    }

    /** Every experiment folder, newest first; a folder that cannot be opened is listed with its problem. */
    public List<ExperimentEntry> list() {
        List<ExperimentEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                boolean staging = folder.getFileName().toString().startsWith(".");
                if (!staging && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(entry(folder));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return entries; // no data folder yet, or it vanished: nothing (more) to list
        }
        entries.sort(Comparator.comparing(ExperimentEntry::created).reversed()
                .thenComparing(e -> e.folder().getFileName().toString()));
        return entries;
    }

    private ExperimentEntry entry(Path folder) {
        Instant created = created(folder);
        int runs = countRuns(folder);
        try {
            ExperimentFolder opened = open(folder);
            return new ExperimentEntry(folder, opened.spec().name(), created, runs, null);
        } catch (StoreException e) {
            return new ExperimentEntry(folder, folder.getFileName().toString(), created, runs, e.getMessage());
        }
    }

    /**
     * Opens an experiment folder, here or anywhere else (a classmate's). The message of the
     * exception says what is wrong: no folder, no {@code experiment.json}, an unsupported
     * schemaVersion, or which field of a hand-edited file is broken.
     */
    public ExperimentFolder open(Path folder) throws StoreException {
        if (!Files.isDirectory(folder)) {
            throw new StoreException(folder + " is not an experiment folder: it does not exist or is not a folder");
        }
        Path specFile = folder.resolve(ExperimentFolder.SPEC_FILE);
        if (!Files.exists(specFile)) {
            throw new StoreException(folder.getFileName() + " is not an experiment folder: it has no "
                    + ExperimentFolder.SPEC_FILE);
        }
        try {
            return new ExperimentFolder(folder.toAbsolutePath().normalize(), SpecJson.read(specFile));
        } catch (SpecException e) {
            throw new StoreException("cannot open experiment " + folder.getFileName() + ": "
                    + ExperimentFolder.SPEC_FILE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives an experiment a new name; the folder keeps its name so that open files and running
     * workers are not disturbed.
     *
     * @return the folder with the renamed spec
     * @throws IllegalArgumentException when the name is not valid
     * @throws UncheckedIOException     when the spec cannot be written
     */
    public ExperimentFolder rename(ExperimentFolder folder, String newName) {
        ExperimentSpec renamed = folder.spec().withName(newName);
        try {
            SpecJson.fromTree(SpecJson.toTree(renamed)); // the same checks as a file read
            AtomicFiles.writeString(folder.path().resolve(ExperimentFolder.SPEC_FILE), SpecJson.write(renamed));
        } catch (SpecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + folder.path().getFileName() + ": " + e.getMessage(), e);
        }
        return new ExperimentFolder(folder.path(), renamed);
    }

    /**
     * Deletes an experiment folder of this store with everything in it. Symbolic links are removed,
     * never followed, and a folder outside the store is refused.
     *
     * @throws IllegalArgumentException when the folder is not in this store
     * @throws UncheckedIOException     when something cannot be deleted
     */
    public void delete(ExperimentFolder folder) {
        Path path = folder.path().toAbsolutePath().normalize();
        if (!path.getParent().equals(root)) {
            throw new IllegalArgumentException(path + " is not an experiment of " + root + "; refusing to delete it");
        }
        try {
            Tree.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private Path inside(String name) throws IOException {
        Path folder = root.resolve(name).normalize();
        if (!root.equals(folder.getParent())) {
            throw new IOException("experiment folder name '" + name + "' would leave " + root);
        }
        return folder;
    }

    private static Instant created(Path folder) {
        String name = folder.getFileName().toString();
        try {
            if (name.length() >= 15) {
                return LocalDateTime.parse(name.substring(0, 15), STAMP).atZone(ZoneId.systemDefault()).toInstant();
            }
        } catch (DateTimeParseException notOurs) {
            // a folder named by hand: fall back to the file system's time
        }
        try {
            return Files.getLastModifiedTime(folder).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static int countRuns(Path folder) {
        int count = 0;
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(folder.resolve(ExperimentFolder.RUNS_DIR),
                "*" + ExperimentFolder.LOG_SUFFIX)) {
            for (Path ignored : logs) {
                count++;
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        return count;
    }
}
