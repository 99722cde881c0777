package org.modesweep.core.figure;

/**
 * What the figures need of one trajectory row: coordinates, explicit start cosines (null for random
 * starts), outcome, plateau time, time reached, and the final overlaps {@code m1, m2}.
 */
public record RunSummary(String pointId, String setup, double R, long d, double wStar, Double startM1, Double startM2,
                         Double startS, int seedIndex, String outcome, double plateauTime, double tFinal,
                         double m1, double m2) {

    /** Ends with both components on the same side of the equator, each with {@code |m_k| > alignCos}. */
    public boolean endsOnPlateau(double alignCos) {
        return Math.min(m1, m2) > alignCos || -Math.max(m1, m2) > alignCos;
    }

    /** The (R, d, wStar) point the run belongs to, as a map key. */
    public Group group() {
        return new Group(R, d, wStar);
    }

    /** A point of the (R, d, wStar) grid. */
    public record Group(double R, long d, double wStar) {
    }
}
