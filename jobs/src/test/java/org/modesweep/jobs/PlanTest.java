package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;

class PlanTest {
    static final String SPEC = """
        name: plan-it
        seed: 1
        grid: {R: [2, 3], d: [10, 100, 5000], wStar: 0.6667, seeds: 5}
        setups:
          - {name: small, weights: fixed, d: [10, 100], dynamics: {type: flow, tMax: 20}}
          - {name: wide, weights: fixed, seeds: 3, dynamics: {type: gd, eta: 0.1, tMax: 20}}
        """;

    @TempDir
    Path dir;

    @Test
    void calibratesEachSetupAcrossItsDimensionsAndCountsItsTrajectories() {
        SweepSpec spec = SpecParser.parse(SPEC, "plan.yaml", false);
        Plan plan = Plan.calibrate(spec, 2, true);
        assertEquals(2, plan.setups().size());
        assertEquals(10, plan.setups().get(0).dMin());
        assertEquals(100, plan.setups().get(0).dMax());
        assertEquals(5000, plan.setups().get(1).dMax());
        assertTrue(plan.setups().stream().allMatch(c -> c.runs() >= 2), "every d run at least once");
        // 2 R x 2 d x 5 seeds and 2 R x 3 d x 3 seeds, counted here from the spec text
        assertEquals(20, plan.setups().get(0).trajectories());
        assertEquals(18, plan.setups().get(1).trajectories());
        assertEquals(spec.points().size(), 20 + 18);
        assertTrue(plan.setups().stream().allMatch(c -> c.runs() >= 1 && c.secondsPerRun() > 0));
        assertEquals(plan.coreSeconds(), 20 * plan.setups().get(0).secondsPerRun() + 18 * plan.setups().get(1).secondsPerRun(),
            1e-12);
        assertTrue(plan.describe().contains("d 10-5000"), plan.describe());
    }

    /** Exit codes of commands run in turn on one command line, and what they printed. */
    record Ran(int[] codes, String out, String err) {
    }

    private static Ran execute(String[]... commands) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int[] codes = new int[commands.length];
        try {
            var cli = Main.commandLine();
            cli.setErr(new PrintWriter(err));
            for (int i = 0; i < commands.length; i++) {
                codes[i] = cli.execute(commands[i]);
            }
        } finally {
            System.setOut(saved);
        }
        return new Ran(codes, printed.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void runRefusesAboveTheWallLimitBeforeWritingAnything() throws Exception {
        Path spec = dir.resolve("s.yaml");
        Path out = dir.resolve("out");
        Files.writeString(spec, SPEC);
        Ran ran = execute(new String[] {"run", spec.toString(), "--output", out.toString(), "--dry-run"},
            // 38 trajectories plus seconds of start-up and aggregation exceed a limit of 0.001 minutes
            new String[] {"run", spec.toString(), "--output", out.toString(), "--max-wall", "0.001"});
        assertEquals(0, ran.codes()[0], ran.err());
        assertEquals(2, ran.codes()[1], ran.err());
        assertTrue(ran.err().contains("more than --max-wall 0.001 minutes: rerun with --yes"), ran.err());
        assertTrue(ran.out().contains("estimated core time"));
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void planTakesTheOverridesOfRun() throws Exception {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, SPEC);
        Ran ran = execute(new String[] {"plan", spec.toString(), "grid.seeds=7", "grid.R=[2]"},
            new String[] {"plan", spec.toString(), "grid.seedz=7"});
        assertEquals(0, ran.codes()[0], ran.err());
        // 1 R x 2 d x 7 seeds + 1 R x 3 d x 3 seeds (wide keeps its own seeds)
        assertTrue(ran.out().contains("sweep 'plan-it': 23 trajectories"), ran.out());
        assertEquals(2, ran.codes()[1]);
        assertTrue(ran.err().contains("override 'grid.seedz=7'"), ran.err());
    }
}
