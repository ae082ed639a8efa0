package reprolab.worker;

import reprolab.events.FailureCause;

/** A run that cannot go on, with a reason a user can read. */
public class TrainingFailure extends Exception {

    private final FailureCause cause;
    private final int iteration;

    public TrainingFailure(FailureCause cause, String reason, int iteration) {
        super(reason);
        this.cause = cause;
        this.iteration = iteration;
    }

    public FailureCause failureCause() {
        return cause;
    }

    public int iteration() {
        return iteration;
    }
}
