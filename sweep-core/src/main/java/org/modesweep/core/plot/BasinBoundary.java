package org.modesweep.core.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The boundaries between outcome classes of a grid of starts, by marching squares: in every grid
 * square whose four corners are all present, each side whose two corners differ in class is crossed
 * at its midpoint, and the crossings are joined (two by one segment; three or four, where classes
 * meet or a saddle is undecided, each to the square's centre). Neighbouring squares share their
 * side's crossing, so the segments join into continuous lines whose vertices lie within half a grid
 * spacing of the true boundary along every grid line it crosses (if it crosses a side once). A straight
 * boundary oblique to the grid comes out as a sawtooth of that amplitude; {@link #lines} joins the
 * segments and smooths it away.
 */
public final class BasinBoundary {
    private BasinBoundary() {
    }

    /**
     * Passes of the [1, 2, 1]/4 filter over a line's inner vertices: a binomial window of 49 vertices (standard
     * deviation 3.5 vertices, about 3 grid spacings). A boundary nearly parallel to a grid axis steps by a spacing
     * every ten or more squares, which a shorter window leaves as waves; this one keeps the line within half a
     * spacing of the unsmoothed one all the same.
     */
    private static final int SMOOTHING_PASSES = 24;

    /** A boundary line through its vertices; its ends are where it meets another line or leaves the grid. */
    public record Line(double[] x, double[] y) {
    }

    /** One straight piece of a boundary. */
    public record Segment(double x1, double y1, double x2, double y2) {
    }

    /**
     * The boundary segments of points {@code (x[i], y[i])} of class {@code category[i]} on a
     * rectangular grid (not all nodes need be present: squares with a missing corner are skipped).
     */
    public static List<Segment> segments(double[] x, double[] y, String[] category) {
        double[] xs = Arrays.stream(x).distinct().sorted().toArray();
        double[] ys = Arrays.stream(y).distinct().sorted().toArray();
        String[][] grid = new String[xs.length][ys.length];
        for (int i = 0; i < x.length; i++) {
            grid[Arrays.binarySearch(xs, x[i])][Arrays.binarySearch(ys, y[i])] = category[i];
        }
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                // corners counter-clockwise from the lower left; side k runs from corner k to k + 1
                String[] c = {grid[i][j], grid[i + 1][j], grid[i + 1][j + 1], grid[i][j + 1]};
                if (Arrays.stream(c).anyMatch(s -> s == null)) {
                    continue;
                }
                double[] cx = {xs[i], xs[i + 1], xs[i + 1], xs[i]};
                double[] cy = {ys[j], ys[j], ys[j + 1], ys[j + 1]};
                List<double[]> crossings = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    int n = (k + 1) % 4;
                    if (!c[k].equals(c[n])) {
                        crossings.add(new double[] {(cx[k] + cx[n]) / 2, (cy[k] + cy[n]) / 2});
                    }
                }
                if (crossings.size() == 2) {
                    double[] a = crossings.get(0);
                    double[] b = crossings.get(1);
                    out.add(new Segment(a[0], a[1], b[0], b[1]));
                } else if (crossings.size() > 2) {
                    double mx = (xs[i] + xs[i + 1]) / 2;
                    double my = (ys[j] + ys[j + 1]) / 2;
                    crossings.forEach(a -> out.add(new Segment(a[0], a[1], mx, my)));
                }
            }
        }
        return out;
    }

    /**
     * The segments joined into lines that run between ends and junctions (or close on themselves), each
     * smoothed with its ends fixed: a moving binomial average along the line, which leaves a straight
     * boundary straight and removes the half-spacing sawtooth of the grid.
     */
    public static List<Line> lines(double[] x, double[] y, String[] category) {
        List<Segment> segments = segments(x, y, category);
        Map<List<Double>, List<Integer>> at = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            at.computeIfAbsent(List.of(s.x1(), s.y1()), k -> new ArrayList<>()).add(i);
            at.computeIfAbsent(List.of(s.x2(), s.y2()), k -> new ArrayList<>()).add(i);
        }
        boolean[] used = new boolean[segments.size()];
        List<Line> out = new ArrayList<>();
        // open lines from every end or junction first, then what is left: closed loops
        for (boolean loops : new boolean[] {false, true}) {
            for (Map.Entry<List<Double>, List<Integer>> e : at.entrySet()) {
                if (loops || e.getValue().size() != 2) {
                    for (int first : e.getValue()) {
                        if (!used[first]) {
                            out.add(smooth(walk(e.getKey(), first, segments, at, used)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The vertices from {@code start} along segment {@code first} until an end, a junction or a used segment. */
    private static List<List<Double>> walk(List<Double> start, int first, List<Segment> segments,
                                           Map<List<Double>, List<Integer>> at, boolean[] used) {
        List<List<Double>> vertices = new ArrayList<>(List.of(start));
        List<Double> here = start;
        Integer next = first;
        while (next != null) {
            used[next] = true;
            Segment s = segments.get(next);
            List<Double> a = List.of(s.x1(), s.y1());
            here = a.equals(here) ? List.of(s.x2(), s.y2()) : a;
            vertices.add(here);
            List<Integer> touching = at.get(here);
            next = touching.size() != 2 ? null : touching.stream().filter(i -> !used[i]).findFirst().orElse(null);
        }
        return vertices;
    }

    private static Line smooth(List<List<Double>> vertices) {
        double[] x = vertices.stream().mapToDouble(v -> v.get(0)).toArray();
        double[] y = vertices.stream().mapToDouble(v -> v.get(1)).toArray();
        for (int pass = 0; pass < SMOOTHING_PASSES; pass++) {
            x = pass(x);
            y = pass(y);
        }
        return new Line(x, y);
    }

    private static double[] pass(double[] v) {
        double[] out = v.clone();
        for (int i = 1; i + 1 < v.length; i++) {
            out[i] = (v[i - 1] + 2 * v[i] + v[i + 1]) / 4;
        }
        return out;
    }
}
