package reprolab.run;

import java.util.List;

/**
 * One Slurm job array of an experiment and its task indices, which are the places of its runs in the
 * experiment. An experiment whose runs ask for different resources has one array per resource shape.
 */
record SlurmJob(String jobId, List<Integer> tasks) {

    SlurmJob {
        tasks = List.copyOf(tasks);
    }
}
