package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The {@code grid} block, resolved: the axes {@code R}, {@code d}, {@code wStar}; {@code seeds}
 * random starts per point, or (phase portraits) explicit starts: the {@code m1}, {@code m2},
 * {@code s} axes as written and {@code starts}, their realisable combinations ({@code seeds} then
 * repeats each start with different sgd noise, 1 by default; flow and gd repeat identically).
 */
public record GridSpec(List<Double> R, List<Long> d, List<Double> wStar, int seeds,
                       List<Double> m1, List<Double> m2, List<Double> s, boolean skipUnrealisable,
                       List<StartCosines> starts) implements Serializable {

    public GridSpec {
        R = List.copyOf(R);
        d = List.copyOf(d);
        wStar = List.copyOf(wStar);
        m1 = m1 == null ? List.of() : List.copyOf(m1);
        m2 = m2 == null ? List.of() : List.copyOf(m2);
        s = s == null ? List.of() : List.copyOf(s);
        starts = starts == null ? List.of() : List.copyOf(starts);
    }

    public boolean explicit() {
        return !m1.isEmpty();
    }

    /** Starts per (R, d, wStar) point of a setup: the explicit starts, or 1 for a random-start setup. */
    public int startCount(SetupSpec setup) {
        return explicit() && setup.explicitStarts() ? starts.size() : 1;
    }

    /** Seeds per start of a setup: its own {@code seeds}, else the grid's. */
    public int seeds(SetupSpec setup) {
        return setup.seeds() != null ? setup.seeds() : seeds;
    }

    /** Trajectories of one setup (over its own dimensions). */
    public long trajectories(SetupSpec setup) {
        return (long) R.size() * setup.dims(this).size() * wStar.size() * startCount(setup) * seeds(setup);
    }

    String canonical() {
        StringBuilder b = new StringBuilder("R=");
        R.forEach(x -> b.append(Canonical.num(x)).append(','));
        b.append(";d=");
        d.forEach(x -> b.append(x).append(','));
        b.append(";wStar=");
        wStar.forEach(x -> b.append(Canonical.num(x)).append(','));
        b.append(";seeds=").append(seeds);
        if (explicit()) {
            b.append(";starts=");
            starts.forEach(c -> b.append('(').append(Canonical.num(c.m1())).append(',')
                .append(Canonical.num(c.m2())).append(',').append(Canonical.num(c.s())).append(')'));
        }
        return b.toString();
    }
}
