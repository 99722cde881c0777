package org.modesweep.core.sweep;

/**
 * Per-trajectory seeds: a fixed SplitMix64-style mix of (sweep seed, draw id, seed index), so a
 * seed never depends on partitioning, order, retries or time. The draw id hashes the coordinates
 * without the setup ({@link PointSpace}), so setups share their random starts.
 */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijection on 64-bit values. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of trajectory {@code seedIndex} with this draw id (16 hex digits). */
    public static long trajectorySeed(long sweepSeed, String drawId, int seedIndex) {
        long id = Long.parseUnsignedLong(drawId, 16);
        long z = mix64(sweepSeed + GOLDEN);
        z = mix64(z ^ id);
        return mix64(z + GOLDEN * (seedIndex + 1L));
    }
}
