package reprolab.gui.export;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import reprolab.run.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes charts (PNG, SVG) and text (CSV, JSON) atomically through {@link AtomicFiles}.
 * A chart is exported in two steps: {@link #render} draws it on the FX thread, where its datasets
 * live and change during a live run (drawing elsewhere raced the pulse); {@link Rendered#writeTo}
 * encodes and writes the picture off the FX thread.
 */
public final class Exporter {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    private Exporter() {
    }

    /** A chart already drawn: safe to write from any thread, whatever the chart does next. */
    @FunctionalInterface
    public interface Rendered {
        void writeTo(Path target) throws IOException;
    }

    /**
     * Draws the chart now, on the calling thread (the FX thread).
     *
     * @param format {@code png} or {@code svg}
     */
    public static Rendered render(JFreeChart chart, String format) {
        if ("svg".equals(format)) {
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            String svg = g.getSVGDocument();
            return target -> text(svg, target);
        }
        if (!"png".equals(format)) {
            throw new IllegalArgumentException("chart format '" + format + "': allowed are png, svg");
        }
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        return target -> AtomicFiles.write(target, png(image));
    }

    public static void text(String content, Path target) throws IOException {
        AtomicFiles.write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer available");
        }
        return bytes.toByteArray();
    }
}
