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
        colours.put(Outcome.MEAN_ALIGNMENT.name(), new Color(0xd6, 0x27, 0x28));
        colours.put(Outcome.VANISHING_WEIGHT.name(), new Color(0xff, 0x7f, 0x0e));
        colours.put(Outcome.COVERAGE.name(), new Color(0x2c, 0xa0, 0x2c));
        colours.put(Outcome.MISWEIGHTED.name(), new Color(0x1f, 0x77, 0xb4));
        colours.put(Outcome.UNRESOLVED.name(), new Color(0x7f, 0x7f, 0x7f));
        colours.put(Outcome.FAILED.name(), Color.BLACK);
        return colours;
    }
}
