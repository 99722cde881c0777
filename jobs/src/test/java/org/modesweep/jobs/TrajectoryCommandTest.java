package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrajectoryCommandTest {

    private record Result(int exit, String out, String err) {
        List<String> lines() {
            return Arrays.asList(out.strip().split("\n"));
        }
    }

    private static Result run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void printsTheHeaderARowPerIntervalAndTheEnd() {
        Result r = run("trajectory", "--R", "2.5", "--d", "1000", "--seed", "3", "--every", "10", "--t-max", "35",
            "--summary", "json");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertEquals("t,m1,m2,q11,q22,q12,w1,kl", lines.get(0));
        double[] times = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[0])).toArray();
        double[] expected = {0, 10, 20, 30, 35};
        assertEquals(Arrays.toString(expected), Arrays.toString(times));
        String[] first = lines.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(first[3]), 1e-12, "sphere(R) start: q11 = 1");
        assertTrue(r.err().startsWith("{\"outcome\": "), r.err());
        assertTrue(r.err().contains("\"rhsEvals\": "), r.err());
    }

    @Test
    void gradientDescentPrintsTimesInStepsOfEta() {
        Result r = run("trajectory", "--R", "1.9", "--dynamics", "gd", "--eta", "0.05", "--t-max", "2",
            "--every", "0.5", "--weights", "trainable");
        assertEquals(0, r.exit(), r.err());
        double[] times = r.lines().stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[0])).toArray();
        assertEquals(5, times.length, Arrays.toString(times));
        assertEquals(2.0, times[4], 1e-12);
        assertTrue(r.err().contains("steps=40"), r.err());
    }

    @Test
    void realnvpPrintsMassesEveryIntervalInSteps() {
        Result r = run("trajectory", "--dynamics", "realnvp", "--R", "2.5", "--d", "3", "--steps", "25", "--every", "10",
            "--width", "4", "--batch", "16", "--eval-batch", "64", "--summary", "json");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertEquals("step,kl,massPlus,massMinus,meanProj", lines.get(0));
        assertEquals(List.of("0", "10", "20", "25"), lines.stream().skip(1).map(l -> l.split(",")[0]).toList());
        String[] last = lines.get(4).split(",");
        assertEquals(1.0, Double.parseDouble(last[2]) + Double.parseDouble(last[3]), 1e-12);
        assertTrue(r.err().contains("\"massPlus\": "), r.err());
        assertTrue(r.err().contains("steps/s"), r.err());
    }

    /** {@code --anneal} changes the run; {@code --beta0 1} anneals nothing and prints what no annealing prints. */
    @Test
    void annealOptionsTemperTheRun() {
        String[] plain = {"trajectory", "--R", "3", "--d", "1000", "--seed", "0", "--t-max", "300", "--every", "50"};
        Result none = run(plain);
        Result flat = run(concat(plain, "--anneal", "linear", "--beta0", "1", "--tau", "100"));
        Result hot = run(concat(plain, "--anneal", "linear", "--beta0", "0.05", "--tau", "100"));
        assertEquals(0, hot.exit(), hot.err());
        assertEquals(none.out(), flat.out());
        assertTrue(!none.out().equals(hot.out()), hot.out());
        assertTrue(hot.err().startsWith("outcome=COVERAGE"), hot.err());
        assertTrue(none.err().startsWith("outcome=MEAN_ALIGNMENT"), none.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badArgumentsGetOneLineNamingTheOptionAndExitCode2() {
        String[][] cases = {
            {"--R", "2", "--w-star", "1.5"},
            {"--R", "2", "--d", "0"},
            {"--R", "0"},
            {"--R", "NaN"},
            {"--R", "2", "--init", "explicit", "--m1", "0.9", "--m2", "0.9", "--s", "-0.9"},
            {"--R", "2", "--dynamics", "rk4"},
            {"--R", "2", "--dynamics", "realnvp", "--d", "1"},
            {"--R", "2", "--dynamics", "realnvp", "--layers", "1"},
            {"--R", "2", "--dynamics", "realnvp", "--init-scale", "-0.1"},
            {"--R", "2", "--anneal", "cosine", "--beta0", "0.1", "--tau", "10"},
            {"--R", "2", "--anneal", "linear", "--beta0", "0", "--tau", "10"},
            {"--R", "2", "--anneal", "linear", "--beta0", "0.1", "--tau", "500"},
            {"--R", "2", "--anneal", "linear", "--beta0", "0.1"},
            {"--R", "2", "--beta0", "0.1"},
            {"--R", "2", "--dynamics", "realnvp", "--steps", "50", "--anneal", "geometric", "--beta0", "0.1", "--tau", "60"},
        };
        String[] named = {"--w-star", "--d", "--R", "--R", "--m1/--m2/--s", "--dynamics", "--d", "layers", "initScale",
            "--anneal", "--beta0", "--tau", "--anneal", "--beta0/--tau", "--tau"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "trajectory";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            Result r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().contains(named[i]), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void optionsAreBoundedLikeSpecKeys() {
        String[][] cases = {
            {"--rtol must be < 1.0, got 2.0", "--rtol", "2"},
            {"--weight-eps must be < 0.5, got 0.7", "--weight-eps", "0.7"},
            {"--align-cos must be < 1.0, got 2.0", "--align-cos", "2"},
            {"--a0 (the starting weight logit) applies to trainable weights only", "--weights", "fixed", "--a0", "1"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 1];
            args[0] = "trajectory";
            args[1] = "--R=2.5";
            System.arraycopy(c, 1, args, 2, c.length - 1);
            Result r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("sweep trajectory: " + c[0]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }
}
