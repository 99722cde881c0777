package org.modesweep.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapTest {
    @TempDir
    Path dir;

    @Test
    void cellsPrintAsManyDecimalsAsTheirCountSupports() throws Exception {
        // 200 runs: a standard error up to 0.035, so "0.50", not "0.500"
        Heatmap.write(dir.resolve("same"), "t", List.of(), "x", List.of("1", "2"), "y", List.of("a", "b"), "P",
            List.of(new Heatmap.Cell(0, 0, 0.5, 200), new Heatmap.Cell(1, 0, 1, 200), new Heatmap.Cell(0, 1, 0.125, 200),
                new Heatmap.Cell(1, 1, 0, 200)));
        String svg = Files.readString(dir.resolve("same.svg"));
        for (String shown : List.of(">0.50<", ">1.00<", ">0.13<", ">0.00<")) {
            assertTrue(svg.contains(shown), shown);
        }
        assertFalse(svg.contains("0.500"), "a third decimal");
        assertTrue(svg.contains("of its 200 runs, to 2 decimals"), "n and the precision in the subtitle");
        // counts that differ: each cell at its own precision, with its n
        Heatmap.write(dir.resolve("mixed"), "t", List.of(), "x", List.of("1", "2"), "y", List.of("a"), "P",
            List.of(new Heatmap.Cell(0, 0, 0.25, 20), new Heatmap.Cell(1, 0, 0.2503, 40000)));
        svg = Files.readString(dir.resolve("mixed.svg"));
        for (String shown : List.of(">0.3<", ">n=20<", ">0.250<", ">n=40000<")) {
            assertTrue(svg.contains(shown), shown);
        }
    }

    @Test
    void coloursFollowTheProbabilityContinuously() {
        // viridis's ends at 0 and 1, a stop at each tenth, in between interpolated: 0.085 and 0.1 (the same within
        // the noise of 200 runs) differ a little, not by a band
        assertEquals(new java.awt.Color(0x440154), Heatmap.colour(0));
        assertEquals(new java.awt.Color(0xFDE725), Heatmap.colour(1));
        assertEquals(new java.awt.Color(0x482475), Heatmap.colour(0.1));
        assertEquals(new java.awt.Color(0x472A79), Heatmap.colour(0.12), "a fifth of the way from 0.1 to 0.2");
        java.awt.Color a = Heatmap.colour(0.085);
        java.awt.Color b = Heatmap.colour(0.1);
        assertTrue(Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
            + Math.abs(a.getBlue() - b.getBlue()) < 15, a + " " + b);
    }

    @Test
    void decimalsFollowTheLargestStandardError() {
        // 1/(2 sqrt n): 0.1 at n = 25, 0.01 at n = 2500, 0.001 at n = 250,000
        assertEquals(1, Heatmap.decimals(1));
        assertEquals(1, Heatmap.decimals(25));
        assertEquals(2, Heatmap.decimals(26));
        assertEquals(2, Heatmap.decimals(2500));
        assertEquals(3, Heatmap.decimals(2501));
        assertEquals(3, Heatmap.decimals(250_000));
        assertEquals(4, Heatmap.decimals(250_001));
    }
}
