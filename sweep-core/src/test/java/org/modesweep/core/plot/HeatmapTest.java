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
