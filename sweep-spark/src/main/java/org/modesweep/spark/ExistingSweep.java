package org.modesweep.spark;

import org.apache.hadoop.conf.Configuration;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;

/**
 * An existing sweep output (its folder, or any table inside it), with its resolved spec, its
 * manifest (null if lost or unreadable: the data is the truth) and its {@link OutputStatus}.
 */
public record ExistingSweep(SweepOutput output, SweepSpec spec, Manifest manifest, OutputStatus status) {

    /**
     * Opens the sweep at {@code path}, which may also name one of its tables (e.g. {@code .../trajectories}).
     *
     * @throws IllegalArgumentException if it is not a sweep output or has no rows yet
     * @throws OutputProblem if {@code trajectories/} holds a foreign or damaged file
     */
    public static ExistingSweep open(Configuration conf, String path) {
        SweepOutput out = locate(new SweepOutput(conf, path));
        return open(out, out.parquetFooters());
    }

    /**
     * Opens the sweep at or above {@code folder}, the footers of its parts read by {@code footers}.
     *
     * @throws IllegalArgumentException if it is not a sweep output or has no rows yet
     * @throws OutputProblem if {@code trajectories/} holds a foreign or damaged file
     */
    public static ExistingSweep open(SweepOutput folder, SweepOutput.Footers footers) {
        SweepOutput out = locate(folder);
        if (!out.hasParquet(SweepOutput.TRAJECTORIES)) {
            throw new IllegalArgumentException(out.root() + " has no trajectories yet; run the sweep first");
        }
        SweepSpec spec = spec(out);
        Manifest manifest = out.manifest();
        return new ExistingSweep(out, spec, manifest, OutputStatus.of(out, spec, manifest, footers).requireSound());
    }

    /** The resolved spec the output's rows were computed with ({@code spec.yaml}). */
    public static SweepSpec spec(SweepOutput out) {
        return SpecParser.parse(out.read(SweepOutput.SPEC), out.path(SweepOutput.SPEC).toString(), true);
    }

    /**
     * The sweep folder at {@code path} or above one of its tables.
     *
     * @throws IllegalArgumentException if it is not a sweep output
     */
    public static SweepOutput locate(Configuration conf, String path) {
        return locate(new SweepOutput(conf, path));
    }

    /** The sweep folder {@code out} or the one above it when {@code out} is one of its tables. */
    public static SweepOutput locate(SweepOutput out) {
        SweepOutput found = out;
        if (!found.exists(SweepOutput.SPEC)) {
            String name = out.root().getName();
            if (out.root().getParent() != null && (name.equals(SweepOutput.TRAJECTORIES)
                || name.equals(SweepOutput.PROBABILITIES) || name.equals(SweepOutput.RC) || name.equals(SweepOutput.PLOTS))) {
                found = out.sibling(out.root().getParent().toString());
            }
        }
        if (!found.exists(SweepOutput.SPEC)) {
            throw new IllegalArgumentException(out.where() + " is not a sweep output (no " + SweepOutput.SPEC + ")");
        }
        return found;
    }
}
