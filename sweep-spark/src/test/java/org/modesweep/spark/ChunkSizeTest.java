package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Chunks last about 20-120 s of the measured (or, for the first, calibrated) rate, and never leave a sliver of a chunk
 * for a job of its own.
 */
class ChunkSizeTest {

    @Test
    void aChunkIsTwentySecondsOfWorkUntilAFifteenthOfWhatIsLeftIsMore() {
        assertEquals(2_000, ChunkSize.adapt(100, 10_000, 8), "20 s at 100/s");
        assertEquals(12_000, ChunkSize.adapt(100, 1_200_000, 8), "a fifteenth of 12,000 s is 800 s: capped at 120 s");
        assertEquals(3_000, ChunkSize.adapt(100, 45_000, 8), "a fifteenth of 450 s");
        assertEquals(32, ChunkSize.adapt(0.01, 1_000, 8), "at least 4 rows per partition");
    }

    @Test
    void aRemainderUnderHalfAChunkJoinsTheChunk() {
        assertEquals(2_900, ChunkSize.adapt(100, 2_900, 8), "900 left after 2,000 would be a job of its own");
        assertEquals(2_000, ChunkSize.adapt(100, 3_100, 8), "1,100 left is more than half a chunk: a chunk of its own");
        assertEquals(2_000, ChunkSize.adapt(100, 500, 8), "less than a chunk left: the chunk ends at the grid's end");
    }

    @Test
    void aCalibratedRateMakesTheFirstChunkAFullOne() {
        assertEquals(64, new ChunkSize(null, 8, 2, Double.NaN).first(100_000), "no rate: 8 tasks' worth, to measure one");
        assertEquals(240_000, new ChunkSize(null, 8, 2, 12_000).first(100_000), "20 s at 12,000/s: all 100,000 in one chunk");
        assertEquals(2_000, new ChunkSize(null, 8, 2, 100).first(10_000), "20 s at 100/s, as the chunks after it");
        assertEquals(500, new ChunkSize(500, 8, 2, 100).first(10_000), "the spec's spark.chunk wins");
    }
}
