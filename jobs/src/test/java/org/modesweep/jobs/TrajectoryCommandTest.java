package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modesweep.core.sweep.SpecException;
import org.modesweep.core.sweep.SpecParser;
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
        String[] named = {"--w-star", "--d", "--R", "--R", "--m1/--m2/--s", "--dynamics", "--d", "--layers", "--init-scale",
            "--anneal", "--beta0", "--tau", "--tau", "--anneal", "--tau"};
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

    /** Each option is its spec key: the same value is refused for the same reason, by the same binder. */
    @Test
    void optionsAndSpecKeysShareDefaultsBoundsAndLimits() {
        String[][] cases = { // option arguments, then the spec's setup (and classify block) with the same values
            {"--rtol 2", "{name: t, weights: fixed, dynamics: {type: flow, tMax: 400, rtol: 2}}"},
            {"--weight-eps 0.7", "{name: t, weights: fixed, dynamics: {type: flow, tMax: 400}}", "{weightEps: 0.7}"},
            {"--align-cos 2", "{name: t, weights: fixed, dynamics: {type: flow, tMax: 400}}", "{alignCos: 2}"},
            {"--weights fixed --a0 1", "{name: t, weights: fixed, a0: 1, dynamics: {type: flow, tMax: 400}}"},
            {"--dynamics gd --eta -1", "{name: t, weights: fixed, dynamics: {type: gd, tMax: 400, eta: -1}}"},
            {"--dynamics sgd --batch 0", "{name: t, weights: fixed, dynamics: {type: sgd, tMax: 400, eta: 0.05, batch: 0}}"},
            {"--dynamics sgd --engine vectors --d 100000000",
                "{name: t, weights: fixed, dynamics: {type: sgd, tMax: 400, eta: 0.05, batch: 1000, engine: vectors}}"},
            {"--dynamics realnvp --d 1", "{name: t, dynamics: {type: realnvp, steps: 1000}}"},
            {"--dynamics realnvp --collapse-frac 1.5", "{name: t, dynamics: {type: realnvp, steps: 1000, collapseFrac: 1.5}}"},
        };
        String[] options = {"--rtol", "--weight-eps", "--align-cos", "--a0", "--eta", "--batch", "--d", "--d", "--collapse-frac"};
        for (int i = 0; i < cases.length; i++) {
            String[] given = cases[i][0].split(" ");
            String d = given[given.length - 2].equals("--d") ? given[given.length - 1] : "10";
            String yaml = "grid: {R: 2.5, d: " + d + ", wStar: 0.6, seeds: 1}\nsetups: [" + cases[i][1] + "]\n"
                + (cases[i].length > 2 ? "classify: " + cases[i][2] : "");
            String reason = assertThrows(SpecException.class, () -> SpecParser.parse(yaml, "x.yaml", true))
                .errors().get(0).reason().replace("setup 't': ", "");
            String[] args = concat(new String[] {"trajectory", "--R", "2.5"}, given);
            Result r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals("sweep trajectory: " + options[i] + " " + reason.replaceFirst("^a0 ", ""), r.err().strip(),
                String.join(" ", args));
        }
    }
}
