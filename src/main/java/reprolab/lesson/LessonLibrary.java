package reprolab.lesson;

import reprolab.run.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where lessons come from: the ones shipped inside the application (classpath {@code lessons/}, listed
 * in order by {@code lessons/index.txt}) and any folder a teacher chooses; and where new ones go.
 */
public final class LessonLibrary {

    /** A folder with more lesson files than this is not a lesson folder; the rest are reported, not read. */
    public static final int MAX_FOLDER_FILES = 500;
    private static final int MAX_SLUG_LENGTH = 60;
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private LessonLibrary() {
    }

    /** One file of a folder that could not be read as a lesson, and why. */
    public record Problem(Path file, String message) {
    }

    /** The lessons of a folder that could be read, and a problem for each file that could not. */
    public record Loaded(List<Lesson> lessons, List<Problem> problems) {
        public Loaded {
            lessons = List.copyOf(lessons);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The lessons shipped with the application, in the order of {@code lessons/index.txt}.
     *
     * @throws IllegalStateException when a shipped lesson is missing or invalid: a broken build, caught
     *                               by the tests, not something a user can fix
     */
    public static List<Lesson> shipped() {
        List<Lesson> lessons = new ArrayList<>();
        for (String line : resource("lessons/index.txt").split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*\\.json")) {
                throw new IllegalStateException("lessons/index.txt lists '" + name + "', which is not a lesson file name");
            }
            try {
                lessons.add(LessonJson.parse(resource("lessons/" + name), name.substring(0, name.length() - 5)));
            } catch (LessonException e) {
                throw new IllegalStateException("shipped lesson " + name + " is invalid: " + e.getMessage(), e);
            }
        }
        return List.copyOf(lessons);
    }

    /** Every {@code *.json} file directly in {@code dir}, sorted by name; a bad file becomes a problem. */
    public static Loaded loadFolder(Path dir) {
        List<Lesson> lessons = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.{json,JSON}")) {
            stream.forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(dir, "cannot list lesson folder " + dir + ": " + e.getMessage()));
            return new Loaded(lessons, problems);
        }
        files.sort(null);
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (i >= MAX_FOLDER_FILES) {
                problems.add(new Problem(file, "not read: a folder is read up to " + MAX_FOLDER_FILES + " lessons"));
                continue;
            }
            try {
                lessons.add(LessonJson.read(file));
            } catch (LessonException e) {
                problems.add(new Problem(file, file.getFileName() + ": " + e.getMessage()));
            }
        }
        return new Loaded(lessons, problems);
    }

    /**
     * Saves the lesson in {@code dir} under a name made from its title ({@code my-lesson.json}, or
     * {@code my-lesson-2.json} when that exists: an existing file is never overwritten). The file is
     * written in full to a temporary file first and then renamed, so it is never seen half-written.
     *
     * @return the file written, always directly inside {@code dir}
     */
    public static Path saveAs(Lesson lesson, Path dir) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        Files.createDirectories(folder);
        String json = LessonJson.write(lesson);
        Path target = reserve(folder, slug(lesson.title()));
        try {
            AtomicFiles.write(target, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return target;
    }

    /**
     * A file-name-safe form of a title: lower-case ASCII letters, digits and single hyphens, at most
     * 60 characters, never empty, never a name Windows reserves. It cannot contain a path separator or
     * {@code ..}, so a file named by it stays in its folder.
     */
    public static String slug(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            return "lesson";
        }
        return WINDOWS_RESERVED.contains(slug) ? "lesson-" + slug : slug;
    }

    /** Claims a free name by creating it (create-new is atomic), so two saves never pick the same file. */
    private static Path reserve(Path folder, String slug) throws IOException {
        for (int n = 1; n < 1000; n++) {
            Path candidate = folder.resolve(n == 1 ? slug + ".json" : slug + "-" + n + ".json");
            if (!folder.equals(candidate.getParent())) {
                throw new IllegalStateException("lesson file name escaped its folder: " + candidate);
            }
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try the next number
            }
        }
        throw new IOException("no free file name for '" + slug + "' in " + folder);
    }

    private static String resource(String name) {
        try (InputStream in = LessonLibrary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the application");
            }
            return new String(in.readNBytes(LessonJson.MAX_FILE_CHARS + 1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
