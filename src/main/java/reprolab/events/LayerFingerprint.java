package reprolab.events;

/**
 * Exact identity of one layer's parameters at one iteration.
 *
 * @param layer layer name, e.g. {@code conv_0}
 * @param hash  xxHash64 of the raw parameter bytes, 16 hex digits: equal if and only if bitwise equal
 *              (up to a 2^-64 collision chance)
 * @param norm  L2 norm of the parameters, to see how far apart two differing runs are
 */
public record LayerFingerprint(String layer, String hash, double norm) {
}
