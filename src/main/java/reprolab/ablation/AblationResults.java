package reprolab.ablation;

import reprolab.analysis.AblationAnalysis;
import reprolab.analysis.AblationGroup;
import reprolab.analysis.AblationReport;
import reprolab.analysis.ChaosAnalysis;
import reprolab.analysis.ChaosReport;
import reprolab.analysis.ParameterSeries;
import reprolab.events.RunHistory;
import reprolab.run.ExperimentFolder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return withChaos(folder, AblationFiles.read(folder.path()), folder.loadRuns());
    }

    /**
     * Analyses runs against a manifest and adds the time to chaos from the runs' parameter snapshots
     * in {@code folder} (none when they wrote no snapshots).
     *
     * @throws IOException when a snapshot file is damaged
     */
    public static AblationReport withChaos(ExperimentFolder folder, AblationManifest manifest, List<RunHistory> runs)
            throws IOException {
        return analyse(manifest, runs).withChaos(chaos(folder, manifest));
    }

    /** The time to chaos of an ablation's groups, or null when no run wrote snapshots. */
    public static ChaosReport chaos(ExperimentFolder folder, AblationManifest manifest) throws IOException {
        List<ChaosAnalysis.Group> groups = new ArrayList<>();
        for (AblationManifest.GroupEntry entry : manifest.groups()) {
            List<ParameterSeries> runs = new ArrayList<>(SnapshotFiles.loadAll(folder, entry.runIds()).values());
            groups.add(new ChaosAnalysis.Group(entry.factor(), runs));
        }
        Set<String> seeds = new HashSet<>();
        for (AblationFactor factor : AblationFactor.values()) {
            factor.seed().ifPresent(kind -> seeds.add(factor.group()));
        }
        return ChaosAnalysis.analyse(groups, seeds);
    }
}
