package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.Flow;
import org.modesweep.core.InitialCondition;
import org.modesweep.core.StochasticGradientDescent;
import org.modesweep.core.Weights;

class SpecParserTest {

    static final String VALID = """
        name: t
        output: out/t
        seed: 42
        grid:
          R: {from: 1.5, to: 3.5, step: 0.25}
          d: [10, 1000]
          wStar: [0.6667]
          seeds: 5
        setups:
          - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 400}, init: {type: sphere}}
          - {name: trainable-sgd, weights: trainable, dynamics: {type: sgd, eta: 0.05, batch: 100, tMax: 50}, a0: 0.5}
        classify: {weightEps: 1.0e-3, alignCos: 0.5, klTol: 1.0e-3}
        threshold: {level: 0.5}
        spark: {master: "local[*]"}
        """;

    /** Parses a spec that must fail and returns its single error. */
    static SpecException.Error error(String yaml) {
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(yaml, "conf/x.yaml", false));
        assertEquals(1, e.errors().size(), e.getMessage());
        SpecException.Error err = e.errors().get(0);
        assertEquals("conf/x.yaml", err.file());
        assertTrue(e.getMessage().startsWith("conf/x.yaml:" + err.line() + ": " + (err.key().isEmpty() ? "" : err.key() + ": ")),
            e.getMessage());
        return err;
    }

    /** The valid spec with one line replaced (the text must occur exactly once). */
    static String with(String from, String to) {
        assertEquals(1, VALID.split(java.util.regex.Pattern.quote(from), -1).length - 1, from);
        return VALID.replace(from, to);
    }

    @Test
    void validSpecResolvesEveryDefault() {
        SweepSpec s = SpecParser.parse(VALID, "conf/x.yaml", false);
        assertEquals("t", s.name());
        assertEquals(42, s.seed());
        assertEquals(List.of(1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.25, 3.5), s.grid().R());
        assertEquals(List.of(10L, 1000L), s.grid().d());
        assertEquals(2 * 9 * 2 * 5, s.trajectories());
        SetupSpec flow = s.setups().get(0);
        assertEquals(Weights.FIXED, flow.trainedMixture().orElseThrow().weights());
        assertEquals(new Flow(400, 1e-9, 1e-8), flow.dynamics().build());
        assertEquals(new InitialCondition.Sphere(null), flow.trainedMixture().orElseThrow().init().build(null));
        SetupSpec sgd = s.setups().get(1);
        assertEquals(new StochasticGradientDescent(0.05, 100, 50, 1e-8), sgd.dynamics().build());
        assertEquals(0.5, sgd.trainedMixture().orElseThrow().a0());
        assertEquals(List.of(0.5), s.threshold().levels());
        assertEquals("monotone", s.threshold().method());
        assertEquals(ClassifySpec.DEFAULT, s.classify());
        assertEquals("local[*]", s.spark().master());
    }

    @Test
    void resolvedYamlReadsBackToTheSameSpec() {
        SweepSpec s = SpecParser.parse(VALID, "conf/x.yaml", false);
        SweepSpec back = SpecParser.parse(s.toYaml(), "conf/x.yaml", false);
        assertEquals(s, back);
        assertEquals(s.hash(), back.hash());
    }

    @Test
    void hashCoversTrajectoriesOnly() {
        SweepSpec s = SpecParser.parse(VALID, "conf/x.yaml", false);
        String h = s.hash();
        assertEquals(h, SpecParser.parse(with("output: out/t", "output: elsewhere"), "a.yaml", false).hash());
        assertEquals(h, SpecParser.parse(with("threshold: {level: 0.5}", "threshold: {level: [0.25, 0.5], method: logistic}"), "a.yaml", false).hash());
        assertEquals(h, SpecParser.parse(with("spark: {master: \"local[*]\"}", "spark: {master: \"local[2]\", partitions: 3}"), "a.yaml", false).hash());
        assertNotEquals(h, SpecParser.parse(with("seed: 42", "seed: 43"), "a.yaml", false).hash());
        assertNotEquals(h, SpecParser.parse(with("seeds: 5", "seeds: 6"), "a.yaml", false).hash());
        assertNotEquals(h, SpecParser.parse(with("tMax: 400", "tMax: 401"), "a.yaml", false).hash());
        assertNotEquals(h, SpecParser.parse(with("alignCos: 0.5", "alignCos: 0.6"), "a.yaml", false).hash());
    }

    @Test
    void defaultsForOptionalSections() {
        SweepSpec s = SpecParser.parse("""
            grid: {R: 2.5, d: 10, wStar: 0.5, seeds: 3}
            setups: [{name: a, weights: fixed, dynamics: {type: gd, eta: 0.1, tMax: 10}}]
            """, "dir/my-sweep.yaml", false);
        assertEquals("my-sweep", s.name());
        assertEquals("data/runs/my-sweep", s.output());
        assertEquals(0, s.seed());
        assertEquals(3, s.trajectories());
        assertEquals(ThresholdSpec.DEFAULT, s.threshold());
        assertEquals(SparkSpec.DEFAULT_MASTER, s.spark().master());
    }

    @Test
    void unknownKeyIsNamedWithItsLineAndASuggestion() {
        SpecException.Error e = error(with("  wStar: [0.6667]", "  wstar: [0.6667]"));
        assertEquals("grid.wstar", e.key());
        assertEquals(7, e.line());
        assertTrue(e.reason().contains("unknown key 'wstar'") && e.reason().contains("did you mean 'wStar'"), e.reason());
    }

    @Test
    void unknownKeyInASetupUsesTheSetupIndex() {
        SpecException.Error e = error(with("tMax: 400}", "tMax: 400, eta: 0.1}"));
        assertEquals("setups[0].dynamics.eta", e.key());
        assertEquals(10, e.line());
        assertTrue(e.reason().contains("for flow dynamics"), e.reason());
    }

    @Test
    void nanIsRejected() {
        SpecException.Error e = error(with("eta: 0.05", "eta: .nan"));
        assertEquals("setups[1].dynamics.eta", e.key());
        assertEquals(11, e.line());
        assertTrue(e.reason().contains("NaN"), e.reason());
    }

    @Test
    void infinityAndTextAreRejected() {
        assertTrue(error(with("tMax: 400", "tMax: .inf")).reason().contains("finite"));
        SpecException.Error e = error(with("tMax: 400", "tMax: long"));
        assertEquals("setups[0].dynamics.tMax", e.key());
        assertTrue(e.reason().contains("expected a number, got 'long'"), e.reason());
    }

    @Test
    void wStarOutsideTheOpenUnitInterval() {
        SpecException.Error e = error(with("wStar: [0.6667]", "wStar: [0.6667, 1.0]"));
        assertEquals("grid.wStar[1]", e.key());
        assertEquals(7, e.line());
        assertTrue(e.reason().contains("(0, 1)"), e.reason());
        assertEquals("grid.wStar", error(with("wStar: [0.6667]", "wStar: 0")).key());
    }

    @Test
    void dimensionBelowOne() {
        SpecException.Error e = error(with("d: [10, 1000]", "d: [10, 0]"));
        assertEquals("grid.d[1]", e.key());
        assertEquals(6, e.line());
        assertTrue(e.reason().contains("d must be >= 1"), e.reason());
        assertTrue(error(with("d: [10, 1000]", "d: [10, 2.5]")).reason().contains("integer"));
    }

    @Test
    void nonPositiveRadius() {
        SpecException.Error e = error(with("R: {from: 1.5, to: 3.5, step: 0.25}", "R: [2.0, -1]"));
        assertEquals("grid.R[1]", e.key());
        assertEquals(5, e.line());
        assertTrue(e.reason().contains("> 0"), e.reason());
        assertEquals("grid.R.step", error(with("step: 0.25", "step: 0")).key());
    }

    @Test
    void emptyAxis() {
        SpecException.Error e = error(with("d: [10, 1000]", "d: []"));
        assertEquals("grid.d", e.key());
        assertTrue(e.reason().contains("empty axis"), e.reason());
        assertTrue(error(with("wStar: [0.6667]", "wStar: []")).reason().contains("empty axis"));
    }

    @Test
    void duplicateAxisValues() {
        assertTrue(error(with("d: [10, 1000]", "d: [10, 10]")).reason().contains("duplicate value"));
    }

    @Test
    void unknownDynamicsType() {
        SpecException.Error e = error(with("type: sgd", "type: adam"));
        assertEquals("setups[1].dynamics.type", e.key());
        assertEquals(11, e.line());
        assertTrue(e.reason().contains("unknown dynamics type 'adam'"), e.reason());
    }

    @Test
    void missingRequiredParameters() {
        SpecException.Error e = error(with("eta: 0.05, ", ""));
        assertEquals("setups[1].dynamics.eta", e.key());
        assertTrue(e.reason().startsWith("missing"), e.reason());
        assertEquals("setups[1].dynamics.batch", error(with("batch: 100, ", "")).key());
        assertEquals("grid.seeds", error(with("  seeds: 5\n", "")).key());
    }

    @Test
    void badWeightsAndInit() {
        assertEquals("setups[0].weights", error(with("weights: fixed", "weights: free")).key());
        assertEquals("setups[0].init.type", error(with("init: {type: sphere}", "init: {type: cube}")).key());
        assertEquals("setups[0].init.sigma0", error(with("init: {type: sphere}", "init: {type: gaussian}")).key());
    }

    @Test
    void duplicateSetupNamesAndKeys() {
        assertTrue(error(with("name: trainable-sgd", "name: fixed-flow")).reason().contains("duplicate setup name"));
        SpecException.Error e = error(with("seed: 42", "seed: 42\nseed: 43"));
        assertEquals("seed", e.key());
        assertTrue(e.reason().contains("duplicate key"), e.reason());
    }

    @Test
    void nonRealisableExplicitStart() {
        String explicit = """
            grid:
              R: 2.5
              d: [10]
              wStar: 0.6667
              m1: [0.9]
              m2: [-0.9]
              s: [0.9]
            setups:
              - {name: p, weights: fixed, dynamics: {type: flow, tMax: 10}, init: {type: explicit}}
            """;
        SpecException.Error e = error(explicit);
        assertEquals("grid.m1/m2/s", e.key());
        assertEquals(5, e.line());
        assertTrue(e.reason().contains("not realisable") && e.reason().contains("unrealisable: skip"), e.reason());
    }

    @Test
    void unrealisableStartsCanBeSkipped() {
        SweepSpec s = SpecParser.parse("""
            grid:
              R: 2.5
              d: [10]
              wStar: 0.6667
              m1: [-0.9, 0, 0.9]
              m2: [-0.9, 0, 0.9]
              s: [0.0]
              unrealisable: skip
            setups:
              - {name: p, weights: fixed, dynamics: {type: flow, tMax: 10}, init: {type: explicit}}
            """, "p.yaml", false);
        // 1 + 2 m1 m2 s - m1^2 - m2^2 - s^2 >= 0 with s = 0: m1^2 + m2^2 <= 1, so the four corners go
        assertEquals(5, s.grid().starts().size());
        assertEquals(5, s.trajectories());
        assertFalse(s.grid().starts().contains(new StartCosines(0.9, 0.9, 0.0)));
    }

    @Test
    void explicitStartsNeedExplicitInitAndRoomInD() {
        String yaml = """
            grid: {R: 2.5, d: [2, 10], wStar: 0.6667, m1: [0.5], m2: [0.2], s: [0.1]}
            setups:
              - {name: p, weights: fixed, dynamics: {type: flow, tMax: 10}, init: {type: explicit}}
            """;
        SpecException.Error e = error(yaml);
        assertEquals("grid.d", e.key());
        assertTrue(e.reason().contains("needs 3 dimensions"), e.reason());
        assertEquals("grid.m1", error(yaml.replace("d: [2, 10]", "d: [10]").replace("type: explicit", "type: sphere")).key());
    }

    @Test
    void recordFiguresAndSetupSeedsAreResolvedAndReadBack() {
        String yaml = with("a0: 0.5}", "a0: 0.5, seeds: 2}") + """
            record: {every: 0.5, seeds: 3, setups: [trainable-sgd]}
            figures:
              - {kind: evolution, setups: [trainable-sgd]}
              - {kind: plateaus, setups: [fixed-flow, trainable-sgd]}
            """;
        SweepSpec s = SpecParser.parse(yaml, "conf/x.yaml", false);
        assertEquals(9 * 2 * (5 + 2), s.trajectories());
        assertEquals(new RecordSpec(0.5, 3, List.of("trainable-sgd")), s.record());
        assertTrue(s.records("trainable-sgd", 2));
        assertFalse(s.records("trainable-sgd", 3));
        assertFalse(s.records("fixed-flow", 0));
        assertEquals(List.of(new FigureSpec.FromRuns("evolution", List.of("trainable-sgd")),
            new FigureSpec.FromRuns("plateaus", List.of("fixed-flow", "trainable-sgd"))), s.figures());
        assertEquals(s, SpecParser.parse(s.toYaml(), "conf/x.yaml", false));
        assertNotEquals(s.hash(), SpecParser.parse(yaml.replace("every: 0.5", "every: 1"), "conf/x.yaml", false).hash());
        assertEquals(s.hash(), SpecParser.parse(yaml.replace("- {kind: evolution, setups: [trainable-sgd]}\n", ""),
            "conf/x.yaml", false).hash(), "figures are drawn from the rows, they do not decide them");
    }

    @Test
    void badRecordAndFigureEntriesAreNamed() {
        String base = VALID + "record: {every: 0.5, setups: [trainable-sgd]}\n";
        assertEquals("record.every", error(base.replace("every: 0.5", "every: -1")).key());
        assertEquals("record.setups[0]", error(base.replace("[trainable-sgd]", "[nope]")).key());
        assertEquals("setups[1].seeds", error(with("a0: 0.5}", "a0: 0.5, seeds: 0}")).key());
        SpecException.Error kind = error(base + "figures: [{kind: movie, setups: [fixed-flow]}]\n");
        assertEquals("figures[0].kind", kind.key());
        assertEquals(16, kind.line());
        SpecException.Error unrecorded = error(base + "figures: [{kind: evolution, setups: [fixed-flow]}]\n");
        assertEquals("figures[0].setups", unrecorded.key());
        assertTrue(unrecorded.reason().contains("does not cover [fixed-flow]"), unrecorded.reason());
        assertEquals("figures[0].setups", error(base + "figures: [{kind: basins, setups: [fixed-flow]}]\n").key());
    }

    @Test
    void axisFiguresNameTheirAxesAndDefaultToEverySetup() {
        String yaml = with("eta: 0.05, batch: 100", "eta: [0.05, 0.2], batch: 100") + """
            figures:
              - {kind: map, x: R, y: d}
              - {kind: map, x: eta, y: wStar, setups: [trainable-sgd]}
              - {kind: rc-vs, x: eta}
              - {kind: probability, by: d, setups: [fixed-flow]}
            """;
        SweepSpec s = SpecParser.parse(yaml, "conf/x.yaml", false);
        List<String> both = List.of("fixed-flow", "trainable-sgd");
        assertEquals(List.of(new FigureSpec.CollapseMap("R", "d", both),
            new FigureSpec.CollapseMap("eta", "wStar", List.of("trainable-sgd")), new FigureSpec.RcAgainst("eta", both),
            new FigureSpec.ProbabilityBy("d", List.of("fixed-flow"))), s.figures());
        assertEquals(s, SpecParser.parse(s.toYaml(), "conf/x.yaml", false), "read back from the resolved spec");
        assertEquals(s.hash(), SpecParser.parse(yaml.substring(0, yaml.indexOf("figures:")), "conf/x.yaml", false).hash(),
            "figures are not in the hash");
    }

    @Test
    void badAxisFiguresAreNamed() {
        String base = with("eta: 0.05, batch: 100", "eta: [0.05, 0.2], batch: 100");
        SpecException.Error typo = error(base + "figures: [{kind: map, x: R, y: etta}]\n");
        assertEquals("figures[0].y", typo.key());
        assertEquals(15, typo.line());
        assertTrue(typo.reason().contains("did you mean 'eta'?"), typo.reason());
        SpecException.Error notSwept = error(base + "figures: [{kind: rc-vs, x: eta, setups: [fixed-flow]}]\n");
        assertEquals("figures[0].x", notSwept.key());
        assertTrue(notSwept.reason().contains("axes: R, d, wStar)"), notSwept.reason());
        SpecException.Error same = error(base + "figures: [{kind: map, x: d, y: d}]\n");
        assertEquals("figures[0].y", same.key());
        assertTrue(same.reason().contains("same axis 'd'"), same.reason());
        SpecException.Error missing = error(base + "figures: [{kind: map, x: R}]\n");
        assertEquals("figures[0].y", missing.key());
        assertTrue(missing.reason().startsWith("missing"), missing.reason());
        assertEquals("figures[0].x", error(base + "figures: [{kind: rc-vs, x: R}]\n").key());
        assertEquals("figures[0].by", error(base + "figures: [{kind: probability, by: R}]\n").key());
        assertEquals("figures[0].by", error(base + "figures: [{kind: map, x: R, y: d, by: eta}]\n").key());
        assertEquals("figures[0].x", error(base + "figures: [{kind: plateaus, x: R, setups: [fixed-flow]}]\n").key());
        assertEquals("figures[0].setups", error(base + "figures: [{kind: plateaus}]\n").key());
    }

    @Test
    void aSetupsDimensionsMustComeFromTheGrid() {
        SpecException.Error e = error(with("a0: 0.5}", "a0: 0.5, d: [10, 20]}"));
        assertEquals("setups[1].d", e.key());
        assertTrue(e.reason().contains("d = [20]"), e.reason());
        assertEquals("setups[0].d[0]", error(with("init: {type: sphere}}", "init: {type: sphere}, d: [0]}")).key());
    }

    @Test
    void gridAboveTheLimitNeedsConfirmation() {
        String big = with("seeds: 5", "seeds: 100000");
        SpecException.Error e = error(big);
        assertEquals("grid", e.key());
        assertEquals(4, e.line());
        assertTrue(e.reason().contains("3600000 trajectories") && e.reason().contains("--yes"), e.reason());
        assertEquals(3_600_000, SpecParser.parse(big, "x.yaml", true).trajectories());
        assertEquals(3_600_000, SpecParser.parse("confirm: true\n" + big, "x.yaml", false).trajectories());
        assertEquals("grid", error("maxTrajectories: 10\n" + VALID).key());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String bad = VALID.replace("wStar: [0.6667]", "wStar: [2]").replace("d: [10, 1000]", "d: [0]")
            .replace("type: sgd", "type: adam");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(bad, "conf/x.yaml", false));
        assertEquals(3, e.errors().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("3 problems in the spec:"), e.getMessage());
    }

    @Test
    void invalidYamlAndEmptyFiles() {
        SpecException.Error e = error("grid: [1, 2\nsetups: x");
        assertTrue(e.reason().startsWith("not valid YAML"), e.reason());
        assertTrue(e.line() > 0);
        assertTrue(error("").reason().contains("empty"));
        assertEquals("", error("- 1\n- 2").key());
    }

    @Test
    void readsFilesAndNamesThem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, with("seeds: 5", "seeds: -1"));
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(f, false));
        assertEquals(f.toString(), e.errors().get(0).file());
        assertTrue(e.getMessage().startsWith(f + ":8: grid.seeds: must be >= 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpecParser.parse(dir.resolve("missing.yaml"), false));
    }

    @Test
    void suggestions() {
        assertEquals("tMax", SpecParser.suggestion("tmax", List.of("type", "tMax")));
        assertEquals("seeds", SpecParser.suggestion("seed", List.of("R", "seeds")));
        assertNull(SpecParser.suggestion("banana", List.of("R", "seeds")));
    }
}
