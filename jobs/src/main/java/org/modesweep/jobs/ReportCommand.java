package org.modesweep.jobs;

import java.util.concurrent.Callable;
import org.modesweep.spark.Report;
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
        try (ResultReader r = ResultReader.open(engine, path, "sweep report", false)) {
            if (!r.hasSavedTables()) {
                throw new IllegalArgumentException(r.output().root() + " has no probabilities/ and rc/ yet: finish the"
                    + " sweep with `sweep run`, or write them with `sweep rc " + r.output().root() + " --save`");
            }
            Report.write(r.output(), r.sweep().spec(), r.probabilities(), r.rc());
            System.out.println(r.output().path(Report.FILE));
            return 0;
        }
    }
}
