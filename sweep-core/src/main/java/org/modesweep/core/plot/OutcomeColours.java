package org.modesweep.core.plot;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modesweep.core.Outcome;

/** One colour per outcome class, the same in every figure (legend order: collapses first). */
public final class OutcomeColours {
    private OutcomeColours() {
    }

    public static Map<String, Color> map() {
        Map<String, Color> colours = new LinkedHashMap<>();
        // Okabe-Ito colours, told apart with the common colour-vision deficiencies (as ChartStyle's lines).
        colours.put(Outcome.MEAN_ALIGNMENT.name(), new Color(0xD55E00));
        colours.put(Outcome.VANISHING_WEIGHT.name(), new Color(0xE69F00));
        colours.put(Outcome.COVERAGE.name(), new Color(0x009E73));
        colours.put(Outcome.MISWEIGHTED.name(), new Color(0x56B4E9));
        colours.put(Outcome.UNRESOLVED.name(), new Color(0x999999));
        colours.put(Outcome.FAILED.name(), Color.BLACK);
        return colours;
    }
}
