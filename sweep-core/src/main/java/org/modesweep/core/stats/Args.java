package org.modesweep.core.stats;

/** Argument checks shared by the estimators, with messages that name the parameter. */
final class Args {
    private Args() {
    }

    static double openUnit(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must lie in (0, 1), got " + value);
        }
        return value;
    }
}
