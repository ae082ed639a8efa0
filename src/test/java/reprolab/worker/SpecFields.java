package reprolab.worker;

import reprolab.experiment.ExperimentSpec;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Test helper: every field of the experiment file, as dotted paths, read from the spec records themselves. */
final class SpecFields {

    private SpecFields() {
    }

    /** The leaf fields of {@link ExperimentSpec} ({@code data.source}, ..., {@code model.layers}, ...). */
    static List<String> all() {
        List<String> paths = new ArrayList<>();
        walk(ExperimentSpec.class, "", paths);
        return paths;
    }

    private static void walk(Class<?> record, String prefix, List<String> paths) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + c.getName();
            Class<?> type = c.getType();
            boolean nested = type.isRecord() && type.getPackageName().equals(ExperimentSpec.class.getPackageName());
            if (nested) {
                walk(type, path + ".", paths);
            } else {
                // a list of records (model.layers) is one field: its elements are checked by LayerShapesTest
                paths.add(path);
            }
            if (c.getGenericType() instanceof ParameterizedType && !List.class.isAssignableFrom(type)) {
                throw new IllegalStateException("unexpected generic field " + path);
            }
        }
    }
}
