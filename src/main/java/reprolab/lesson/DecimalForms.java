package reprolab.lesson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Ways to write a binary floating-point number in decimal without hiding anything. Java 17's
 * {@link Double#toString(double)} is not always the shortest string that reads back to the same number
 * (it prints {@code 1.0E23} as {@code 9.999999999999999E22}; fixed only in Java 19), so the shortest form
 * is searched for here with exact decimal arithmetic.
 */
public final class DecimalForms {

    private DecimalForms() {
    }

    /** The fewest significant digits that parse back to exactly {@code x}. */
    public static String shortest(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return Double.toString(x);
        }
        return format(shortestDecimal(x));
    }

    /**
     * What Python's {@code repr(x)} prints: the same shortest digits, written fixed for decimal
     * exponents -4 to 15 and otherwise as {@code 2.220446049250313e-08}. The question this app answers
     * quotes Python's output, so the demo shows its numbers exactly as the reader saw them.
     */
    public static String pythonRepr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal v = shortestDecimal(x).stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = v.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = v.unscaledValue().abs().toString();
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return (v.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
    }

    private static BigDecimal shortestDecimal(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = roundTripping(exact, digits, s -> Double.parseDouble(s) == x);
            if (candidate != null) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** The fewest significant digits that parse back to exactly {@code x} as a float. */
    public static String shortest(float x) {
        if (!Float.isFinite(x) || x == 0) {
            return Float.toString(x);
        }
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits <= 9; digits++) {
            BigDecimal candidate = roundTripping(exact, digits, s -> Float.parseFloat(s) == x);
            if (candidate != null) {
                return format(candidate);
            }
        }
        return format(exact.round(new MathContext(9, RoundingMode.HALF_EVEN)));
    }

    /** Every digit of the binary value: a double is a sum of powers of two, so its decimal form ends. */
    public static String exact(double x) {
        return new BigDecimal(x).toPlainString();
    }

    /** Every digit of the binary value of a float. */
    public static String exact(float x) {
        return new BigDecimal(x).toPlainString();
    }

    /** The 64 raw bits, as 16 hex digits. */
    public static String bits(double x) {
        return String.format("0x%016x", Double.doubleToRawLongBits(x));
    }

    /** The 32 raw bits, as 8 hex digits. */
    public static String bits(float x) {
        return String.format("0x%08x", Float.floatToRawIntBits(x));
    }

    /**
     * Tries both neighbours with {@code digits} significant digits, nearest first. Both are needed:
     * just above a power of two the rounding interval is lopsided, so the nearer one may miss while the
     * farther one still reads back.
     */
    private static BigDecimal roundTripping(BigDecimal exact, int digits,
                                            java.util.function.Predicate<String> readsBack) {
        BigDecimal down = exact.round(new MathContext(digits, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(digits, RoundingMode.CEILING));
        boolean downNearer = exact.subtract(down).abs().compareTo(up.subtract(exact).abs()) <= 0;
        BigDecimal first = downNearer ? down : up;
        BigDecimal second = downNearer ? up : down;
        if (readsBack.test(first.toString())) {
            return first;
        }
        return readsBack.test(second.toString()) ? second : null;
    }

    /** Plain digits for everyday magnitudes, otherwise Java's style: {@code 1.0E23}, {@code 4.9E-324}. */
    private static String format(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent >= -7 && exponent < 21) {
            String plain = v.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = v.unscaledValue().abs().toString();
        String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
        return (v.signum() < 0 ? "-" : "") + mantissa + "E" + exponent;
    }
}
