package org.modesweep.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.modesweep.spark.Aggregates;
import org.modesweep.spark.Manifest;
import org.modesweep.spark.Sessions;
import org.modesweep.spark.SweepOutput;
import org.modesweep.spark.TrajectoryRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep show PATH}: prints a Parquet table of a sweep (or a sweep's summary). */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print a Parquet table of a sweep: trajectories/, probabilities/ or rc/ (or any Parquet folder).",
        "Given the sweep folder itself, print its manifest and R_c table."})
final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "A table folder, e.g. data/runs/default/trajectories, or a sweep folder.")
    String path;
    @Option(names = {"-n", "--head"}, paramLabel = "N", defaultValue = "20", description = "Rows to print. Default: ${DEFAULT-VALUE}.")
    int head;
    @Option(names = "--where", paramLabel = "EXPR", description = "Spark SQL filter, e.g. \"outcome = 'UNRESOLVED' and d = 1000\".")
    String where;
    @Option(names = "--columns", paramLabel = "COLS", split = ",", description = "Columns to show (comma-separated).")
    String[] columns;
    @Option(names = "--sort", paramLabel = "COLS", split = ",", description = "Sort by these columns.")
    String[] sort;
    @Option(names = "--csv", paramLabel = "FILE", description = "Also write every matching row (all, not only the head) to this CSV file.")
    Path csv;
    @Option(names = "--vertical", description = "One line per column (for wide rows).")
    boolean vertical;
    @Option(names = "--master", paramLabel = "M", description = "Spark master. Default: local[*].")
    String master;

    @Override
    public Integer call() {
        if (head < 0) {
            throw new IllegalArgumentException("--head must be >= 0");
        }
        SparkSession spark = Sessions.open("sweep show", master, "local[*]", false);
        try {
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            SweepOutput folder = new SweepOutput(conf, path);
            if (folder.exists(SweepOutput.MANIFEST)) {
                showSweep(spark, folder);
                return 0;
            }
            if (!folder.isDirectory() && !folder.root().getName().endsWith(".parquet")) {
                throw new IllegalArgumentException(path + " is not a Parquet table folder");
            }
            if (folder.root().getName().equals(SweepOutput.TRAJECTORIES) && folder.root().getParent() != null) {
                new SweepOutput(conf, folder.root().getParent().toString()).requireSoundTable(SweepOutput.TRAJECTORIES);
            }
            Dataset<Row> df;
            try {
                df = folder.root().getName().equals(SweepOutput.TRAJECTORIES)
                    ? TrajectoryRows.read(spark, folder.root().toString(), false)
                    : spark.read().parquet(folder.root().toString());
                if (where != null) {
                    df = df.filter(where);
                }
                if (columns != null) {
                    df = df.select(Arrays.stream(columns).map(String::trim).map(functions::col).toArray(Column[]::new));
                }
                if (sort != null) {
                    df = df.sort(Arrays.stream(sort).map(String::trim).map(functions::col).toArray(Column[]::new));
                }
                df.schema(); // analyse now: bad column names and filters become one-line errors
            } catch (Exception e) { // Spark's AnalysisException is checked in Java terms but thrown unchecked
                if (e instanceof AnalysisException a) {
                    throw new IllegalArgumentException(a.getSimpleMessage().lines().findFirst().orElse(a.getMessage()));
                }
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            long count = df.count();
            System.out.printf("%s: %d rows%s%n", folder.root(), count, count > head ? " (first " + head + " shown)" : "");
            if (head > 0) {
                df.show(head, 0, vertical);
            }
            if (csv != null) {
                long written = writeCsv(df, csv);
                System.out.printf("wrote %d rows to %s%n", written, csv);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    private void showSweep(SparkSession spark, SweepOutput folder) {
        Manifest m = folder.manifest();
        System.out.printf("sweep '%s' at %s%n  spec hash %s, %d points, %d rows, %s, engine %s, updated %s%n",
            m.name(), folder.root(), m.specHash(), m.points(), m.trajectories(),
            m.completed() ? "complete" : "INCOMPLETE (rerun `sweep run` with its spec to finish)", m.engineVersion(),
            m.updated());
        for (String t : new String[] {SweepOutput.TRAJECTORIES, SweepOutput.PROBABILITIES, SweepOutput.RC}) {
            System.out.printf("  %-14s %s%n", t + "/", folder.hasParquet(t) ? "sweep show " + folder.uri(t) : "(none)");
        }
        if (folder.hasParquet(SweepOutput.RC)) {
            System.out.println();
            System.out.print(Aggregates.table(Aggregates.readRc(spark, folder.uri(SweepOutput.RC))));
        }
    }

    private static long writeCsv(Dataset<Row> df, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            long n = 0;
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                w.println(String.join(",", Arrays.stream(df.columns()).map(ShowCommand::quote).toList()));
                Iterator<Row> it = df.toLocalIterator();
                while (it.hasNext()) {
                    Row r = it.next();
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < r.length(); i++) {
                        if (i > 0) {
                            b.append(',');
                        }
                        b.append(r.isNullAt(i) ? "" : quote(String.valueOf(r.get(i))));
                    }
                    w.println(b);
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
