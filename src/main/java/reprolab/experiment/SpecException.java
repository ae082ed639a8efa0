package reprolab.experiment;

import java.util.List;

/** An experiment file or setting that cannot be used, with one readable message per problem. */
public class SpecException extends Exception {

    private final List<String> problems;

    public SpecException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public SpecException(String problem) {
        this(List.of(problem));
    }

    /** Each problem names the field, the value and what is allowed. */
    public List<String> problems() {
        return problems;
    }
}
