package org.modesweep.core.sweep;

import java.io.Serializable;

/**
 * The {@code spark} block: the master URL, the number of partitions per chunk (null: four per
 * core), the number of trajectories per chunk (null: chosen from the grid size) and whether the
 * Spark UI is on. Not part of the spec hash: a sweep may be resumed on another master.
 */
public record SparkSpec(String master, Integer partitions, Integer chunk, boolean ui) implements Serializable {

    public static final String DEFAULT_MASTER = "local[*]";

    public SparkSpec withMaster(String newMaster) {
        return new SparkSpec(newMaster, partitions, chunk, ui);
    }
}
