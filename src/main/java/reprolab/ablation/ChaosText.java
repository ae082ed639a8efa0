package reprolab.ablation;

import reprolab.analysis.ChaosReport;
import reprolab.analysis.ChaosResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The time-to-chaos part of an ablation report, one line per group (and its layers), for a terminal. */
public final class ChaosText {

    private ChaosText() {
    }

    /** One "time to chaos" line per group with snapshots, then the summary. */
    public static String render(ChaosReport chaos) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        for (ChaosResult r : chaos.factors()) {
            out.append(String.format(Locale.ROOT, "time to chaos %-18s %s", r.factor(), line(r))).append(nl);
            if (ChaosResult.FACTOR.equals(r.role()) && r.endIteration() >= 0) {
                out.append(String.format(Locale.ROOT, "              %-18s per layer: %s", "", layers(r))).append(nl);
            }
        }
        return out.append(chaos.summary()).toString();
    }

    /** The verdict on one group in words, e.g. "reached the seed-level gap at iteration 250 ...". */
    public static String line(ChaosResult r) {
        if (r.firstIteration() == null) {
            return "identical at every snapshot (distance 0)";
        }
        String growth = String.format(Locale.ROOT, "distance %s at iteration %d", num(r.firstGap()), r.firstIteration());
        if (r.endIteration() < 0) {
            return growth + "; no seed group to compare with";
        }
        String end = String.format(Locale.ROOT, "%s at iteration %d", num(r.endGap()), r.endIteration());
        if (ChaosResult.SEED.equals(r.role())) {
            return String.format(Locale.ROOT, "seed reference: %s -> %s", growth, end);
        }
        String ratio = (r.endRatio() == null ? "?" : String.format(Locale.ROOT, "%.3g", r.endRatio()))
                + "x the seed-level gap (" + num(r.endSeedGap()) + ", " + r.endReference() + ")";
        return (r.reachedAt() != null ? "reached the seed-level gap at iteration " + r.reachedAt()
                : "NOT reached by iteration " + r.endIteration())
                + "; " + growth + " -> " + end + " = " + ratio;
    }

    /**
     * A table cell: "it. 250" when reached, "not by 600 (1.3e-06x)" when not, "seed reference",
     * "identical"; empty when the group has no snapshots.
     */
    public static String cell(ChaosReport chaos, String factor) {
        ChaosResult r = chaos == null ? null : chaos.factor(factor);
        if (r == null) {
            return "";
        }
        if (r.firstIteration() == null) {
            return "identical";
        }
        if (ChaosResult.SEED.equals(r.role())) {
            return "seed reference";
        }
        if (r.reachedAt() != null) {
            return "it. " + r.reachedAt();
        }
        return r.endRatio() == null ? "no seed group"
                : String.format(Locale.ROOT, "not by %d (%.2gx)", r.endIteration(), r.endRatio());
    }

    private static String layers(ChaosResult r) {
        List<String> parts = new ArrayList<>();
        for (ChaosResult.Layer l : r.layers()) {
            parts.add(l.layer() + (l.reachedAt() != null ? " at " + l.reachedAt()
                    : " not (" + (l.endRatio() == null ? "?" : String.format(Locale.ROOT, "%.3g", l.endRatio())) + "x)"));
        }
        return String.join(", ", parts);
    }

    private static String num(Double v) {
        return v == null ? "?" : String.format(Locale.ROOT, "%.3g", v);
    }
}
