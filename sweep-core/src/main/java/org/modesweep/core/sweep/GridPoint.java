package org.modesweep.core.sweep;

import java.io.Serializable;

/**
 * One grid point = one trajectory: the setup, the coordinates {@code (R, d, wStar)}, the explicit
 * start (null for random starts) and the seed index; {@code pointId} is a stable hash of all of
 * them, of the setup's canonical description and of the classification thresholds; {@code seed}
 * the derived trajectory seed, which leaves the setup out (setups share starts).
 * {@code index} is its position in the expansion order of the grid (setup, d, wStar, R, start, seed).
 */
public record GridPoint(long index, int setupIndex, String setup, double R, long d, double wStar,
                        StartCosines start, int seedIndex, String pointId, long seed) implements Serializable {
}
