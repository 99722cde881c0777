package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a spec file can be before it is YAML: exact 64-bit integers, readable text, a file that exists. */
class SpecInputTest {
    static final String SPEC = """
        name: s
        seed: %s
        grid: {R: 2.0, d: 10, wStar: 0.6667, seeds: 2}
        setups:
          - {name: f, weights: fixed, dynamics: {type: flow, tMax: 50}}
        """;

    @Test
    void seedsUseAll64Bits() {
        for (long seed : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 9_007_199_254_740_993L /* 2^53 + 1 */}) {
            assertEquals(seed, SpecParser.parse(SPEC.formatted(seed), "s.yaml", false).seed());
        }
        SpecException e = assertThrows(SpecException.class,
            () -> SpecParser.parse(SPEC.formatted("9223372036854775808"), "s.yaml", false));
        assertTrue(e.getMessage().startsWith("s.yaml:2: seed: integer out of range (64-bit"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8TextIsNamedSo(@TempDir Path dir) throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), "name: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {'n', 0, 'x', '\n'});
        for (Path p : new Path[] {latin1, binary}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecParser.parse(p, false));
            assertTrue(e.getMessage().startsWith("cannot read spec " + p + ": not a UTF-8 text file"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SpecParser.parse(dir.resolve("missing.yaml"), false));
        assertEquals("cannot read spec " + dir.resolve("missing.yaml") + ": no such file", e.getMessage());
    }

    @Test
    void anAdaptiveSpecWithoutBudgetReadsBackFromItsResolvedYaml() {
        SweepSpec s = SpecParser.parse(SPEC.formatted(1) + "threshold: {targetWidth: 0.1, maxRounds: 2}\n", "s.yaml", false);
        SweepSpec back = SpecParser.parse(s.toYaml(), "spec.yaml", true);
        assertEquals(s.hash(), back.hash());
        assertEquals(0, back.threshold().budget());
    }
}
