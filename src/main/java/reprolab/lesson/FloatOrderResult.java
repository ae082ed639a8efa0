package reprolab.lesson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * What the floating-point order demo computed.
 *
 * @param multiplyFirst   {@code 2.0 * 11.0 / 9.0} in double precision
 * @param divideFirst     {@code 2.0 / 9.0 * 11.0} in double precision
 * @param ratio           {@code multiplyFirst / divideFirst}
 * @param repeats         how often 1.0 was multiplied by {@code ratio}
 * @param repeatedProduct the result of those multiplications
 * @param arrayLength     number of floats summed
 * @param seed            seed of the array ({@link FloatSums#generate})
 * @param sums            the float sum of the array in each order, sequential first
 * @param exactSum        the true sum, without rounding
 */
public record FloatOrderResult(double multiplyFirst, double divideFirst, double ratio, int repeats,
                               double repeatedProduct, int arrayLength, long seed, List<Sum> sums,
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

    /** How far the repeated product drifted from 1 (it would be exactly 0 if both orders agreed). */
    public double distanceFromOne() {
        return repeatedProduct - 1.0;
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
        out.append(String.format("Their ratio is %s. 1.0 multiplied by it %,d times:%n", DecimalForms.shortest(ratio), repeats));
        out.append("  result:            ").append(DecimalForms.shortest(repeatedProduct)).append('\n');
        out.append("  distance from 1:   ").append(DecimalForms.shortest(distanceFromOne())).append("\n\n");
        appendSums(out);
        return out.toString();
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
