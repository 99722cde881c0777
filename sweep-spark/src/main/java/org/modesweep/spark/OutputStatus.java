package org.modesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * The truth about an output's state, from its data: the rows in {@code trajectories/} (Parquet
 * footers' row counts, no Spark job), the points the spec expects, and the files that are not this
 * sweep's own. A part is the sweep's own when it lies in the {@code setup=/d=} layout, its footer
 * reads, its columns are those of trajectory rows and it carries this sweep's identity for its setup
 * ({@link PartIdentity}; parts of outputs started before identities existed are accepted by schema).
 *
 * <p>Rows equal to points means every point has its row: rows are written once per point (one
 * writer per output, {@link OutputLock}; {@code sweep run} removes the copies two writers could
 * leave). An adaptive sweep's refined points are known once its refinement has finished (the
 * manifest records their number); until then {@link #refinementPending()}.
 *
 * @param rowsBySetup rows of the sweep's own parts per setup
 * @param problems one line per foreign or damaged file, naming it; empty when the folder is sound
 * @param rejected the files {@code problems} name
 * @param legacy the parts carry no identity (an output started before identities existed)
 */
public record OutputStatus(String output, long points, long rows, Map<String, Long> rowsBySetup,
                           Map<String, Long> pointsBySetup, List<String> problems, List<String> rejected,
                           boolean refinementPending, boolean legacy) {

    /** Every point has its row and nothing foreign lies among them. */
    public boolean complete() {
        return problems.isEmpty() && !refinementPending && rows == points;
    }

    /** e.g. "350 of 360 points have rows (fixed-flow 170 of 180, trainable-flow 180 of 180)". */
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d points have rows", Math.min(rows, points),
            points));
        if (rows > points && !refinementPending) {
            b.append(String.format(Locale.ROOT, " (%,d rows: some written twice; `sweep run` removes the copies)", rows));
        }
        if (pointsBySetup.size() > 1 && rows < points) {
            List<String> each = new ArrayList<>();
            pointsBySetup.forEach((s, n) -> each.add(String.format(Locale.ROOT, "%s %,d of %,d", s, rowsBySetup.getOrDefault(s, 0L), n)));
            b.append(" (").append(String.join(", ", each)).append(')');
        }
        if (refinementPending) {
            b.append(", plus adaptive refinement not yet finished");
        }
        return b.toString();
    }

    /** Refuses the output (exit 3) if a file in {@code trajectories/} is not the sweep's own. */
    public OutputStatus requireSound() {
        refuse(output + "/" + SweepOutput.TRAJECTORIES, problems);
        return this;
    }

    /**
     * The status of the sweep at {@code path} (its folder with {@code spec.yaml}, or one of its
     * tables), foreign or damaged files listed rather than refused ({@link #requireSound} refuses).
     * Reads only file listings and Parquet footers: no Spark session needed.
     *
     * @throws IllegalArgumentException if {@code path} is not a sweep output
     */
    public static OutputStatus of(Configuration conf, String path) {
        SweepOutput out = ExistingSweep.locate(conf, path);
        return of(out, ExistingSweep.spec(out), out.manifest());
    }

    /** The status of the sweep folder {@code out} against its {@code spec.yaml}, problems listed. */
    public static OutputStatus of(SweepOutput out) {
        return of(out, ExistingSweep.spec(out), out.manifest());
    }

    /** The status of {@code out} against {@code spec}; {@code manifest} may be null (lost). */
    public static OutputStatus of(SweepOutput out, SweepSpec spec, Manifest manifest) {
        return of(out, spec, manifest, out.parquetFooters());
    }

    /** The same, the parts' footers read by {@code footers}. */
    public static OutputStatus of(SweepOutput out, SweepSpec spec, Manifest manifest, SweepOutput.Footers footers) {
        List<SweepOutput.Part> parts = out.parts(SweepOutput.TRAJECTORIES, footers);
        Map<String, Set<String>> expected = PartIdentity.expected(spec);
        List<String> problems = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        java.util.function.BiConsumer<SweepOutput.Part, String> reject = (p, why) -> {
            problems.add(why);
            rejected.add(p.path());
        };
        Map<String, Long> rowsBySetup = new TreeMap<>();
        List<SweepOutput.Part> unmarked = new ArrayList<>();
        boolean marked = false;
        for (SweepOutput.Part p : parts) {
            if (!p.inLayout()) {
                reject.accept(p, foreign(p, "not a part-*.parquet file under setup=.../d=..."));
                continue;
            }
            if (p.damage() != null) {
                reject.accept(p, damaged(p));
                continue;
            }
            PartIdentity.Found found;
            try {
                found = PartIdentity.read(p.metadata(), p.setup());
            } catch (IOException e) {
                reject.accept(p, foreign(p, "unreadable Spark schema in its footer"));
                continue;
            }
            if (!found.trajectoryColumns()) {
                reject.accept(p, foreign(p, "not trajectory rows (no column " + found.missingColumn() + ")"));
            } else if (!expected.containsKey(p.setup())) {
                reject.accept(p, foreign(p, "rows of setup '" + p.setup() + "', which this sweep's spec does not define"));
            } else if (found.identities() == null) {
                unmarked.add(p);
            } else if (!expected.get(p.setup()).containsAll(found.identities())) {
                reject.accept(p, foreign(p, "rows of another sweep (setup '" + p.setup() + "' with identity "
                    + String.join(",", found.identities()) + "; this sweep's: " + String.join(",", expected.get(p.setup())) + ")"));
            } else {
                marked = true;
                rowsBySetup.merge(p.setup(), p.rows(), Long::sum);
            }
        }
        // Parts without identity: an output started before identities existed (legacy manifest, or
        // no manifest and no marked part); in an output whose parts carry it, they are foreign.
        boolean legacy = manifest != null ? !manifest.partsCarryIdentity() : !marked;
        for (SweepOutput.Part p : unmarked) {
            if (legacy) {
                rowsBySetup.merge(p.setup(), p.rows(), Long::sum);
            } else {
                reject.accept(p, foreign(p, "carries no sweep identity (not written by this sweep)"));
            }
        }
        Map<String, Long> pointsBySetup = new TreeMap<>();
        for (SetupSpec s : spec.setups()) {
            pointsBySetup.merge(s.name(), spec.grid().trajectories(s), Long::sum);
        }
        long rows = rowsBySetup.values().stream().mapToLong(Long::longValue).sum();
        long points = spec.trajectories();
        boolean pending = false;
        if (spec.threshold().adaptive()) {
            boolean refined = manifest != null && manifest.completed() && spec.hash().equals(manifest.specHash());
            points = refined ? manifest.trajectories() : points;
            pending = !refined;
        }
        return new OutputStatus(out.root().toString(), points, rows, rowsBySetup, pointsBySetup, List.copyOf(problems),
            List.copyOf(rejected), pending, legacy);
    }

    static String foreign(SweepOutput.Part p, String why) {
        return "foreign file " + p.path() + " (" + p.bytes() + " bytes): " + why;
    }

    static String damaged(SweepOutput.Part p) {
        return "damaged Parquet file " + p.path() + " (" + p.bytes() + " bytes): " + p.damage();
    }

    /** Throws {@link OutputProblem} naming the files if there are problems. */
    static void refuse(String table, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        int shown = Math.min(3, problems.size());
        throw new OutputProblem(table + " holds " + problems.size() + " file(s) that are not this sweep's own, so it"
            + " was not read: " + String.join("; ", problems.subList(0, shown))
            + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "")
            + ". Move them out of the output (a damaged part can be deleted: `sweep run` recomputes its points)");
    }
}
