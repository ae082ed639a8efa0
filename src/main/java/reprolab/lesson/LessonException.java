package reprolab.lesson;

import java.util.List;

/** A lesson file that cannot be used, with one readable message per problem, each naming the field. */
public class LessonException extends Exception {

    private final List<String> problems;

    public LessonException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public LessonException(String problem) {
        this(List.of(problem));
    }

    /** Each problem on its own, for a list in the app. */
    public List<String> problems() {
        return problems;
    }
}
