package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentStoreTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2025-03-04T12:30:05Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private ExperimentStore store() {
        return new ExperimentStore(root, NOON);
    }

    @Test
    void createdExperimentOpensWithTheSameSpec() throws Exception {
        ExperimentSpec spec = ExperimentSpec.defaults().withName("Dropout seed off");
        ExperimentFolder created = store().create(spec);

        assertEquals("20250304-123005-dropout-seed-off", created.path().getFileName().toString());
        assertEquals(spec, store().open(created.path()).spec());
        assertTrue(Files.isDirectory(created.runsDir()));
        assertTrue(Files.list(created.path()).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void twoExperimentsWithOneNameInOneSecondGetTwoFolders() throws Exception {
        ExperimentFolder first = store().create(ExperimentSpec.defaults());
        ExperimentFolder second = store().create(ExperimentSpec.defaults());

        assertNotEquals(first.path(), second.path());
        assertEquals(first.path().getFileName() + "-2", second.path().getFileName().toString());
    }

    @Test
    void namesThatLookLikePathsStayInsideTheRoot() throws Exception {
        for (String name : List.of("../../etc", "a/b", "..", "/abs/path", "C:\\Windows\\x", "x".repeat(200),
                "Réseau 数字 ✓", "...")) {
            ExperimentFolder folder = store().create(ExperimentSpec.defaults().withName(name));
            assertEquals(root.toAbsolutePath().normalize(), folder.path().getParent(), name);
            String slug = folder.path().getFileName().toString().substring(16);
            assertTrue(slug.matches("[a-z0-9-]{1,40}(-\\d+)?"), slug);
        }
    }

    @Test
    void slugKeepsOnlyAsciiLettersAndDigitsWithAccentsDropped() {
        assertEquals("reseau-5", Slug.of("Réseau (5×)"));
        assertEquals("etc", Slug.of("../../etc"));
        assertEquals("experiment", Slug.of("数字"));
        assertEquals(40, Slug.of("a".repeat(100)).length());
        assertFalse(Slug.of("a".repeat(39) + "-b").endsWith("-"));
    }

    @Test
    void folderWithAnOlderSchemaVersionGivesAClearMessage() throws Exception {
        ExperimentFolder folder = store().create(ExperimentSpec.defaults());
        Files.writeString(folder.path().resolve("experiment.json"), "{\"schemaVersion\": 0, \"name\": \"old\"}");

        StoreException e = assertThrows(StoreException.class, () -> store().open(folder.path()));
        assertTrue(e.getMessage().contains("schemaVersion 0 is not supported"), e.getMessage());
    }

    @Test
    void handBrokenSpecNamesTheField() throws Exception {
        ExperimentFolder folder = store().create(ExperimentSpec.defaults());
        Files.writeString(folder.path().resolve("experiment.json"), "{\"execution\": {\"threads\": \"many\"}}");

        StoreException e = assertThrows(StoreException.class, () -> store().open(folder.path()));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    @Test
    void folderWithoutASpecIsNotAnExperiment() throws Exception {
        Path empty = Files.createDirectory(root.resolve("empty"));

        StoreException e = assertThrows(StoreException.class, () -> store().open(empty));
        assertTrue(e.getMessage().contains("has no experiment.json"), e.getMessage());
    }

    @Test
    void listShowsBrokenFoldersWithTheirProblemInsteadOfFailing() throws Exception {
        ExperimentFolder good = store().create(ExperimentSpec.defaults().withName("good"));
        Files.writeString(good.logFile("run-01"), "");
        Path broken = Files.createDirectory(root.resolve("broken"));
        Files.writeString(broken.resolve("experiment.json"), "{ not json");

        List<ExperimentEntry> entries = store().list();

        assertEquals(2, entries.size());
        ExperimentEntry goodEntry = entries.stream().filter(e -> e.folder().equals(good.path())).findFirst().orElseThrow();
        assertEquals("good", goodEntry.name());
        assertEquals(1, goodEntry.runs());
        assertNull(goodEntry.problem());
        ExperimentEntry brokenEntry = entries.stream().filter(e -> !e.usable()).findFirst().orElseThrow();
        assertTrue(brokenEntry.problem().contains("malformed JSON"), brokenEntry.problem());
    }

    @Test
    void listOfAMissingRootIsEmpty() {
        assertTrue(new ExperimentStore(root.resolve("nothing-yet")).list().isEmpty());
    }

    @Test
    void renameChangesTheStoredNameButNotTheFolder() throws Exception {
        ExperimentFolder folder = store().create(ExperimentSpec.defaults().withName("before"));
        ExperimentFolder renamed = store().rename(folder, "after");

        assertEquals(folder.path(), renamed.path());
        assertEquals("after", store().open(folder.path()).spec().name());
        assertThrows(IllegalArgumentException.class, () -> store().rename(folder, " "));
    }

    @Test
    void deleteRemovesTheFolderButNeverWhatALinkPointsTo() throws Exception {
        Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep");
        ExperimentFolder folder = store().create(ExperimentSpec.defaults());
        Files.createSymbolicLink(folder.path().resolve("link"), outside);

        store().delete(folder);

        assertFalse(Files.exists(folder.path()));
        assertTrue(Files.exists(precious));
        Files.delete(precious);
        Files.delete(outside);
    }

    @Test
    void deleteRefusesAFolderOutsideTheStore() throws Exception {
        ExperimentFolder elsewhere = new ExperimentStore(root.resolve("other"), NOON).create(ExperimentSpec.defaults());

        assertThrows(IllegalArgumentException.class, () -> store().delete(elsewhere));
        assertTrue(Files.exists(elsewhere.path()));
    }

    @Test
    void dataPropertyOverridesTheDefaultRoot() {
        String before = System.getProperty("reprolab.data");
        try {
            System.setProperty("reprolab.data", root.toString());
            assertEquals(root, ExperimentStore.defaultRoot());
            System.clearProperty("reprolab.data");
            assertTrue(ExperimentStore.defaultRoot().endsWith(Path.of("reprolab", "experiments")));
        } finally {
            if (before != null) {
                System.setProperty("reprolab.data", before);
            }
        }
    }
}
