package reprolab.experiment;

/**
 * Simulates the last-bit differences that parallel hardware produces: right after update
 * {@code iteration}, adds +/-{@code epsilon} to a {@code fraction} of {@code layer}'s parameters,
 * chosen with its own {@code seed}. Where float rounding would swallow epsilon, the value moves by one
 * unit in the last place instead, so the perturbation always changes the model.
 */
public record PerturbationSpec(boolean enabled, int iteration, String layer, double epsilon, double fraction, long seed) {

    public static PerturbationSpec defaults() {
        return new PerturbationSpec(false, 10, "dense_0", 1e-8, 0.01, 7);
    }
}
