package org.modesweep.core.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.plot.Panels.Line;
import org.modesweep.core.plot.Panels.Panel;

class PanelsTest {
    @TempDir
    Path dir;

    private static Line flat(String label, double y, int colour, boolean dashed) {
        return new Line(label, new double[] {0, 50, 100}, new double[] {y, y, y}, colour, dashed);
    }

    @Test
    void anAutomaticRangeLeavesTheTopFreeForTheCaption() {
        Panel p = new Panel("m", "seed 3", List.of(flat("a", 1.0, 0, false), flat("b", -1.0, 1, true),
            new Line("c", new double[] {0, 1}, new double[] {0.2, Double.NaN}, 2, false)), Double.NaN, Double.NaN);
        double[] range = Panels.yRange(p);
        assertTrue(range[0] < -1.0, "lowest line inside the range");
        // the highest line (y = 1) lies below the caption's band at the top
        assertTrue(1.0 <= range[1] - Panels.CAPTION_ROOM * (range[1] - range[0]) + 1e-12, range[0] + " " + range[1]);
        assertTrue(1.0 > range[1] - 1.5 * Panels.CAPTION_ROOM * (range[1] - range[0]), "no more room than needed");
        assertArrayEquals(new double[] {0, 0.5}, Panels.yRange(new Panel("P", "R = 2", p.lines(), 0, 0.5)));
    }

    @Test
    void dashedLinesAreDrawnDarkerThanSolidOnesOfTheSameColour() throws Exception {
        Panel p = new Panel("m1", "one panel", List.of(flat("sgd", 0.8, 0, false), flat("gd", -0.8, 0, true)),
            Double.NaN, Double.NaN);
        Panels.draw(dir.resolve("panels"), "Two lines", List.of("a note"), "t", List.of(p), false);
        BufferedImage png = ImageIO.read(dir.resolve("panels.png").toFile());
        Color solid = (Color) ChartStyle.paint(0);
        assertTrue(count(png, solid.getRGB()) > 300, "solid line in the palette colour");
        assertTrue(count(png, solid.darker().getRGB()) > 300, "dashed line in the darker colour");
    }

    private static int count(BufferedImage image, int argb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == (argb & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }
}
