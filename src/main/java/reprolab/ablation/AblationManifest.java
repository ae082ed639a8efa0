package reprolab.ablation;

import java.util.List;

/**
 * The content of {@code ablation.json} in an ablation's experiment folder: which runs belong to which
 * group. The runs themselves are stored like any experiment's ({@code runs/<id>.jsonl}, with each
 * run's exact settings in {@code runs/<id>.run.json}), and {@code experiment.json} holds the seeded
 * baseline, so this file plus the folder is enough to analyse the ablation again later.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param repeats       runs per group
 * @param groups        the groups in report order, baseline first
 */
public record AblationManifest(int schemaVersion, int repeats, List<GroupEntry> groups) {

    /** The only version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public AblationManifest {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * One group.
     *
     * @param factor      group name, e.g. {@code dropout}
     * @param description what varies, in words
     * @param runIds      the group's run ids
     */
    public record GroupEntry(String factor, String description, List<String> runIds) {
        public GroupEntry {
            runIds = runIds == null ? List.of() : List.copyOf(runIds);
        }
    }
}
