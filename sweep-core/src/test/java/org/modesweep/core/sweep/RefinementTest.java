package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The radius choice of adaptive refinement, and the adaptive keys of the spec. */
class RefinementTest {

    @Test
    void radiiAreEvenInsideTheSpanOnTheQuarterWidthGrid() {
        Refinement.Span span = new Refinement.Span(2.48, 2.84);
        // targets 2.552, 2.624, 2.696, 2.768 -> nodes of spacing 0.025
        assertEquals(List.of(2.55, 2.625, 2.7, 2.775), Refinement.radii(span, 0.1, 4, List.of(2.5, 2.75)));
    }

    @Test
    void measuredRadiiAreSkippedForTheNearestFreeNode() {
        Refinement.Span span = new Refinement.Span(2.4773, 2.6533);
        List<Double> measured = List.of(2.25, 2.5, 2.55, 2.625, 2.7);
        List<Double> r = Refinement.radii(span, 0.1, 4, measured);
        assertEquals(List.of(2.525, 2.575, 2.6, 2.65), r);
        for (double x : r) {
            assertFalse(measured.contains(x));
            assertTrue(x >= span.low() && x <= span.high());
        }
    }

    @Test
    void radiiAreCleanDecimalsAndDeterministic() {
        Refinement.Span span = new Refinement.Span(0.1, 0.4);
        List<Double> r = Refinement.radii(span, 0.02, 3, List.of());
        assertEquals(List.of(0.175, 0.25, 0.325), r);
        assertEquals(r, Refinement.radii(span, 0.02, 3, List.of()));
    }

    @Test
    void fewerRadiiWhenTheSpanHasFewerFreeNodes() {
        Refinement.Span span = new Refinement.Span(2.50, 2.52);
        assertEquals(List.of(2.505, 2.51, 2.515), Refinement.radii(span, 0.02, 6, List.of(2.5, 2.52)));
        assertEquals(List.of(), Refinement.radii(span, 0.02, 6, List.of(2.5, 2.505, 2.51, 2.515, 2.52)));
    }

    @Test
    void reseedPicksMeasuredRadiiInsideTheSpanNearTheTargets() {
        Refinement.Span span = new Refinement.Span(2.5446, 2.5912);
        List<Double> measured = List.of(2.4, 2.545, 2.55, 2.555, 2.56, 2.565, 2.57, 2.575, 2.58, 2.585, 2.59, 2.6);
        // targets 2.5539, 2.5632, 2.5726, 2.5819
        assertEquals(List.of(2.555, 2.565, 2.575, 2.58), Refinement.reseed(span, 4, measured));
        assertEquals(List.of(2.545, 2.55), Refinement.reseed(span, 4, List.of(2.4, 2.545, 2.55)));
        assertEquals(List.of(), Refinement.reseed(span, 4, List.of(2.4)));
    }

    @Test
    void censoredOrIntervalFreeEstimatesAreNotRefined() {
        assertEquals(new Refinement.Span(2.5393, 2.576), Refinement.interval(2.5527, 2.5393, 2.576, false));
        assertNull(Refinement.interval(Double.NaN, 3.0, Double.POSITIVE_INFINITY, true));
        assertNull(Refinement.interval(2.5, Double.NaN, Double.NaN, false));
    }

    static final String SPEC = """
        name: a
        grid: {R: [2.0, 2.5, 3.0], d: 1000, wStar: 0.6667, seeds: 10}
        setups:
          - {name: f, weights: fixed, dynamics: {type: flow, tMax: 400}}
        threshold: {level: 0.5, targetWidth: 0.1, budget: 200}
        """;

    @Test
    void adaptiveKeysParseWithDefaultsAndEnterTheHash() {
        SweepSpec s = SpecParser.parse(SPEC, "x.yaml", false);
        ThresholdSpec t = s.threshold();
        assertTrue(t.adaptive());
        assertEquals(0.1, t.targetWidth());
        assertEquals(200, t.budget());
        assertEquals(ThresholdSpec.DEFAULT_MAX_ROUNDS, t.maxRounds());
        assertEquals(ThresholdSpec.DEFAULT_RADII_PER_ROUND, t.radiiPerRound());
        assertEquals(s, SpecParser.parse(s.toYaml(), "x.yaml", false));
        String h = s.hash();
        assertNotEquals(h, SpecParser.parse(SPEC.replace("targetWidth: 0.1", "targetWidth: 0.05"), "x.yaml", false).hash());
        assertNotEquals(h, SpecParser.parse(SPEC.replace("level: 0.5", "level: 0.25"), "x.yaml", false).hash());
        assertNotEquals(h, SpecParser.parse(SPEC.replace("budget: 200", "budget: 300"), "x.yaml", false).hash());
        // a non-adaptive threshold block stays out of the hash
        String plain = SPEC.replace(", targetWidth: 0.1, budget: 200", "");
        assertFalse(SpecParser.parse(plain, "x.yaml", false).threshold().adaptive());
        assertEquals(SpecParser.parse(plain, "x.yaml", false).hash(),
            SpecParser.parse(plain.replace("level: 0.5", "level: 0.25"), "x.yaml", false).hash());
        assertNotEquals(h, SpecParser.parse(plain, "x.yaml", false).hash());
    }

    @Test
    void adaptiveKeysAreValidated() {
        assertEquals("threshold.targetWidth", error(SPEC.replace("targetWidth: 0.1", "targetWidth: -1")).key());
        SpecException.Error e = error(SPEC.replace("budget: 200", "budget: 20"));
        assertEquals("threshold.budget", e.key());
        assertEquals(5, e.line());
        assertTrue(e.reason().contains("30 trajectories"), e.reason());
        assertEquals("threshold.maxRounds", error(SPEC.replace("budget: 200", "maxRounds: 0")).key());
        assertEquals("threshold.radiiPerRound", error(SPEC.replace("budget: 200", "radiiPerRound: x")).key());
        assertEquals("threshold.budget", error(SPEC.replace(", targetWidth: 0.1", "")).key());
        assertEquals("threshold.bootstrap", error(SPEC.replace("budget: 200", "bootstrap: 0")).key());
    }

    private static SpecException.Error error(String yaml) {
        return SpecParserTest.error(yaml);
    }
}
