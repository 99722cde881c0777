package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

/**
 * The time left of a run's progress: from the calibration until a trajectory has ended, then from the measured
 * trajectory time on all cores until a later chunk has rows (driver-side accumulators, no Spark job).
 */
class ProgressTest {

    @Test
    void theCalibratedRateStandsInUntilATrajectoryHasEnded() throws InterruptedException {
        List<SweepListener.Reading> readings = new ArrayList<>();
        SweepListener listener = new SweepListener() {
            @Override
            public synchronized void progress(SweepListener.Reading reading) {
                readings.add(reading);
            }

            @Override
            public synchronized void chunkDone(SweepListener.Reading reading, SweepListener.Chunk chunk) {
                readings.add(reading);
            }
        };
        LongAccumulator computed = new LongAccumulator();
        DoubleAccumulator trajectoryMillis = new DoubleAccumulator();
        try (Progress progress = new Progress(listener, 1_000, 0, computed, trajectoryMillis, 2, 80.0, 0)) {
            Thread.sleep(700); // the ticker's first reading, mid-chunk: nothing ended yet
            synchronized (listener) {
                computed.add(100);
                trajectoryMillis.add(4_000); // 100 trajectories in 4 s of core time on 2 cores: 50/s
                progress.chunkDone(1, 100, 2.0);
            }
        }
        SweepListener.Reading before = readings.get(0);
        assertEquals(0, before.done());
        assertTrue(before.planned(), "nothing ended yet: the calibration's rate");
        assertEquals(80.0, before.rate(), 1e-12);
        assertEquals(12.5, before.leftSeconds(), 1e-9, "1,000 left at 80/s");
        SweepListener.Reading after = readings.get(readings.size() - 1);
        assertFalse(after.planned(), "a measured rate once trajectories ended");
        assertEquals(50.0, after.rate(), 1e-9, "2 cores x 100 trajectories / 4 core-seconds");
        assertEquals(900 / 50.0, after.leftSeconds(), 1e-9);
    }
}
