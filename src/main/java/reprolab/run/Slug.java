package reprolab.run;

import java.text.Normalizer;
import java.util.Locale;

/** Turns an experiment name into a safe folder name part: {@code [a-z0-9-]}, at most 40 characters. */
final class Slug {

    static final int MAX_LENGTH = 40;

    private Slug() {
    }

    /**
     * "Dropout seed off (5×)" becomes {@code dropout-seed-off-5}; accents are dropped ("Réseau" is
     * {@code reseau}); anything else, slashes and dots included, becomes a single dash, so the
     * result can never be {@code ..} or hold a separator. An empty result is {@code experiment}.
     */
    static String of(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
        }
        slug = slug.replaceAll("-+$", "");
        return slug.isEmpty() ? "experiment" : slug;
    }
}
