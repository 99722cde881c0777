package org.modesweep.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.modesweep.spark.Aggregates;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;
import org.modesweep.spark.Report;
import org.modesweep.spark.ExistingSweep;
import org.modesweep.spark.Sessions;
import org.modesweep.spark.SweepAggregation;
import org.modesweep.spark.SweepOutput;
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
        "spec's time-series figures (evolution, plateaus, basins) (--engine)."})
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "A sweep folder.")
    String path;
    @Option(names = "--from-trajectories", description = "Re-aggregate from trajectories/ even if tables exist.")
    boolean fromTrajectories;
    @Mixin
    TableEngine engine;

    @Override
    public Integer call() {
        if (engine.duckdb(path)) {
            ExistingSweep sweep = ExistingSweep.open(new org.apache.hadoop.conf.Configuration(), path);
            if (sweep.spec().figures().isEmpty()) {
                SweepOutput out = sweep.output();
                SweepAggregation.Tables tables;
                try (LocalTables db = LocalTables.open()) {
                    tables = !fromTrajectories && out.hasParquet(SweepOutput.PROBABILITIES) && out.hasParquet(SweepOutput.RC)
                        ? new SweepAggregation.Tables(db.readProbabilities(out), db.readRc(out), List.of(), 0)
                        : SweepAggregation.estimate(db.probabilities(out, sweep.spec().threshold().confidence(),
                            SweepAggregation.setupOrder(sweep.spec())), sweep.spec(), sweep.spec().threshold());
                }
                print(out, SweepAggregation.drawPlots(out, tables.probabilities(), tables.rc(), savedMethod(sweep)));
                Report.write(out, sweep.spec(), tables.probabilities(), tables.rc());
                return 0;
            }
        }
        SparkSession spark = Sessions.open("sweep plot", engine.master, "local[*]", false);
        try {
            ExistingSweep sweep = ExistingSweep.open(spark.sparkContext().hadoopConfiguration(), path);
            SweepOutput out = sweep.output();
            SweepAggregation.Tables tables;
            if (!fromTrajectories && out.hasParquet(SweepOutput.PROBABILITIES) && out.hasParquet(SweepOutput.RC)) {
                List<Probability> probabilities = Aggregates.readProbabilities(spark, out.uri(SweepOutput.PROBABILITIES));
                List<RcRow> rc = Aggregates.readRc(spark, out.uri(SweepOutput.RC));
                List<String> drawn = new ArrayList<>(SweepAggregation.drawPlots(out, probabilities, rc, savedMethod(sweep)));
                drawn.addAll(SweepAggregation.drawFigures(spark, out, sweep.spec()));
                tables = new SweepAggregation.Tables(probabilities, rc, drawn, 0);
            } else {
                tables = SweepAggregation.aggregate(spark, out, sweep.spec(), sweep.spec().threshold(), false, true);
            }
            print(out, tables.plots());
            Report.write(out, sweep.spec(), tables.probabilities(), tables.rc());
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static void print(SweepOutput out, List<String> drawn) {
        for (String base : drawn) {
            System.out.println(out.path(SweepOutput.PLOTS) + "/" + base + ".{png,svg}");
        }
    }

    /** The method rc/ was last aggregated with (the manifest records it), else the spec's. */
    private static String savedMethod(ExistingSweep sweep) {
        Object saved = sweep.manifest() == null || sweep.manifest().aggregation() == null ? null
            : sweep.manifest().aggregation().get("method");
        return saved == null ? sweep.spec().threshold().method() : saved.toString();
    }
}
