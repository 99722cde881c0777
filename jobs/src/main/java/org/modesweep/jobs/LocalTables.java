package org.modesweep.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modesweep.spark.Aggregates;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;
import org.modesweep.spark.SweepOutput;

/**
 * A sweep's Parquet tables read by DuckDB inside this JVM, so that {@code show}, {@code rc} and
 * {@code plot} answer in a second or two where starting Spark takes ten. The aggregation is the
 * same SQL as Spark's ({@link Aggregates#PROBABILITY_SQL}) and R_c the same estimator.
 */
final class LocalTables implements AutoCloseable {
    private final Connection db;

    private LocalTables(Connection db) {
        this.db = db;
    }

    /** Whether DuckDB is on the classpath (the shaded cluster jar leaves it out). */
    static boolean available() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static LocalTables open() {
        try {
            return new LocalTables(DriverManager.getConnection("jdbc:duckdb:"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    /**
     * A table folder as a DuckDB relation: {@code trajectories/} with its {@code setup=/d=} folders as
     * columns ({@code dedupe}: one row per {@code pointId}), any other folder as its Parquet files.
     * Hidden files ({@code _SUCCESS}, {@code _temporary/}, {@code .spark-staging}) are left out, as Spark does.
     */
    static String relation(java.nio.file.Path folder, boolean trajectories, boolean dedupe) {
        String dir = folder.toAbsolutePath().toString().replace("'", "''");
        if (!trajectories) {
            return "read_parquet('" + dir + "/[!_.]*.parquet')";
        }
        String scan = "read_parquet('" + dir + "/setup=*/d=*/[!_.]*.parquet', hive_partitioning = true,"
            + " hive_types = {'setup': VARCHAR, 'd': BIGINT}, union_by_name = true)";
        return dedupe ? "(select * from " + scan + " qualify row_number() over (partition by pointId) = 1)" : scan;
    }

    /**
     * Parquet footers (row count, key-value metadata) read by DuckDB in one pass: parquet-java would start Hadoop
     * and log4j first, most of a second. If one file cannot be read, each is read alone to say which and why.
     */
    SweepOutput.Footers footers() {
        return files -> {
            List<String> local = files.stream().map(f -> new org.apache.hadoop.fs.Path(f).toUri().getPath()).toList();
            try {
                return footers(local);
            } catch (IllegalArgumentException damaged) {
                List<SweepOutput.Footer> read = new ArrayList<>();
                for (String f : local) {
                    try {
                        read.addAll(footers(List.of(f)));
                    } catch (IllegalArgumentException e) {
                        read.add(SweepOutput.Footer.damaged(e));
                    }
                }
                return read;
            }
        };
    }

    private List<SweepOutput.Footer> footers(List<String> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        String list = "[" + String.join(", ", files.stream().map(f -> "'" + f.replace("'", "''") + "'").toList()) + "]";
        Map<String, Long> rows = new java.util.HashMap<>();
        query("select file_name, num_rows from parquet_file_metadata(" + list + ")", r -> rows.put(r.getString(1), r.getLong(2)));
        Map<String, Map<String, String>> metadata = new java.util.HashMap<>();
        query("select file_name, decode(key), decode(value) from parquet_kv_metadata(" + list + ")",
            r -> metadata.computeIfAbsent(r.getString(1), k -> new java.util.HashMap<>()).put(r.getString(2), r.getString(3)));
        return files.stream().map(f -> new SweepOutput.Footer(rows.get(f), metadata.getOrDefault(f, Map.of()), null)).toList();
    }

    /** The local folder of a table of {@code out}. */
    static java.nio.file.Path folder(SweepOutput out, String table) {
        return java.nio.file.Path.of(out.path(table).toUri());
    }

    /** Collapse probabilities from {@code trajectories/}, the same rows as Spark's {@link Aggregates#probabilities}. */
    List<Probability> probabilities(SweepOutput out, List<String> axes, double confidence, List<String> setupOrder) {
        List<String> keys = Aggregates.probabilityKeys(axes);
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", keys));
        for (Map.Entry<String, String> e : Aggregates.PROBABILITY_SQL.entrySet()) {
            sql.append(", ").append(e.getValue()).append(" as ").append(e.getKey());
        }
        sql.append(" from ").append(relation(folder(out, SweepOutput.TRAJECTORIES), true, true))
            .append(" group by ").append(String.join(", ", keys));
        List<Probability> rows = new ArrayList<>();
        query(sql.toString(), r -> rows.add(Probability.of(column(r), axes, confidence)));
        return Aggregates.probabilities(rows, setupOrder);
    }

    /** A saved {@code probabilities/} table. */
    List<Probability> readProbabilities(SweepOutput out) {
        List<Probability> rows = new ArrayList<>();
        String relation = relation(folder(out, SweepOutput.PROBABILITIES), false, false);
        List<String> axes = Aggregates.axes(columns(relation));
        query("select * from " + relation, r -> rows.add(Probability.of(column(r), axes, r.getDouble("confidence"))));
        return Aggregates.probabilities(rows, null);
    }

    /** A saved {@code rc/} table. */
    List<RcRow> readRc(SweepOutput out) {
        List<RcRow> rows = new ArrayList<>();
        String relation = relation(folder(out, SweepOutput.RC), false, false);
        List<String> axes = Aggregates.axes(columns(relation));
        query("select * from " + relation, r -> rows.add(RcRow.of(column(r), axes)));
        return Aggregates.rcOrder(rows);
    }

    /** The column names of a relation, in its order. */
    List<String> columns(String relation) {
        List<String> names = new ArrayList<>();
        query("describe select * from " + relation, r -> names.add(r.getString(1)));
        return names;
    }

    /** Reads a column of the current row by name; SQL NULL is null. */
    static java.util.function.Function<String, Object> column(ResultSet r) {
        return name -> {
            try {
                return r.getObject(name);
            } catch (SQLException e) {
                throw new IllegalArgumentException("no column " + name + ": " + e.getMessage(), e);
            }
        };
    }

    /** A row handler that may read the result set. */
    interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql} and hands each row to {@code handler}; DuckDB's errors become one-line bad-input errors. */
    void query(String sql, RowHandler handler) {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                handler.accept(r);
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()), e);
        }
    }

    void execute(String sql) {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "DuckDB error" : message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
