package org.modesweep.core.plot;

/** Axis labels and values, so one quantity reads the same in every figure. */
public final class Labels {
    public static final String R = "R = |μ*|";
    public static final String D = "d (dimension)";
    public static final String P_COLLAPSE = "P(collapse)";
    public static final String RC = "R_c (where P(collapse) reaches the level)";
    public static final String SHARE = "share of runs";

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Labels() {
    }

    /**
     * A dimension as figures write it (axis ticks, legends, panel and map labels, titles): an exact power of ten
     * from 100 up as {@code 10ⁿ} (10², 10⁶), as THEORY.md writes large d; any other value in digits (2, 10, 20,
     * 5000), since 10¹ or 2·10³ read worse than the digits.
     */
    public static String dimension(long d) {
        int n = 0;
        long p = 1;
        while (p < d && p <= Long.MAX_VALUE / 10) {
            p *= 10;
            n++;
        }
        return p == d && n >= 2 ? decade(n) : Long.toString(d);
    }

    /** {@code 10^n} as a tick label: 10ⁿ with a superscript exponent for |n| ≥ 2, else 0.1, 1 or 10. */
    public static String decade(int n) {
        return switch (n) {
            case -1 -> "0.1";
            case 0 -> "1";
            case 1 -> "10";
            default -> "10" + superscript(n);
        };
    }

    /** An integer in superscript digits (and superscript minus), e.g. ⁻² or ¹⁵. */
    static String superscript(int n) {
        StringBuilder b = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            b.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return b.toString();
    }
}
