package reprolab.report;

import reprolab.ablation.AblationManifest;
import reprolab.analysis.AblationReport;
import reprolab.analysis.ExperimentReport;
import reprolab.analysis.GapSeries;
import reprolab.analysis.LayerStrip;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;

import java.util.List;

/**
 * Everything the HTML report shows, already analysed: {@link HtmlReport} only lays it out.
 *
 * @param folderName         the experiment folder's name, for the commands that reproduce it
 * @param spec               the experiment as stored in its folder
 * @param runs               the runs' histories, in the report's order
 * @param experiment         the analysis of all runs together
 * @param settingDifferences the recorded settings that differ between runs (the provenance diff)
 * @param strip              which layer differs at which iteration
 * @param parameterGap       the distance between the runs' parameter snapshots, or null without snapshots
 * @param ablation           the ablation's findings, or null for a plain experiment
 * @param manifest           the ablation's groups, or null for a plain experiment
 */
public record ReportData(String folderName, ExperimentSpec spec, List<RunHistory> runs, ExperimentReport experiment,
                         List<String> settingDifferences, LayerStrip strip, GapSeries parameterGap,
                         AblationReport ablation, AblationManifest manifest) {

    public ReportData {
        runs = List.copyOf(runs);
        settingDifferences = List.copyOf(settingDifferences);
    }
}
