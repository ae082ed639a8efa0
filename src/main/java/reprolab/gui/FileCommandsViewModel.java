package reprolab.gui;

import org.jfree.chart.JFreeChart;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.events.RunHistory;
import reprolab.experiment.SpecJson;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.gui.export.Exporter;
import reprolab.report.HtmlReport;
import reprolab.report.ReportLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.Executor;

/**
 * The File menu's commands: open and save the experiment, export charts, data and the HTML report. Called on the FX
 * thread. Whatever reads FX state (the form, the runs on screen, a chart's datasets) is read here,
 * on the FX thread; only the snapshot travels to the background, where the file is written. Results
 * and failures come back as one line in the status bar.
 */
public final class FileCommandsViewModel {

    private final DialogService dialogs;
    private final ControlsViewModel controls;
    private final Supplier<List<RunHistory>> runsOnScreen;
    private final Function<List<RunHistory>, String> csv;
    private final Consumer<String> report;
    private final Executor background;
    private final Executor fx;
    private ReportPage reportPage = folder -> HtmlReport.render(
            ReportLoader.load(folder, ExperimentAnalysis.DEFAULT_LOSS_TOLERANCE));

    /** Reads a stored experiment folder and lays it out as one HTML page; runs in the background. */
    @FunctionalInterface
    public interface ReportPage {
        String html(Path folder) throws Exception;
    }

    /**
     * @param runsOnScreen the runs the tabs show, read on the FX thread
     * @param csv          turns a snapshot of runs into CSV text (runs in the background)
     * @param report       shows a line in the status bar
     */
    public FileCommandsViewModel(DialogService dialogs, ControlsViewModel controls,
                                 Supplier<List<RunHistory>> runsOnScreen, Function<List<RunHistory>, String> csv,
                                 Consumer<String> report, Executor background, Executor fx) {
        this.dialogs = dialogs;
        this.controls = controls;
        this.runsOnScreen = runsOnScreen;
        this.csv = csv;
        this.report = report;
        this.background = background;
        this.fx = fx;
    }

    /** Reads an experiment file in the background and loads it into the form. */
    public void openSpec() {
        dialogs.open("Experiment", "json").ifPresent(file -> BackgroundTask.of(() -> SpecJson.read(file))
                .onSuccess(spec -> {
                    controls.load(spec);
                    report.accept("Opened " + file);
                })
                .onFailure(this::failed)
                .executeWith(background, fx));
    }

    /** Reads a Keras {@code model.to_json()} file in the background and loads it as a custom model. */
    public void importKeras() {
        dialogs.open("Keras model (model.to_json())", "json").ifPresent(file ->
                BackgroundTask.of(() -> reprolab.experiment.KerasImport.read(file))
                        .onSuccess(imported -> {
                            controls.load(imported.spec());
                            // the notes the CLI prints on stderr: what was mapped how, and what was left out
                            String notes = imported.notes().isEmpty() ? ""
                                    : " Notes: " + String.join("; ", imported.notes()) + ".";
                            report.accept("Imported " + file.getFileName()
                                    + " as a custom model: check epochs, batch size and learning rate." + notes);
                        })
                        .onFailure(this::failed)
                        .executeWith(background, fx));
    }

    /**
     * Picks a {@code .py} training script and switches the settings panel to Script mode (issue 24);
     * asks in the background whether this Python's torch sees a GPU, which decides the GPU toggles.
     */
    public void openScript(reprolab.gui.script.ScriptViewModel script) {
        dialogs.open("Training script", "py").ifPresent(file -> {
            script.open(file);
            report.accept("Script mode: " + file.getFileName() + " (Back to model settings returns)");
            BackgroundTask.of(reprolab.run.ScriptExperiments::gpuRefusal).onSuccess(script::gpuChecked)
                    .onFailure(this::failed).executeWith(background, fx);
        });
    }

    /** Saves the form's experiment; refuses while the form has errors. */
    public void saveSpec() {
        var spec = controls.specProperty().get();
        if (spec == null) {
            report.accept("Fix the settings marked in red before saving.");
            return;
        }
        dialogs.save("Experiment", "json").ifPresent(file ->
                write("Saved " + file, () -> Exporter.text(SpecJson.write(spec), file)));
    }

    /** Draws the chart now (FX thread, where its datasets change) and writes the picture in the background. */
    public void exportChart(JFreeChart chart, String format) {
        dialogs.save("Chart", format).ifPresent(file -> {
            Exporter.Rendered picture;
            try {
                picture = Exporter.render(chart, format);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            write("Exported " + file, () -> picture.writeTo(file));
        });
    }

    /** Takes the runs on screen now (FX thread) and turns them into CSV in the background. */
    public void exportCsv() {
        dialogs.save("Data", "csv").ifPresent(file -> {
            List<RunHistory> runs = List.copyOf(runsOnScreen.get());
            write("Exported " + file, () -> Exporter.text(csv.apply(runs), file));
        });
    }

    /**
     * Writes the HTML report of the experiment the tabs show (its folder, as stored so far): the page
     * is read from the folder and written in the background.
     *
     * @param folder the shown experiment's folder, or null when none has been run or opened
     */
    public void exportReport(Path folder) {
        exportReport(folder, "Run or open an experiment first: the report is written from its stored folder.");
    }

    /**
     * Writes the HTML report of the Ablation tab's ablation (its folder, as stored so far), with the factor table.
     *
     * @param folder the last ablation's folder, or null when none has been started
     */
    public void exportAblationReport(Path folder) {
        exportReport(folder, "Run an ablation first: the report is written from its stored folder.");
    }

    private void exportReport(Path folder, String whenNone) {
        if (folder == null) {
            report.accept(whenNone);
            return;
        }
        dialogs.save("Report", "html").ifPresent(file ->
                write("Exported the report of " + folder.getFileName() + " to " + file,
                        () -> Exporter.text(reportPage.html(folder), file)));
    }

    /** Replaces how the page is made (tests count or fail it). */
    void useReportPage(ReportPage page) {
        this.reportPage = page;
    }

    private void write(String done, BackgroundTask.Step step) {
        BackgroundTask.ofStep(step).onSuccess(nothing -> report.accept(done)).onFailure(this::failed)
                .executeWith(background, fx);
    }

    private void failed(Exception e) {
        report.accept("Failed: " + BackgroundTask.messageOf(e));
    }
}
