package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoder;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.SweepSpec;

/** The one column declaration against Spark's own row encoder, for each kind of row (no Spark session). */
class TrajectoryRowsTest {
    private static final SweepSpec SPEC = SparkTestSupport.spec("""
        name: rows
        grid: {R: [2.5], d: [10], wStar: [0.6667], seeds: 1}
        setups:
          - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 50}}
          - {name: nvp, dynamics: {type: realnvp, steps: 5, layers: 2, width: 4, batch: 8, evalBatch: 32}}
        """, "unused");
    private static final TrajectoryRows TABLE = TrajectoryRows.of(SPEC);

    /** The row, by column name. Spark's serializer refuses a value whose Java type does not match its column's type, or a null in a non-null column. */
    private static Row encoded(Row row) {
        assertEquals(TABLE.schema().size(), row.size());
        @SuppressWarnings("unchecked")
        AgnosticEncoder<Row> encoder = (AgnosticEncoder<Row>) Encoders.row(TABLE.schema());
        ExpressionEncoder.apply(encoder).createSerializer().apply(row);
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return new GenericRowWithSchema(values, TABLE.schema());
    }

    private static GridPoint point(String setup) {
        PointSpace space = SPEC.points();
        for (long i = 0; i < space.size(); i++) {
            if (space.point(i).setup().equals(setup)) {
                return space.point(i);
            }
        }
        throw new AssertionError(setup);
    }

    @Test
    void mixtureRowHasStatesAndNoFlowColumns() {
        Row r = encoded(TABLE.compute(SPEC.points(), point("fixed-flow")));
        assertNotNull(r.getAs("m1"));
        assertEquals("fixed", r.getAs("weights"));
        assertNull(r.getAs("massPlus"));
        assertNull(r.getAs("coverTol"));
        double q11 = r.getAs("q11_0");
        double q22 = r.getAs("q22_0");
        assertEquals(r.<Double>getAs("q12_0") / Math.sqrt(q11 * q22), r.<Double>getAs("s_0"), 1e-15);
    }

    @Test
    void flowRowHasMassesAndNoMixtureColumns() {
        Row r = encoded(TABLE.compute(SPEC.points(), point("nvp")));
        assertEquals("realnvp", r.getAs("dynamicsType"));
        assertNull(r.getAs("m1"));
        assertNull(r.getAs("plateauTime"));
        assertNull(r.getAs("init"));
        assertNull(r.getAs("a0"));
        assertNotNull(r.getAs("massPlus"));
        assertNotNull(r.getAs("coverTol"));
        assertEquals(5L, r.<Long>getAs("cost"));
    }

    @Test
    void failedRowsCarryTheMessageAndNaNResults() {
        for (String setup : new String[] {"fixed-flow", "nvp"}) {
            GridPoint p = point(setup);
            Row r = encoded(TABLE.row(new ComputedPoint(SPEC, p, SPEC.points().setup(p), null,
                new IllegalStateException("boom"), 2, 1.5)));
            assertEquals("FAILED", r.getAs("outcome"));
            assertEquals("IllegalStateException: boom", r.getAs("error"));
            assertTrue(Double.isNaN(r.getAs("m1")), setup);
            assertTrue(Double.isNaN(r.getAs("plateauTime")), setup);
            assertEquals(2, r.<Integer>getAs("round"));
            assertEquals(p.pointId(), r.getAs("pointId"));
            assertEquals(setup.equals("nvp"), r.getAs("coverTol") != null, setup);
            assertEquals(setup.equals("nvp"), r.getAs("init") == null, setup);
        }
        Row noSetup = encoded(TABLE.row(new ComputedPoint(SPEC, point("nvp"), null, null, new IllegalArgumentException("x"),
            0, 0)));
        assertNull(noSetup.getAs("dynamics"));
        assertNull(noSetup.getAs("coverTol"));
    }
}
