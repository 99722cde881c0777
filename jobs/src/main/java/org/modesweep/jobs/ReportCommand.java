package org.modesweep.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.modesweep.spark.Aggregates;
import org.modesweep.spark.ExistingSweep;
import org.modesweep.spark.Report;
import org.modesweep.spark.Sessions;
import org.modesweep.spark.SweepOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sweep report PATH}: (re)writes a sweep's report.html from its saved tables and figures. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write PATH/report.html: the spec, the run's size and time, the R_c table, every figure (embedded),",
        "the outcome counts and links to the tables; one file that opens from the file system.",
        "`sweep run` writes it at the end of every run; `sweep plot` and `sweep rc --save` rewrite it.",
        "Reads probabilities/ and rc/ with DuckDB for a local output, else with Spark (--engine)."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "A sweep folder.")
    String path;
    @Mixin
    TableEngine engine;

    @Override
    public Integer call() {
        if (engine.duckdb(path)) {
            ExistingSweep sweep = ExistingSweep.open(new org.apache.hadoop.conf.Configuration(), path);
            requireTables(sweep.output());
            try (LocalTables db = LocalTables.open()) {
                Report.write(sweep.output(), sweep.spec(), db.readProbabilities(sweep.output()), db.readRc(sweep.output()));
            }
            System.out.println(sweep.output().path(Report.FILE));
            return 0;
        }
        SparkSession spark = Sessions.open("sweep report", engine.master, "local[*]", false);
        try {
            ExistingSweep sweep = ExistingSweep.open(spark.sparkContext().hadoopConfiguration(), path);
            SweepOutput out = sweep.output();
            requireTables(out);
            Report.write(out, sweep.spec(), Aggregates.readProbabilities(spark, out.uri(SweepOutput.PROBABILITIES)),
                Aggregates.readRc(spark, out.uri(SweepOutput.RC)));
            System.out.println(out.path(Report.FILE));
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static void requireTables(SweepOutput out) {
        if (!out.hasParquet(SweepOutput.PROBABILITIES) || !out.hasParquet(SweepOutput.RC)) {
            throw new IllegalArgumentException(out.root() + " has no probabilities/ and rc/ yet: finish the sweep with"
                + " `sweep run`, or write them with `sweep rc " + out.root() + " --save`");
        }
    }
}
