package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modesweep.core.Recorder;
import org.modesweep.core.Trajectory;

class PointSpaceTest {

    static SweepSpec spec(String seeds) {
        return SpecParser.parse(SpecParserTest.VALID.replace("seeds: 5", "seeds: " + seeds), "x.yaml", false);
    }

    @Test
    void expansionOrderIsSetupThenDThenWStarThenRThenSeed() {
        PointSpace s = spec("5").points();
        assertEquals(180, s.size());
        GridPoint first = s.point(0);
        assertEquals("fixed-flow", first.setup());
        assertEquals(1.5, first.R());
        assertEquals(10, first.d());
        assertEquals(0, first.seedIndex());
        assertNull(first.start());
        GridPoint p = s.point(1 * 90 + 1 * 45 + 3 * 5 + 4);
        assertEquals("trainable-sgd", p.setup());
        assertEquals(1000, p.d());
        assertEquals(2.25, p.R());
        assertEquals(4, p.seedIndex());
    }

    @Test
    void aSetupRestrictedToSomeDimensionsKeepsTheIdsAndSeedsOfTheFullGrid() {
        SweepSpec full = spec("5");
        SweepSpec restricted = SpecParser.parse(SpecParserTest.VALID.replace("tMax: 50}, a0: 0.5}",
            "tMax: 50}, a0: 0.5, d: [10]}"), "x.yaml", false);
        PointSpace all = full.points();
        PointSpace some = restricted.points();
        assertEquals(90 + 45, some.size());
        assertEquals(some.size(), restricted.trajectories());
        Set<String> fullIds = new HashSet<>();
        for (long i = 0; i < all.size(); i++) {
            GridPoint p = all.point(i);
            fullIds.add(p.pointId() + p.seed());
        }
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < some.size(); i++) {
            GridPoint p = some.point(i);
            assertTrue(!p.setup().equals("trainable-sgd") || p.d() == 10, p.toString());
            assertTrue(fullIds.contains(p.pointId() + p.seed()), p.toString());
            assertTrue(seen.add(p.pointId()));
        }
        assertNotEquals(full.hash(), restricted.hash());
        SweepSpec reread = SpecParser.parse(restricted.toYaml(), "resolved.yaml", false);
        assertEquals(restricted.setups(), reread.setups());
        assertEquals(restricted.hash(), reread.hash());
    }

    @Test
    void balancedOrderIsABijectionThatMixesTheGrid() {
        for (String seeds : new String[] {"1", "5", "7"}) {
            PointSpace s = spec(seeds).points();
            Set<Long> seen = new HashSet<>();
            for (long p = 0; p < s.size(); p++) {
                assertTrue(seen.add(s.indexAt(p)));
            }
            assertEquals(s.size(), seen.size());
        }
        // the first tenth of positions already touches every (setup, d) pair
        PointSpace s = spec("5").points();
        Set<String> pairs = new HashSet<>();
        for (long p = 0; p < s.size() / 10; p++) {
            GridPoint g = s.pointAt(p);
            pairs.add(g.setup() + g.d());
        }
        assertEquals(4, pairs.size());
    }

    @Test
    void idsAreUniqueAndTheDocumentedHash() throws Exception {
        PointSpace s = spec("5").points();
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < s.size(); i++) {
            assertTrue(ids.add(s.point(i).pointId()));
        }
        GridPoint p = s.point(7);
        String setupKey = s.spec().setups().get(0).canonical() + ";classify=" + s.spec().classify().canonical();
        String text = setupKey + "|R=" + Double.toHexString(p.R()) + "|d=" + p.d() + "|wStar="
            + Double.toHexString(p.wStar()) + "|seedIndex=" + p.seedIndex();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha.substring(0, 16), p.pointId());
    }

    @Test
    void idsAndSeedsDependOnTheGridPointOnlyNotOnOrderOrOtherAxes() {
        GridPoint a = find(spec("5").points(), "trainable-sgd", 2.5, 1000, 3);
        GridPoint b = find(SpecParser.parse(SpecParserTest.VALID.replace("d: [10, 1000]", "d: [5, 1000, 10]")
            .replace("output: out/t", "output: other"), "y.yaml", false).points(), "trainable-sgd", 2.5, 1000, 3);
        assertEquals(a.pointId(), b.pointId());
        assertEquals(a.seed(), b.seed());
        assertNotEquals(a.index(), b.index());
        GridPoint c = find(SpecParser.parse(SpecParserTest.VALID.replace("seed: 42", "seed: 43"), "z.yaml", false).points(),
            "trainable-sgd", 2.5, 1000, 3);
        assertEquals(a.pointId(), c.pointId());
        assertNotEquals(a.seed(), c.seed());
        String draw = "R=" + Double.toHexString(2.5) + "|d=1000|wStar=" + Double.toHexString(a.wStar()) + "|seedIndex=3";
        assertEquals(Seeds.trajectorySeed(42, sha16(draw), 3), a.seed());
    }

    @Test
    void setupsShareTheirDrawsAtTheSamePoint() {
        PointSpace s = spec("5").points();
        GridPoint fixed = find(s, "fixed-flow", 2.5, 1000, 3);
        GridPoint sgd = find(s, "trainable-sgd", 2.5, 1000, 3);
        assertNotEquals(fixed.pointId(), sgd.pointId());
        assertEquals(fixed.seed(), sgd.seed(), "paired starts across setups");
        assertNotEquals(fixed.seed(), find(s, "fixed-flow", 2.5, 1000, 4).seed());
    }

    private static String sha16(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void runIsTheCoreTrajectoryWithTheRecordedSeed() {
        PointSpace s = spec("2").points();
        GridPoint p = find(s, "fixed-flow", 2.5, 10, 1);
        Trajectory viaSpace = s.run(p);
        Trajectory direct = Trajectory.run(s.spec().setups().get(0).toSetup(s.spec().classify().thresholds(), null),
            p.R(), p.d(), p.wStar(), p.seed(), Recorder.NONE);
        assertEquals(direct, viaSpace);
    }

    @Test
    void explicitGridsExpandOverRealisableStarts() {
        SweepSpec spec = SpecParser.parse("""
            seed: 1
            grid: {R: [2.0, 3.0], d: 10, wStar: 0.6667, m1: [-0.5, 0.5], m2: [0.5], s: [0.0, 0.9], unrealisable: skip, seeds: 2}
            setups: [{name: p, weights: fixed, dynamics: {type: flow, tMax: 5}, init: {type: explicit, r0: 1.0}}]
            """, "p.yaml", false);
        // (m1, m2, s) = (-0.5, 0.5, 0.9) has a negative Gram determinant
        assertEquals(3, spec.grid().starts().size());
        PointSpace s = spec.points();
        assertEquals(2 * 3 * 2, s.size());
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < s.size(); i++) {
            GridPoint g = s.point(i);
            assertTrue(ids.add(g.pointId()));
            assertEquals(new org.modesweep.core.InitialCondition.Explicit(g.start().m1(), g.start().m2(), g.start().s(), 1.0),
                s.setup(g).trainedMixture().orElseThrow().init());
        }
    }

    @Test
    void setupsWithTheirOwnSeedsAndRandomStartsBesideAnExplicitGrid() {
        SweepSpec spec = SpecParser.parse("""
            seed: 1
            grid: {R: [2.0, 3.0], d: 10, wStar: 0.6667, m1: [-0.5, 0.5], m2: [0.5], s: [0.0]}
            setups:
              - {name: p, weights: fixed, dynamics: {type: gd, eta: 0.1, tMax: 5}, init: explicit}
              - {name: r, weights: fixed, dynamics: {type: gd, eta: 0.1, tMax: 5}, init: sphere, seeds: 3}
              - {name: q, weights: fixed, dynamics: {type: flow, tMax: 5}, init: sphere, seeds: 2}
            """, "p.yaml", false);
        PointSpace s = spec.points();
        assertEquals(2 * 2 + 2 * 3 + 2 * 2, s.size());
        assertEquals(s.size(), spec.trajectories());
        Set<String> ids = new HashSet<>();
        Map<String, Set<String>> pointsBySetup = new HashMap<>();
        Map<String, Long> seedBySetupAndDraw = new HashMap<>();
        for (long i = 0; i < s.size(); i++) {
            GridPoint g = s.point(i);
            assertTrue(ids.add(g.pointId()));
            assertEquals(g.setup().equals("p"), g.start() != null, g.toString());
            pointsBySetup.computeIfAbsent(g.setup(), k -> new HashSet<>()).add(g.R() + "/" + g.start() + "/" + g.seedIndex());
            seedBySetupAndDraw.put(g.setup() + "/" + g.R() + "/" + g.seedIndex(), g.seed());
        }
        assertEquals(4, pointsBySetup.get("p").size());
        assertEquals(6, pointsBySetup.get("r").size());
        assertEquals(4, pointsBySetup.get("q").size());
        for (int k = 0; k < 2; k++) { // the seed leaves the setup out: r and q share the draws of a seed index
            assertEquals(seedBySetupAndDraw.get("r/2.0/" + k), seedBySetupAndDraw.get("q/2.0/" + k));
        }
    }

    @Test
    void splitMix64MatchesTheReferenceSequence() {
        // SplitMix64 from state 0: outputs mix64(k * 0x9E3779B97F4A7C15) (Vigna's reference values)
        assertEquals(0xE220A8397B1DCDAFL, Seeds.mix64(0x9E3779B97F4A7C15L));
        assertEquals(0x6E789E6AA1B965F4L, Seeds.mix64(2 * 0x9E3779B97F4A7C15L));
        assertEquals(0x06C45D188009454FL, Seeds.mix64(3 * 0x9E3779B97F4A7C15L));
    }

    static GridPoint find(PointSpace s, String setup, double R, long d, int seedIndex) {
        for (long i = 0; i < s.size(); i++) {
            GridPoint g = s.point(i);
            if (g.setup().equals(setup) && g.R() == R && g.d() == d && g.seedIndex() == seedIndex) {
                return g;
            }
        }
        throw new AssertionError("no such point");
    }
}
