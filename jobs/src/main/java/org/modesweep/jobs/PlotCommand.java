package org.modesweep.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import org.modesweep.spark.ExistingSweep;
import org.modesweep.spark.OutputLock;
import org.modesweep.spark.Report;
import org.modesweep.spark.SweepAggregation;
import org.modesweep.spark.SweepOutput;
import org.modesweep.spark.SweepPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep plot PATH}: redraws a sweep's figures. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Redraw a sweep's figures (PNG and SVG) under its plots/ folder, and its report.html:",
        "P(collapse) against R per setup (one curve per d, Wilson bars, the monotone fit with its band, R_c marked),",
        "outcome shares per R, R_c against d (interval bars) and, with several setups, their R_c(d) side by side per level.",
        "Uses probabilities/ and rc/ when present, else aggregates trajectories/ (without saving tables).",
        "A local output is read by DuckDB inside this command; Spark reads larger or remote ones, and draws the",
        "spec's time-series figures (evolution, plateaus, basins) (--engine).",
        "Figures of the kinds it redraws that it did not draw this time (a level or d no longer in the tables, an old",
        "name, a variant past the cap) are removed; figures it cannot redraw here, or that no sweep draws, stay.",
        "Holds the output's lock while it writes, as `sweep run` does."})
final class PlotCommand implements Callable<Integer> {
    private static final String LOCK_COMMAND = "sweep plot";

    @Parameters(index = "0", paramLabel = "PATH", description = "A sweep folder.")
    String path;
    @Option(names = "--from-trajectories", description = "Re-aggregate from trajectories/ even if tables exist.")
    boolean fromTrajectories;
    @Option(names = "--all-variants", description = "Draw the per-setup figures of every variant of a swept setup"
        + " (with more than " + SweepPlots.MAX_VARIANTS + ", only each setup's first).")
    boolean allVariants;
    @Option(names = "--break-lock", description = "Take over the output's lock if it is stale.")
    boolean breakLock;
    @Mixin
    TableEngine engine;

    @Override
    public Integer call() {
        // plot rewrites plots/ and report.html: a local output's lock is taken before anything is read (a running
        // sweep refuses at once), a remote one's once Spark reaches it
        try (OutputLock local = OutputLock.acquireIfLocal(path, LOCK_COMMAND, breakLock);
             ResultReader r = ResultReader.open(engine, path, "sweep plot", seriesFigures());
             OutputLock remote = local == null ? OutputLock.acquire(r.output(), LOCK_COMMAND, breakLock) : null) {
            SweepOutput out = r.output();
            var spec = r.sweep().spec();
            SweepAggregation.Tables tables = !fromTrajectories && r.hasSavedTables()
                ? new SweepAggregation.Tables(r.probabilities(), r.rc(), List.of(), 0)
                : SweepAggregation.estimate(r.aggregate(spec.threshold().confidence()), spec, spec.threshold());
            List<String> drawn = SweepAggregation.redraw(r.spark(), out, spec, tables.probabilities(), tables.rc(),
                savedMethod(r.sweep()), allVariants);
            for (String base : drawn) {
                System.out.println(out.path(SweepOutput.PLOTS) + "/" + base + ".{png,svg}");
            }
            Report.write(out, spec, tables.probabilities(), tables.rc());
            return 0;
        }
    }

    /** Whether the spec asks for figures of runs, which read trajectories/ and series/ with Spark. */
    private boolean seriesFigures() {
        return !path.contains("://")
            && SweepAggregation.hasFiguresOfRuns(ExistingSweep.spec(ExistingSweep.locate(TableEngine.output(path))));
    }

    /** The method rc/ was last aggregated with (the manifest records it), else the spec's. */
    private static String savedMethod(ExistingSweep sweep) {
        Object saved = sweep.manifest() == null || sweep.manifest().aggregation() == null ? null
            : sweep.manifest().aggregation().get("method");
        return saved == null ? sweep.spec().threshold().method() : saved.toString();
    }
}
