package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One entry of {@code figures}: a figure of a kind drawn from named setups, besides the standard
 * plots. Not in the spec hash (figures are drawn from the rows, they do not decide them).
 *
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
public record FigureSpec(String kind, List<String> setups) implements Serializable {
    public static final List<String> KINDS = List.of("evolution", "plateaus", "basins", "collapse-vs-d");

    public FigureSpec {
        setups = List.copyOf(setups);
    }
}
