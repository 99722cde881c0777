package org.modesweep.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.modesweep.core.Recorder;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.PointSpace;

/**
 * Executor side of a chunk: expands each position of the balanced order to its grid point (from
 * the broadcast {@link PointSpace}), skips points that already have a row, and runs the core
 * engine lazily, one row at a time; when the spec records series, each row also carries its
 * series ({@link SeriesRows#chunk}).
 */
final class ComputePartition implements MapPartitionsFunction<Long, Row> {
    private final TrajectoryRows table;
    private final Broadcast<PointSpace> space;
    private final DoneSet done;
    private final LongAccumulator computed;
    private final DoubleAccumulator wallMs;
    private final long start;
    private final long end;
    private final int slots;

    /** Computes positions {@code start..end} (exclusive) of the balanced order, split evenly over {@code slots} tasks. */
    ComputePartition(TrajectoryRows table, Broadcast<PointSpace> space, DoneSet done, LongAccumulator computed,
                     DoubleAccumulator wallMs, long start, long end, int slots) {
        this.table = table;
        this.space = space;
        this.done = done;
        this.computed = computed;
        this.wallMs = wallMs;
        this.start = start;
        this.end = end;
        this.slots = slots;
    }

    /** The task of {@code slot} (its one input) computes its share of the chunk, as Spark splits a range. */
    @Override
    public Iterator<Row> call(Iterator<Long> slot) {
        if (!slot.hasNext()) { // Spark's row iterators fill on hasNext
            return java.util.Collections.emptyIterator();
        }
        PointSpace points = space.value();
        long k = slot.next();
        long first = start + (end - start) * k / slots;
        long last = start + (end - start) * (k + 1) / slots;
        return new Iterator<>() {
            private long cursor = first;
            private Long next = advance();

            private Long advance() {
                for (; cursor < last; cursor++) {
                    if (!done.isDone(cursor)) {
                        return cursor++;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                long position = next;
                next = advance();
                long t0 = System.nanoTime();
                GridPoint point = points.pointAt(position);
                Row row;
                if (points.spec().record() == null) {
                    row = table.compute(points, point);
                } else {
                    boolean recorded = points.spec().records(point.setup(), point.seedIndex());
                    SeriesRows.Collector series = new SeriesRows.Collector(
                        recorded ? points.spec().record().every() : Double.POSITIVE_INFINITY);
                    row = SeriesRows.withSeries(table.compute(points, point, 0, recorded ? series : Recorder.NONE),
                        series.samples());
                }
                wallMs.add((System.nanoTime() - t0) / 1e6);
                computed.add(1);
                return row;
            }
        };
    }
}
