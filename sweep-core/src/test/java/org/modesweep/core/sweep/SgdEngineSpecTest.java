package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modesweep.core.sweep.SpecParserTest.error;

import org.junit.jupiter.api.Test;
import org.modesweep.core.StochasticGradientDescent;
import org.modesweep.core.StochasticGradientDescent.Engine;

/** The {@code engine} key of sgd dynamics: default, identity (hash), resolved YAML and errors. */
class SgdEngineSpecTest {

    private static final String SGD = "dynamics: {type: sgd, eta: 0.05, batch: 100, tMax: 50}";

    private static String spec(String engine) {
        return SpecParserTest.with(SGD, "dynamics: {type: sgd, eta: 0.05, batch: 100, tMax: 50" + engine + "}");
    }

    private static ReducedDynamicsSpec.SgdSpec sgdOf(SweepSpec s) {
        return (ReducedDynamicsSpec.SgdSpec) s.setups().get(1).dynamics();
    }

    @Test
    void reducedIsTheDefaultAndVectorsIsChosenByName() {
        SweepSpec byDefault = SpecParser.parse(SpecParserTest.VALID, "conf/x.yaml", false);
        SweepSpec reduced = SpecParser.parse(spec(", engine: reduced"), "conf/x.yaml", false);
        SweepSpec vectors = SpecParser.parse(spec(", engine: vectors"), "conf/x.yaml", false);
        assertEquals(new StochasticGradientDescent(0.05, 100, 50, 1e-8, Engine.REDUCED), sgdOf(byDefault).build());
        assertEquals(byDefault.hash(), reduced.hash());
        assertEquals(new StochasticGradientDescent(0.05, 100, 50, 1e-8, Engine.VECTORS), sgdOf(vectors).build());
        assertTrue(sgdOf(vectors).build().describe().contains("engine=vectors"));
    }

    @Test
    void theEngineIsPartOfTheIdentityAndVectorsKeepsTheHashOfBeforeEngines() {
        SweepSpec reduced = SpecParser.parse(spec(", engine: reduced"), "conf/x.yaml", false);
        SweepSpec vectors = SpecParser.parse(spec(", engine: vectors"), "conf/x.yaml", false);
        assertNotEquals(reduced.hash(), vectors.hash());
        // the text an sgd setup had before engines existed (read off DynamicsSpec at d67b2e9), when every
        // sgd run stored d-vectors
        String before = "sgd(tMax=0x1.9p5,tol=0x1.5798ee2308c3ap-27,eta=0x1.999999999999ap-5,batch=100)";
        assertEquals(before, sgdOf(vectors).canonical());
        assertEquals(before.replace(")", ",engine=reduced)"), sgdOf(reduced).canonical());
    }

    @Test
    void theResolvedYamlKeepsTheEngine() {
        SweepSpec vectors = SpecParser.parse(spec(", engine: vectors"), "conf/x.yaml", false);
        SweepSpec back = SpecParser.parse(vectors.toYaml(), "conf/x.yaml", false);
        assertEquals(vectors.hash(), back.hash());
        assertEquals(Engine.VECTORS, sgdOf(back).build().engine());
    }

    @Test
    void aMisspelledEngineIsNamedWithItsLineAndASuggestion() {
        SpecException.Error e = error(spec(", engine: vectrs"));
        assertEquals("setups[1].dynamics.engine", e.key());
        assertEquals(11, e.line());
        assertTrue(e.reason().contains("'reduced' or 'vectors'") && e.reason().contains("did you mean 'vectors'"),
            e.reason());
    }

    @Test
    void engineBelongsToSgdOnly() {
        SpecException.Error e = error(SpecParserTest.with("{type: flow, tMax: 400}", "{type: flow, tMax: 400, engine: reduced}"));
        assertEquals("setups[0].dynamics.engine", e.key());
    }

    @Test
    void vectorsRefusesADimensionItCannotStoreWithTheEnginesOwnReason() {
        long tooLarge = StochasticGradientDescent.MAX_VECTOR_D + 1;
        SpecException.Error e = error(spec(", engine: vectors").replace("d: [10, 1000]", "d: [10, " + tooLarge + "]"));
        assertEquals("grid.d", e.key());
        assertTrue(e.reason().endsWith(new StochasticGradientDescent(0.05, 100, 50, 1e-8, Engine.VECTORS).refusal(tooLarge).orElseThrow()), e.reason());
        SweepSpec reduced = SpecParser.parse(SpecParserTest.VALID.replace("d: [10, 1000]", "d: [10, 1000000000]"),
            "conf/x.yaml", false);
        assertFalse(reduced.grid().d().isEmpty());
    }
}
