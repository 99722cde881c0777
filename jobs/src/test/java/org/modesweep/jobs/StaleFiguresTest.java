package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A redraw removes the figures of the families it draws that it did not write, and keeps those it cannot draw. */
class StaleFiguresTest {
    @Test
    void aRedrawRemovesItsStaleFiguresAndKeepsTheOthers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path plots = out.resolve("plots");
        new ReportFixture(out);
        // figures from the tables, which every redraw draws: a level and a d the tables no longer hold, and an
        // unannealed setup's figure under its old name (its beta0 = 1, tau = 0 in the name)
        List<String> stale = List.of("rc-vs-d-level-0.1.png", "rc-vs-d-level-0.1.svg",
            "fixed-flow-map-d99-w0.6667-R2-s0.0.png", "fixed-none-beta0_1-tau_0-outcomes.png");
        // a figure of runs, which only Spark draws (not this redraw), and a picture no sweep draws
        List<String> kept = List.of("basins-portrait-gd-R3-d1000-w0.6667-s0.png", "realnvp-density-R2.5-s0.png");
        for (String f : stale) {
            Files.writeString(plots.resolve(f), "old");
        }
        for (String f : kept) {
            Files.writeString(plots.resolve(f), "not ours");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        ReportFixture redrawn;
        try {
            redrawn = new ReportFixture(out);
        } finally {
            System.setOut(saved);
        }
        stale.forEach(f -> assertFalse(Files.exists(plots.resolve(f)), f + " removed"));
        kept.forEach(f -> assertTrue(Files.exists(plots.resolve(f)), f + " kept"));
        redrawn.plots.forEach(b -> assertTrue(Files.exists(plots.resolve(b + ".png")), b + " drawn"));
        String console = printed.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("removed 3 stale figures from " + out), console);
        assertFalse(Files.readString(redrawn.report()).contains("rc-vs-d-level-0.1"), "the report shows no stale figure");
    }
}
