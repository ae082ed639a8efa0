package reprolab.lesson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * What the floating-point order demo computed.
 *
 * @param multiplyFirst   {@code 2. * 11. / 9.} in double precision
 * @param divideFirst     {@code 2. / 9. * 11.} in double precision
 * @param repeats         how often 1.0 was multiplied by each ratio
 * @param questionProduct 1.0 times the question's ratio {@code divideFirst / multiplyFirst}, {@code repeats} times
 * @param inverseProduct  1.0 times the inverse ratio {@code multiplyFirst / divideFirst}, {@code repeats} times
 * @param loopNanos       how long the question's loop took
 * @param arrayLength     number of floats summed
 * @param seed            seed of the array ({@link FloatSums#generate})
 * @param sums            the float sum of the array in each order, sequential first
 * @param exactSum        the true sum, without rounding
 */
public record FloatOrderResult(double multiplyFirst, double divideFirst, int repeats, double questionProduct,
                               double inverseProduct, long loopNanos, int arrayLength, long seed, List<Sum> sums,
                               BigDecimal exactSum) {

    /** One order of summation and the float it produced. */
    public record Sum(String order, float value) {
        public String bits() {
            return DecimalForms.bits(value);
        }
    }

    public FloatOrderResult {
        sums = List.copyOf(sums);
    }

    /**
     * The second figure printed in the answer to the question ({@code 1 - one}), as that answer printed it.
     * It does not follow from the answer's first figure: {@code 1 - 0.9999999777955395} is exactly
     * {@link #questionDistance()} (Sterbenz: the subtraction of two doubles within a factor of two is exact).
     */
    public static final double ANSWER_PRINTED_DISTANCE = 1.8167285897874308e-08;

    /** The question's ratio, {@code (2. / 9. * 11.) / (2. * 11. / 9.)}: the double just below one. */
    public double questionRatio() {
        return divideFirst / multiplyFirst;
    }

    /** The inverse ratio, {@code (2. * 11. / 9.) / (2. / 9. * 11.)}: the double just above one. */
    public double inverseRatio() {
        return multiplyFirst / divideFirst;
    }

    /** {@code 1 - one} after the question's loop (it would be exactly 0 if both orders agreed). */
    public double questionDistance() {
        return 1.0 - questionProduct;
    }

    /** How far the inverse loop drifted above 1. */
    public double inverseDistance() {
        return inverseProduct - 1.0;
    }

    /** How many different float values the summation orders produced. */
    public long distinctSums() {
        return sums.stream().mapToInt(s -> Float.floatToRawIntBits(s.value())).distinct().count();
    }

    /** Whether this order's bits differ from the sequential sum's. */
    public boolean differsFromSequential(Sum sum) {
        return Float.floatToRawIntBits(sum.value()) != Float.floatToRawIntBits(sums.get(0).value());
    }

    /** The float nearest to the true sum: what a perfect summation would return. */
    public float correctlyRoundedSum() {
        return exactSum.floatValue();
    }

    /** A report for the terminal. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Floating-point order demo: the same arithmetic, a different order, a different answer.\n\n");
        appendDouble(out, "2.0 * 11.0 / 9.0", multiplyFirst);
        appendDouble(out, "2.0 / 9.0 * 11.0", divideFirst);
        out.append(multiplyFirst == divideFirst ? "The two orders agree.\n\n"
                : "The two orders differ in the last bits.\n\n");
        appendQuestionLoop(out);
        appendSums(out);
        return out.toString();
    }

    /** The question's own code and numbers, printed as Python prints them, then the inverse for contrast. */
    private void appendQuestionLoop(StringBuilder out) {
        out.append("The question's code (Python):\n");
        out.append("  one = 1.0\n");
        out.append(String.format("  for _ in range(%d): one *= (2. / 9. * 11.) / (2. * 11. / 9.)%n", repeats));
        out.append("  ratio:       ").append(DecimalForms.pythonRepr(questionRatio())).append('\n');
        out.append("  one:         ").append(DecimalForms.pythonRepr(questionProduct)).append('\n');
        out.append("  1 - one:     ").append(DecimalForms.pythonRepr(questionDistance())).append('\n');
        out.append(String.format("  (the loop took %.0f ms here)%n", loopNanos / 1e6));
        out.append("Finding: the answer prints ").append(DecimalForms.pythonRepr(questionProduct))
                .append(" and then ").append(DecimalForms.pythonRepr(ANSWER_PRINTED_DISTANCE))
                .append(" as 1 - one; the second does not follow from the first, whose distance from 1 is exactly ")
                .append(DecimalForms.pythonRepr(questionDistance())).append(".\n");
        out.append("The inverse ratio ").append(DecimalForms.pythonRepr(inverseRatio())).append(" gives one = ")
                .append(DecimalForms.pythonRepr(inverseProduct)).append(" (").append(DecimalForms.pythonRepr(inverseDistance()))
                .append(" above 1).\n\n");
    }

    private static void appendDouble(StringBuilder out, String expression, double value) {
        out.append(expression).append('\n');
        out.append("  shortest:  ").append(DecimalForms.shortest(value)).append('\n');
        out.append("  exact:     ").append(DecimalForms.exact(value)).append('\n');
        out.append("  bits:      ").append(DecimalForms.bits(value)).append('\n');
    }

    private void appendSums(StringBuilder out) {
        out.append(String.format("Sum of %,d floats (seed %d, magnitudes 1e-4 to 1e4) in float precision:%n",
                arrayLength, seed));
        out.append(String.format("  %-12s %-16s %-10s %s%n", "order", "sum", "bits", "vs sequential"));
        for (Sum sum : sums) {
            out.append(String.format("  %-12s %-16s %-10s %s%n", sum.order(), DecimalForms.shortest(sum.value()),
                    sum.bits(), differsFromSequential(sum) ? "DIFFERS" : "same"));
        }
        float best = correctlyRoundedSum();
        out.append(String.format("  %-12s %-16s %-10s%n", "exact", DecimalForms.shortest(best), DecimalForms.bits(best)));
        out.append("  (exact sum: ").append(exactSum.round(MathContext.DECIMAL64).toPlainString())
                .append(", shown as the nearest float)\n");
        out.append(String.format("%d different sums from %d orders. Every one is a correct float sum; "
                + "threads and GPUs pick the order, so they pick the last bits.%n", distinctSums(), sums.size()));
    }
}
