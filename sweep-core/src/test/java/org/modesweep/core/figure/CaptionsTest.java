package org.modesweep.core.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SpecParser;

class CaptionsTest {

    private static final List<SetupSpec> SETUPS = SpecParser.parse("""
        grid: {R: [2.0], d: [2], wStar: 0.6, seeds: 1}
        setups:
          - {name: tw, weights: trainable, a0: 0.5, init: {type: sphere, r0: 1.5}, dynamics: {type: gd, eta: 0.1, tMax: 10}}
          - {name: nvp, dynamics: {type: realnvp, steps: 10}}
          - {name: nvp-perturbed, dynamics: {type: realnvp, steps: 10, initScale: 0.05}}
          - {name: f, weights: fixed, init: sphere, dynamics: {type: flow, tMax: 10}}
          - {name: s, weights: fixed, init: sphere, dynamics: {type: sgd, eta: 0.1, batch: 10, tMax: 10}}
        """, "conf/c.yaml", false).setups();

    @Test
    void aMixtureIsCaptionedByItsWeightsAndStartAFlowByItsOwnStart() {
        assertEquals("trainable weights (a0 = 0.5)", Captions.weights(SETUPS.get(0)));
        assertEquals("sphere(r0 = 1.5) starts", Captions.init(SETUPS.get(0)));
        assertEquals("a RealNVP flow (no mixture weights)", Captions.weights(SETUPS.get(1)));
        assertEquals("flow starts at q = N(0, I)", Captions.init(SETUPS.get(1)));
        assertEquals("flow starts perturbed by ±0.05", Captions.init(SETUPS.get(2)));
        assertEquals("tw = gd (η = 0.1, tMax = 10)", Captions.setup(SETUPS.get(0)));
    }

    @Test
    void aTimeAxisIsInTheUnitsOfItsSetupsDynamics() {
        assertEquals("t", Captions.time("t", List.of(SETUPS.get(3))));
        assertEquals("t (η × steps)", Captions.time("t", List.of(SETUPS.get(0), SETUPS.get(4))),
            "gd and sgd alike");
        assertEquals("t (η × steps)", Captions.time("t", List.of(SETUPS.get(4))));
        assertEquals("t (η × steps for sgd)", Captions.time("t", List.of(SETUPS.get(3), SETUPS.get(4))), "a flow beside sgd");
        assertEquals("τ (steps)", Captions.time("τ", List.of(SETUPS.get(1))));
        assertEquals("t (η × steps for gd; steps for realnvp)",
            Captions.time("t", List.of(SETUPS.get(0), SETUPS.get(1), SETUPS.get(3))), "each unit names its dynamics");
    }
}
