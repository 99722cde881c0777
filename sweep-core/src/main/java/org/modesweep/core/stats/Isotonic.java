package org.modesweep.core.stats;

/** Weighted isotonic (non-decreasing) regression by pool-adjacent-violators. */
final class Isotonic {
    private Isotonic() {
    }

    /** The non-decreasing sequence closest to {@code y} in weighted least squares. */
    static double[] fit(double[] y, double[] weight) {
        int n = y.length;
        double[] mean = new double[n];
        double[] blockWeight = new double[n];
        int[] blockSize = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            mean[blocks] = y[i];
            blockWeight[blocks] = weight[i];
            blockSize[blocks] = 1;
            blocks++;
            // Merge backwards while the newest block undercuts its predecessor.
            while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                int a = blocks - 2;
                int b = blocks - 1;
                double w = blockWeight[a] + blockWeight[b];
                mean[a] = (mean[a] * blockWeight[a] + mean[b] * blockWeight[b]) / w;
                blockWeight[a] = w;
                blockSize[a] += blockSize[b];
                blocks--;
            }
        }
        double[] fitted = new double[n];
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < blockSize[b]; j++) {
                fitted[i++] = mean[b];
            }
        }
        return fitted;
    }
}
