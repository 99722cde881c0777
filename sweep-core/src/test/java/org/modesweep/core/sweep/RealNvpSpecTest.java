package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modesweep.core.RealNvpDynamics;

/** {@code dynamics: {type: realnvp, ...}} in spec files: defaults, round trip and errors naming file, line and key. */
class RealNvpSpecTest {

    static final String SPEC = """
        name: nvp
        seed: 3
        grid: {R: [2.5, 3.1], d: 2, wStar: 0.3333, seeds: 4}
        setups:
          - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 400}}
          - name: nvp
            dynamics: {type: realnvp, steps: 300, width: 8, lr: 0.01}
        """;

    static String with(String from, String to) {
        assertTrue(SPEC.contains(from), from);
        return SPEC.replace(from, to);
    }

    @Test
    void realnvpBlockResolvesDefaultsAndReadsBack() {
        SweepSpec s = SpecParser.parse(SPEC, "conf/x.yaml", false);
        SetupSpec nvp = s.setups().get(1);
        assertTrue(nvp.trainedMixture().isEmpty());
        assertEquals(new RealNvpDynamics(RealNvpDynamics.DEFAULT_LAYERS, 8, 0.01, RealNvpDynamics.DEFAULT_BATCH, 300,
            RealNvpDynamics.DEFAULT_EVAL_BATCH, RealNvpDynamics.DEFAULT_SCALE_BOUND, RealNvpDynamics.DEFAULT_COVER_TOL,
            RealNvpDynamics.DEFAULT_COLLAPSE_FRAC), nvp.dynamics().build());
        SweepSpec back = SpecParser.parse(s.toYaml(), "conf/x.yaml", false);
        assertEquals(s.setups(), back.setups());
        assertEquals(s.hash(), back.hash());
        assertNotEquals(s.hash(), SpecParser.parse(with("lr: 0.01", "lr: 0.02"), "conf/x.yaml", false).hash());
    }

    /**
     * initScale: default 0 (the identity start) leaves the hash and the row's description as they
     * were before the key existed, so earlier outputs stay valid; any other value is a different setup.
     */
    @Test
    void initScaleDefaultsToTheIdentityStartAndEntersTheHashOnlyWhenSet() {
        SweepSpec plain = SpecParser.parse(SPEC, "conf/x.yaml", false);
        SweepSpec zero = SpecParser.parse(with("lr: 0.01", "lr: 0.01, initScale: 0"), "conf/x.yaml", false);
        SweepSpec set = SpecParser.parse(with("lr: 0.01", "lr: 0.01, initScale: 0.25"), "conf/x.yaml", false);
        RealNvpDynamics nvp = (RealNvpDynamics) plain.setups().get(1).dynamics().build();
        assertEquals(0.0, nvp.initScale());
        assertEquals(plain.hash(), zero.hash());
        assertEquals(plain.setups().get(1).canonical(), zero.setups().get(1).canonical());
        assertFalse(plain.setups().get(1).canonical().contains("initScale"));
        assertEquals("realnvp(layers=4, width=8, lr=0.01, batch=128, steps=300, evalBatch=4096, scaleBound=2.0, "
            + "coverTol=0.25, collapseFrac=0.1)", nvp.describe());
        RealNvpDynamics perturbed = (RealNvpDynamics) set.setups().get(1).dynamics().build();
        assertEquals(0.25, perturbed.initScale());
        assertNotEquals(plain.hash(), set.hash());
        assertTrue(perturbed.describe().endsWith(", initScale=0.25)"), perturbed.describe());
        SweepSpec back = SpecParser.parse(set.toYaml(), "conf/x.yaml", false);
        assertEquals(set.setups(), back.setups());
        assertEquals(set.hash(), back.hash());
        SpecException.Error e = SpecParserTest.error(with("lr: 0.01", "lr: 0.01, initScale: -0.1"));
        assertEquals("setups[1].dynamics.initScale", e.key());
        assertTrue(e.reason().contains(">= 0"), e.reason());
        e = SpecParserTest.error(with("lr: 0.01", "lr: 0.01, initScale: .nan"));
        assertEquals("setups[1].dynamics.initScale", e.key());
    }

    @Test
    void errorsNameTheKeyAndLine() {
        SpecException.Error e = SpecParserTest.error(with("steps: 300, ", ""));
        assertEquals("setups[1].dynamics.steps", e.key());
        assertEquals(7, e.line());
        e = SpecParserTest.error(with("lr: 0.01", "lr: -1"));
        assertEquals("setups[1].dynamics.lr", e.key());
        e = SpecParserTest.error(with("lr: 0.01", "eta: 0.01"));
        assertEquals("setups[1].dynamics.eta", e.key());
        assertTrue(e.reason().contains("for realnvp dynamics"), e.reason());
        e = SpecParserTest.error(with("width: 8", "width: 8, collapseFrac: 1.5"));
        assertEquals("setups[1].dynamics.collapseFrac", e.key());
        e = SpecParserTest.error(with("width: 8", "width: 8, layers: 1"));
        assertEquals("setups[1].dynamics.layers", e.key());
    }

    @Test
    void mixtureKeysAndSmallDimensionsAreRejected() {
        SpecException.Error e = SpecParserTest.error(with("  - name: nvp\n", "  - name: nvp\n    weights: fixed\n"));
        assertEquals("setups[1].weights", e.key());
        assertTrue(e.reason().contains("does not apply to realnvp"), e.reason());
        e = SpecParserTest.error(with("d: 2,", "d: [1, 2],"));
        assertEquals("grid.d", e.key());
        assertTrue(e.reason().contains("d >= 2") || e.reason().contains("2 <= d"), e.reason());
    }
}
