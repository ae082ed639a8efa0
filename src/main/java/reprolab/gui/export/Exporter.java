package reprolab.gui.export;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.util.ExportUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes charts (PNG, SVG) and text (CSV, JSON) atomically: to a temporary file beside the target,
 * then renamed over it, so a crash or a full disk never leaves half a file under the user's name.
 * Call off the FX thread.
 */
public final class Exporter {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    private Exporter() {
    }

    public static void png(JFreeChart chart, Path target) throws IOException {
        atomically(target, tmp -> ExportUtils.writeAsPNG(chart, WIDTH, HEIGHT, tmp.toFile()));
    }

    public static void svg(JFreeChart chart, Path target) throws IOException {
        if (!ExportUtils.isJFreeSVGAvailable()) {
            throw new IOException("SVG export needs JFreeSVG (org.jfree.svg) on the classpath");
        }
        atomically(target, tmp -> ExportUtils.writeAsSVG(chart, WIDTH, HEIGHT, tmp.toFile()));
    }

    public static void text(String content, Path target) throws IOException {
        atomically(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }

    /** Something that writes a whole file. */
    private interface Writer {
        void write(Path tmp) throws IOException;
    }

    private static void atomically(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
