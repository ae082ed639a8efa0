package reprolab.report;

import reprolab.ablation.AblationFiles;
import reprolab.ablation.AblationManifest;
import reprolab.ablation.AblationResults;
import reprolab.ablation.SnapshotFiles;
import reprolab.analysis.AblationReport;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.GapSeries;
import reprolab.analysis.LayerStrip;
import reprolab.analysis.ProvenanceDiff;
import reprolab.events.RunHistory;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentStore;
import reprolab.run.StoreException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a stored experiment or ablation folder, finished or not, and analyses it for the report. */
public final class ReportLoader {

    private ReportLoader() {
    }

    /**
     * Opens an experiment or ablation folder given by its path and analyses it.
     *
     * @throws IOException when it is not an experiment folder ({@code StoreException}) or cannot be read
     */
    public static ReportData load(Path folder, double lossTolerance) throws IOException, StoreException {
        Path dir = folder.toAbsolutePath().normalize();
        return load(new ExperimentStore(dir.getParent() == null ? dir : dir.getParent()).open(dir), lossTolerance);
    }

    /**
     * Loads and analyses the folder with the same analysis as {@code reprolab report} and the app's tabs.
     *
     * @throws IOException when the ablation manifest or a snapshot file cannot be read
     */
    public static ReportData load(ExperimentFolder folder, double lossTolerance) throws IOException {
        List<RunHistory> runs = folder.loadRuns();
        boolean isAblation = AblationFiles.isAblation(folder.path());
        AblationManifest manifest = isAblation ? AblationFiles.read(folder.path()) : null;
        AblationReport ablation = isAblation ? AblationResults.withChaos(folder, manifest, runs) : null;
        // an ablation measures its groups' distances itself (time to chaos); a plain experiment's runs are one group
        GapSeries gap = isAblation ? null : GapSeries.measure("runs",
                new ArrayList<>(SnapshotFiles.loadAll(folder, runs.stream().map(RunHistory::runId).toList()).values()));
        return new ReportData(folder.path().getFileName().toString(), folder.spec(), runs,
                ExperimentAnalysis.analyse(runs, lossTolerance), new ProvenanceDiff(runs).differences(),
                LayerStrip.of(runs), gap, ablation, manifest);
    }
}
