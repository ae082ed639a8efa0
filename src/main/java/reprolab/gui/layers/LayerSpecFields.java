package reprolab.gui.layers;

import reprolab.experiment.Initializer;
import reprolab.experiment.LayerSpec;
import reprolab.experiment.LayerType;

import java.util.List;

/** A {@link LayerSpec}'s options by name, for an editor that shows them as fields. */
final class LayerSpecFields {

    static final List<String> NAMES = List.of("filters", "kernel", "stride", "padding", "activation", "size", "rate",
            "units", "momentum", "epsilon", "initializer");

    private LayerSpecFields() {
    }

    static Object get(LayerSpec s, String option) {
        return switch (option) {
            case "filters" -> s.filters();
            case "kernel" -> s.kernel();
            case "stride" -> s.stride();
            case "padding" -> s.padding();
            case "activation" -> s.activation();
            case "size" -> s.size();
            case "rate" -> s.rate();
            case "units" -> s.units();
            case "momentum" -> s.momentum();
            case "epsilon" -> s.epsilon();
            case "initializer" -> s.initializer();
            default -> throw new IllegalArgumentException("no option " + option);
        };
    }

    /** A layer from option values in {@link #NAMES} order. */
    static LayerSpec create(LayerType type, Object[] v) {
        return new LayerSpec(type, (Integer) v[0], (Integer) v[1], (Integer) v[2], (String) v[3], (String) v[4],
                (Integer) v[5], (Double) v[6], (Integer) v[7], (Double) v[8], (Double) v[9], (Initializer) v[10]);
    }
}
