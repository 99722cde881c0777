package org.modesweep.core.realnvp;

/**
 * What a RealNVP training reports at a step, estimated on its fixed evaluation batch: the reverse
 * KL, the mass on the {@code +μ*} side of the hyperplane {@code x·μ* = 0} (the {@code −μ*} side has
 * {@code 1 − massPlus}) and the projection {@code E_q[x]·μ* / R} of the flow's mean.
 */
public record FlowMeasure(long step, double kl, double massPlus, double meanProj) {

    public double massMinus() {
        return 1 - massPlus;
    }

    public boolean isFinite() {
        return Double.isFinite(kl) && Double.isFinite(massPlus) && Double.isFinite(meanProj);
    }
}
