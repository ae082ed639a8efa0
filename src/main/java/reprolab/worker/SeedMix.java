package reprolab.worker;

/** A 64-bit finaliser (Stafford's mix13, as in SplittableRandom) to derive independent seeds. */
final class SeedMix {

    private SeedMix() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
