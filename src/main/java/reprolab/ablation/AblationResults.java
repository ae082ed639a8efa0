package reprolab.ablation;

import reprolab.analysis.AblationAnalysis;
import reprolab.analysis.AblationGroup;
import reprolab.analysis.AblationReport;
import reprolab.events.RunHistory;
import reprolab.run.ExperimentFolder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns an ablation's runs into {@link AblationGroup}s and analyses them. */
public final class AblationResults {

    private AblationResults() {
    }

    /**
     * The groups of the manifest, each with its runs picked by id from {@code runs}; a run that is not
     * there (never started, log lost) is an empty history, so the report says it did not finish.
     */
    public static List<AblationGroup> groups(AblationManifest manifest, List<RunHistory> runs) {
        Map<String, RunHistory> byId = runs.stream()
                .collect(Collectors.toMap(RunHistory::runId, Function.identity(), (a, b) -> a));
        List<AblationGroup> groups = new ArrayList<>();
        for (AblationManifest.GroupEntry entry : manifest.groups()) {
            List<RunHistory> members = new ArrayList<>();
            for (String id : entry.runIds()) {
                members.add(byId.getOrDefault(id, RunHistory.of(id, List.of(), List.of("no events stored"))));
            }
            groups.add(new AblationGroup(entry.factor(), entry.description(), members));
        }
        return groups;
    }

    /** Analyses runs against a manifest. */
    public static AblationReport analyse(AblationManifest manifest, List<RunHistory> runs) {
        return AblationAnalysis.analyse(groups(manifest, runs));
    }

    /**
     * Analyses a stored ablation again, finished or not: reads its {@code ablation.json} and its runs.
     *
     * @throws IOException when the folder has no readable manifest
     */
    public static AblationReport analyse(ExperimentFolder folder) throws IOException {
        return analyse(AblationFiles.read(folder.path()), folder.loadRuns());
    }
}
