package org.modesweep.core.stats;

import java.util.List;

/**
 * The isotonic (monotone) fit of P(R) at the measured radii, with a pointwise percentile band over
 * the same stratified bootstrap resamples the R_c interval uses: the curve the P(R) figures draw.
 */
public record MonotoneFit(double[] radius, double[] probability, double[] low, double[] high) {

    /**
     * @param radius    distinct radii
     * @param trials    trajectories at each radius (all > 0)
     * @param collapses collapses among them
     * @param resamples bootstrap resamples for the band (0: the band is the fit itself)
     */
    public static MonotoneFit of(double[] radius, long[] trials, long[] collapses, int resamples, double confidence,
                                 long seed) {
        Args.openUnit("confidence", confidence);
        Counts counts = Counts.of(radius, trials, collapses);
        MonotoneCurve fit = MonotoneCurve.fit(counts);
        int k = counts.size();
        double[] low = fit.probability.clone();
        double[] high = fit.probability.clone();
        if (resamples > 0) {
            List<MonotoneCurve> curves = Bootstrap.resamples(counts, resamples, seed).stream().map(MonotoneCurve::fit).toList();
            for (int i = 0; i < k; i++) {
                double[] atRadius = new double[curves.size()];
                for (int b = 0; b < atRadius.length; b++) {
                    atRadius[b] = curves.get(b).probability[i];
                }
                Interval band = Bootstrap.percentile(atRadius, confidence);
                low[i] = band.low();
                high[i] = band.high();
            }
        }
        return new MonotoneFit(counts.radius, fit.probability, low, high);
    }
}
