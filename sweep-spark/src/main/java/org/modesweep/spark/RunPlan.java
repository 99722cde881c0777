package org.modesweep.spark;

import java.time.Instant;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.modesweep.core.Engine;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.core.sweep.ThresholdSpec;

/**
 * The first step of a run: the output has taken the spec. {@code manifest} is the output's manifest
 * as this run found it (the spec's identity already in it), {@code status} what {@code trajectories/}
 * holds; {@code partitions} per chunk on {@code cores} cores of {@code master}.
 */
public record RunPlan(SweepSpec spec, SweepOutput output, Manifest manifest, OutputStatus status, int partitions,
                      int cores, String master) {

    /**
     * Checks that the output can take the spec and prepares it: a new output gets a fresh manifest; a
     * lost or unreadable one is rebuilt from the data and {@code spec.yaml}; another spec is accepted
     * only if it extends the output's ({@link SpecChange}). Then leftovers of interrupted writes are
     * removed and {@code spec.yaml} and the manifest written.
     *
     * @throws IllegalArgumentException if the output is not a sweep output, or holds rows the spec would change
     * @throws OutputProblem if {@code trajectories/} holds foreign or damaged files
     */
    static RunPlan of(SparkSession spark, SweepSpec spec, SweepOutput output, SweepListener listener) {
        Manifest manifest = prepare(spark, spec, output, listener);
        OutputStatus status = OutputStatus.of(output, spec, manifest).requireSound();
        int cores = spark.sparkContext().defaultParallelism();
        int partitions = spec.spark().partitions() != null ? spec.spark().partitions() : 4 * cores;
        return new RunPlan(spec, output, manifest, status, partitions, cores, spark.sparkContext().master());
    }

    /** The grid's points (positions of the balanced order). */
    public PointSpace space() {
        return spec.points();
    }

    public long total() {
        return spec.points().size();
    }

    /** Records in the manifest that {@code rows} points have rows and the sweep is not complete. */
    void recordProgress(long rows) {
        output.writeManifest(manifest.withProgress(false, rows, Instant.now().toString()));
    }

    /** Records in the manifest that the sweep is complete with {@code rows} points, aggregated with {@code t}. */
    void recordComplete(long rows, ThresholdSpec t) {
        String now = Instant.now().toString();
        output.writeManifest(manifest.withProgress(true, rows, now).withAggregation(SweepAggregation.settings(t), now));
    }

    private static Manifest prepare(SparkSession spark, SweepSpec spec, SweepOutput output, SweepListener listener) {
        String now = Instant.now().toString();
        for (String table : new String[] {SweepOutput.TRAJECTORIES, SweepOutput.SERIES}) {
            output.finishReplacement(table); // a compaction killed mid-swap
        }
        Manifest manifest = output.manifest();
        SweepSpec previous = output.exists(SweepOutput.SPEC) ? SpecParser.parse(output.read(SweepOutput.SPEC),
            output.path(SweepOutput.SPEC).toString(), true) : null;
        if (manifest == null && previous != null && output.hasParquet(SweepOutput.TRAJECTORIES)) {
            OutputStatus found = OutputStatus.of(output, previous, null).requireSound();
            manifest = Manifest.rebuilt(previous, found, spark.version(), now);
            listener.message(String.format(Locale.ROOT, "note: %s was missing or unreadable; rebuilt from trajectories/ and %s (%s)",
                SweepOutput.MANIFEST, SweepOutput.SPEC, found.describe()));
        } else if (manifest == null) {
            if (output.hasParquet(SweepOutput.TRAJECTORIES) || output.exists(SweepOutput.MANIFEST)) {
                throw new IllegalArgumentException(output.root() + " holds rows but no readable " + SweepOutput.MANIFEST
                    + " and no " + SweepOutput.SPEC + ": it cannot be checked against this spec; put the spec it was"
                    + " run with back as " + SweepOutput.SPEC + " and run `sweep repair " + output.root() + "`, or choose another output");
            }
            if (!output.isEmpty()) {
                throw new IllegalArgumentException(output.root() + " exists and is not a sweep output (no "
                    + SweepOutput.MANIFEST + "); choose another output");
            }
            manifest = Manifest.fresh(spec, spark.version(), now);
        }
        if (!spec.hash().equals(manifest.specHash())) {
            if (previous == null) {
                throw new IllegalArgumentException(output.root() + " holds sweep '" + manifest.name() + "' of another spec "
                    + "(spec hash " + shortHash(manifest.specHash()) + ", this spec " + shortHash(spec.hash())
                    + ") and no " + SweepOutput.SPEC + " to compare with; use another --output");
            }
            SpecChange.requireExtension(previous, spec, output.root().toString());
            listener.message(String.format(Locale.ROOT, "note: the spec extends the sweep in this output (%,d points before,"
                + " %,d now): existing rows are kept, only new points are computed", previous.trajectories(), spec.trajectories()));
            manifest = manifest.withSpec(spec.name(), spec.hash(), spec.trajectories(),
                spec.setups().stream().map(SetupSpec::name).distinct().toList(), now);
        }
        if (!Engine.version().equals(manifest.engineVersion())) {
            // Not refused: the physics may be unchanged, and every row records its engineVersion.
            listener.message(String.format(Locale.ROOT, "note: this output was started by engine %s; rows computed now come from %s",
                manifest.engineVersion(), Engine.version()));
        }
        for (String table : new String[] {SweepOutput.TRAJECTORIES, SweepOutput.SERIES}) {
            output.cleanStaging(table);
        }
        output.requireSoundTable(SweepOutput.SERIES);
        output.write(SweepOutput.SPEC, spec.toYaml());
        output.writeManifest(manifest.withProgress(false, manifest.trajectories(), now));
        return manifest;
    }

    static String shortHash(String hash) {
        return hash == null ? "?" : hash.substring(0, Math.min(12, hash.length()));
    }
}
