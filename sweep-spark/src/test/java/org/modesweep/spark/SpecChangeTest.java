package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;

/** Which spec changes extend an output (only added points) and which are refused, by name; no Spark. */
class SpecChangeTest {
    static final String SPEC = """
        seed: 7
        grid: {R: [2.0, 3.0], d: [10], wStar: [0.6667], seeds: 3}
        setups:
          - name: sgd
            weights: fixed
            dynamics: {type: sgd, eta: [0.05, 0.2], batch: 10, tMax: 2}
          - {name: flow, weights: fixed, dynamics: {type: flow, tMax: 50}}
        classify: {klTol: 1.0e-3}
        threshold: {bootstrap: 0}
        """;

    static SweepSpec spec(String yaml) {
        return SpecParser.parse(yaml, "x.yaml", false);
    }

    static String change(String from, String to) {
        return SpecChange.firstChange(new org.yaml.snakeyaml.Yaml().load(spec(from).toYaml()),
            new org.yaml.snakeyaml.Yaml().load(spec(to).toYaml()));
    }

    @Test
    void addedPointsAreAnExtension() {
        String more = SPEC.replace("R: [2.0, 3.0]", "R: [2.0, 2.5, 3.0]").replace("seeds: 3", "seeds: 5")
            .replace("eta: [0.05, 0.2]", "eta: [0.05, 0.1, 0.2]").replace("tMax: 50}", "tMax: [50, 100]}")
            .replace("d: [10]", "d: [10, 100]").replace("threshold: {bootstrap: 0}", "threshold: {bootstrap: 10, level: 0.25}")
            .replace("classify:", "  - {name: gd, weights: trainable, dynamics: {type: gd, eta: 0.1, tMax: 20}}\nclassify:");
        assertEquals(null, change(SPEC, more));
        // every row identity of the old spec is still one of the new spec's: its parts stay the sweep's own
        var before = PartIdentity.expected(spec(SPEC));
        var after = PartIdentity.expected(spec(more));
        before.forEach((setup, ids) -> assertTrue(after.get(setup).containsAll(ids), setup));
        assertNotEquals(before.get("sgd"), after.get("sgd"), "the added eta value is a new variant");
    }

    @Test
    void changedPointsAreNamedWithBothValues() {
        assertEquals("seed from 7 to 8", change(SPEC, SPEC.replace("seed: 7", "seed: 8")));
        assertEquals("classify.klTol from 0.001 to 0.01", change(SPEC, SPEC.replace("klTol: 1.0e-3", "klTol: 1.0e-2")));
        assertEquals("setups[flow].dynamics.tMax from 50.0 to 60.0", change(SPEC, SPEC.replace("tMax: 50", "tMax: 60")));
        assertTrue(change(SPEC, SPEC.replace("eta: [0.05, 0.2]", "eta: [0.05, 0.3]"))
            .startsWith("setups[sgd].dynamics.eta from [0.05, 0.2] to [0.05, 0.3] (drops [0.2]"));
        assertTrue(change(SPEC, SPEC.replace("R: [2.0, 3.0]", "R: [2.0]")).startsWith("grid.R from [2.0, 3.0] to [2.0] (drops [3.0]"));
        assertTrue(change(SPEC, SPEC.replace("seeds: 3", "seeds: 2")).startsWith("grid.seeds from 3 to 2"));
        assertTrue(change(SPEC, SPEC.replace("  - {name: flow, weights: fixed, dynamics: {type: flow, tMax: 50}}\n", ""))
            .startsWith("setups: setup 'flow' is no longer there"));
        assertEquals("setups[flow].weights from 'fixed' to 'trainable'",
            change(SPEC, SPEC.replace("{name: flow, weights: fixed", "{name: flow, weights: trainable")));
    }
}
