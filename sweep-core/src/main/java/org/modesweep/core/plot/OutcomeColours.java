package org.modesweep.core.plot;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modesweep.core.Outcome;

/**
 * One colour and one name per outcome class, the same in every figure (legend order: collapses first). Figures
 * name a class as THEORY.md §5 describes it ({@link #label}), not by its constant.
 */
public final class OutcomeColours {
    private OutcomeColours() {
    }

    /** The classes' names ({@link #label}) with their colours, in legend order. */
    public static Map<String, Color> map() {
        Map<String, Color> colours = new LinkedHashMap<>();
        // Okabe-Ito colours, told apart with the common colour-vision deficiencies (as ChartStyle's lines).
        colours.put(label(Outcome.MEAN_ALIGNMENT), new Color(0xD55E00));
        colours.put(label(Outcome.VANISHING_WEIGHT), new Color(0xE69F00));
        colours.put(label(Outcome.COVERAGE), new Color(0x009E73));
        colours.put(label(Outcome.MISWEIGHTED), new Color(0x56B4E9));
        colours.put(label(Outcome.UNRESOLVED), new Color(0x999999));
        colours.put(label(Outcome.FAILED), Color.BLACK);
        return colours;
    }

    /** A class as legends name it: lower case, collapses marked as such (THEORY.md §5). */
    public static String label(Outcome o) {
        return switch (o) {
            case MEAN_ALIGNMENT -> "mean alignment (collapse)";
            case VANISHING_WEIGHT -> "vanishing weight (collapse)";
            case COVERAGE -> "coverage";
            case MISWEIGHTED -> "misweighted";
            case UNRESOLVED -> "unresolved";
            case FAILED -> "failed";
        };
    }

    /** {@link #label} of a class given by its constant's name, as rows store it. */
    public static String label(String outcome) {
        return label(Outcome.valueOf(outcome));
    }
}
