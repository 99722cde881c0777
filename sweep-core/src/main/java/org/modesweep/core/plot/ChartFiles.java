package org.modesweep.core.plot;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes a chart as {@code <base>.png} (for a glance) and {@code <base>.svg} (for papers). */
final class ChartFiles {
    static final int WIDTH = 1000;
    static final int HEIGHT = 700;
    /** Bounds of a height fitted to equal units on both axes ({@link #equalAspectHeight}). */
    static final int MIN_HEIGHT = 400;
    static final int MAX_HEIGHT = 1400;
    /** Equal units within half a pixel per thousand: well below what the eye or a ruler finds. */
    private static final double ASPECT_TOLERANCE = 5e-4;

    static {
        ImageIO.setUseCache(false); // PNGs are encoded in memory, not through a temporary file per figure
    }

    private ChartFiles() {
    }

    static void write(JFreeChart chart, Path pngOrBase) {
        write(chart, pngOrBase, WIDTH, HEIGHT);
    }

    /** {@link #write(JFreeChart, Path)} at another size (e.g. taller for stacked panels). */
    static void write(JFreeChart chart, Path pngOrBase, int width, int height) {
        Path base = base(pngOrBase);
        try {
            if (base.getParent() != null) {
                Files.createDirectories(base.getParent());
            }
            ChartUtils.saveChartAsPNG(sibling(base, ".png").toFile(), chart, width, height);
            SVGGraphics2D svg = new SVGGraphics2D(width, height);
            // ids from the file's name, not JFreeSVG's clock: the same figure gives the same file, and two figures
            // inlined in one page do not share ids
            svg.setDefsKeyPrefix("_" + base.getFileName().toString().replaceAll("[^A-Za-z0-9_-]", "_") + "-");
            chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
            SVGUtils.writeToSVG(sibling(base, ".svg").toFile(), svg.getSVGElement());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + base, e);
        }
    }

    /** Where the plot's data area falls in a picture of this size (the written ones have the same layout). */
    static Rectangle2D dataArea(JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(width, height, info);
        return info.getPlotInfo().getDataArea();
    }

    /**
     * The height at {@link #WIDTH} that gives {@code plot} equal units on both axes (a circle of starts
     * stays round): the title, notes, legend and axes keep their pixel size as the height changes, so the
     * data area grows with it, and a refit or two absorbs the changes of tick labels. Outside
     * {@link #MIN_HEIGHT}..{@link #MAX_HEIGHT} the height stays at the bound and the axis with more pixels
     * per unit is widened about its centre instead.
     */
    static int equalAspectHeight(JFreeChart chart, XYPlot plot) {
        ValueAxis x = plot.getDomainAxis();
        ValueAxis y = plot.getRangeAxis();
        int height = HEIGHT;
        for (int pass = 0; pass < 4; pass++) {
            Rectangle2D area = dataArea(chart, WIDTH, height);
            double xScale = area.getWidth() / x.getRange().getLength(); // pixels per unit
            double yScale = area.getHeight() / y.getRange().getLength();
            if (Math.abs(xScale / yScale - 1) < ASPECT_TOLERANCE) {
                break;
            }
            int fitted = (int) Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT,
                Math.round(height + xScale * y.getRange().getLength() - area.getHeight())));
            if (fitted != height) {
                height = fitted;
            } else if (xScale > yScale) {
                widen(x, area.getWidth() / yScale);
            } else {
                widen(y, area.getHeight() / xScale);
            }
        }
        return height;
    }

    private static void widen(ValueAxis axis, double length) {
        double centre = axis.getRange().getCentralValue();
        axis.setRange(centre - length / 2, centre + length / 2);
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
