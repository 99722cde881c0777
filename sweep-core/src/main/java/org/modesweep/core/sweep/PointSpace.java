package org.modesweep.core.sweep;

import java.io.Serializable;
import java.math.BigInteger;
import org.modesweep.core.Recorder;
import org.modesweep.core.Setup;
import org.modesweep.core.Thresholds;
import org.modesweep.core.Trajectory;

/**
 * The points of a sweep, addressed by index without materialising them: the setups own consecutive
 * blocks of indices (a setup can have its own dimensions and seed count, and a random-start setup in an
 * explicit grid has one start per point), and inside its block index {@code i} expands (mixed radix, slowest first)
 * to {@code d}, {@code wStar}, {@code R}, explicit start and seed index. Small and serialisable, so
 * executors expand their own indices.
 *
 * <p>{@link #indexAt(long)} is a fixed bijection of {@code [0, size)} (multiplication by a unit
 * near {@code 0.618·size}) that spreads consecutive positions over the whole grid: a contiguous
 * range of positions mixes setups, dimensions and radii, which balances cost across partitions and
 * makes progress rates representative.
 */
public final class PointSpace implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SweepSpec spec;
    private final long size;
    /** Per setup: the first index of its block, and the radix of (d, wStar, R, start, seed) inside it. */
    private final long[] blockStart;
    private final long[][] radix;
    private final String[] setupKeys;
    private final long multiplier;
    private transient Setup[] randomStartSetups;
    private transient Thresholds thresholds;

    PointSpace(SweepSpec spec) {
        this.spec = spec;
        GridSpec g = spec.grid();
        int setups = spec.setups().size();
        this.blockStart = new long[setups];
        this.radix = new long[setups][];
        long n = 0;
        for (int i = 0; i < setups; i++) {
            SetupSpec s = spec.setups().get(i);
            radix[i] = new long[] {s.dims(g).size(), g.wStar().size(), g.R().size(), g.startCount(s), g.seeds(s)};
            blockStart[i] = n;
            long block = 1;
            for (long r : radix[i]) {
                block = Math.multiplyExact(block, r);
            }
            n = Math.addExact(n, block);
        }
        this.size = n;
        this.setupKeys = new String[spec.setups().size()];
        for (int i = 0; i < setupKeys.length; i++) {
            setupKeys[i] = spec.setups().get(i).canonical() + ";classify=" + spec.classify().canonical();
        }
        this.multiplier = unitNear(size);
    }

    public SweepSpec spec() {
        return spec;
    }

    public long size() {
        return size;
    }

    /** The point with this index in expansion order. */
    public GridPoint point(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point index " + index + " outside [0, " + size + ")");
        }
        int setupIndex = blockStart.length - 1;
        while (blockStart[setupIndex] > index) {
            setupIndex--;
        }
        long[] r = radix[setupIndex];
        long[] digit = new long[r.length];
        long rest = index - blockStart[setupIndex];
        for (int k = r.length - 1; k >= 0; k--) {
            digit[k] = rest % r[k];
            rest /= r[k];
        }
        GridSpec g = spec.grid();
        long d = spec.setups().get(setupIndex).dims(g).get((int) digit[0]);
        double wStar = g.wStar().get((int) digit[1]);
        double R = g.R().get((int) digit[2]);
        StartCosines start = spec.setups().get(setupIndex).explicitStarts() ? g.starts().get((int) digit[3]) : null;
        int seedIndex = (int) digit[4];
        return point(index, setupIndex, R, d, wStar, start, seedIndex);
    }

    /**
     * A point at any coordinates (e.g. a radius added by adaptive refinement), with id and seed by the
     * same recipe as grid points: a refined radius is just another {@code R} value. {@code index} is
     * only carried along (-1 for points outside the grid).
     */
    public GridPoint point(long index, int setupIndex, double R, long d, double wStar, StartCosines start,
                           int seedIndex) {
        String draw = drawKey(R, d, wStar, start, seedIndex);
        String id = hex16(setupKeys[setupIndex] + "|" + draw);
        // The seed leaves the setup out: every setup starts from the same draws (paired comparisons).
        return new GridPoint(index, setupIndex, spec.setups().get(setupIndex).name(), R, d, wStar, start,
            seedIndex, id, Seeds.trajectorySeed(spec.seed(), hex16(draw), seedIndex));
    }

    /** The grid index at a position of the balanced order (a bijection of {@code [0, size)}). */
    public long indexAt(long position) {
        if (size < (1L << 31)) {
            return position * multiplier % size;
        }
        return BigInteger.valueOf(position).multiply(BigInteger.valueOf(multiplier))
            .mod(BigInteger.valueOf(size)).longValue();
    }

    /** {@code point(indexAt(position))}. */
    public GridPoint pointAt(long position) {
        return point(indexAt(position));
    }

    /** The core setup of a point (cached for random starts). */
    public Setup setup(GridPoint p) {
        if (thresholds == null) {
            thresholds = spec.classify().thresholds();
        }
        SetupSpec s = spec.setups().get(p.setupIndex());
        if (p.start() != null) {
            return s.toSetup(thresholds, p.start());
        }
        if (randomStartSetups == null) {
            randomStartSetups = new Setup[spec.setups().size()];
        }
        Setup cached = randomStartSetups[p.setupIndex()];
        if (cached == null) {
            cached = s.toSetup(thresholds, null);
            randomStartSetups[p.setupIndex()] = cached;
        }
        return cached;
    }

    /** Runs the point's trajectory with the core engine: a pure function of the point. */
    public Trajectory run(GridPoint p) {
        return run(p, Recorder.NONE);
    }

    /** {@link #run(GridPoint)}, handing the states over time to {@code recorder}. */
    public Trajectory run(GridPoint p, Recorder recorder) {
        return Trajectory.run(setup(p), p.R(), p.d(), p.wStar(), p.seed(), recorder);
    }

    /** The coordinates that decide a trajectory's random draws: everything but the setup. */
    private static String drawKey(double R, long d, double wStar, StartCosines start, int seedIndex) {
        StringBuilder b = new StringBuilder("R=").append(Canonical.num(R))
            .append("|d=").append(d).append("|wStar=").append(Canonical.num(wStar));
        if (start != null) {
            b.append("|m1=").append(Canonical.num(start.m1())).append("|m2=").append(Canonical.num(start.m2()))
                .append("|s=").append(Canonical.num(start.s()));
        }
        return b.append("|seedIndex=").append(seedIndex).toString();
    }

    private static String hex16(String text) {
        return Canonical.sha256Hex(text).substring(0, 16);
    }

    /** A multiplier coprime with {@code n} near {@code 0.618 n} (1 for tiny grids). */
    private static long unitNear(long n) {
        if (n <= 2) {
            return 1;
        }
        long a = Math.max(1, Math.round(n * 0.6180339887498949));
        while (BigInteger.valueOf(a).gcd(BigInteger.valueOf(n)).longValue() != 1) {
            a++;
        }
        return a % n;
    }
}
