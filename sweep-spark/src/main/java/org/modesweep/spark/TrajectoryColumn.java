package org.modesweep.spark;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/**
 * One column of {@code trajectories/}: its name, Spark type, unit and description (written into the
 * Parquet footer with the schema), whether its values differ from row to row (then Parquet's
 * dictionary encoding only costs), and how a computed point gives its value.
 */
public record TrajectoryColumn(String name, DataType type, boolean nullable, String unit, String description,
                               boolean perTrajectory, Value value) implements Serializable {

    /** The value of the column for one computed point: a boxed value of {@link #type}, or null. */
    @FunctionalInterface
    public interface Value extends Serializable {
        Object of(ComputedPoint c);
    }

    /** Keys of a column's metadata in the Spark schema (and so in the Parquet footer's Spark schema). */
    public static final String UNIT = "unit";
    public static final String DESCRIPTION = "description";

    public StructField field() {
        return DataTypes.createStructField(name, type, nullable,
            new MetadataBuilder().putString(UNIT, unit).putString(DESCRIPTION, description).build());
    }

    /**
     * A spec-dependent column (e.g. a swept setup parameter), appended after the fixed ones; it takes
     * few values within a file, so Parquet's dictionary encoding stays on.
     */
    public static TrajectoryColumn ofDouble(String name, String unit, String description, Value value) {
        return new TrajectoryColumn(name, DataTypes.DoubleType, true, unit, description, false, value);
    }

    /** {@link #ofDouble} for a long column. */
    public static TrajectoryColumn ofLong(String name, String unit, String description, Value value) {
        return new TrajectoryColumn(name, DataTypes.LongType, true, unit, description, false, value);
    }
}
