package reprolab.gui.controls;

import reprolab.experiment.Backend;
import reprolab.experiment.DataSource;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.Initializer;
import reprolab.experiment.ModelName;

/** The spelling a setting's value has in the experiment file, which is what the form shows. */
public final class JsonNames {

    private JsonNames() {
    }

    /** E.g. {@code mnist-sample} for {@code DataSource.MNIST_SAMPLE}. */
    public static String of(Enum<?> value) {
        if (value instanceof DataSource v) {
            return v.json();
        }
        if (value instanceof ModelName v) {
            return v.json();
        }
        if (value instanceof Initializer v) {
            return v.json();
        }
        if (value instanceof DataTypeName v) {
            return v.json();
        }
        if (value instanceof Backend v) {
            return v.json();
        }
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
