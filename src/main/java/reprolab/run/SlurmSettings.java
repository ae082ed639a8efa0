package reprolab.run;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user says about the Slurm jobs of an experiment: partition, account and time limit (null
 * for the cluster's defaults), extra sbatch arguments passed as they are, and whether the repeats
 * must run on different nodes (each task takes a whole node with {@code --exclusive}; as many at once
 * as there are usable nodes and {@code --parallel} allows).
 */
public record SlurmSettings(String partition, String account, String time, List<String> extraArgs,
                            boolean spreadNodes) {

    /** Copies the list; blank strings become null (the cluster's default). */
    public SlurmSettings {
        partition = blankToNull(partition);
        account = blankToNull(account);
        time = blankToNull(time);
        extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
    }

    /** The cluster's defaults for everything, repeats wherever Slurm puts them. */
    public static SlurmSettings defaults() {
        return new SlurmSettings(null, null, null, List.of(), false);
    }

    /** The sbatch options these settings stand for (before the extra arguments, which may override them). */
    List<String> sbatchOptions() {
        List<String> options = new ArrayList<>();
        if (partition != null) {
            options.add("--partition=" + partition);
        }
        if (account != null) {
            options.add("--account=" + account);
        }
        if (time != null) {
            options.add("--time=" + time);
        }
        if (spreadNodes) {
            options.add("--exclusive");
        }
        options.addAll(extraArgs);
        return options;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
