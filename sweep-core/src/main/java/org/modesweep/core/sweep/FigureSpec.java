package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code figures}: a figure of a kind drawn from named setups, besides the standard plots. Not in the
 * spec hash (figures are drawn from the rows, they do not decide them). Each kind is a record of its own keys.
 */
public sealed interface FigureSpec extends Serializable
    permits FigureSpec.FromRuns, FigureSpec.CollapseMap, FigureSpec.RcAgainst, FigureSpec.ProbabilityBy {

    /** Every kind, as a spec names it. */
    List<String> KINDS = List.of("evolution", "plateaus", "basins", "collapse-vs-d", "map", "rc-vs", "probability");
    /** The grid's axes, besides the swept setup keys, that the axis kinds ({@code map}, ...) accept. */
    List<String> GRID_AXES = List.of("R", "d", "wStar");

    String kind();

    /** The axis keys a kind takes: {@code x, y} for {@code map}, {@code x} for {@code rc-vs}, {@code by} for
     * {@code probability}, none for the figures of runs. */
    static List<String> axisKeys(String kind) {
        return switch (kind) {
            case "map" -> List.of("x", "y");
            case "rc-vs" -> List.of("x");
            case "probability" -> List.of("by");
            default -> List.of();
        };
    }

    List<String> setups();

    /** The entry as the resolved spec writes it. */
    default Map<String, Object> yaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind());
        keys().forEach(m::put);
        m.put("setups", setups());
        return m;
    }

    /** The kind's own keys, in spec order. */
    Map<String, String> keys();

    /**
     * A figure read from the trajectory (and series) rows:
     * <ul>
     * <li>{@code evolution}: per (R, d, wStar) m1, m2 and w1 against time for representative seeds;
     *     {@code setups[0]} solid, the others dashed from the same starts (recorded series needed);</li>
     * <li>{@code plateaus}: per (R, d, wStar) the fraction of runs whose plateau time exceeds τ, one
     *     curve per setup;</li>
     * <li>{@code basins}: per (R, d, wStar, s) the outcome map of the explicit-start setup {@code setups[0]}
     *     with its basin boundaries, overlaid with the recorded (m1, m2) paths of the random-start setups
     *     {@code setups[1..]};</li>
     * <li>{@code collapse-vs-d}: per (R, wStar) P(collapse) against d (log axis), one curve per setup, Wilson bars
     *     (e.g. SGD at several batches beside the flow).</li>
     * </ul>
     */
    record FromRuns(String kind, List<String> setups) implements FigureSpec {
        public static final List<String> KINDS = List.of("evolution", "plateaus", "basins", "collapse-vs-d");

        public FromRuns {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("not a figure of runs: " + kind);
            }
            setups = List.copyOf(setups);
        }

        @Override
        public Map<String, String> keys() {
            return Map.of();
        }
    }

    /**
     * {@code map}: P(collapse) over two axes {@code x}, {@code y} (R, d, wStar or swept setup keys), a map per
     * setup and combination of the other axes' values.
     */
    record CollapseMap(String x, String y, List<String> setups) implements FigureSpec {
        public CollapseMap {
            if (x.equals(y)) {
                throw new IllegalArgumentException("x and y are the same axis '" + x + "'");
            }
            setups = List.copyOf(setups);
        }

        @Override
        public String kind() {
            return "map";
        }

        @Override
        public Map<String, String> keys() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("x", x);
            m.put("y", y);
            return m;
        }
    }

    /** {@code rc-vs}: R_c at each level against the axis {@code x} (not R), a curve per setup and the other axes. */
    record RcAgainst(String x, List<String> setups) implements FigureSpec {
        public RcAgainst {
            if (x.equals("R")) {
                throw new IllegalArgumentException("R_c is read along R; give another axis");
            }
            setups = List.copyOf(setups);
        }

        @Override
        public String kind() {
            return "rc-vs";
        }

        @Override
        public Map<String, String> keys() {
            return Map.of("x", x);
        }
    }

    /** {@code probability}: P(collapse) against R, a curve per value of the axis {@code by} (not R). */
    record ProbabilityBy(String by, List<String> setups) implements FigureSpec {
        public ProbabilityBy {
            if (by.equals("R")) {
                throw new IllegalArgumentException("P(collapse) is drawn against R; give another axis to draw a curve per value of");
            }
            setups = List.copyOf(setups);
        }

        @Override
        public String kind() {
            return "probability";
        }

        @Override
        public Map<String, String> keys() {
            return Map.of("by", by);
        }
    }
}
