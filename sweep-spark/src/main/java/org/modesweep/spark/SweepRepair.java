package org.modesweep.spark;

import java.time.Instant;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;

/** {@code sweep repair}: the manifest rebuilt from {@code trajectories/} and {@code spec.yaml}, without Spark. */
public final class SweepRepair {
    /** Where {@code --move-aside} puts foreign and damaged files (outside every table). */
    public static final String REJECTED = "_rejected";

    private SweepRepair() {
    }

    /**
     * Rebuilds the manifest of {@code out} (whose lock the caller holds); returns what was done.
     *
     * @throws OutputProblem if foreign or damaged files are found and {@code moveAside} is false
     */
    public static String repair(SweepOutput out, boolean moveAside) {
        SweepSpec spec = SpecParser.parse(out.read(SweepOutput.SPEC), out.path(SweepOutput.SPEC).toString(), true);
        OutputStatus status = OutputStatus.of(out, spec, null);
        StringBuilder report = new StringBuilder();
        if (!status.problems().isEmpty()) {
            if (!moveAside) {
                status.requireSound();
            }
            for (String file : status.rejected()) {
                report.append("moved ").append(file).append(" to ").append(out.moveAside(file, REJECTED)).append('\n');
            }
            status = OutputStatus.of(out, spec, null);
        }
        out.writeManifest(Manifest.rebuilt(spec, status, org.apache.spark.package$.MODULE$.SPARK_VERSION(),
            Instant.now().toString()));
        return report.append("rebuilt ").append(out.path(SweepOutput.MANIFEST)).append(": ").append(status.describe())
            .append(status.complete() ? "" : "; `sweep run` with its spec computes the rest").toString();
    }
}
