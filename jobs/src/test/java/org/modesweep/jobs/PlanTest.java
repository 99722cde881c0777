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

    @Test
    void runRefusesAboveTheWallLimitBeforeWritingAnything() throws Exception {
        Path spec = dir.resolve("s.yaml");
        Path out = dir.resolve("out");
        Files.writeString(spec, SPEC);
        StringWriter err = new StringWriter();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int dry;
        int refused;
        try {
            var cli = Main.commandLine();
            cli.setErr(new PrintWriter(err));
            dry = cli.execute("run", spec.toString(), "--output", out.toString(), "--dry-run");
            // 38 trajectories plus seconds of start-up and aggregation exceed a limit of 0.001 minutes
            refused = cli.execute("run", spec.toString(), "--output", out.toString(), "--max-wall", "0.001");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, dry, err.toString());
        assertEquals(2, refused, err.toString());
        assertTrue(err.toString().contains("more than --max-wall 0.001 minutes: rerun with --yes"), err.toString());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("estimated core time"));
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void planTakesTheOverridesOfRun() throws Exception {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, SPEC);
        StringWriter err = new StringWriter();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int planned;
        int unknown;
        try {
            var cli = Main.commandLine();
            cli.setErr(new PrintWriter(err));
            planned = cli.execute("plan", spec.toString(), "grid.seeds=7", "grid.R=[2]");
            unknown = cli.execute("plan", spec.toString(), "grid.seedz=7");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, planned, err.toString());
        // 1 R x 2 d x 7 seeds + 1 R x 3 d x 3 seeds (wide keeps its own seeds)
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("sweep 'plan-it': 23 trajectories"), printed.toString());
        assertEquals(2, unknown);
        assertTrue(err.toString().contains("override 'grid.seedz=7'"), err.toString());
    }
}
