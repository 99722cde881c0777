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

    ComputePartition(TrajectoryRows table, Broadcast<PointSpace> space, DoneSet done, LongAccumulator computed,
                     DoubleAccumulator wallMs) {
        this.table = table;
        this.space = space;
        this.done = done;
        this.computed = computed;
        this.wallMs = wallMs;
    }

    @Override
    public Iterator<Row> call(Iterator<Long> positions) {
        PointSpace points = space.value();
        return new Iterator<>() {
            private Long next = advance();

            private Long advance() {
                while (positions.hasNext()) {
                    Long p = positions.next();
                    if (!done.isDone(p)) {
                        return p;
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
