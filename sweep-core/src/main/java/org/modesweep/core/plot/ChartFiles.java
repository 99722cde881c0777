package org.modesweep.core.plot;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes a chart as {@code <base>.png} (for a glance) and {@code <base>.svg} (for papers). */
final class ChartFiles {
    static final int WIDTH = 1000;
    static final int HEIGHT = 700;

    private ChartFiles() {
    }

    static void write(JFreeChart chart, Path pngOrBase) {
        Path base = base(pngOrBase);
        try {
            if (base.getParent() != null) {
                Files.createDirectories(base.getParent());
            }
            ChartUtils.saveChartAsPNG(sibling(base, ".png").toFile(), chart, WIDTH, HEIGHT);
            SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(svg, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            SVGUtils.writeToSVG(sibling(base, ".svg").toFile(), svg.getSVGElement());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + base, e);
        }
    }

    /** Where the plot's data area falls in the written pictures (same size, so same layout). */
    static Rectangle2D dataArea(JFreeChart chart) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(WIDTH, HEIGHT, info);
        return info.getPlotInfo().getDataArea();
    }

    /** The path without a trailing .png or .svg, so either output's name can be passed. */
    static Path base(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png") || lower.endsWith(".svg")) {
            return path.resolveSibling(name.substring(0, name.length() - 4));
        }
        return path;
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }
}
