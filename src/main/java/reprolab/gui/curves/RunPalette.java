package reprolab.gui.curves;

import java.awt.Color;

/** Distinct colours for runs (Tableau 10), shared by charts and the run table. */
public final class RunPalette {

    private static final String[] HEX = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private RunPalette() {
    }

    public static String hex(int index) {
        return HEX[Math.floorMod(index, HEX.length)];
    }

    public static Color awt(int index) {
        return Color.decode(hex(index));
    }
}
