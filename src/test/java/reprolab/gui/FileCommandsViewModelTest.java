package reprolab.gui;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.RunHistory;
import reprolab.experiment.SpecJson;
import reprolab.gui.controls.ControlsViewModel;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileCommandsViewModelTest {

    @TempDir
    Path dir;

    /** Answers every dialog with the same path, or "cancelled" when it is null. */
    private static final class FixedDialogs implements DialogService {
        Path answer;

        @Override
        public Optional<Path> open(String title, String extension) {
            return Optional.ofNullable(answer);
        }

        @Override
        public Optional<Path> save(String title, String extension) {
            return Optional.ofNullable(answer);
        }
    }

    /** Records which thread drew it. */
    private static final class RecordingChart extends JFreeChart {
        volatile Thread drawnOn;

        RecordingChart(XYSeriesCollection data) {
            super(new XYPlot(data, new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer()));
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, org.jfree.chart.ChartRenderingInfo info) {
            drawnOn = Thread.currentThread();
            super.draw(g2, area, anchor, info);
        }
    }

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final LinkedBlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private final FixedDialogs dialogs = new FixedDialogs();
    private final ControlsViewModel controls = new ControlsViewModel(false, p -> true);
    private volatile Thread runsReadOn;
    private volatile Thread csvMadeOn;

    private final FileCommandsViewModel vm = new FileCommandsViewModel(dialogs, controls, () -> {
        runsReadOn = Thread.currentThread();
        return List.<RunHistory>of();
    }, runs -> {
        csvMadeOn = Thread.currentThread();
        return "run,iteration\n";
    }, reports::add, pool, Runnable::run);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private String nextReport() throws InterruptedException {
        String r = reports.poll(20, TimeUnit.SECONDS);
        assertNotNull(r, "no status line arrived");
        return r;
    }

    @Test
    void aChartIsDrawnOnTheCallingThreadAndWrittenInTheBackground() throws Exception {
        XYSeries loss = new XYSeries("run-0");
        loss.add(1, 2.3);
        loss.add(2, 1.9);
        RecordingChart chart = new RecordingChart(new XYSeriesCollection(loss));
        dialogs.answer = dir.resolve("loss.png");
        vm.exportChart(chart, "png");
        assertEquals(Thread.currentThread(), chart.drawnOn, "drawn where the pulse changes the datasets");
        assertEquals("Exported " + dialogs.answer, nextReport());
        BufferedImage png = ImageIO.read(dialogs.answer.toFile());
        assertEquals(1200, png.getWidth());
    }

    @Test
    void anSvgChartIsDrawnOnTheCallingThreadToo() throws Exception {
        RecordingChart chart = new RecordingChart(new XYSeriesCollection(new XYSeries("run-0")));
        dialogs.answer = dir.resolve("loss.svg");
        vm.exportChart(chart, "svg");
        assertEquals(Thread.currentThread(), chart.drawnOn);
        assertEquals("Exported " + dialogs.answer, nextReport());
        assertTrue(Files.readString(dialogs.answer).contains("<svg"));
    }

    @Test
    void csvTakesTheRunsOnTheCallingThreadAndFormatsThemInTheBackground() throws Exception {
        dialogs.answer = dir.resolve("series.csv");
        vm.exportCsv();
        assertEquals(Thread.currentThread(), runsReadOn, "FX state is read on the FX thread");
        assertEquals("Exported " + dialogs.answer, nextReport());
        assertFalse(Thread.currentThread().equals(csvMadeOn), "the CSV is built off the FX thread");
        assertEquals("run,iteration\n", Files.readString(dialogs.answer));
    }

    @Test
    void savedExperimentReadsBackAndOpenLoadsItIntoTheForm() throws Exception {
        controls.text("runs.repeats").set("7");
        dialogs.answer = dir.resolve("exp.json");
        vm.saveSpec();
        assertEquals("Saved " + dialogs.answer, nextReport());
        assertEquals(7, SpecJson.read(dialogs.answer).runs().repeats());
        controls.text("runs.repeats").set("2");
        vm.openSpec();
        assertEquals("Opened " + dialogs.answer, nextReport());
        assertEquals("7", controls.text("runs.repeats").get());
    }

    @Test
    void importedKerasModelLoadsAsACustomModelAndABadFileIsReported() throws Exception {
        dialogs.answer = Path.of("sample-data", "keras", "question-keras3.json");
        vm.importKeras();
        assertTrue(nextReport().startsWith("Imported question-keras3.json as a custom model"));
        assertEquals(reprolab.experiment.ModelName.CUSTOM, controls.modelProperty().get());
        assertEquals(8, controls.layerEditor().layersProperty().get().size());
        dialogs.answer = dir.resolve("not-keras.json");
        Files.writeString(dialogs.answer, "{\"class_name\": \"Functional\"}");
        vm.importKeras();
        assertTrue(nextReport().startsWith("Failed: "));
    }

    @Test
    void theKerasImportShowsTheMappingNotesTheCommandLinePrints() throws Exception {
        dialogs.answer = Path.of("sample-data", "keras", "question-keras2.json");
        vm.importKeras();
        String status = nextReport();
        String firstNote = reprolab.experiment.KerasImport.read(dialogs.answer).notes().get(0);
        assertTrue(firstNote.startsWith("every initialiser has seed 42"), firstNote);
        assertTrue(status.contains(" Notes: " + firstNote), status);
    }

    @Test
    void aFailedWriteIsReportedAndACancelledDialogDoesNothing() throws Exception {
        dialogs.answer = dir.resolve("missing-folder").resolve("series.csv");
        vm.exportCsv();
        assertTrue(nextReport().startsWith("Failed: "));
        dialogs.answer = null;
        vm.exportCsv();
        vm.saveSpec();
        assertEquals(null, reports.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void theReportOfTheShownExperimentIsReadAndWrittenInTheBackground() throws Exception {
        Path folder = new reprolab.run.ExperimentStore(dir.resolve("store"))
                .create(reprolab.experiment.ExperimentSpec.defaults()).path();
        dialogs.answer = dir.resolve("report.html");
        vm.exportReport(folder);
        assertEquals("Exported the report of " + folder.getFileName() + " to " + dialogs.answer, nextReport());
        String html = Files.readString(dialogs.answer);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("No runs to analyse yet."), "a folder without runs still has a report: " + html);

        Thread[] madeOn = new Thread[1];
        vm.useReportPage(f -> {
            madeOn[0] = Thread.currentThread();
            throw new java.io.IOException("folder unreadable");
        });
        vm.exportReport(folder);
        assertEquals("Failed: folder unreadable", nextReport());
        assertFalse(Thread.currentThread().equals(madeOn[0]), "made off the calling (FX) thread");
    }

    @Test
    void theAblationReportIsWrittenFromTheAblationsFolderAndWithoutOneSaysWhatToDoFirst() throws Exception {
        dialogs.answer = dir.resolve("ablation.html");
        vm.exportAblationReport(null);
        assertEquals("Run an ablation first: the report is written from its stored folder.", nextReport());
        assertFalse(Files.exists(dialogs.answer));
        Path[] asked = new Path[1];
        vm.useReportPage(f -> {
            asked[0] = f;
            return "<!DOCTYPE html>";
        });
        Path folder = dir.resolve("store").resolve("ablation-1");
        vm.exportAblationReport(folder);
        assertEquals("Exported the report of ablation-1 to " + dialogs.answer, nextReport());
        assertEquals(folder, asked[0], "the page is made from the ablation's folder");
        assertEquals("<!DOCTYPE html>", Files.readString(dialogs.answer));
    }

    @Test
    void theReportWithoutAnExperimentSaysWhatToDoFirst() throws Exception {
        dialogs.answer = dir.resolve("report.html");
        vm.exportReport(null);
        assertEquals("Run or open an experiment first: the report is written from its stored folder.", nextReport());
        assertFalse(Files.exists(dialogs.answer));
    }
}
