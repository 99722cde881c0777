package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FlowDensityCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void drawsOnePicturePerRadius() throws IOException {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, """
            grid: {R: [2.5], d: 2, wStar: 0.3333, seeds: 2}
            setups:
              - {name: mix, weights: fixed, dynamics: {type: flow, tMax: 10}}
              - {name: nvp, dynamics: {type: realnvp, steps: 10, layers: 2, width: 4, batch: 8, evalBatch: 32}}
            """);
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "flow-density", spec.toString(), "--R", "2.5,3.1", "--seed-index", "1",
            "--cells", "12", "--out", dir.toString()), err.toString());
        assertTrue(Files.size(dir.resolve("nvp-density-R2.5-s1.png")) > 0);
        assertTrue(Files.size(dir.resolve("nvp-density-R3.1-s1.png")) > 0);
        assertEquals(2, run(err, "flow-density", spec.toString(), "--R", "2.5", "--setup", "mix"));
        assertTrue(err.toString().contains("--setup mix is not a realnvp setup"), err.toString());
    }
}
