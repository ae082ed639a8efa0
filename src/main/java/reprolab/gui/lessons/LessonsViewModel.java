package reprolab.gui.lessons;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import reprolab.experiment.ExperimentSpec;
import reprolab.gui.BackgroundTask;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.lesson.FloatOrderDemo;
import reprolab.lesson.FloatOrderResult;
import reprolab.lesson.Lesson;
import reprolab.lesson.LessonJson;
import reprolab.lesson.LessonLibrary;
import reprolab.lesson.LessonMode;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Lessons menu: the shipped lessons (those the computer cannot run marked with the reason), opening
 * one into the form with its text, hidden and locked settings, opening any lesson file, saving the
 * current settings as a lesson, and the floating-point order demo. File work and the demo run on the
 * background executor; their results come back on the FX executor.
 */
public final class LessonsViewModel {

    /** A menu entry: the lesson and, when it cannot run here, why. */
    public record Entry(Lesson lesson, Optional<String> unavailable) {
    }

    private final ControlsViewModel controls;
    private final Executor background;
    private final Executor fx;
    private final List<Entry> shipped;
    private final ReadOnlyObjectWrapper<Lesson> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FloatOrderResult> floatDemo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper floatDemoRunning = new ReadOnlyBooleanWrapper();
    private final Supplier<FloatOrderResult> demo;

    /**
     * @param lessons the lessons of the menu (normally {@link LessonLibrary#shipped()})
     * @param demo    computes the float-order demo (normally {@link FloatOrderDemo#run()}, about a second)
     */
    public LessonsViewModel(ControlsViewModel controls, List<Lesson> lessons, Supplier<FloatOrderResult> demo,
                            Executor background, Executor fx) {
        this.controls = controls;
        this.background = background;
        this.fx = fx;
        this.demo = demo;
        boolean gpu = controls.isCudaAvailable();
        this.shipped = lessons.stream().map(l -> new Entry(l, l.unavailableReason(gpu))).toList();
    }

    /** The view model over the shipped lessons and the real demo. */
    public static LessonsViewModel withShippedLessons(ControlsViewModel controls, Executor background, Executor fx) {
        return new LessonsViewModel(controls, LessonLibrary.shipped(), FloatOrderDemo::run, background, fx);
    }

    public List<Entry> shipped() {
        return shipped;
    }

    /** Fills the form from the lesson and hides or locks what it names; refused with the reason when it cannot run here. */
    public void open(Lesson lesson) {
        Optional<String> reason = lesson.unavailableReason(controls.isCudaAvailable());
        if (reason.isPresent()) {
            message.set("\u201c" + lesson.title() + "\u201d cannot run here: " + reason.get());
            return;
        }
        controls.restrictions().clear();
        controls.load(lesson.settings());
        controls.restrictions().apply(lesson);
        current.set(lesson);
        message.set("Lesson: " + lesson.title());
    }

    /** Reads a lesson file (any folder) in the background and opens it. */
    public void openFile(Path file) {
        BackgroundTask.of(() -> LessonJson.read(file)).onSuccess(this::open)
                .onFailure(e -> message.set("Cannot open " + file.getFileName() + ": " + BackgroundTask.messageOf(e)))
                .executeWith(background, fx);
    }

    /** Leaves the lesson: every setting shown and editable again, the settings kept. */
    public void close() {
        controls.restrictions().clear();
        current.set(null);
        message.set("");
    }

    /**
     * Saves the form's settings as a new lesson file in {@code folder} (never overwriting one). An open
     * lesson's mode, factors, hidden and locked settings are kept, so a teacher can adapt a lesson.
     */
    public void saveAs(String title, String text, Path folder) {
        ExperimentSpec spec = controls.specProperty().get();
        if (spec == null) {
            message.set("Fix the settings marked in red before saving a lesson.");
            return;
        }
        if (title == null || title.isBlank()) {
            message.set("A lesson needs a title.");
            return;
        }
        Lesson base = current.get();
        Lesson lesson = new Lesson(LessonJson.SCHEMA_VERSION, LessonLibrary.slug(title), title.strip(),
                text == null ? "" : text.strip(), spec, base == null ? LessonMode.REPEATS : base.mode(),
                base == null ? List.of() : base.factors(), base == null ? List.of() : base.hidden(),
                base == null ? List.of() : base.locked(), base == null ? null : base.requires());
        BackgroundTask.of(() -> LessonLibrary.saveAs(lesson, folder))
                .onSuccess(written -> message.set("Saved the lesson as " + written))
                .onFailure(e -> message.set("Cannot save the lesson: " + BackgroundTask.messageOf(e)))
                .executeWith(background, fx);
    }

    /** Computes the floating-point order demo in the background (once; later calls reuse the result). */
    public void runFloatDemo() {
        if (floatDemo.get() != null || floatDemoRunning.get()) {
            return;
        }
        floatDemoRunning.set(true);
        BackgroundTask.of(demo::get).onSuccess(floatDemo::set)
                .onFailure(e -> message.set("The float-order demo failed: " + BackgroundTask.messageOf(e)))
                .onFinally(() -> floatDemoRunning.set(false))
                .executeWith(background, fx);
    }

    /** The open lesson, or null. */
    public ReadOnlyObjectProperty<Lesson> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The last outcome or error, for the status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FloatOrderResult> floatDemoProperty() {
        return floatDemo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty floatDemoRunningProperty() {
        return floatDemoRunning.getReadOnlyProperty();
    }
}
