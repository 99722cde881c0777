package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Chunks last about 20-120 s of the measured rate, and never leave a sliver of a chunk for a job of its own. */
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
}
