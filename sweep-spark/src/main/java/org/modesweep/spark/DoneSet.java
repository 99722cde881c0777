package org.modesweep.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Which positions of the balanced order already have a row: whole blocks of {@link #BLOCK}
 * positions (the usual case after an interrupted run) plus single positions in partly done blocks.
 * Small enough to ship with every task. Opaque outside this package ({@link Resume#done}).
 */
public final class DoneSet implements Serializable {
    static final int BLOCK = 1024;
    static final DoneSet NONE = new DoneSet(new BitSet(), new long[0], 0);

    private final BitSet fullBlocks;
    private final long[] partial;
    private final long count;

    DoneSet(BitSet fullBlocks, long[] partialPositions, long count) {
        this.fullBlocks = fullBlocks;
        this.partial = partialPositions.clone();
        Arrays.sort(this.partial);
        this.count = count;
    }

    /** Every position of {@code [0, size)} done. */
    static DoneSet all(long size) {
        BitSet b = new BitSet();
        b.set(0, Math.toIntExact((size + BLOCK - 1) / BLOCK));
        return new DoneSet(b, new long[0], size);
    }

    long count() {
        return count;
    }

    boolean isDone(long position) {
        return fullBlocks.get(Math.toIntExact(position / BLOCK)) || Arrays.binarySearch(partial, position) >= 0;
    }

    boolean blockFull(long position) {
        return fullBlocks.get(Math.toIntExact(position / BLOCK));
    }

    /** The first position from {@code position} on that is not done ({@code size} if none is below it). */
    long nextMissing(long position, long size) {
        long p = position;
        while (p < size && isDone(p)) {
            p = blockFull(p) ? (p / BLOCK + 1) * BLOCK : p + 1;
        }
        return p;
    }

    /** Done positions in {@code [start, end)}. */
    long countIn(long start, long end) {
        long n = 0;
        long p = start;
        while (p < end) {
            long blockEnd = Math.min(end, (p / BLOCK + 1) * BLOCK);
            if (blockFull(p)) {
                n += blockEnd - p;
            } else {
                int lo = lowerBound(p);
                int hi = lowerBound(blockEnd);
                n += hi - lo;
            }
            p = blockEnd;
        }
        return n;
    }

    /** The part of this set inside {@code [start, end)} (what a chunk's tasks need). */
    DoneSet slice(long start, long end) {
        BitSet b = new BitSet();
        for (long blk = start / BLOCK; blk * BLOCK < end; blk++) {
            if (fullBlocks.get(Math.toIntExact(blk))) {
                b.set(Math.toIntExact(blk));
            }
        }
        long[] p = Arrays.copyOfRange(partial, lowerBound(start), lowerBound(end));
        return new DoneSet(b, p, countIn(start, end));
    }

    private int lowerBound(long value) {
        int i = Arrays.binarySearch(partial, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && partial[i - 1] == value) {
            i--;
        }
        return i;
    }
}
