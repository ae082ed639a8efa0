package reprolab.experiment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * Keras kernel initialisers as ReproLab's: by class name (GlorotUniform, glorot_uniform, ...) or, in
 * old Keras 2 files, as the VarianceScaling they stand for. The seed comes along separately.
 */
final class KerasInitializers {

    /** An initialiser and its Keras seed (null when unseeded). */
    record Seeded(Initializer initializer, Long seed) {
    }

    private KerasInitializers() {
    }

    static Seeded read(KerasLayer layer, String field) throws SpecException {
        JsonNode node = layer.config.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return new Seeded(Initializer.XAVIER_UNIFORM, null); // Keras' default for Conv2D and Dense
        }
        String name = node.isTextual() ? node.asText() : node.path("class_name").asText("");
        JsonNode config = node.path("config");
        JsonNode seed = config.path("seed");
        Long seedValue = seed.isIntegralNumber() ? seed.longValue() : null;
        Initializer initializer = switch (name.replace("_", "").toLowerCase(Locale.ROOT)) {
            case "glorotuniform" -> Initializer.XAVIER_UNIFORM;
            case "heuniform" -> Initializer.HE_UNIFORM;
            case "glorotnormal" -> Initializer.XAVIER_NORMAL;
            case "henormal" -> Initializer.HE_NORMAL;
            case "lecunnormal" -> Initializer.LECUN_NORMAL;
            case "variancescaling" -> varianceScaling(layer, config);
            default -> throw layer.refuse(field + " " + name + " is not supported; supported: glorot_uniform, "
                    + "he_uniform, glorot_normal, he_normal, lecun_normal");
        };
        return new Seeded(initializer, seedValue);
    }

    /** Keras 2.0-2.2 wrote glorot_uniform as VarianceScaling(1, fan_avg, uniform), and so on. */
    private static Initializer varianceScaling(KerasLayer layer, JsonNode config) throws SpecException {
        double scale = config.path("scale").asDouble(1);
        String mode = config.path("mode").asText("fan_in");
        String distribution = config.path("distribution").asText("normal");
        boolean uniform = distribution.equals("uniform");
        if (scale == 1 && mode.equals("fan_avg")) {
            return uniform ? Initializer.XAVIER_UNIFORM : Initializer.XAVIER_NORMAL;
        }
        if (scale == 2 && mode.equals("fan_in")) {
            return uniform ? Initializer.HE_UNIFORM : Initializer.HE_NORMAL;
        }
        if (scale == 1 && mode.equals("fan_in") && !uniform) {
            return Initializer.LECUN_NORMAL;
        }
        throw layer.refuse("VarianceScaling(scale " + scale + ", " + mode + ", " + distribution
                + ") is none of glorot_uniform, he_uniform, glorot_normal, he_normal, lecun_normal");
    }
}
