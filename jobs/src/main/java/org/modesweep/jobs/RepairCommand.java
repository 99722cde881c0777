package org.modesweep.jobs;

import java.util.concurrent.Callable;
import org.modesweep.spark.OutputLock;
import org.modesweep.spark.Sessions;
import org.modesweep.spark.SweepOutput;
import org.modesweep.spark.SweepRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep repair PATH}: rebuilds a lost or broken manifest from the data and spec.yaml. */
@Command(name = "repair", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Rebuild a sweep's manifest.json from its trajectories/ and spec.yaml (a lost or broken manifest",
        "never strands computed rows; `sweep run` also does this by itself, with a note). Foreign or damaged files in",
        "trajectories/ are listed (exit 3), or moved to SWEEP/_rejected/ with --move-aside. No Spark job: the rows are",
        "counted from the Parquet footers."})
final class RepairCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "A sweep folder.")
    String path;
    @Option(names = "--move-aside", description = "Move foreign and damaged files out of trajectories/ into _rejected/"
        + " (their points are recomputed by the next `sweep run`).")
    boolean moveAside;
    @Option(names = "--break-lock", description = "Take over the output's lock if it is stale.")
    boolean breakLock;

    @Override
    public Integer call() {
        SweepOutput out = new SweepOutput(Sessions.hadoopConfiguration(), path);
        if (!out.exists(SweepOutput.SPEC)) {
            throw new IllegalArgumentException(path + " is not a sweep output (no " + SweepOutput.SPEC + "): repair needs the"
                + " resolved spec the rows were computed with");
        }
        try (OutputLock lock = OutputLock.acquire(out, "sweep repair", breakLock)) {
            System.out.println(SweepRepair.repair(out, moveAside));
        }
        return 0;
    }
}
