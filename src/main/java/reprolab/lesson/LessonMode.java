package reprolab.lesson;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a lesson launches when a student presses Run. */
public enum LessonMode {
    /** The experiment's repeats, all with the same settings. */
    REPEATS("repeats"),
    /** A seed ablation: a baseline group plus one group per factor in which only that factor varies. */
    ABLATION("ablation");

    private final String json;

    LessonMode(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** The mode spelled {@code json} in a file, or null when there is none. */
    static LessonMode fromJson(String json) {
        for (LessonMode mode : values()) {
            if (mode.json.equals(json)) {
                return mode;
            }
        }
        return null;
    }
}
