package org.modesweep.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modesweep.core.InitialCondition;
import org.modesweep.core.Recorder;
import org.modesweep.core.Trajectory;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.StartCosines;
import org.modesweep.core.sweep.SweepSpec;

class BasinBoundaryTest {
    /** The spec of docs/figures/basins-R*.png: its grid, dynamics and thresholds. */
    private static final SweepSpec SPEC = SpecParser.parse(Path.of("../conf/paper/basins.yaml"), true);
    private static final SetupSpec PORTRAIT = SPEC.setup("portrait-gd");
    private static final double CLAIMED = 0.01;

    /** The outcome of the figure's gd from the start (m1, m2, s = 0), straight from the core. */
    private static String outcome(double R, double m1, double m2) {
        return Trajectory.run(PORTRAIT.toSetup(SPEC.classify().thresholds(), new StartCosines(m1, m2, 0)),
            R, SPEC.grid().d().get(0), SPEC.grid().wStar().get(0), 0, Recorder.NONE).outcome().name();
    }

    /**
     * On a segment from (ax, ay) to (bx, by) crossing one basin boundary of the figure at radius R: the
     * crossing by bisection of the core gd's outcome (to 1e-4), against where the figure's boundary lines,
     * computed from the outcomes of the spec's grid nodes near the segment, cross it. The claim of the
     * figure's subtitle and docs/figures.md is that they lie within 0.01.
     */
    @ParameterizedTest
    @CsvSource({
        "2, -0.8, -0.15, 0.1, -0.45",   // COVERAGE / MISWEIGHTED, third quadrant
        "2, 0.3, 0.1, 0.2, 0.8",        // COVERAGE / MEAN_ALIGNMENT, first quadrant
        "3, 0.5, -0.5, 0.45, 0.5"})     // COVERAGE / MEAN_ALIGNMENT near the m1 axis
    void drawnBoundaryCrossesWithinTheClaimedPrecisionOfABisection(double R, double ax, double ay, double bx, double by) {
        String atA = outcome(R, ax, ay);
        String atB = outcome(R, bx, by);
        assertNotEquals(atA, atB, "the segment's ends lie in different basins");
        double lo = 0;
        double hi = 1;
        double length = Math.hypot(bx - ax, by - ay);
        while ((hi - lo) * length > 1e-4) {
            double mid = (lo + hi) / 2;
            if (outcome(R, ax + mid * (bx - ax), ay + mid * (by - ay)).equals(atA)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double crossing = (lo + hi) / 2 * length;

        // the spec's grid nodes within 0.02 of the segment: every grid square the segment passes through
        List<Double> grid1 = SPEC.grid().m1();
        List<Double> grid2 = SPEC.grid().m2();
        assertEquals(CLAIMED, grid1.get(1) - grid1.get(0), 1e-9, "the spec's grid spacing");
        List<double[]> nodes = new ArrayList<>();
        for (double m1 : grid1) {
            for (double m2 : grid2) {
                if (distanceToSegment(m1, m2, ax, ay, bx, by) <= 2 * CLAIMED) {
                    nodes.add(new double[] {m1, m2});
                }
            }
        }
        double[] x = nodes.stream().mapToDouble(n -> n[0]).toArray();
        double[] y = nodes.stream().mapToDouble(n -> n[1]).toArray();
        String[] category = nodes.stream().map(n -> outcome(R, n[0], n[1])).toArray(String[]::new);

        List<Double> drawn = new ArrayList<>();
        for (BasinBoundary.Line line : BasinBoundary.lines(x, y, category)) {
            for (int i = 0; i + 1 < line.x().length; i++) {
                double t = intersection(ax, ay, bx, by,
                    new BasinBoundary.Segment(line.x()[i], line.y()[i], line.x()[i + 1], line.y()[i + 1]));
                if (!Double.isNaN(t)) {
                    drawn.add(t * length);
                }
            }
        }
        assertFalse(drawn.isEmpty(), "a drawn boundary crosses the segment");
        for (double d : drawn) {
            assertTrue(Math.abs(d - crossing) <= CLAIMED, "drawn crossing " + d + " against bisection " + crossing
                + " along the segment, R = " + R);
        }
    }

    @Test
    void segmentsRunThroughMidpointsAndMeetAtTripleJunctions() {
        // 3 x 2 nodes: A B B / A C B, so the left square has three classes and they meet in its centre
        double[] x = {0, 1, 2, 0, 1, 2};
        double[] y = {0, 0, 0, 1, 1, 1};
        String[] c = {"A", "B", "B", "A", "C", "B"};
        assertEquals(List.of(
            new BasinBoundary.Segment(0.5, 0, 0.5, 0.5), new BasinBoundary.Segment(1, 0.5, 0.5, 0.5),
            new BasinBoundary.Segment(0.5, 1, 0.5, 0.5), new BasinBoundary.Segment(1.5, 1, 1, 0.5)),
            BasinBoundary.segments(x, y, c));
        // joined: three lines out of the junction, the one towards (1, 0.5) going on to (1.5, 1)
        assertEquals(3, BasinBoundary.lines(x, y, c).size());
    }

    /**
     * A straight boundary oblique to a 0.01 grid: the marching-squares vertices zigzag about it by up to half a
     * spacing, at a slope of 2/3 in short teeth, at 1/10 in steps of a spacing every ten squares; the drawn line,
     * away from its fixed ends, within 0.15 of a spacing (0.7 pixels in the figure) either way.
     */
    @ParameterizedTest
    @CsvSource({"0.6666666666666666", "0.1"})
    void obliqueStraightBoundaryIsDrawnStraight(double slope) {
        int n = 61;
        double[] x = new double[n * n];
        double[] y = new double[n * n];
        String[] c = new String[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = -0.3 + 0.01 * i;
                y[i * n + j] = -0.3 + 0.01 * j;
                c[i * n + j] = y[i * n + j] > slope * x[i * n + j] + 0.0013 ? "above" : "below";
            }
        }
        double raw = BasinBoundary.segments(x, y, c).stream()
            .mapToDouble(s -> offLine(slope, s.x1(), s.y1())).max().orElseThrow();
        List<BasinBoundary.Line> lines = BasinBoundary.lines(x, y, c);
        assertEquals(1, lines.size());
        BasinBoundary.Line line = lines.get(0);
        double drawn = 0;
        for (int i = 12; i + 12 < line.x().length; i++) {
            drawn = Math.max(drawn, offLine(slope, line.x()[i], line.y()[i]));
        }
        assertTrue(raw > 0.002, "the marching-squares vertices zigzag: " + raw);
        assertTrue(drawn < 0.0015, "the drawn line is straight: " + drawn);
    }

    /** Distance from the line y = slope x + 0.0013. */
    private static double offLine(double slope, double px, double py) {
        return Math.abs(py - slope * px - 0.0013) / Math.hypot(1, slope);
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    }

    /** Where on [0, 1] of the segment a-b the boundary piece s crosses it, NaN if it does not. */
    private static double intersection(double ax, double ay, double bx, double by, BasinBoundary.Segment s) {
        double rx = bx - ax;
        double ry = by - ay;
        double qx = s.x2() - s.x1();
        double qy = s.y2() - s.y1();
        double denominator = rx * qy - ry * qx;
        if (denominator == 0) {
            return Double.NaN;
        }
        double t = ((s.x1() - ax) * qy - (s.y1() - ay) * qx) / denominator;
        double u = ((s.x1() - ax) * ry - (s.y1() - ay) * rx) / denominator;
        return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : Double.NaN;
    }
}
