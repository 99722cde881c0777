package org.modesweep.core.figure;

/** The recorded states of one trajectory, in time order: {@code m_k = M_k/R²} and the weight {@code w1}. */
public record Series(String pointId, double[] t, double[] m1, double[] m2, double[] w1) {
}
