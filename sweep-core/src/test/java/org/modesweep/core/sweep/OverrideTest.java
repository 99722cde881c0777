package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hydra-style command-line overrides: any key, validated like the file, errors naming the override. */
class OverrideTest {

    private static final String SPEC = """
        seed: 7
        grid: {R: [2.0, 3.0], d: [10], wStar: 0.6667, seeds: 3}
        setups:
          - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 400}}
          - {name: sgd, weights: fixed, dynamics: {type: sgd, eta: 0.05, batch: 10, tMax: 20}}
        """;

    @TempDir
    Path dir;

    private SweepSpec parse(String... overrides) throws Exception {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, SPEC);
        return SpecParser.parse(file, false, List.of(overrides));
    }

    @Test
    void overridesReachAnyKeyAndEqualTheEditedFile() throws Exception {
        SweepSpec s = parse("grid.seeds=200", "grid.d=[10,1e6]", "setups.fixed-flow.dynamics.tMax=800",
            "setups.1.dynamics.batch=[10,100]", "threshold.level=0.25");
        SweepSpec edited = SpecParser.parse(SPEC.replace("seeds: 3", "seeds: 200").replace("d: [10]", "d: [10, 1e6]")
            .replace("tMax: 400", "tMax: 800").replace("batch: 10", "batch: [10, 100]")
            + "threshold: {level: 0.25}\n", dir.resolve("x.yaml").toString(), false);
        assertEquals(edited.hash(), s.hash());
        assertEquals(edited.threshold(), s.threshold());
        assertEquals(List.of("batch"), s.axisNames());
        // the resolved spec.yaml records the overridden values
        assertEquals(s.hash(), SpecParser.parse(s.toYaml(), "spec.yaml", false).hash());
    }

    @Test
    void errorsNameTheOverride() {
        SpecException e = assertThrows(SpecException.class, () -> parse("grid.seeds=0", "setups.nope.tMax=3",
            "grid.seedz=4", "seeds"));
        String m = e.getMessage();
        assertTrue(m.contains("override 'grid.seeds=0': grid.seeds: must be >= 1, got 0"), m);
        assertTrue(m.contains("override 'setups.nope.tMax=3': setups.nope: no entry named 'nope'"), m);
        assertTrue(m.contains("override 'grid.seedz=4': grid.seedz: unknown key 'seedz'; did you mean 'seeds'?"), m);
        assertTrue(m.contains("override 'seeds': expected key.path=value"), m);
    }
}
