package org.modesweep.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * The sweep identity each Parquet part of {@code trajectories/} carries: per setup name of the spec
 * that wrote it, the {@link SweepSpec#rowsIdentity} of each of its variants (one for an unswept
 * setup), comma-separated. A part is the sweep's own when the identities it carries for its setup
 * are among the sweep's (an extended spec has more, never other ones). It rides as metadata of the {@code pointId} column,
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

    /** Setup name to the identities of its variants, for every setup of the spec. */
    static Map<String, Set<String>> expected(SweepSpec spec) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (SetupSpec s : spec.setups()) {
            m.computeIfAbsent(s.name(), k -> new TreeSet<>()).add(spec.rowsIdentity(s));
        }
        return m;
    }

    /** The rows with the spec's identity attached to {@code pointId} (column order unchanged). */
    static Dataset<Row> tag(Dataset<Row> rows, SweepSpec spec) {
        MetadataBuilder ids = new MetadataBuilder();
        expected(spec).forEach((setup, identities) -> ids.putString(setup, String.join(",", identities)));
        Metadata meta = new MetadataBuilder().withMetadata(rows.schema().apply("pointId").metadata()) // keeps its unit, doc
            .putMetadata(KEY, ids.build()).build();
        Column[] cols = new Column[rows.columns().length];
        for (int i = 0; i < cols.length; i++) {
            String c = rows.columns()[i];
            cols[i] = c.equals("pointId") ? functions.col(c).as(c, meta) : functions.col(c);
        }
        return rows.select(cols);
    }

    /** Columns every trajectory row has had (others come and go with the spec: axis columns). */
    private static final List<String> CORE_COLUMNS = List.of("pointId", "R", "wStar", "seedIndex", "seed", "outcome",
        "collapse", "round");

    /**
     * What a footer's Spark schema says: the identities the part carries for {@code setup} (null if
     * none) and, if its columns are not those of trajectory rows, one that is missing.
     */
    record Found(Set<String> identities, String missingColumn) {
        boolean trajectoryColumns() {
            return missingColumn == null;
        }
    }

    static Found read(Map<String, String> footer, String setup) throws IOException {
        String schema = footer.get(SPARK_SCHEMA_KEY);
        if (schema == null) {
            return new Found(null, "(no Spark schema)");
        }
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        Manifest.JSON.readTree(schema).path("fields").forEach(f -> byName.put(f.path("name").asText(), f));
        for (String c : CORE_COLUMNS) {
            if (!byName.containsKey(c)) {
                return new Found(null, c);
            }
        }
        JsonNode ids = byName.get("pointId").path("metadata").path(KEY).path(setup);
        return new Found(ids.isTextual() ? new TreeSet<>(Arrays.asList(ids.asText().split(","))) : null, null);
    }
}
