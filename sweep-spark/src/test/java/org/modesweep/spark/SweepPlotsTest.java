package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.Outcome;
import org.modesweep.core.plot.Heatmap;
import org.modesweep.core.sweep.ThresholdSpec;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/** The standard plots of a sweep with many setup variants: bounded per-variant figures, all of the folded ones. */
class SweepPlotsTest {
    @TempDir
    Path dir;

    /** Rows of a setup {@code base} without swept keys and of {@code swept} over {@code etas} x {@code batches}, at 2 radii. */
    private static List<Probability> rows(int etas, int batches) {
        List<Probability> rows = new ArrayList<>();
        for (double r : new double[] {2, 3}) {
            rows.add(row("base", axes(null, null), r)); // as the tables: every swept key, null where a setup lacks it
            for (int i = 0; i < etas; i++) {
                for (int j = 0; j < batches; j++) {
                    rows.add(row("swept", axes(0.01 * (i + 1), (double) (j + 1)), r));
                }
            }
        }
        return rows;
    }

    private static Map<String, Double> axes(Double eta, Double batch) {
        Map<String, Double> axes = new LinkedHashMap<>();
        axes.put("eta", eta);
        axes.put("batch", batch);
        return axes;
    }

    private static Probability row(String setup, Map<String, Double> axes, double r) {
        return row(setup, axes, r, 100);
    }

    private static Probability row(String setup, Map<String, Double> axes, double r, long d) {
        long[] counts = new long[Outcome.values().length];
        long collapse = r > 2.5 ? 6 : 1;
        counts[Outcome.MEAN_ALIGNMENT.ordinal()] = collapse;
        counts[Outcome.COVERAGE.ordinal()] = 10 - collapse;
        return new Probability(setup, axes, d, 0.6667, r, null, null, null, 10, counts, collapse, collapse, 0,
            collapse / 10.0, 0, 1, 0, 0.95, 100, 1);
    }

    /** The drawn per-variant figures ({@code <variant>-probability}), and the PNG files written of them. */
    private long perVariant(List<String> drawn, Path folder) throws Exception {
        long files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.map(f -> f.getFileName().toString())
                .filter(f -> f.endsWith("-probability.png") && !f.equals("compare-probability.png")).count();
        }
        long named = drawn.stream().filter(b -> b.endsWith("-probability") && !b.equals("compare-probability")).count();
        assertEquals(named, files, "names returned and files written agree");
        return named;
    }

    @Test
    void aSmallSweepGetsEveryVariantsFigures() throws Exception {
        // 1 + 4 x 5 = 21 variants: each its probability and outcomes figure, as before the cap
        Path folder = dir.resolve("small");
        List<String> drawn = SweepPlots.draw(folder, rows(4, 5), List.of(), "monotone");
        assertEquals(21, perVariant(drawn, folder));
        assertEquals(21, drawn.stream().filter(b -> b.endsWith("-outcomes")).count());
    }

    @Test
    void aLargeSweepGetsEachSetupsFirstVariantAndItsFiguresOverTheKeys() throws Exception {
        // 1 + 8 x 6 = 49 variants: per-variant figures for "base" and the first of "swept", the maps over
        // (eta, batch) at both radii all the same, and every variant with allVariants
        Path folder = dir.resolve("large");
        List<String> drawn = SweepPlots.draw(folder, rows(8, 6), List.of(), "monotone");
        assertEquals(2, perVariant(drawn, folder));
        assertTrue(drawn.containsAll(List.of("base-probability", "swept-eta_0.01-batch_1-probability",
            "swept-map-eta-batch-d100-w0.6667-R2", "swept-map-eta-batch-d100-w0.6667-R3", "compare-probability")),
            drawn.toString());
        String comparison = Files.readString(folder.resolve("compare-probability.svg"));
        assertTrue(comparison.contains("swept (eta=0.01, batch=1)") && !comparison.contains("eta=0.02"),
            "the comparison shows the variants drawn");
        Path all = dir.resolve("all");
        assertEquals(49, perVariant(SweepPlots.draw(all, rows(8, 6), List.of(), "monotone", true, Map.of()), all));
    }

    @Test
    void oneRadiusGetsNoRcFigures() {
        // one radius (anneal-map's R = 3): every R_c is censored there, so no <variant>-rc and no rc-vs-<key>
        List<Probability> rows = rows(2, 2).stream().filter(p -> p.R() == 3).toList();
        List<RcRow> rc = Aggregates.rc(rows, new ThresholdSpec(List.of(0.5), "monotone", 0, 0.95, null, 0, 0, 0), 1);
        assertFalse(rc.isEmpty());
        List<String> drawn = SweepPlots.draw(dir.resolve("one"), rows, rc, "monotone");
        assertTrue(drawn.contains("base-probability"), drawn.toString());
        assertTrue(drawn.stream().noneMatch(b -> b.endsWith("-rc") || b.startsWith("rc-vs-")), drawn.toString());
    }

    @Test
    void aRedrawOwnsEveryFigureFromTheTablesAndTheKindsOfRunsItDrew() {
        // the names StaleFigures takes for the tables' figures are those SweepPlots and AxisPlots give
        List<String> drawn = SweepPlots.draw(dir.resolve("names"), rows(2, 2), List.of(), "monotone");
        drawn.forEach(b -> assertTrue(StaleFigures.owned(b, List.of()), b));
        assertTrue(StaleFigures.owned("basins-portrait-gd-R3-d1000-w0.6667-s0", List.of("basins")));
        assertFalse(StaleFigures.owned("basins-portrait-gd-R3-d1000-w0.6667-s0", List.of()), "not drawn without Spark");
        assertFalse(StaleFigures.owned("evolution-sgd-R1-d10-w0.6667", List.of("basins")), "a kind not drawn");
        assertFalse(StaleFigures.owned("realnvp-density-R2.5-s0", List.of("basins")), "flow-density's");
    }

    @Test
    void setupsAreComparedAtEachDimension() throws Exception {
        // two setups at two d: one comparison per d with that d's two curves, not four curves on one plot
        List<Probability> rows = new ArrayList<>();
        for (long d : new long[] {10, 1000}) {
            for (double r : new double[] {2, 3}) {
                rows.add(row("flow", axes(null, null), r, d));
                rows.add(row("sgd", axes(null, null), r, d));
            }
        }
        Path folder = dir.resolve("per-d");
        List<String> drawn = SweepPlots.draw(folder, rows, List.of(), "monotone");
        assertTrue(drawn.containsAll(List.of("compare-probability-d10", "compare-probability-d1000")), drawn.toString());
        assertFalse(drawn.contains("compare-probability"), drawn.toString());
        String d10 = Files.readString(folder.resolve("compare-probability-d10.svg"));
        assertTrue(d10.contains("d = 10,") && !d10.contains("d = 1000"), "one dimension per figure, named in the title");
        assertTrue(Files.readString(folder.resolve("compare-probability-d1000.svg")).contains("d = 10³,"),
            "d written as a power of ten, as everywhere");
        assertTrue(Files.readString(folder.resolve("flow-outcomes.svg")).contains("d = 10³"), "panels name d so too");
        drawn.forEach(b -> assertTrue(StaleFigures.owned(b, List.of()), b));
    }

    @Test
    void anAnnealMapShowsItsUnannealedBaselineAndTheBaselinesFilesHaveCleanNames() throws Exception {
        // as anneal-map: an unannealed setup, whose rows carry beta0 = 1, tau = 0, beside one swept over both
        List<Probability> rows = new ArrayList<>();
        rows.add(anneal("fixed-none", 1, 0, 0.7));
        for (double beta0 : new double[] {0.1, 0.5}) {
            for (double tau : new double[] {10, 100}) {
                rows.add(anneal("fixed-linear", beta0, tau, 0.1));
            }
        }
        Map<String, String> baselines = Map.of("fixed-linear", "fixed-none");
        Path folder = dir.resolve("anneal");
        List<String> drawn = SweepPlots.draw(folder, rows, List.of(), "monotone", false, baselines);
        assertTrue(drawn.containsAll(List.of("fixed-none-probability", "fixed-none-outcomes",
            "fixed-linear-map-beta0-tau-d1000-w0.6667-R3")), drawn.toString());
        assertTrue(drawn.stream().noneMatch(b -> b.contains("tau_0")), drawn.toString());
        assertEquals("fixed-none", rows.get(0).series());
        AxisPlots.MapPanel map = AxisPlots.mapPanels("beta0", "tau", rows).get(0);
        assertEquals(new Heatmap.Reference("no annealing", 0.7, 10), AxisPlots.baseline(map, rows, baselines));
        assertNull(AxisPlots.baseline(map, rows, Map.of()), "no baseline in the spec, no reference row");
        String svg = Files.readString(folder.resolve("fixed-linear-map-beta0-tau-d1000-w0.6667-R3.svg"));
        assertTrue(svg.contains("no annealing") && svg.contains(">0.7<"), "the baseline is drawn in the map");
    }

    private static Probability anneal(String setup, double beta0, double tau, double p) {
        Map<String, Double> axes = new LinkedHashMap<>();
        axes.put("beta0", beta0);
        axes.put("tau", tau);
        long collapse = Math.round(10 * p);
        long[] counts = new long[Outcome.values().length];
        counts[Outcome.MEAN_ALIGNMENT.ordinal()] = collapse;
        counts[Outcome.COVERAGE.ordinal()] = 10 - collapse;
        return new Probability(setup, axes, 1000, 0.6667, 3, null, null, null, 10, counts, collapse, collapse, 0, p, 0,
            1, 0, 0.95, 100, 1);
    }
}
