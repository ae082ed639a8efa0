package reprolab.analysis;

/** Number formatting for sentences a student reads. */
final class Numbers {

    private Numbers() {
    }

    /** Shortest round-trip text, with a readable exponent: 1e-8 rather than 1.0E-8, 0.5 as is. */
    static String text(double value) {
        String s = Double.toString(value);
        return s.replace(".0E", "e").replace("E", "e");
    }
}
