package org.modesweep.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.modesweep.core.Outcome;

/** What a paper needs of the figures: fixed probability axes, levels and R_c marks, styles beyond colour. */
class PaperFiguresTest {
    private static final double[] R = {1.5, 2, 2.5, 3};

    @Test
    void probabilityAxisIsTheUnitIntervalWithLevelsAndCrossings() {
        // All points below 0.3: an automatic axis would stop near 0.35.
        Curve points = new Curve("d = 10", R, new double[] {0, 0.05, 0.2, 0.3}, new double[] {0, 0, 0.1, 0.2},
            new double[] {0.1, 0.15, 0.3, 0.4});
        Curve fit = new Curve("d = 10", R, new double[] {0, 0.05, 0.2, 0.3}, new double[] {0, 0.01, 0.12, 0.22},
            new double[] {0.02, 0.1, 0.28, 0.38});
        JFreeChart chart = Plots.probabilityChart("P", List.of(), "R", "P", List.of(points), List.of(fit),
            new double[] {0.25}, List.of(new Plots.Crossing(0, 2.75, 0.25, 2.5, 3.0)));
        XYPlot plot = chart.getXYPlot();
        assertEquals(new Range(0, 1), plot.getRangeAxis().getRange());
        List<Double> levels = new ArrayList<>();
        for (Object m : plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            levels.add(((ValueMarker) m).getValue());
        }
        assertEquals(List.of(0.25), levels);
        IntervalXYDataset crossing = (IntervalXYDataset) plot.getDataset(2);
        assertEquals(2.75, crossing.getXValue(0, 0));
        assertEquals(2.5, crossing.getStartXValue(0, 0));
        assertEquals(3.0, crossing.getEndXValue(0, 0));
        // one entry per curve and one for the crossings
        assertEquals(2, plot.getFixedLegendItems().getItemCount());
        Marker level = (Marker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals("level 0.25", level.getLabel());
    }

    @Test
    void seriesDifferInDashAndMarkerNotOnlyColour() {
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 5; j++) {
                assertNotEquals(ChartStyle.line(i), ChartStyle.line(j), i + " and " + j);
            }
        }
        assertNotEquals(ChartStyle.shape(0), ChartStyle.shape(1));
    }

    @Test
    void oneDimensionGetsAReadableAxis() {
        Curve one = new Curve("level 0.5", new double[] {100}, new double[] {2.7}, new double[] {2.5},
            new double[] {2.9});
        Range x = Plots.linesChart("R_c", List.of(), "d", "R_c", List.of(one), true, List.of()).getXYPlot()
            .getDomainAxis().getRange();
        assertTrue(x.getLowerBound() <= 100 / 3.0 + 1e-9 && x.getUpperBound() >= 300 - 1e-9, x.toString());
        // every R_c censored at the same bound: the y axis still spans a readable range around it
        Curve none = new Curve("level 0.25", new double[] {2}, new double[] {Double.NaN});
        Range y = Plots.linesChart("R_c", List.of(), "d", "R_c", List.of(none), true,
            List.of(new Plots.Censored(0, 2, 3.1, true))).getXYPlot().getRangeAxis().getRange();
        assertTrue(y.contains(3.1) && y.getLength() >= 0.3, y.toString());
    }

    @Test
    void sharesStackOnTheUnitIntervalWithOneLegendEntryPerOccurringClass() {
        Map<String, java.awt.Color> colours = OutcomeColours.map();
        Map<String, double[]> d10 = new LinkedHashMap<>();
        d10.put(OutcomeColours.label(Outcome.COVERAGE), new double[] {1, 0.6});
        d10.put(OutcomeColours.label(Outcome.MEAN_ALIGNMENT), new double[] {0, 0.4});
        Map<String, double[]> d1000 = new LinkedHashMap<>();
        d1000.put(OutcomeColours.label(Outcome.COVERAGE), new double[] {0.9, 0.2});
        d1000.put(OutcomeColours.label(Outcome.MEAN_ALIGNMENT), new double[] {0, 0.7});
        d1000.put(OutcomeColours.label(Outcome.UNRESOLVED), new double[] {0.1, 0.1});
        JFreeChart chart = Plots.sharesChart("outcomes", List.of(), "R", "share", List.of(
            new Plots.SharePanel("d = 10", new String[] {"2", "3"}, d10),
            new Plots.SharePanel("d = 1000", new String[] {"2", "3"}, d1000)), colours);
        CombinedRangeCategoryPlot plot = (CombinedRangeCategoryPlot) chart.getPlot();
        assertEquals(2, plot.getSubplots().size());
        assertEquals(new Range(0, 1), plot.getRangeAxis().getRange());
        LegendItemCollection legend = plot.getFixedLegendItems();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            names.add(legend.get(i).getLabel());
        }
        // THEORY.md §5's classes by name, collapses marked, in the order collapses first
        assertEquals(List.of("mean alignment (collapse)", "coverage", "unresolved"), names);
    }

    @Test
    void everyOutcomeHasItsOwnNameAndColourAndCollapsesSayTheyAre() {
        Map<String, java.awt.Color> colours = OutcomeColours.map();
        assertEquals(Outcome.values().length, colours.size());
        assertEquals(Outcome.values().length, colours.values().stream().distinct().count());
        for (Outcome o : Outcome.values()) {
            String label = OutcomeColours.label(o);
            assertTrue(colours.containsKey(label), label);
            assertEquals(o.isCollapse(), label.contains("collapse"), label);
            assertEquals(label, OutcomeColours.label(o.name()));
        }
    }
}
