package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.sweep.SweepSpec;

/** The spec's figures over axes end to end: the files asked for are written, and a map shows the measured P(collapse). */
class AxisFiguresTest extends LocalSparkTest {

    static final String SPEC = """
        name: figures-it
        seed: 5
        grid: {R: [1.5, 3.5], d: [10, 1000], wStar: 0.6667, seeds: 4}
        setups:
          - {name: gd, weights: fixed, dynamics: {type: gd, eta: [0.1, 0.2], tMax: 60}}
          - {name: flow, weights: fixed, dynamics: {type: flow, tMax: 60}}
        threshold: {level: 0.5, bootstrap: 10}
        spark: {partitions: 2}
        figures:
          - {kind: map, x: R, y: d}
          - {kind: map, x: eta, y: d, setups: [gd]}
          - {kind: rc-vs, x: eta, setups: [gd]}
          - {kind: rc-vs, x: d}
          - {kind: probability, by: eta}
        """;

    @TempDir
    static Path dir;

    @Test
    void askedFiguresAreWrittenAndAMapShowsTheMeasuredProbabilities() {
        SweepSpec spec = SparkTestSupport.spec(SPEC, dir.resolve("out").toString());
        assertTrue(SparkTestSupport.run(spark, spec, 0, null).completed());
        Path plots = dir.resolve("out/plots");
        List<String> asked = List.of(
            // map over (R, d): one per setup and value of the other axes (eta for gd; w* fixed)
            "gd-eta_0.1-map-R-d-w0.6667", "gd-eta_0.2-map-R-d-w0.6667", "flow-map-R-d-w0.6667",
            // map over (eta, d) of gd: one per R; flow has no eta
            "gd-map-eta-d-w0.6667-R1.5", "gd-map-eta-d-w0.6667-R3.5",
            "rc-vs-eta-level-0.5-gd", "rc-vs-d-level-0.5-gd-flow",
            // P against R, a curve per eta: one per (d, w*) of gd
            "gd-probability-by-eta-d10-w0.6667", "gd-probability-by-eta-d1000-w0.6667");
        for (String base : asked) {
            assertTrue(Files.isRegularFile(plots.resolve(base + ".png")), base + ".png");
            assertTrue(Files.isRegularFile(plots.resolve(base + ".svg")), base + ".svg");
        }
        assertFalse(Files.exists(plots.resolve("flow-map-eta-d-w0.6667-R1.5.png")), "flow does not sweep eta");

        // P(collapse) and n per (setup, eta, R, d) counted here from the raw trajectory rows
        Map<List<Object>, double[]> measured = new HashMap<>();
        for (Row r : spark.read().parquet(dir.resolve("out/trajectories").toString())
            .selectExpr("setup", "eta", "R", "d", "wStar", "collapse").collectAsList()) {
            double[] c = measured.computeIfAbsent(List.of(r.getString(0), String.valueOf(r.get(1)), r.getDouble(2),
                ((Number) r.get(3)).longValue()), k -> new double[2]);
            c[0] += r.getBoolean(5) ? 1 : 0;
            c[1]++;
        }
        List<AxisPlots.MapPanel> panels = AxisPlots.mapPanels("R", "d",
            Aggregates.readProbabilities(spark, dir.resolve("out/probabilities").toString()));
        assertEquals(3, panels.size());
        int cells = 0;
        for (AxisPlots.MapPanel m : panels) {
            assertEquals(List.of(1.5, 3.5), m.xs());
            assertEquals(List.of(10.0, 1000.0), m.ys());
            Double eta = m.where().swept().get("eta");
            for (int i = 0; i < m.xs().size(); i++) {
                for (int j = 0; j < m.ys().size(); j++) {
                    double[] c = measured.get(List.of(m.where().setup(), String.valueOf(eta), m.xs().get(i),
                        m.ys().get(j).longValue()));
                    assertEquals(c[0] / c[1], m.p()[i][j], 1e-12, m.base() + " cell " + i + "," + j);
                    assertEquals((long) c[1], m.n()[i][j]);
                    cells++;
                }
            }
        }
        assertEquals(measured.size(), cells, "every (setup, eta, R, d) is a cell of one map");
    }
}
