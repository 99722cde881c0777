package org.modesweep.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * The sweep identity each Parquet part of {@code trajectories/} carries: per setup of the spec that
 * wrote it, {@link SweepSpec#rowsIdentity}. It rides as metadata of the {@code pointId} column,
 * which Spark stores in every part's footer (key {@value #SPARK_SCHEMA_KEY}, the row schema as
 * JSON): no writer option or side file to lose, written in the same commit as the rows, and read
 * back from the footer alone (Parquet readers such as DuckDB see it as key-value metadata).
 */
final class PartIdentity {
    /** The footer key under which Spark stores the row schema (with column metadata). */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    static final String KEY = "modesweep.identity";

    private PartIdentity() {
    }

    /** Setup name to identity, for every setup of the spec. */
    static Map<String, String> expected(SweepSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        for (SetupSpec s : spec.setups()) {
            m.put(s.name(), spec.rowsIdentity(s));
        }
        return m;
    }

    /** The rows with the spec's identity attached to {@code pointId} (column order unchanged). */
    static Dataset<Row> tag(Dataset<Row> rows, SweepSpec spec) {
        MetadataBuilder ids = new MetadataBuilder();
        expected(spec).forEach(ids::putString);
        Metadata meta = new MetadataBuilder().withMetadata(rows.schema().apply("pointId").metadata()) // keeps its unit, doc
            .putMetadata(KEY, ids.build()).build();
        Column[] cols = new Column[rows.columns().length];
        for (int i = 0; i < cols.length; i++) {
            String c = rows.columns()[i];
            cols[i] = c.equals("pointId") ? functions.col(c).as(c, meta) : functions.col(c);
        }
        return rows.select(cols);
    }

    /**
     * What a footer's Spark schema says: the identity of {@code setup} (null if the part carries
     * none) and whether its columns are those of trajectory rows.
     */
    record Found(String identity, boolean trajectoryColumns, String missingColumn) {
    }

    static Found read(Map<String, String> footer, String setup) throws IOException {
        String schema = footer.get(SPARK_SCHEMA_KEY);
        if (schema == null) {
            return new Found(null, false, "(no Spark schema)");
        }
        JsonNode fields = Manifest.JSON.readTree(schema).path("fields");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.path("name").asText(), f));
        for (String c : TrajectoryRows.SCHEMA.fieldNames()) {
            if (!byName.containsKey(c) && !java.util.Arrays.asList(TrajectoryRows.PARTITIONS).contains(c)) {
                return new Found(null, false, c);
            }
        }
        JsonNode id = byName.get("pointId").path("metadata").path(KEY).path(setup);
        return new Found(id.isTextual() ? id.asText() : null, true, null);
    }
}
