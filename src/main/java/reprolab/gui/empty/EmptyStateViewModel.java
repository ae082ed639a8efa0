package reprolab.gui.empty;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SeedKind;
import reprolab.gui.ablation.AblationViewModel;
import reprolab.gui.controls.ControlsViewModel;
import reprolab.gui.controls.JsonNames;
import reprolab.gui.lessons.LessonsViewModel;
import reprolab.lesson.Lesson;

import java.util.List;

/**
 * What the tabs say while they have nothing to show: what pressing Run will do with the settings on
 * the left (so a new user knows what to do first), and the lessons to start with. The texts follow the
 * form as it is edited.
 */
public final class EmptyStateViewModel {

    /** How many lessons the empty tabs offer: the first ones of the menu, which build on each other. */
    static final int STARTER_LESSONS = 3;

    private final ControlsViewModel controls;
    private final LessonsViewModel lessons;
    private final BooleanBinding experimentEmpty;
    private final StringBinding curvesHint;
    private final StringBinding divergenceHint;

    /**
     * @param shownRuns the runs on the Curves tab (empty until a run starts or one is opened)
     * @param running   whether an experiment is starting or running
     */
    public EmptyStateViewModel(ControlsViewModel controls, LessonsViewModel lessons, ObservableList<String> shownRuns,
                               ObservableBooleanValue running) {
        this.controls = controls;
        this.lessons = lessons;
        experimentEmpty = Bindings.createBooleanBinding(() -> shownRuns.isEmpty() && !running.get(), shownRuns,
                running);
        curvesHint = Bindings.createStringBinding(() -> curvesText(spec()), controls.specProperty());
        divergenceHint = Bindings.createStringBinding(() -> divergenceText(spec()), controls.specProperty());
    }

    private ExperimentSpec spec() {
        return controls.specProperty().get();
    }

    /** True while the Curves and Divergence tabs have no runs to show. */
    public BooleanBinding experimentEmptyProperty() {
        return experimentEmpty;
    }

    /** "Press Run to train 3 repeats of tiny (…)", or how to get there when the form is invalid. */
    public StringBinding curvesHintProperty() {
        return curvesHint;
    }

    public StringBinding divergenceHintProperty() {
        return divergenceHint;
    }

    /** What the Ablation tab will run with the chosen factors and repeats: the model's ablation or the script's. */
    public StringBinding ablationHint(AblationViewModel ablation) {
        return Bindings.createStringBinding(() -> ablation.scriptModeProperty().get()
                        ? scriptAblationText(ablation.chosenCountProperty().get(), ablation.repeatsProperty().get())
                        : ablationText(spec(), ablation.chosenCountProperty().get(), ablation.repeatsProperty().get()),
                ablation.scriptModeProperty(), ablation.chosenCountProperty(), ablation.repeatsProperty(),
                controls.specProperty());
    }

    /** The first shipped lessons that can run here, in menu order. */
    public List<Lesson> starterLessons() {
        return lessons.shipped().stream().filter(e -> e.unavailable().isEmpty()).map(LessonsViewModel.Entry::lesson)
                .limit(STARTER_LESSONS).toList();
    }

    /** Opens a lesson into the form, as the Lessons menu does. */
    public void open(Lesson lesson) {
        lessons.open(lesson);
    }

    static String curvesText(ExperimentSpec s) {
        if (s == null) {
            return "Fix the settings marked in red on the left, then press Run.";
        }
        return "Press Run to train " + repeats(s) + " of " + what(s) + ". Their loss and accuracy appear here, "
                + "one line per run: runs that are bitwise identical draw a single line.";
    }

    static String divergenceText(ExperimentSpec s) {
        if (s == null) {
            return "Fix the settings marked in red on the left, then press Run.";
        }
        if (s.runs().repeats() < 2) {
            return "One repeat has nothing to compare: set Repeats to 2 or more and press Run.";
        }
        return "Press Run to train " + repeats(s) + " of " + what(s) + ". This tab then says whether they are "
                + "bitwise identical and, if not, the first iteration and layer where they part.";
    }

    static String ablationText(ExperimentSpec s, int factors, String repeatsText) {
        if (s == null) {
            return "Fix the settings marked in red on the left first: they are the ablation's baseline.";
        }
        return ablationText(factors, repeatsText, r -> "Press Run ablation to train a baseline group with every seed "
                + "fixed and one group per chosen factor, " + r + " runs each: " + (factors + 1) * r + " runs of "
                + JsonNames.of(s.model().name()) + ". The table then says which factor breaks reproducibility and how "
                + "much it moves the final accuracy.");
    }

    /** Script mode (issue 24): the baseline is the script's fields on the left, the factors its toggles. */
    static String scriptAblationText(int factors, String repeatsText) {
        return ablationText(factors, repeatsText, r -> "Press Run ablation to run your script in a baseline group "
                + "with its seed, hash seed and threads fixed and one group per chosen toggle, " + r + " runs each: "
                + (factors + 1) * r + " Python processes. The table then says which toggle breaks reproducibility, "
                + "from which iteration and in which parameter.");
    }

    private static String ablationText(int factors, String repeatsText, java.util.function.IntFunction<String> ready) {
        if (factors == 0) {
            return "Choose at least one factor above, then press Run ablation.";
        }
        try {
            return ready.apply(Integer.parseInt(repeatsText.trim()));
        } catch (NumberFormatException e) {
            return "Set the repeats per group to a whole number from 2 to 100, then press Run ablation.";
        }
    }

    private static String repeats(ExperimentSpec s) {
        int n = s.runs().repeats();
        return n + (n == 1 ? " repeat" : " repeats");
    }

    /** "tiny (1 epoch on 8000 examples of mnist-sample, all 4 seeds fixed)". */
    private static String what(ExperimentSpec s) {
        long fixed = java.util.Arrays.stream(SeedKind.values()).filter(k -> s.seeds().get(k).enabled()).count();
        int epochs = s.model().epochs();
        return JsonNames.of(s.model().name()) + " (" + epochs + (epochs == 1 ? " epoch" : " epochs") + " on "
                + s.data().trainSize() + " examples of " + JsonNames.of(s.data().source()) + ", "
                + (fixed == 4 ? "all 4 seeds fixed" : fixed + " of 4 seeds fixed") + ")";
    }
}
