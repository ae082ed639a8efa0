package reprolab.gui.layers;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import reprolab.experiment.Initializer;
import reprolab.experiment.LayerSpec;
import reprolab.experiment.LayerType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One layer in the editor: its kind, one text per option, and what the model says about it. */
public final class LayerRow {

    /** Options typed as whole numbers; the rest of the numbers are decimals, the others choices. */
    static final List<String> WHOLE = List.of("filters", "kernel", "stride", "size", "units");
    static final List<String> DECIMAL = List.of("rate", "momentum", "epsilon");

    private final LayerType type;
    private final Map<String, StringProperty> options = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    LayerRow(LayerSpec spec) {
        this.type = spec.type();
        for (String option : type.options()) {
            options.put(option, new SimpleStringProperty(text(spec, option)));
        }
    }

    public LayerType type() {
        return type;
    }

    /** The option names of this kind of layer, in the order the editor shows them. */
    public List<String> optionNames() {
        return type.options();
    }

    public StringProperty option(String name) {
        StringProperty p = options.get(name);
        if (p == null) {
            throw new IllegalArgumentException(type.json() + " has no option " + name);
        }
        return p;
    }

    /** The stable name ({@code conv_0}, ...). */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Output shape and parameters, e.g. "26x26x32, 320 parameters". */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void show(String layerName, String layerInfo, String layerError) {
        name.set(layerName);
        info.set(layerInfo);
        error.set(layerError);
    }

    Iterable<StringProperty> optionProperties() {
        return options.values();
    }

    /** The layer these texts describe; a text that does not parse is reported in {@code problems} and left out. */
    LayerSpec toSpec(List<String> problems) {
        Object[] v = new Object[LayerSpecFields.NAMES.size()];
        options.forEach((option, text) -> v[LayerSpecFields.NAMES.indexOf(option)] = parse(option, text.get(), problems));
        return LayerSpecFields.create(type, v);
    }

    private static Object parse(String option, String text, List<String> problems) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (WHOLE.contains(option)) {
                return Integer.parseInt(t);
            }
            if (DECIMAL.contains(option)) {
                return Double.parseDouble(t);
            }
        } catch (NumberFormatException e) {
            problems.add(option + ": '" + t + "' is not a " + (WHOLE.contains(option) ? "whole number" : "number"));
            return null;
        }
        if (option.equals("initializer")) {
            for (Initializer init : Initializer.values()) {
                if (init.json().equals(t)) {
                    return init;
                }
            }
            problems.add("initializer: '" + t + "' is not one of the initialisers");
            return null;
        }
        return t;
    }

    private static String text(LayerSpec spec, String option) {
        Object value = LayerSpecFields.get(spec, option);
        if (value instanceof Initializer init) {
            return init.json();
        }
        return value == null ? "" : String.valueOf(value);
    }
}
