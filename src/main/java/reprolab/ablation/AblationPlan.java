package reprolab.ablation;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What an ablation runs: the fully seeded baseline and one group of runs per factor, the baseline
 * group first.
 *
 * @param baseline the experiment with every seed switched on (seeds that were off are fixed to the
 *                 values drawn for this ablation)
 * @param repeats  runs per group
 * @param groups   the groups, baseline first
 */
public record AblationPlan(ExperimentSpec baseline, int repeats, List<Group> groups) {

    public AblationPlan {
        groups = List.copyOf(groups);
    }

    /**
     * One group: R runs in which only its factor varies.
     *
     * @param factor      the group name, e.g. {@code baseline}, {@code dropout}, {@code learning-rate-x2}
     * @param description one line for a user: what varies and how
     * @param runs        the group's runs; their ids are unique across the whole ablation
     */
    public record Group(String factor, String description, List<RunSpec> runs) {
        public Group {
            runs = List.copyOf(runs);
        }

        /** The run ids, in order. */
        public List<String> runIds() {
            return runs.stream().map(RunSpec::runId).toList();
        }
    }

    /** Every run of every group, group after group: what one experiment runner start launches. */
    public List<RunSpec> allRuns() {
        List<RunSpec> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.runs()));
        return List.copyOf(all);
    }

    /** What {@code ablation.json} records: groups and their run ids. */
    public AblationManifest manifest() {
        List<AblationManifest.GroupEntry> entries = new ArrayList<>();
        for (Group g : groups) {
            entries.add(new AblationManifest.GroupEntry(g.factor(), g.description(), g.runIds()));
        }
        return new AblationManifest(AblationManifest.SCHEMA_VERSION, repeats, entries);
    }
}
