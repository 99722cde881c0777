package org.modesweep.core;

import org.modesweep.core.anneal.Anneal;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

/**
 * The loop shared by the step-based dynamics: {@code t = η × steps}, convergence when the last
 * step's change divided by {@code η} is under the tolerance (THEORY.md §5), plateau time counted in
 * whole steps, and output at the first step at or past each multiple of the recording interval.
 * Annealed, each step is taken at {@code β} of its start time, and a step counts towards convergence
 * only if it starts at or after {@code tau} (THEORY.md §9).
 */
final class DiscreteTraining {

    private DiscreteTraining() {
    }

    /**
     * Steps {@code step} takes one after another, the {@code n}-th ({@code n = 0, 1, ...}) at {@code β(nη)},
     * the inverse temperature at its start.
     */
    static Supplier<State> annealed(double eta, Anneal anneal, DoubleFunction<State> step) {
        long[] n = {0};
        return () -> step.apply(anneal.beta(n[0]++ * eta));
    }

    /**
     * @param step advances the training by one step (at {@code β} of its start, see {@link #annealed}) and
     *             returns the new overlaps
     */
    static Run run(double eta, double tMax, double tol, Anneal anneal, State start, double plateauCos,
                   Recorder recorder, Supplier<State> step) {
        long steps = Math.round(Math.ceil(tMax / eta - 1e-9));
        PlateauClock plateau = new PlateauClock(0, false);
        State y = start;
        long nextOutput = 1;
        recorder.record(0, y);
        long n = 0;
        boolean converged = false;
        String error = null;
        double settled = anneal.settled();
        while (n < steps) {
            double t0 = n * eta;
            State next = step.get();
            plateau.advance(eta, y.onPlateau(plateauCos));
            n++;
            if (!next.isFinite()) {
                error = "non-finite state after step " + n;
                break;
            }
            double change = next.maxAbsDifference(y, eta);
            y = next;
            double t = n * eta;
            if (change < tol && t0 >= settled) {
                converged = true;
                break;
            }
            if (n < steps && t >= nextOutput * recorder.every() - 1e-9 * eta) {
                recorder.record(t, y);
                nextOutput = (long) Math.floor(t / recorder.every() + 1e-9) + 1;
            }
        }
        double tFinal = n * eta;
        if (n > 0) {
            recorder.record(tFinal, y);
        }
        return new Run(y, tFinal, converged, plateau.total(tFinal), n, error);
    }
}
