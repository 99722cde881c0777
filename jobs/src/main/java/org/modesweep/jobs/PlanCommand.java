package org.modesweep.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep plan SPEC}: the grid and the estimated core and wall time, without running the sweep. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print a spec's grid (axes, points, trajectories per setup) and its estimated core and wall time on",
        "this machine, from a short calibration run of each setup's dynamics at each of its d, radii across the grid,",
        "on all the sweep's cores at once (a few seconds in all). Nothing is written. `sweep run --dry-run` prints the same."})
final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Sweep spec (YAML), e.g. conf/default.yaml.")
    Path specFile;
    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Overrides of spec keys, as for `sweep run`.")
    List<String> overrides = List.of();
    @Option(names = "--master", paramLabel = "M", description = "Spark master the run would use (local[N] sets the cores). Default: the spec's.")
    String master;

    @Override
    public Integer call() {
        SweepSpec spec = SpecParser.parse(specFile, true, overrides);
        System.out.print(Plan.calibrate(spec, Plan.cores(master != null ? master : spec.spark().master()), false).describe());
        return 0;
    }
}
