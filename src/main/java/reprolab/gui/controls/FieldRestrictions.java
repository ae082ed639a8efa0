package reprolab.gui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import reprolab.lesson.Lesson;

import java.util.HashMap;
import java.util.Map;

/**
 * Which settings a lesson hides or locks, one property per setting path, so a teacher can give
 * students one knob at a time. Without a lesson every setting is shown and editable.
 */
public final class FieldRestrictions {

    private final Map<String, BooleanProperty> hidden = new HashMap<>();
    private final Map<String, BooleanProperty> locked = new HashMap<>();
    private Lesson current;

    /** Hides and locks what the lesson names (a section, e.g. {@code seeds}, covers every field in it). */
    public void apply(Lesson lesson) {
        hidden.forEach((key, p) -> p.set(lesson.isHidden(key)));
        locked.forEach((key, p) -> p.set(lesson.isLocked(key)));
        current = lesson;
    }

    /** Shows and unlocks every setting. */
    public void clear() {
        hidden.values().forEach(p -> p.set(false));
        locked.values().forEach(p -> p.set(false));
        current = null;
    }

    /** Whether the control of {@code key} (a setting path such as {@code seeds.dropout.value}) is hidden. */
    public ReadOnlyBooleanProperty hiddenProperty(String key) {
        return hidden.computeIfAbsent(key, k -> new SimpleBooleanProperty(current != null && current.isHidden(k)));
    }

    /** Whether the control of {@code key} is shown but cannot be changed (hidden settings are locked too). */
    public ReadOnlyBooleanProperty lockedProperty(String key) {
        return locked.computeIfAbsent(key, k -> new SimpleBooleanProperty(current != null && current.isLocked(k)));
    }
}
