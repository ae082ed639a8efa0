package reprolab.gui.controls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.DataSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The form checks a chosen IDX pair with the data package's header check, before any run. */
class IdxPairCheckTest {

    @TempDir
    Path dir;

    private final ControlsViewModel vm = new ControlsViewModel(false, Files::isRegularFile);

    @Test
    void aMatchingPairIsValidAndSummarised() throws IOException {
        choose(images("i.idx3", 5), labels("l.idx1", 5));
        assertEquals("", vm.errorProperty("data.imagesPath").get());
        assertEquals("", vm.errorProperty("data.labelsPath").get());
        assertEquals("5 images of 28x28 pixels, 5 labels", vm.idxSummaryProperty().get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void countsThatDisagreeAreReportedWithBothCountsAndBlockRun() throws IOException {
        choose(images("i.idx3", 5), labels("l.idx1", 6));
        String error = vm.errorProperty("data.imagesPath").get();
        assertTrue(error.contains("holds 5 images but labels file") && error.contains("holds 6 labels"), error);
        assertEquals("", vm.idxSummaryProperty().get());
        assertFalse(vm.validProperty().get());
    }

    @Test
    void anImagesFileGivenAsLabelsIsNamedOnTheLabelsField() throws IOException {
        Path images = images("i.idx3", 5);
        choose(images, images);
        assertTrue(vm.errorProperty("data.labelsPath").get().contains("is an IDX3 images file"),
                vm.errorProperty("data.labelsPath").get());
        assertEquals("", vm.errorProperty("data.imagesPath").get());
    }

    @Test
    void aFolderIsNotAcceptedAsAFile() throws IOException {
        choose(dir, labels("l.idx1", 5));
        assertTrue(vm.errorProperty("data.imagesPath").get().contains("cannot read"));
        assertFalse(vm.validProperty().get());
    }

    @Test
    void thePairIsReadOnceNotOnEveryEditElsewhereAndAgainWhenAFileChanges() throws IOException {
        AtomicInteger checks = new AtomicInteger();
        ControlsViewModel counted = new ControlsViewModel(false, Files::isRegularFile, (i, l) -> {
            checks.incrementAndGet();
            return IdxPairCheck.HEADERS.check(i, l);
        });
        Path images = images("i.idx3", 5);
        Path labels = labels("l.idx1", 5);
        counted.sourceProperty().set(DataSource.IDX);
        counted.text("data.imagesPath").set(images.toString());
        counted.text("data.labelsPath").set(labels.toString());
        int afterChoosing = checks.get();
        counted.text("name").set("another name");
        counted.text("runs.repeats").set("4");
        assertEquals(afterChoosing, checks.get());
        Files.write(labels, labelBytes(6));
        counted.text("name").set("again");
        assertEquals(afterChoosing + 1, checks.get());
        assertTrue(counted.errorProperty("data.imagesPath").get().contains("holds 6 labels"));
    }

    private void choose(Path images, Path labels) {
        vm.sourceProperty().set(DataSource.IDX);
        vm.text("data.imagesPath").set(images.toString());
        vm.text("data.labelsPath").set(labels.toString());
    }

    private Path images(String name, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + count * 28 * 28);
        b.putInt(0x803).putInt(count).putInt(28).putInt(28);
        return Files.write(dir.resolve(name), b.array());
    }

    private Path labels(String name, int count) throws IOException {
        return Files.write(dir.resolve(name), labelBytes(count));
    }

    private static byte[] labelBytes(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(0x801).putInt(count);
        return b.array();
    }
}
