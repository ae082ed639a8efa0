package reprolab.report;

import java.util.Locale;

/** Escaping and the fixed number formats of the report: the same value always gives the same text. */
final class Html {

    private Html() {
    }

    /** Text safe inside an element or a double-quoted attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A measured value: 4 significant digits in plain or scientific notation, "-" when unknown. */
    static String number(Double value) {
        if (value == null) {
            return "-";
        }
        double v = value;
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        return abs >= 1e-3 && abs < 1e5 ? String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1")
                .replaceAll("\\.$", "") : scientific(v);
    }

    /** 1.5e-7 style: the mantissa's trailing zeros and the exponent's sign and leading zeros dropped. */
    private static String scientific(double v) {
        String[] parts = String.format(Locale.ROOT, "%.3e", v).split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(parts[1]);
        return mantissa + "e" + exponent;
    }

    /** A fixed-point value with this many decimals, "-" when unknown. */
    static String fixed(Double value, int decimals) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** An SVG coordinate: one decimal, so the bytes do not depend on floating-point noise. */
    static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
