package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.Flow;
import org.modesweep.core.RealNvpDynamics;

/** The {@code anneal} key of a dynamics block. */
class AnnealSpecTest {

    private static final String FLOW = "dynamics: {type: flow, tMax: 400}";

    private static String annealed(String anneal) {
        return SpecParserTest.with(FLOW, "dynamics: {type: flow, tMax: 400, anneal: " + anneal + "}");
    }

    @Test
    void annealIsParsedBuiltAndReadBack() {
        SweepSpec s = SpecParser.parse(annealed("{schedule: geometric, beta0: 0.05, tau: 100}"), "conf/x.yaml", false);
        DynamicsSpec d = s.setups().get(0).dynamics();
        assertEquals(new Anneal(Anneal.Schedule.GEOMETRIC, 0.05, 100), d.anneal());
        assertEquals(new Flow(400, DynamicsSpec.DEFAULT_RTOL, DynamicsSpec.DEFAULT_TOL, d.anneal()), d.build());
        assertEquals(Anneal.NONE, s.setups().get(1).dynamics().anneal());
        SweepSpec back = SpecParser.parse(s.toYaml(), "conf/x.yaml", false);
        assertEquals(s, back);
        assertEquals(s.hash(), back.hash());
    }

    /**
     * The hash of {@link SpecParserTest#VALID} computed by the engine before the key existed (commit d67b2e9, when
     * sgd had only the engine now called {@code vectors}).
     */
    @Test
    void specsWithoutTheKeyKeepTheirHash() {
        String before = "fce73b465682427805af1eef4e1dafec81e69ecd3daf24e0e9d802a96f738719";
        String h = SpecParser.parse(SpecParserTest.with("batch: 100, tMax: 50}", "batch: 100, tMax: 50, engine: vectors}"),
            "conf/x.yaml", false).hash();
        assertEquals(before, h);
        String linear = SpecParser.parse(annealed("{schedule: linear, beta0: 0.05, tau: 100}"), "a.yaml", false).hash();
        String geometric = SpecParser.parse(annealed("{schedule: geometric, beta0: 0.05, tau: 100}"), "a.yaml", false).hash();
        String slower = SpecParser.parse(annealed("{schedule: linear, beta0: 0.05, tau: 200}"), "a.yaml", false).hash();
        assertEquals(4, java.util.Set.of(h, linear, geometric, slower).size());
    }

    @Test
    void eachScheduleOfAnnealMapHasTheUnannealedSetupOfItsWeightsAsBaseline() {
        SweepSpec spec = SpecParser.parse(java.nio.file.Path.of("../conf/paper/anneal-map.yaml"), true);
        assertEquals(java.util.Map.of("fixed-linear", "fixed-none", "fixed-geometric", "fixed-none",
            "trainable-linear", "trainable-none", "trainable-geometric", "trainable-none"), spec.unannealedBaselines());
        // an unannealed row's (beta0, tau) = (1, 0) are no swept values of its setup; an annealed row's are
        assertEquals("fixed-none", Axis.label("fixed-none", java.util.Map.of("beta0", 1.0, "tau", 0.0)));
        assertEquals("fixed-linear (tau=100)", Axis.label("fixed-linear", java.util.Map.of("tau", 100.0)));
    }

    @Test
    void everyProblemOfTheBlockIsReportedAtOnceWithItsLine() {
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(
            annealed("{schedule: lineer, beta0: 0, tau: -3}"), "conf/x.yaml", false));
        assertEquals(List.of("setups[0].dynamics.anneal.schedule", "setups[0].dynamics.anneal.beta0",
            "setups[0].dynamics.anneal.tau"), e.errors().stream().map(SpecException.Error::key).toList());
        assertTrue(e.errors().stream().allMatch(err -> err.line() == 10), e.getMessage());
        assertTrue(e.errors().get(0).reason().contains("did you mean 'linear'?"), e.getMessage());
        assertTrue(e.errors().get(1).reason().contains("(0, 1]"), e.getMessage());
        assertTrue(e.errors().get(2).reason().contains("> 0"), e.getMessage());
    }

    @Test
    void unknownMissingAndOutOfHorizonKeys() {
        SpecException.Error e = SpecParserTest.error(annealed("{schedule: linear, beta: 0.1, tau: 5}"));
        assertEquals("setups[0].dynamics.anneal.beta", e.key());
        assertTrue(e.reason().contains("did you mean 'beta0'?"), e.reason());
        e = SpecParserTest.error(annealed("{schedule: linear, beta0: 0.1}"));
        assertEquals("setups[0].dynamics.anneal.tau", e.key());
        assertTrue(e.reason().startsWith("missing"), e.reason());
        e = SpecParserTest.error(annealed("{schedule: linear, beta0: 0.1, tau: 500}"));
        assertEquals("setups[0].dynamics.anneal.tau", e.key());
        assertTrue(e.reason().contains("<= the run's length 400"), e.reason());
        e = SpecParserTest.error(annealed("linear"));
        assertEquals("setups[0].dynamics.anneal", e.key());
    }

    /** {@code beta0} and {@code tau} are axes like any numeric key (issue 11): one variant per combination. */
    @Test
    void beta0AndTauAreSwept() {
        SweepSpec s = SpecParser.parse(annealed("{schedule: linear, beta0: [0.05, 0.2, 1], tau: {from: 50, to: 100, step: 50}}"),
            "conf/x.yaml", false);
        assertEquals(List.of("beta0", "tau"), s.axisNames());
        java.util.Set<Anneal> seen = new java.util.HashSet<>();
        for (SetupSpec v : s.setups()) {
            if (v.name().equals("fixed-flow")) {
                Anneal a = v.dynamics().anneal();
                assertEquals(v.coordinate("beta0"), a.beta0());
                assertEquals(v.coordinate("tau"), a.tau());
                seen.add(a);
            }
        }
        assertEquals(6, seen.size());
        assertEquals(s.hash(), SpecParser.parse(s.toYaml(), "conf/x.yaml", false).hash());
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(
            annealed("{schedule: linear, beta0: [0.05, 1.5], tau: 50}"), "conf/x.yaml", false));
        assertEquals("setups[0].dynamics.anneal.beta0", e.errors().get(0).key(), e.getMessage());
    }

    @Test
    void realnvpTakesTheKeyInSteps() {
        String yaml = """
            grid: {R: 2.5, d: 2, wStar: 0.5, seeds: 3}
            setups: [{name: nvp, dynamics: {type: realnvp, steps: 300, anneal: {schedule: linear, beta0: 0.2, tau: 200}}}]
            """;
        RealNvpDynamics n = SpecParser.parse(yaml, "x.yaml", false).setups().get(0).dynamics().realnvp().orElseThrow();
        assertEquals(new Anneal(Anneal.Schedule.LINEAR, 0.2, 200), n.anneal());
        SpecException.Error e = SpecParserTest.error(yaml.replace("tau: 200", "tau: 301"));
        assertEquals("setups[0].dynamics.anneal.tau", e.key());
        assertNotEquals(SpecParser.parse(yaml, "x.yaml", false).hash(),
            SpecParser.parse(yaml.replace(", anneal: {schedule: linear, beta0: 0.2, tau: 200}", ""), "x.yaml", false).hash());
    }
}
