package reprolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps data values to pixels and chooses the ticks: a linear axis ticks at 1, 2 or 5 times a power
 * of ten, a log axis at whole decades only (10^-3, 10^-2, ...), never at fractional exponents.
 */
final class Axis {

    private final double low;
    private final double high;
    private final double fromPixel;
    private final double toPixel;
    private final boolean log;

    private Axis(double low, double high, double fromPixel, double toPixel, boolean log) {
        this.low = low;
        this.high = high;
        this.fromPixel = fromPixel;
        this.toPixel = toPixel;
        this.log = log;
    }

    /** A linear axis over [min, max] widened to round tick values (a single value gets a unit range). */
    static Axis linear(double min, double max, double fromPixel, double toPixel) {
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = step(min, max);
        return new Axis(Math.floor(min / step) * step, Math.ceil(max / step) * step, fromPixel, toPixel, false);
    }

    /** A log axis over [min, max] (both above 0) widened to whole decades. */
    static Axis log(double min, double max, double fromPixel, double toPixel) {
        double low = Math.floor(Math.log10(min));
        double high = Math.ceil(Math.log10(max));
        if (high == low) {
            high = low + 1;
        }
        return new Axis(low, high, fromPixel, toPixel, true);
    }

    /** The pixel of a data value. */
    double at(double value) {
        double v = log ? Math.log10(value) : value;
        return fromPixel + (v - low) / (high - low) * (toPixel - fromPixel);
    }

    /** Tick values in data units, ascending. */
    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            int decades = (int) Math.round(high - low);
            int every = Math.max(1, (int) Math.ceil(decades / 8.0)); // at most about 8 labels
            for (int e = (int) low; e <= (int) high; e += every) {
                out.add(Math.pow(10, e));
            }
            return out;
        }
        double step = step(low, high);
        long first = Math.round(low / step);
        long last = Math.round(high / step);
        for (long k = first; k <= last; k++) {
            out.add(k * step);
        }
        return out;
    }

    /** A tick's label: 1e-3 style on a log axis, the shortest plain form on a linear one. */
    String label(double tick) {
        if (log) {
            return "1e" + Math.round(Math.log10(tick));
        }
        String text = String.format(Locale.ROOT, "%.6f", tick).replaceAll("0+$", "").replaceAll("\\.$", "");
        return "-0".equals(text) ? "0" : text;
    }

    /** A step of 1, 2 or 5 times a power of ten giving about 5 intervals over the range. */
    private static double step(double min, double max) {
        double raw = (max - min) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
        return nice * power;
    }
}
