package org.modesweep.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class PlotsTest {
    @TempDir
    Path dir;

    private static final double[] D = {2, 5, 10, 20, 50, 100};

    @Test
    void linesWritesPngAndSvgIntoNewFolders() throws Exception {
        Curve withBars = new Curve("R_c, level 0.5", D, new double[] {Double.NaN, 2.9, 2.7, 2.6,
                2.55, 2.52}, new double[] {0, 2.7, 2.6, 2.55, 2.5, 2.5},
                new double[] {0, Double.POSITIVE_INFINITY, 2.8, 2.65, 2.6, 2.55});
        Curve plain = new Curve("R_c, level 0.25", D, new double[] {3.0, 2.6, 2.5, 2.45, 2.42,
                2.41});
        Plots.lines(dir.resolve("figures/rc/rc-vs-d.png"), "Critical radius vs dimension", "d",
                "R_c", List.of(withBars, plain), true);

        Path base = dir.resolve("figures/rc/rc-vs-d");
        assertPicture(base, "Critical radius vs dimension");
    }

    @Test
    void linesAcceptsABaseWithoutExtensionAndALinearAxis() throws Exception {
        double[] r = {1.5, 2, 2.5, 3, 3.5};
        Curve p = new Curve("P(R)", r, new double[] {0, 0.1, 0.5, 0.8, 0.9},
                new double[] {0, 0.05, 0.4, 0.7, 0.85}, new double[] {0.05, 0.2, 0.6, 0.9, 0.95});
        Plots.lines(dir.resolve("probability"), "Collapse probability", "R", "P", List.of(p),
                false);
        assertPicture(dir.resolve("probability"), "Collapse probability");
    }

    @Test
    void censoredValuesAreDrawnAsMarkersInTheirCurvesColour() throws Exception {
        // The second curve is censored everywhere: without markers only its legend entry shows its colour.
        Curve crossed = new Curve("crossed", D, new double[] {2.6, 2.5, 2.45, 2.4, 2.4, 2.38});
        double[] none = new double[D.length];
        java.util.Arrays.fill(none, Double.NaN);
        Curve censored = new Curve("never crossed", D, none);
        List<Plots.Censored> marks = java.util.Arrays.stream(D).mapToObj(d -> new Plots.Censored(1, d, 3.0, true))
            .toList();
        Plots.lines(dir.resolve("with"), "R_c", List.of("a note"), "d", "R_c", List.of(crossed, censored), true, marks);
        Plots.lines(dir.resolve("without"), "R_c", List.of("a note"), "d", "R_c", List.of(crossed, censored), true,
            List.of());
        Color colour = (Color) ChartStyle.paint(1);
        int with = near(assertPicture(dir.resolve("with"), "R_c"), colour);
        int without = near(ImageIO.read(dir.resolve("without.png").toFile()), colour);
        assertTrue(with > without + 6 * 20, "six open triangles: " + with + " against " + without + " pixels");
        assertBad("curve 2 of 2", () -> Plots.lines(dir.resolve("bad"), "t", List.of(), "x", "y",
            List.of(crossed, censored), true, List.of(new Plots.Censored(2, 10, 3, true))));
    }

    @Test
    void outcomeMapDrawsEveryCategoryInItsColour() throws Exception {
        int n = 40;
        double[] x = new double[n * n];
        double[] y = new double[n * n];
        String[] outcome = new String[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                x[k] = -1 + 2.0 * i / (n - 1);
                y[k] = -1 + 2.0 * j / (n - 1);
                outcome[k] = x[k] * y[k] > 0 ? "MEAN_ALIGNMENT" : "COVERAGE";
            }
        }
        Map<String, Color> colours = new LinkedHashMap<>();
        colours.put("COVERAGE", new Color(0x1F77B4));
        colours.put("MEAN_ALIGNMENT", new Color(0xD62728));
        colours.put("FAILED", Color.BLACK);
        Plots.outcomeMap(dir.resolve("basins.svg"), "Basins at R = 2.5", "m1", "m2", x, y,
                outcome, colours);

        BufferedImage png = assertDrawn(dir.resolve("basins"), "Basins at R = 2.5");
        assertTrue(count(png, 0x1F77B4) > 1000, "coverage squares");
        assertTrue(count(png, 0xD62728) > 1000, "mean-alignment squares");
    }

    @Test
    void startMapsShowEqualUnitsOnBothAxes() throws Exception {
        // a disk of starts as a basin picture (notes and a legend take height) and a flat strip (the height at its
        // bound, an axis widened): the painted cells' extent in pixels must have the ratio of their extent in units
        Color colour = new Color(0x1F77B4);
        Color light = new Color((0x1F + 255) / 2, (0x77 + 255) / 2, (0xB4 + 255) / 2); // basin cells: halfway to white
        for (double half : new double[] {1, 0.1}) {
            List<double[]> starts = new java.util.ArrayList<>();
            for (int i = -50; i <= 50; i++) {
                for (int j = -50; j <= 50; j++) {
                    double m1 = i * 0.02;
                    double m2 = j * 0.02 * half;
                    if (half < 1 || m1 * m1 + m2 * m2 <= 1) {
                        starts.add(new double[] {m1, m2});
                    }
                }
            }
            double[] x = starts.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = starts.stream().mapToDouble(p -> p[1]).toArray();
            String[] outcome = new String[x.length];
            java.util.Arrays.fill(outcome, "COVERAGE");
            Path base = dir.resolve("map-" + half);
            if (half == 1) {
                Plots.basinMap(base, "t", List.of("note 1", "note 2", "note 3", "note 4"), "m1", "m2", x, y, outcome,
                    Map.of("COVERAGE", colour), List.of(), "paths");
            } else {
                Plots.outcomeMap(base, "t", "m1", "m2", x, y, outcome, Map.of("COVERAGE", colour));
            }
            int[] extent = extent(assertDrawn(base, "t"), (half == 1 ? light : colour).getRGB() & 0xFFFFFF);
            // each extent is 101 cells of (0.02, 0.02 half) units and a seam pixel; to 2 pixels of rounding
            assertEquals(1 + (extent[0] - 1) * half, extent[1], 2, "height of the cells, half = " + half);
        }
    }

    /**
     * The longest horizontal and vertical runs of pixels of colour {@code rgb}: the width and height of a convex
     * painted region, not counting a legend's small marker of the same colour.
     */
    private static int[] extent(BufferedImage image, int rgb) {
        int[] longest = new int[2];
        for (int horizontal = 0; horizontal < 2; horizontal++) {
            int lines = horizontal == 1 ? image.getHeight() : image.getWidth();
            int along = horizontal == 1 ? image.getWidth() : image.getHeight();
            for (int line = 0; line < lines; line++) {
                int run = 0;
                for (int k = 0; k < along; k++) {
                    int pixel = horizontal == 1 ? image.getRGB(k, line) : image.getRGB(line, k);
                    run = (pixel & 0xFFFFFF) == rgb ? run + 1 : 0;
                    longest[1 - horizontal] = Math.max(longest[1 - horizontal], run);
                }
            }
        }
        return longest;
    }

    @Test
    void rejectsBadInput() {
        double[] x = {1, 2};
        Path out = dir.resolve("bad");
        assertBad("no curves", () -> Plots.lines(out, "t", "x", "y", List.of(), false));
        assertBad("x > 0", () -> Plots.lines(out, "t", "x", "y",
                List.of(new Curve("c", new double[] {0, 1}, x)), true));
        assertBad("repeats x", () -> Plots.lines(out, "t", "x", "y",
                List.of(new Curve("c", new double[] {1, 1}, x)), false));
        assertBad("length", () -> new Curve("c", x, new double[] {1}));
        assertBad("both yLow and yHigh", () -> new Curve("c", x, x, x, null));
        assertBad("no colour for category 'B'", () -> Plots.outcomeMap(out, "t", "x", "y", x, x,
                new String[] {"A", "B"}, Map.of("A", Color.RED)));
        assertBad("differ in length", () -> Plots.outcomeMap(out, "t", "x", "y", x,
                new double[] {1}, new String[] {"A", "A"}, Map.of("A", Color.RED)));
    }

    /** Both files exist; the PNG has the agreed size and ink; the SVG parses and shows the title. */
    private static BufferedImage assertPicture(Path base, String title) throws Exception {
        BufferedImage png = assertDrawn(base, title);
        assertEquals(700, png.getHeight());
        return png;
    }

    /** {@link #assertPicture} at any height (maps fit theirs to equal units on both axes). */
    private static BufferedImage assertDrawn(Path base, String title) throws Exception {
        Path pngPath = base.resolveSibling(base.getFileName() + ".png");
        Path svgPath = base.resolveSibling(base.getFileName() + ".svg");
        BufferedImage png = ImageIO.read(pngPath.toFile());
        assertEquals(1000, png.getWidth());
        assertTrue(png.getWidth() * png.getHeight() - count(png, 0xFFFFFF) > 5000,
                "PNG is (nearly) blank");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // Parse offline: never fetch a DTD the file may name.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(svgPath.toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        assertTrue(svg.getDocumentElement().getTextContent().contains(title), "title in SVG");
        return png;
    }

    /** Pixels within a small distance of {@code c} (antialiased strokes rarely hit the colour exactly). */
    private static int near(BufferedImage image, Color c) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                Color p = new Color(image.getRGB(x, y));
                n += Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                    + Math.abs(p.getBlue() - c.getBlue()) < 60 ? 1 : 0;
            }
        }
        return n;
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    private static void assertBad(String messagePart, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    /** With a single radius swept, P(R)'s x axis spans it with room either side, not a sliver whose ticks repeat "3E0". */
    @Test
    void aProbabilityFigureOfOneRadiusHasAReadableAxis() {
        double[] r = {3};
        Curve points = new Curve("d = 10", r, new double[] {0.4}, new double[] {0.3}, new double[] {0.5});
        org.jfree.chart.JFreeChart chart = Plots.probabilityChart("P", List.of(), "R", "P", List.of(points), List.of(points),
            new double[] {0.5}, List.of());
        org.jfree.data.Range x = chart.getXYPlot().getDomainAxis().getRange();
        assertEquals(1.5, x.getLowerBound(), 1e-12);
        assertEquals(4.5, x.getUpperBound(), 1e-12);
    }

    /** A figure drawn twice gives the same files, byte for byte (an output redrawn unchanged does not churn). */
    @Test
    void theSameFigureGivesTheSameFiles() throws Exception {
        double[] r = {1.5, 2, 2.5};
        Curve p = new Curve("P(R)", r, new double[] {0, 0.5, 0.9}, new double[] {0, 0.4, 0.8}, new double[] {0.1, 0.6, 1});
        for (String run : new String[] {"a", "b"}) {
            Plots.probability(dir.resolve(run + "/p"), "P", List.of("note"), "R", "P", List.of(p), List.of(p),
                new double[] {0.5}, List.of());
        }
        for (String ext : new String[] {".png", ".svg"}) {
            assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(dir.resolve("a/p" + ext)),
                java.nio.file.Files.readAllBytes(dir.resolve("b/p" + ext))), ext);
        }
    }
}
