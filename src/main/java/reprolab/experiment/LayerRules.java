package reprolab.experiment;

import java.util.List;

/** The checks and shape arithmetic of one layer, for {@link LayerShapes}. */
final class LayerRules {

    private final LayerSpec spec;
    private final String where;
    private final List<String> problems;

    LayerRules(LayerSpec spec, String where, List<String> problems) {
        this.spec = spec;
        this.where = where;
        this.problems = problems;
    }

    /** Options this kind of layer does not read are errors, not silently ignored. */
    void checkOptions() {
        List<String> allowed = spec.type().options();
        for (String option : spec.givenOptions()) {
            if (!allowed.contains(option)) {
                problems.add(where + ": option '" + option + "' does not apply to " + spec.type().json() + "; "
                        + (allowed.isEmpty() ? "it takes no options" : "its options are " + String.join(", ", allowed)));
            }
        }
        if (spec.activation() != null && !LayerSpec.ACTIVATIONS.contains(spec.activation())) {
            problems.add(where + ": activation '" + spec.activation() + "' is not supported; allowed: "
                    + String.join(", ", LayerSpec.ACTIVATIONS));
        }
        if (spec.padding() != null && !LayerSpec.PADDINGS.contains(spec.padding())) {
            problems.add(where + ": padding '" + spec.padding() + "' is not supported; allowed: valid, same");
        }
    }

    /** Sizes and rates on their own, also where an earlier problem leaves the input shape unknown. */
    boolean checkValues() {
        int before = problems.size();
        switch (spec.type()) {
            case CONV2D -> {
                required("filters", spec.filters());
                required("kernel", spec.kernel());
            }
            case MAXPOOL2D, AVGPOOL2D -> required("size", spec.size());
            case DENSE -> required("units", spec.units());
            case DROPOUT -> dropout();
            case BATCHNORM -> batchNorm();
            default -> { }
        }
        if (spec.stride() != null) {
            positive("stride", spec.stride());
        }
        return problems.size() == before;
    }

    /** The output shape on {@code in} (values already checked), or null with a problem added. */
    LayerShapes.Shape output(LayerShapes.Shape in, int classes) {
        return switch (spec.type()) {
            case CONV2D -> window(in, spec.filters(), spec.kernel(), "kernel");
            case MAXPOOL2D, AVGPOOL2D -> window(in, in.channels(), spec.size(), "pooling window");
            case DROPOUT, BATCHNORM -> in;
            case FLATTEN -> LayerShapes.Shape.vector(in.size());
            case DENSE -> flat(in) ? LayerShapes.Shape.vector(spec.units()) : null;
            case OUTPUT -> classifier(in, classes);
        };
    }

    /** Parameters of the layer between {@code in} and {@code out}; DL4J and Keras count the same. */
    long parameters(LayerShapes.Shape in, LayerShapes.Shape out) {
        return switch (spec.type()) {
            case CONV2D -> (long) spec.kernel() * spec.kernel() * in.channels() * out.channels() + out.channels();
            case DENSE, OUTPUT -> in.size() * out.size() + out.size();
            case BATCHNORM -> 4 * (in.flat() ? in.size() : in.channels()); // gamma, beta, running mean and variance
            default -> 0;
        };
    }

    private LayerShapes.Shape window(LayerShapes.Shape in, long channels, int side, String what) {
        int stride = spec.strideOrDefault();
        if (in.flat()) {
            problems.add(where + ": " + spec.type().json() + " needs an image input, but its input is flat (" + in
                    + "); it cannot follow a flatten or dense layer");
            return null;
        }
        if ("same".equals(spec.paddingOrDefault())) {
            return LayerShapes.Shape.image(ceilDiv(in.height(), stride), ceilDiv(in.width(), stride), channels);
        }
        if (side > in.height() || side > in.width()) {
            problems.add(where + ": " + what + " " + side + "x" + side + " is larger than its input " + in
                    + " (use padding 'same' or a smaller " + what + ")");
            return null;
        }
        return LayerShapes.Shape.image((in.height() - side) / stride + 1, (in.width() - side) / stride + 1, channels);
    }

    private void dropout() {
        Double rate = spec.rate();
        if (rate == null) {
            problems.add(where + ": option 'rate' (the fraction dropped, as in Keras) is required");
        } else if (!(rate >= 0 && rate < 1)) {
            problems.add(where + ": rate is " + rate + "; allowed: 0 (keep all) up to but not including 1");
        }
    }

    private void batchNorm() {
        double momentum = spec.momentumOrDefault();
        double epsilon = spec.epsilonOrDefault();
        if (!(momentum >= 0 && momentum < 1)) {
            problems.add(where + ": momentum is " + momentum + "; allowed: 0 up to but not including 1");
        }
        if (!(epsilon > 0 && epsilon <= 1)) {
            problems.add(where + ": epsilon is " + epsilon + "; allowed: greater than 0, at most 1");
        }
    }

    private LayerShapes.Shape classifier(LayerShapes.Shape in, int classes) {
        if (spec.units() != null && spec.units() != classes) {
            problems.add(where + ": units is " + spec.units() + " but the data has " + classes
                    + " classes; leave units out or give " + classes);
            return null;
        }
        return flat(in) ? LayerShapes.Shape.vector(classes) : null;
    }

    private boolean flat(LayerShapes.Shape in) {
        if (!in.flat()) {
            problems.add(where + ": " + spec.type().json() + " needs a flat input, but its input is " + in
                    + "; put {\"type\": \"flatten\"} before it");
        }
        return in.flat();
    }

    private int required(String option, Integer value) {
        if (value == null) {
            problems.add(where + ": option '" + option + "' is required");
            return 0;
        }
        return positive(option, value) ? value : 0;
    }

    private boolean positive(String option, int value) {
        if (value < 1 || value > LayerShapes.MAX_SIZE) {
            problems.add(where + ": " + option + " is " + value + "; allowed: 1 to " + LayerShapes.MAX_SIZE);
            return false;
        }
        return true;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
