package org.modesweep.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.modesweep.spark.Aggregates;
import org.modesweep.spark.Aggregates.RcRow;
import org.modesweep.spark.ExistingSweep;
import org.modesweep.spark.Manifest;
import org.modesweep.spark.OutputStatus;
import org.modesweep.spark.Sessions;
import org.modesweep.spark.SweepOutput;
import org.modesweep.spark.TrajectoryRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep show PATH}: prints a Parquet table of a sweep (or a sweep's summary). */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print a Parquet table of a sweep: trajectories/, probabilities/ or rc/ (or any Parquet folder).",
        "Given the sweep folder itself, print its manifest and R_c table.",
        "Numbers are shown to 4 significant digits and columns that do not fit the terminal are named underneath.",
        "Local outputs are read by DuckDB inside this command (about a second); Spark reads larger or remote ones (--engine)."})
final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "A table folder, e.g. data/runs/default/trajectories, or a sweep folder.")
    String path;
    @Option(names = {"-n", "--head"}, paramLabel = "N", defaultValue = "20", description = "Rows to print. Default: ${DEFAULT-VALUE}.")
    int head;
    @Option(names = "--where", paramLabel = "EXPR", description = "SQL filter (DuckDB and Spark read the same simple SQL), e.g. \"outcome = 'UNRESOLVED' and d = 1000\".")
    String where;
    @Option(names = "--columns", paramLabel = "COLS", split = ",", description = "Columns to show (comma-separated).")
    String[] columns;
    @Option(names = "--sort", paramLabel = "COLS", split = ",", description = "Sort by these columns.")
    String[] sort;
    @Option(names = "--csv", paramLabel = "FILE", description = "Also write every matching row (all, not only the head) to this CSV file.")
    Path csv;
    @Option(names = "--vertical", description = "One line per column (for wide rows).")
    boolean vertical;
    @Mixin
    TableEngine engine;

    /** What a query gives: column names, the first rows, and the count of all matching rows. */
    private record Shown(List<String> names, List<List<Object>> rows, long count) {
    }

    @Override
    public Integer call() {
        if (head < 0) {
            throw new IllegalArgumentException("--head must be >= 0");
        }
        if (csv != null) {
            requireParent(csv); // before any table is read
        }
        SweepOutput folder = TableEngine.output(path);
        boolean sweep = folder.exists(SweepOutput.SPEC); // a lost manifest does not hide the sweep: the data is the truth
        if (!sweep && !folder.isDirectory() && !folder.root().getName().endsWith(".parquet")) {
            throw new IllegalArgumentException(path + " is not a Parquet table folder");
        }
        boolean trajectories = folder.root().getName().equals(SweepOutput.TRAJECTORIES);
        if (engine.duckdb(path)) {
            try (LocalTables db = LocalTables.open()) {
                OutputStatus status = checked(folder, sweep, trajectories, db.footers());
                if (sweep) {
                    showSweep(folder, status, folder.hasParquet(SweepOutput.RC) ? db.readRc(folder) : List.of());
                } else {
                    print(folder, local(db, folder, trajectories));
                }
            }
            return 0;
        }
        OutputStatus status = checked(folder, sweep, trajectories, folder.parquetFooters());
        SparkSession spark = Sessions.open("sweep show", engine.master, "local[*]", false);
        try {
            if (sweep) {
                showSweep(folder, status, folder.hasParquet(SweepOutput.RC)
                    ? Aggregates.readRc(spark, folder.uri(SweepOutput.RC)) : List.of());
            } else {
                print(folder, spark(spark, folder, trajectories));
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    /**
     * Refuses a sweep's {@code trajectories/} holding foreign, damaged or another sweep's parts, by name, before
     * anything is read; the status of the sweep {@code folder} is (null when it is a table).
     */
    private static OutputStatus checked(SweepOutput folder, boolean sweep, boolean trajectories, SweepOutput.Footers footers) {
        if (trajectories && folder.root().getParent() != null) {
            SweepOutput parent = folder.sibling(folder.root().getParent().toString());
            if (parent.exists(SweepOutput.SPEC)) {
                OutputStatus.of(parent, ExistingSweep.spec(parent), parent.manifest(), footers).requireSound();
            } else {
                parent.requireSoundTable(SweepOutput.TRAJECTORIES, footers);
            }
        }
        return sweep ? OutputStatus.of(folder, ExistingSweep.spec(folder), folder.manifest(), footers).requireSound() : null;
    }

    private void print(SweepOutput folder, Shown shown) {
        System.out.printf("%s: %d rows%s%n", folder.root(), shown.count(),
            shown.count() > head ? " (first " + head + " shown)" : "");
        if (head > 0) {
            System.out.print(vertical ? TextTable.vertical(shown.names(), shown.rows())
                : TextTable.render(shown.names(), shown.rows(), TextTable.terminalWidth()));
        }
    }

    private Shown local(LocalTables db, SweepOutput folder, boolean trajectories) {
        java.nio.file.Path dir = java.nio.file.Path.of(folder.root().toUri());
        if (!trajectories && Files.isDirectory(dir) && !hasOwnParquet(dir)) {
            throw new IllegalArgumentException(path + " holds no Parquet files: give a table folder (e.g. "
                + SweepOutput.TRAJECTORIES + "/, " + SweepOutput.PROBABILITIES + "/, " + SweepOutput.RC + "/) or a sweep"
                + " folder (with " + SweepOutput.MANIFEST + ")");
        }
        String from = Files.isDirectory(dir) ? LocalTables.relation(dir, trajectories, false)
            : "read_parquet('" + dir.toString().replace("'", "''") + "')";
        String select = columns != null ? String.join(", ", Arrays.stream(columns).map(String::trim).toList())
            : trajectories ? String.join(", ", schemaOrder(db.columns(from)).stream().map(c -> '"' + c + '"').toList())
            : "*";
        String sql = "select " + select + " from " + from + (where == null ? "" : " where " + where)
            + (sort == null ? "" : " order by " + String.join(", ", Arrays.stream(sort).map(String::trim).toList()));
        long[] count = new long[1];
        db.query("select count(*) from (" + sql + ")", r -> count[0] = r.getLong(1));
        List<String> names = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        db.query(sql + " limit " + head, r -> {
            int n = r.getMetaData().getColumnCount();
            if (names.isEmpty()) {
                for (int c = 1; c <= n; c++) {
                    names.add(r.getMetaData().getColumnLabel(c));
                }
            }
            List<Object> row = new ArrayList<>(n);
            for (int c = 1; c <= n; c++) {
                row.add(r.getObject(c));
            }
            rows.add(row);
        });
        if (csv != null) {
            requireParent(csv);
            db.execute("copy (" + sql + ") to '" + csv.toAbsolutePath().toString().replace("'", "''") + "' (header, delimiter ',')");
            System.out.printf("wrote %d rows to %s%n", count[0], csv);
        }
        return new Shown(names, rows, count[0]);
    }

    /** Whether a folder itself (not a subfolder) holds a visible Parquet file. */
    private static boolean hasOwnParquet(java.nio.file.Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                .anyMatch(n -> n.endsWith(".parquet") && !n.startsWith("_") && !n.startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Trajectory columns as Spark shows them: the fixed ones in schema order, then a spec's extra columns. */
    private static List<String> schemaOrder(List<String> present) {
        List<String> ordered = new ArrayList<>(Arrays.stream(TrajectoryRows.SCHEMA.fieldNames()).filter(present::contains).toList());
        present.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        return ordered;
    }

    private Shown spark(SparkSession spark, SweepOutput folder, boolean trajectories) {
        Dataset<Row> df;
        try {
            df = trajectories ? TrajectoryRows.read(spark, folder.root().toString(), false)
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
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : df.limit(head).collectAsList()) {
            List<Object> row = new ArrayList<>(r.length());
            for (int i = 0; i < r.length(); i++) {
                row.add(r.get(i));
            }
            rows.add(row);
        }
        if (csv != null) {
            long written = writeCsv(df, csv);
            System.out.printf("wrote %d rows to %s%n", written, csv);
        }
        return new Shown(List.of(df.columns()), rows, count);
    }

    /** A sweep's manifest, its status (counted from the data, not the manifest) and its R_c table. */
    private static void showSweep(SweepOutput folder, OutputStatus status, List<RcRow> rc) {
        Manifest m = folder.manifest();
        System.out.printf("sweep at %s%n  %s: %s%n  %s%n", folder.root(), status.describe(),
            status.complete() ? "complete" : "INCOMPLETE (rerun `sweep run` with its spec to finish)", m == null
                ? "no readable " + SweepOutput.MANIFEST + " (`sweep repair` rebuilds it; `sweep run` does too)"
                : "'" + m.name() + "', spec hash " + m.specHash() + ", engine " + m.engineVersion() + ", last run "
                    + m.updated() + (m.completed() ? "" : " (did not finish)"));
        for (String t : new String[] {SweepOutput.TRAJECTORIES, SweepOutput.PROBABILITIES, SweepOutput.RC}) {
            System.out.printf("  %-14s %s%n", t + "/", folder.hasParquet(t) ? "sweep show " + folder.uri(t) : "(none)");
        }
        if (!rc.isEmpty()) {
            System.out.println();
            System.out.print(Aggregates.table(rc));
        }
    }

    /** A CSV goes into an existing folder: a mistyped path is refused, not created. */
    private static void requireParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--csv " + file + ": the folder " + parent + " does not exist");
        }
    }

    private static long writeCsv(Dataset<Row> df, Path file) {
        requireParent(file);
        try {
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
