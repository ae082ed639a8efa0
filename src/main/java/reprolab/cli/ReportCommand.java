package reprolab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reprolab.ablation.AblationText;
import reprolab.analysis.AblationReport;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.analysis.GapSeries;
import reprolab.analysis.GapText;
import reprolab.analysis.ReportCsv;
import reprolab.analysis.ReportText;
import reprolab.events.RunHistory;
import reprolab.experiment.Json;
import reprolab.report.HtmlReport;
import reprolab.report.ReportData;
import reprolab.report.ReportLoader;
import reprolab.run.AtomicFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code reprolab report DIR}: analyses a stored experiment, finished or not. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Analyse a stored experiment folder (finished or not); for an ablation, the factor table first; "
                + "--html writes it all as one page to share.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "experiment folder (holds experiment.json and runs/)")
    Path folder;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write every run's per-iteration series as CSV")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE",
            description = "also write the whole report as one self-contained HTML page (charts inline, no network)")
    Path html;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = ExperimentAnalysis.DEFAULT_LOSS_TOLERANCE_TEXT, description = "loss difference that counts as diverged")
    double tolerance;

    @Override
    public Integer call() throws Exception {
        ReportData data = ReportLoader.load(folder, tolerance);
        List<RunHistory> runs = data.runs();
        for (RunHistory run : runs) {
            for (String problem : run.problems()) {
                System.err.println("reprolab: " + run.runId() + ": " + problem);
            }
        }
        ExperimentReport report = data.experiment();
        AblationReport ablation = data.ablation();
        GapSeries gap = data.parameterGap();
        if (csv != null) {
            AtomicFiles.writeString(csv.toAbsolutePath(), ReportCsv.series(runs));
        }
        if (html != null) {
            AtomicFiles.writeString(html.toAbsolutePath(), HtmlReport.render(data));
        }
        if (json) {
            Object document = ablation != null ? Map.of("ablation", ablation, "experiment", report)
                    : gap != null ? Map.of("experiment", report, "parameterDistance", gap) : report;
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } else {
            if (ablation != null) {
                System.out.println(AblationText.render(ablation));
                System.out.println();
            }
            System.out.println(ReportText.render(report));
            if (gap != null) {
                System.out.println(GapText.render(gap)); // after the report's own closing blank line
            }
        }
        return Main.EXIT_OK;
    }
}
