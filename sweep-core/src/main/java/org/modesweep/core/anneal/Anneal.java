package org.modesweep.core.anneal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Annealing (THEORY.md §9): training minimises {@code E_q[log q − β log p]} with the inverse temperature
 * {@code β(t)} raised from {@code beta0} at {@code t = 0} to 1 at {@code t = tau}, and 1 after.
 * {@link #NONE} is no annealing: {@code β ≡ 1}, written {@code (none, beta0 = 1, tau = 0)} in rows (the
 * schedule reached 1 at the start). Time is the dynamics' own: {@code t} for the flow, {@code η × steps}
 * for {@code gd} and {@code sgd}, steps for {@code realnvp}.
 *
 * <p>The rules on {@code beta0} and {@code tau} live here once ({@link #beta0Problem}, {@link #tauProblem}),
 * for the spec parser and the command line.
 */
public record Anneal(Schedule schedule, double beta0, double tau) implements Serializable {

    /** How {@code β} rises from {@code beta0} to 1 over {@code [0, tau]}. */
    public enum Schedule {
        /** No annealing. */
        NONE,
        /** {@code β0 + (1 − β0) t/τ}. */
        LINEAR,
        /** {@code β0^(1 − t/τ)}: the temperature decays geometrically from {@code 1/β0} to 1. */
        GEOMETRIC;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The schedules a user can ask for (not {@code none}, which is the absence of the key). */
        public static List<String> labels() {
            return Arrays.stream(values()).filter(s -> s != NONE).map(Schedule::label).toList();
        }

        /** The schedule of a user-given name ({@code linear} or {@code geometric}), null for anything else. */
        public static Schedule parse(String text) {
            for (Schedule s : values()) {
                if (s != NONE && s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
            return null;
        }
    }

    public static final Anneal NONE = new Anneal(Schedule.NONE, 1, 0);

    public Anneal {
        if (schedule == null) {
            throw new IllegalArgumentException("anneal.schedule must be given: " + String.join(" or ", Schedule.labels()));
        }
        if (schedule == Schedule.NONE) {
            if (beta0 != 1 || tau != 0) {
                throw new IllegalArgumentException("no annealing means beta0 = 1 and tau = 0, got " + beta0 + ", " + tau);
            }
        } else {
            require("beta0", beta0Problem(beta0));
            require("tau", tauProblem(tau));
        }
    }

    /** Why {@code beta0} is not an initial inverse temperature in {@code (0, 1]}, or null. */
    public static String beta0Problem(double beta0) {
        return Double.isFinite(beta0) && beta0 > 0 && beta0 <= 1 ? null : "must lie in (0, 1], got " + beta0;
    }

    /** Why {@code tau} is not a finite duration {@code > 0}, or null. */
    public static String tauProblem(double tau) {
        return Double.isFinite(tau) && tau > 0 ? null : "must be a finite number > 0, got " + tau;
    }

    /**
     * Why {@code tau} does not fit a run of length {@code tMax} (classification is at {@code β = 1}, so the
     * schedule must get there), or null.
     */
    public String horizonProblem(double tMax) {
        return tau <= tMax ? null : "must be <= the run's length " + tMax + " (beta reaches 1 at tau), got " + tau;
    }

    /** Throws when {@link #horizonProblem} has something to say: for the dynamics' constructors. */
    public void checkHorizon(double tMax) {
        require("tau", horizonProblem(tMax));
    }

    private static void require(String key, String why) {
        if (why != null) {
            throw new IllegalArgumentException("anneal." + key + " " + why);
        }
    }

    /** {@code β(t)}: THEORY.md §9's schedules for {@code t < tau}, 1 from {@code tau} on. */
    public double beta(double t) {
        if (t >= tau) {
            return 1;
        }
        double f = t / tau;
        return switch (schedule) {
            case LINEAR -> beta0 + (1 - beta0) * f;
            // StrictMath: the same bits on every machine (a row is a pure function of its point)
            case GEOMETRIC -> StrictMath.pow(beta0, 1 - f);
            case NONE -> 1;
        };
    }

    /** Whether a schedule was asked for (not {@link #NONE}; a record, so compare this, not references). */
    public boolean annealed() {
        return schedule != Schedule.NONE;
    }

    /**
     * Whether {@code β ≡ 1} ({@code none}, or {@code beta0 = 1}): then there is nothing to anneal, no kink at
     * {@code tau}, and the dynamics run exactly as without the key.
     */
    public boolean constant() {
        return beta0 == 1;
    }

    /** The time before which a run may not stop as converged (0 when {@link #constant}). */
    public double settled() {
        return constant() ? 0 : tau;
    }

    /** {@code ", anneal=linear(beta0=0.05, tau=100)"} for a dynamics' description, empty for {@link #NONE}. */
    public String describeSuffix() {
        return !annealed() ? "" : ", anneal=" + schedule.label() + "(beta0=" + beta0 + ", tau=" + tau + ")";
    }
}
