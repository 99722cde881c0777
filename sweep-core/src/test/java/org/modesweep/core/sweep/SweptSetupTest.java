package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modesweep.core.StochasticGradientDescent;

/** Any numeric setup key is an axis: lists and ranges where a number stands. */
class SweptSetupTest {

    private static final String SPEC = """
        seed: 7
        grid: {R: [2.0, 3.0], d: [10], wStar: [0.6667], seeds: 3}
        setups:
          - name: sgd
            weights: fixed
            dynamics: {type: sgd, eta: [0.05, 0.2], batch: [10, 100], tMax: 2}
            init: {type: sphere, r0: {from: 1.0, to: 2.0, step: 0.5}}
          - {name: flow, weights: fixed, dynamics: {type: flow, tMax: 50}}
        """;

    @Test
    void everyCombinationIsAVariantWithItsValues() {
        SweepSpec s = SpecParser.parse(SPEC, "conf/x.yaml", false);
        assertEquals(List.of("eta", "batch", "r0"), s.axisNames());
        assertEquals(2 * 2 * 3 + 1, s.setups().size());
        Set<List<Double>> seen = new HashSet<>();
        for (SetupSpec v : s.setups().subList(0, 12)) {
            assertEquals("sgd", v.name());
            seen.add(List.of(v.coordinate("eta"), v.coordinate("batch"), v.coordinate("r0")));
            assertEquals(v.coordinate("eta"), ((StochasticGradientDescent) v.dynamics().build()).eta());
            assertEquals(v.coordinate("r0"), v.trainedMixture().orElseThrow().init().r0());
        }
        assertEquals(12, seen.size());
        assertTrue(seen.contains(List.of(0.2, 100.0, 1.5)));
        assertEquals(50.0, s.setups().get(12).coordinate("tMax"), "an unswept setup states its own values");
        assertEquals(null, s.setups().get(12).coordinate("eta"), "flow has no eta");
        assertEquals(2 * 3 * 13, s.trajectories());
    }

    @Test
    void resolvedYamlReadsBackToTheSameSpec() {
        SweepSpec s = SpecParser.parse(SPEC, "conf/x.yaml", false);
        SweepSpec back = SpecParser.parse(s.toYaml(), "conf/x.yaml", false);
        assertEquals(s.setups(), back.setups());
        assertEquals(s.hash(), back.hash());
    }

    @Test
    void idsDifferAcrossVariantsWhileSeedsArePaired() {
        PointSpace points = SpecParser.parse(SPEC, "conf/x.yaml", false).points();
        Set<String> ids = new HashSet<>();
        Map<String, Set<Long>> seedsByDraw = new HashMap<>();
        for (long i = 0; i < points.size(); i++) {
            GridPoint p = points.point(i);
            assertTrue(ids.add(p.pointId()), "ids are unique");
            seedsByDraw.computeIfAbsent(p.R() + "/" + p.seedIndex(), k -> new HashSet<>()).add(p.seed());
        }
        // every variant (and the other setup) starts from the same draw at the same (R, seed index)
        seedsByDraw.values().forEach(seeds -> assertEquals(1, seeds.size()));
        assertEquals(2 * 3, seedsByDraw.size());
    }

    @Test
    void aSweptKeyIsCheckedValueByValueAtItsLine() {
        String bad = SPEC.replace("eta: [0.05, 0.2]", "eta: [0.05, -1]");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(bad, "conf/x.yaml", false));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("setups[0].dynamics.eta", e.errors().get(0).key());
        assertEquals(6, e.errors().get(0).line());
        assertTrue(e.errors().get(0).reason().contains("-1"), e.getMessage());
    }

    @Test
    void onlyNumbersAreSwept() {
        String bad = SPEC.replace("type: sgd, eta", "type: [sgd, gd], eta");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(bad, "conf/x.yaml", false));
        assertTrue(e.getMessage().contains("setups[0].dynamics.type: a list sweeps a numeric key"), e.getMessage());
    }

    @Test
    void aRepeatedValueIsRefused() {
        String bad = SPEC.replace("batch: [10, 100]", "batch: [10, 10]");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(bad, "conf/x.yaml", false));
        assertTrue(e.getMessage().contains("setups[0].dynamics.batch[1]: duplicate value"), e.getMessage());
    }

    @Test
    void aSpecWithoutListsHasNoAxes() {
        SweepSpec s = SpecParser.parse(SPEC.replace("eta: [0.05, 0.2], batch: [10, 100]", "eta: 0.05, batch: 10")
            .replace("r0: {from: 1.0, to: 2.0, step: 0.5}", "r0: 1.0"), "conf/x.yaml", false);
        assertEquals(List.of(), s.axisNames());
        assertNotEquals(null, s.setups().get(0).coordinate("batch"));
    }
}
