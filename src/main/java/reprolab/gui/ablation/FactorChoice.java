package reprolab.gui.ablation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The factors the Ablation tab offers and which of them are chosen: the model's, or in Script mode the
 * script's toggles (issue 24). Each keeps its own choice, so going back and forth loses neither.
 * Changed on the FX thread.
 */
final class FactorChoice {

    private final Map<String, BooleanProperty> model;
    private Map<String, BooleanProperty> script = Map.of();
    private final ReadOnlyObjectWrapper<Map<String, BooleanProperty>> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper chosenCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper scriptShown = new ReadOnlyBooleanWrapper();

    /** @param chosenFirst which of the model's factors are chosen at first */
    FactorChoice(List<String> modelFactors, Predicate<String> chosenFirst) {
        model = choice(modelFactors, chosenFirst);
        show(model, false);
    }

    /** Offers the model's factors, as chosen when they were last on show. */
    void showModel() {
        show(model, false);
    }

    /**
     * Offers a script's toggles: all chosen at first, as {@code script --ablate} flips them all; when the
     * list changes (a GPU toggle adds or removes the GPU ones) those already there keep their choice.
     */
    void showScript(List<String> toggles) {
        if (!List.copyOf(script.keySet()).equals(toggles)) {
            Map<String, BooleanProperty> before = script;
            script = choice(toggles, name -> !before.containsKey(name) || before.get(name).get());
        }
        show(script, true);
    }

    private void show(Map<String, BooleanProperty> factors, boolean isScript) {
        scriptShown.set(isScript);
        shown.set(factors);
        recount();
    }

    /** One property per factor, in order, each recounting the chosen ones as it changes. */
    private Map<String, BooleanProperty> choice(List<String> names, Predicate<String> on) {
        Map<String, BooleanProperty> choice = new LinkedHashMap<>();
        for (String name : names) {
            BooleanProperty p = new SimpleBooleanProperty(on.test(name));
            p.addListener((obs, was, now) -> recount());
            choice.put(name, p);
        }
        return Collections.unmodifiableMap(choice);
    }

    private void recount() {
        chosenCount.set(chosen().size());
    }

    /** The chosen factors on show, in report order. */
    List<String> chosen() {
        return shown.get().entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    ReadOnlyObjectProperty<Map<String, BooleanProperty>> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty chosenCountProperty() {
        return chosenCount.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty scriptShownProperty() {
        return scriptShown.getReadOnlyProperty();
    }
}
