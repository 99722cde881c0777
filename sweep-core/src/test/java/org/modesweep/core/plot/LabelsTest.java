package org.modesweep.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.List;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    void powersOfTenFromAHundredAreWrittenWithSuperscriptsOtherDimensionsInDigits() {
        assertEquals("10⁶", Labels.dimension(1_000_000));
        assertEquals("10²", Labels.dimension(100));
        assertEquals("10¹⁸", Labels.dimension(1_000_000_000_000_000_000L));
        assertEquals("10", Labels.dimension(10));
        assertEquals("2", Labels.dimension(2));
        assertEquals("20", Labels.dimension(20));
        assertEquals("1000001", Labels.dimension(1_000_001));
        assertEquals("5000", Labels.dimension(5000));
        assertEquals("10⁻²", Labels.decade(-2));
        assertEquals("0.1", Labels.decade(-1));
        assertEquals("1", Labels.decade(0));
    }

    @Test
    void aLogAxisIsLabelledAtThePowersOfTenOnly() {
        // d from 2 to 10⁶, dodged a little either side (the rc-vs-d figures)
        List<NumberTick> ticks = DecadeAxis.ticks(1.7, 1.3e6, false);
        assertEquals(List.of("10", "10²", "10³", "10⁴", "10⁵", "10⁶"), majors(ticks));
        assertTrue(ticks.stream().filter(t -> t.getTickType() == TickType.MINOR).allMatch(t -> t.getText().isEmpty()));
        assertTrue(ticks.stream().anyMatch(t -> t.getTickType() == TickType.MINOR && t.getValue() == 20));
        // bounds that are powers of ten up to rounding keep their ticks
        assertEquals(List.of("10²", "10³"), majors(DecadeAxis.ticks(Math.pow(10, 2) * (1 + 1e-12),
            Math.pow(10, 3) * (1 - 1e-12), false)));
    }

    @Test
    void aShortLogAxisAlsoLabelsTwoAndFiveTimesAPower() {
        // one d = 1000, drawn from d/3 to 3d: one power of ten alone would leave a single label
        assertEquals(List.of("500", "10³", "2000"), majors(DecadeAxis.ticks(1000 / 3.0, 3000, false)));
    }

    @Test
    void theTickFontDrawsTheSuperscripts() {
        ValueAxis axis = new DecadeAxis("d");
        ChartStyle.styleAxis(axis);
        Font font = axis.getTickLabelFont();
        for (int n = -9; n <= 18; n++) {
            assertEquals(-1, font.canDisplayUpTo(Labels.decade(n)), Labels.decade(n) + " in " + font.getFontName());
        }
    }

    @Test
    void longNotesWrapBetweenClausesWithinTheWidth() {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        String note = "points: R_c of the monotone fit; bars: 95% interval (bootstrap over seeds widened to the Wilson "
            + "bracket); R searched from 1.5 to 4; open triangles: R_c censored, or an interval running to the end of the "
            + "searched radii; setups dodged sideways at each d";
        String wrapped = ChartStyle.wrap(note, font, 500);
        List<String> lines = List.of(wrapped.split("\n"));
        assertTrue(lines.size() > 1, wrapped);
        lines.forEach(l -> assertTrue(ChartStyle.width(l, font) <= 500, l));
        assertEquals(note, String.join(" ", lines).replace("; ", "; ").replace(";  ", "; "));
        assertTrue(lines.get(0).endsWith(";"), "broken between clauses: " + lines.get(0));
        double shortest = lines.stream().mapToDouble(l -> ChartStyle.width(l, font)).min().orElseThrow();
        assertTrue(shortest >= 0.4 * 500, "no line left nearly empty: " + wrapped);
        assertEquals("short; note", ChartStyle.wrap("short; note", font, 500));
    }

    private static List<String> majors(List<NumberTick> ticks) {
        return ticks.stream().filter(t -> t.getTickType() == TickType.MAJOR).map(NumberTick::getText).toList();
    }
}
