package org.modesweep.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.modesweep.spark.SweepOutput;
import picocli.CommandLine.Option;

/**
 * Which engine reads results for {@code show}, {@code rc} and {@code plot}: DuckDB in this JVM for local
 * outputs up to {@link #LOCAL_LIMIT_BYTES} of Parquet (answers in seconds), Spark for anything larger or
 * not on the local file system.
 */
final class TableEngine {
    /** A DuckDB aggregation over this much Parquet takes tens of seconds on 2 cores; beyond it Spark can spread out. */
    static final long LOCAL_LIMIT_BYTES = 4L << 30;
    static final String HELP = "auto | duckdb | spark. auto (default): DuckDB inside this JVM for a local output of up to 4 GiB"
        + " of Parquet (about 3e7 trajectory rows), Spark for larger or remote (hdfs://, s3a://) outputs.";

    enum Kind { AUTO, DUCKDB, SPARK }

    @Option(names = "--engine", paramLabel = "E", defaultValue = "auto", description = HELP)
    String engine;
    @Option(names = "--master", paramLabel = "M", description = "Spark master when Spark reads. Default: local[*].")
    String master;

    private Kind kind() {
        try {
            return Kind.valueOf(engine.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--engine must be auto, duckdb or spark, got '" + engine + "'");
        }
    }

    /** Whether DuckDB reads {@code folder} (a table or sweep folder at {@code uri}). */
    boolean duckdb(String uri) {
        Kind k = kind();
        if (k == Kind.SPARK) {
            return false;
        }
        boolean local = !uri.contains("://") || uri.startsWith("file:");
        if (k == Kind.DUCKDB) {
            if (!local || !LocalTables.available()) {
                throw new IllegalArgumentException("--engine duckdb needs a local output and DuckDB on the classpath"
                    + " (jobs/bin/sweep has it; the shaded cluster jar does not)");
            }
            return true;
        }
        return local && LocalTables.available() && parquetBytes(Path.of(output(uri).root().toUri())) <= LOCAL_LIMIT_BYTES;
    }

    static long parquetBytes(Path folder) {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The output (or table) at {@code uri}; a local path that does not exist is refused here, with its name. */
    static SweepOutput output(String uri) {
        SweepOutput out = SweepOutput.at(uri);
        if (out.isLocal() && !Files.exists(Path.of(out.root().toUri()))) {
            throw new IllegalArgumentException(uri + ": no such file or folder");
        }
        return out;
    }
}
