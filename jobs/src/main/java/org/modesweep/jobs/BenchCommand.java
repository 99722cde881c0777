package org.modesweep.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.modesweep.core.Flow;
import org.modesweep.core.InitialCondition;
import org.modesweep.core.Recorder;
import org.modesweep.core.ReducedModel;
import org.modesweep.core.Mixture;
import org.modesweep.core.ReducedSetup;
import org.modesweep.core.Setup;
import org.modesweep.core.State;
import org.modesweep.core.StochasticGradientDescent;
import org.modesweep.core.Thresholds;
import org.modesweep.core.ReducedTrajectory;
import org.modesweep.core.Trajectory;
import org.modesweep.core.Weights;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.spark.Sessions;
import org.modesweep.spark.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput on fixed workloads with fixed seeds. Each line starts with the workload name and its
 * rate; W1-W3 run on one thread, W4 is the W1 workload as a sweep on Spark, set against cores × W1.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Throughput on fixed workloads (R = 2.5, d = 1000, w* = 2/3, sphere(R) starts, seeds 0..N-1):",
        "  W1 flow, fixed weights, tMax 400 (one thread)     W2 the same, trainable weights",
        "  W3 sgd steps, reduced engine, batch 1000 (one thread)   W3v the same on the vectors engine",
        "  W3g W3 at d = 1e9                                       W4 the W1 workload as a sweep on Spark, against cores x W1",
        "  W1p the W1 workload on all cores at once without Spark (what the cores give together; W4 is also set against it)",
        "  W1x the W1 workload in one JVM per core at once, in a common window (what the machine gives to separate processes)",
        "bench/side-by-side runs this beside the SciPy/numpy script bench/baseline.py and prints the ratios."})
final class BenchCommand implements Callable<Integer> {

    private static final double R = 2.5;
    private static final long D = 1000;
    private static final double W_STAR = 2.0 / 3;
    private static final double T_MAX = 400;
    private static final Flow FLOW = new Flow(T_MAX, 1e-9, 1e-8);
    /** Timed passes over the seeds of a flow workload; the rate is their median (this machine is shared and noisy). */
    private static final int PASSES = 3;
    /** W1p's and W1x's window of wall time, in which every core computes. */
    private static final long WINDOW_SECONDS = 6;

    @Option(names = "--seeds", defaultValue = "3000", description = "Trajectories per flow workload. Default: ${DEFAULT-VALUE}.")
    int seeds;
    @Option(names = "--warmup", defaultValue = "3000", description = "Untimed trajectories first (JIT; pinned to one core, the compiler shares it). Default: ${DEFAULT-VALUE}.")
    int warmup;
    @Option(names = "--sgd-steps", defaultValue = "200", description = "Timed sgd steps on the vectors engine (W3v), per pass. Default: ${DEFAULT-VALUE}.")
    int sgdSteps;
    @Option(names = "--reduced-steps", defaultValue = "20000", description = "Timed sgd steps on the reduced engine (W3, W3g), per pass. Default: ${DEFAULT-VALUE}.")
    int reducedSteps;
    @Option(names = "--sweep", defaultValue = "100000", paramLabel = "N",
        description = "Trajectories of the W4 sweep; 0 skips W4. Default: ${DEFAULT-VALUE}.")
    int sweep;
    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master of W4. Default: ${DEFAULT-VALUE}.")
    String master;
    @Option(names = "--only", split = ",", paramLabel = "W", description = "Run only these workloads, e.g. W1,W2.")
    String[] only;
    /** W1x's part in a child JVM: the window's start (epoch ms) and length (s); see {@link #windowPart}. */
    @Option(names = "--window", hidden = true, split = ",")
    long[] window;
    @Option(names = "--starts", paramLabel = "DIR",
        description = "Also write the W1 and W2 starts with their outcomes (DIR/W1.csv, DIR/W2.csv), for bench/baseline.py --starts.")
    Path starts;

    @Override
    public Integer call() throws IOException {
        if (seeds < 1 || warmup < 0 || sgdSteps < 1 || reducedSteps < 1 || sweep < 0) {
            throw new IllegalArgumentException("--seeds, --sgd-steps and --reduced-steps must be >= 1, --warmup and --sweep >= 0");
        }
        if (window != null) {
            windowPart(window[0], window[1]);
            return 0;
        }
        if (starts != null) {
            Files.createDirectories(starts);
        }
        double w1 = Double.NaN;
        if (runs("W1") || runs("W1p") || runs("W1x") || runs("W4") && sweep > 0) {
            w1 = flow("W1", Weights.FIXED, runs("W1"));
        }
        if (runs("W2")) {
            flow("W2", Weights.TRAINABLE, true);
        }
        if (runs("W3")) {
            sgd("W3", StochasticGradientDescent.Engine.REDUCED, D, reducedSteps);
        }
        if (runs("W3v")) {
            sgd("W3v", StochasticGradientDescent.Engine.VECTORS, D, sgdSteps);
        }
        if (runs("W3g")) {
            sgd("W3g", StochasticGradientDescent.Engine.REDUCED, 1_000_000_000L, reducedSteps);
        }
        double w1p = Double.NaN;
        if (runs("W1p") || runs("W4") && sweep > 0) {
            w1p = parallelFlow(Runtime.getRuntime().availableProcessors(), w1);
        }
        double w1x = Double.NaN;
        if (runs("W1x") || runs("W4") && sweep > 0) {
            w1x = separateProcesses(Runtime.getRuntime().availableProcessors(), w1);
        }
        if (runs("W4") && sweep > 0) {
            sweep(w1, w1p, w1x);
        }
        return 0;
    }

    private boolean runs(String workload) {
        return only == null || Arrays.asList(only).contains(workload);
    }

    private static ReducedSetup flowSetup(String name, Weights weights) {
        return new ReducedSetup(name, new Mixture(weights, new InitialCondition.Sphere(null), 0), FLOW, Thresholds.DEFAULT);
    }

    /** Trajectories per second on one thread; prints the line if {@code print}. */
    private double flow(String name, Weights weights, boolean print) throws IOException {
        ReducedSetup setup = flowSetup(name, weights);
        for (int i = 0; i < warmup; i++) {
            Trajectory.run(setup, R, D, W_STAR, 1_000_000 + i, Recorder.NONE);
        }
        ReducedTrajectory[] runs = new ReducedTrajectory[seeds];
        double[] micros = new double[seeds];
        double[] rates = new double[PASSES];
        for (int pass = 0; pass < PASSES; pass++) {
            long start = System.nanoTime();
            for (int i = 0; i < seeds; i++) {
                long t0 = System.nanoTime();
                // the flow itself, whose trajectories have the starts writeStarts prints
                runs[i] = setup.trajectory(R, D, W_STAR, i, Recorder.NONE, ReducedModel.Expectations.TABLE);
                micros[i] = (System.nanoTime() - t0) / 1e3;
            }
            rates[pass] = seeds / ((System.nanoTime() - start) / 1e9);
        }
        double rate = median(rates);
        double[] evals = Arrays.stream(runs).mapToDouble(Trajectory::cost).toArray();
        if (print) {
            System.out.printf(Locale.ROOT, "%s %.1f trajectories/s  (flow, %s weights, one thread, median of %d passes; median %.0f us and %.0f"
                    + " rhs evaluations per trajectory; %.1f/s with the quadrature instead of the table)%n", name, rate,
                weights.label(), PASSES, median(micros), median(evals), quadratureRate(setup));
        }
        if (starts != null && print) {
            writeStarts(starts.resolve(name + ".csv"), runs);
        }
        return rate;
    }

    /**
     * The W1 workload on {@code threads} plain threads at once, no Spark, counted in a common window as W1x (passes
     * over a fixed set let a thread idle at each pass's end): what this machine's cores give together in one JVM,
     * the yardstick of Spark's own overhead in W4. Runs after W1 in the same JVM, so the code is compiled.
     */
    private double parallelFlow(int threads, double w1) {
        ReducedSetup setup = flowSetup("W1p", Weights.FIXED);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long opens = System.currentTimeMillis() + 500;
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> countInWindow(setup, opens, WINDOW_SECONDS, first, threads)));
            }
            long counted = 0;
            for (Future<Long> part : parts) {
                counted += part.get();
            }
            double rate = (double) counted / WINDOW_SECONDS;
            System.out.printf(Locale.ROOT, "W1p %.1f trajectories/s  (the W1 workload on %d plain threads at once, no Spark,"
                + " counted in a common %d s window: %.0f%% of %d x W1, what these cores give together in one JVM)%n", rate,
                threads, WINDOW_SECONDS, 100 * rate / (threads * w1), threads);
            return rate;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("W1p: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The W1 workload in {@code processes} child JVMs at once (this JVM's flags and classpath), each counting the
     * trajectories it finishes inside one common window of wall time: what the machine gives to separate processes,
     * which share no heap, collector or compiler. Against it, W1p and W4 show what sharing one JVM costs, and
     * against cores x W1 it shows what the machine itself gives (virtual cores that slow down when all are busy).
     */
    private double separateProcesses(int processes, double w1) {
        // time for each child to start and warm up (interpreted at first, all cores busy) before the window opens
        long opens = System.currentTimeMillis() + 4000 + Math.round(3000 * warmup / w1);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-agent")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench",
            "--warmup", String.valueOf(warmup), "--window", opens + "," + WINDOW_SECONDS));
        try {
            List<Process> children = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                children.add(new ProcessBuilder(command).redirectErrorStream(true).start());
            }
            long counted = 0;
            for (Process child : children) {
                String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                Matcher part = Pattern.compile("(?m)^W1x-part (\\d+)( late)?$").matcher(out);
                if (child.waitFor() != 0 || !part.find()) {
                    throw new IllegalStateException("W1x: a child JVM failed: " + out.strip());
                }
                if (part.group(2) != null) {
                    System.out.println("note: a W1x process was still warming up when the window opened; W1x is low");
                }
                counted += Long.parseLong(part.group(1));
            }
            double rate = (double) counted / WINDOW_SECONDS;
            System.out.printf(Locale.ROOT, "W1x %.1f trajectories/s  (the W1 workload in %d separate JVMs at once, counted in a"
                + " common %d s window: %.0f%% of %d x W1, what this machine gives to separate processes)%n", rate, processes,
                WINDOW_SECONDS, 100 * rate / (processes * w1), processes);
            return rate;
        } catch (IOException e) {
            throw new UncheckedIOException("W1x: cannot start a child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("W1x interrupted", e);
        }
    }

    /**
     * One W1x process: warms up, then runs W1 trajectories until the window closes, counting those that end inside
     * it (the core stays busy before and after, as its neighbours' are).
     */
    private void windowPart(long opensMillis, long seconds) {
        ReducedSetup setup = flowSetup("W1x", Weights.FIXED);
        for (int i = 0; i < warmup; i++) {
            Trajectory.run(setup, R, D, W_STAR, 1_000_000 + i, Recorder.NONE);
        }
        boolean late = System.currentTimeMillis() > opensMillis;
        System.out.println("W1x-part " + countInWindow(setup, opensMillis, seconds, 0, 1) + (late ? " late" : ""));
    }

    /**
     * Runs W1 trajectories (seeds {@code first}, {@code first + stride}, ...) until the window closes, counting those
     * that end inside it; the core stays busy before and after, as its neighbours' are.
     */
    private static long countInWindow(ReducedSetup setup, long opensMillis, long seconds, int first, int stride) {
        long closes = opensMillis + 1000 * seconds;
        long counted = 0;
        for (long i = first; ; i += stride) {
            setup.trajectory(R, D, W_STAR, i, Recorder.NONE, ReducedModel.Expectations.TABLE);
            long now = System.currentTimeMillis();
            if (now > closes) {
                return counted;
            }
            if (now >= opensMillis) {
                counted++;
            }
        }
    }

    /** The same workload on {@link ReducedModel.Expectations#QUADRATURE}: what the table buys (a fifth of the seeds). */
    private double quadratureRate(Setup setup) {
        int n = Math.max(1, seeds / 5);
        for (int i = 0; i < Math.min(warmup, n); i++) {
            Trajectory.run(setup, R, D, W_STAR, 1_000_000 + i, Recorder.NONE, ReducedModel.Expectations.QUADRATURE);
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Trajectory.run(setup, R, D, W_STAR, i, Recorder.NONE, ReducedModel.Expectations.QUADRATURE);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** The starts of a workload and what they gave, for the baseline to integrate the same ones. */
    private static void writeStarts(Path file, ReducedTrajectory[] runs) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("seed,m1,m2,q11,q22,q12,a,outcome,tFinal");
            for (int i = 0; i < runs.length; i++) {
                State s = runs[i].start();
                w.printf(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s,%s%n", i, s.m1(), s.m2(), s.q11(), s.q22(), s.q12(), s.a(),
                    runs[i].outcome(), runs[i].tFinal());
            }
        }
    }

    /** Steps per second of one trajectory on one thread (trainable weights, R = 2.5, w* = 2/3, a sphere start). */
    private void sgd(String name, StochasticGradientDescent.Engine engine, long d, int steps) {
        double eta = 0.05;
        int batch = 1000;
        Trajectory.run(sgdSetup(eta, batch, eta * Math.max(20, steps / 10), engine), R, d, W_STAR, 0, Recorder.NONE);
        double[] rates = new double[PASSES];
        long done = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            long start = System.nanoTime();
            Trajectory t = Trajectory.run(sgdSetup(eta, batch, eta * steps, engine), R, d, W_STAR, 1 + pass, Recorder.NONE);
            done = t.cost();
            rates[pass] = done / ((System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%s %.1f sgd steps/s  (%s engine, d %d, batch %d per component, %d steps, one thread, median of %d"
            + " passes)%n", name, median(rates), engine.label(), d, batch, done, PASSES);
    }

    private static ReducedSetup sgdSetup(double eta, int batch, double tMax, StochasticGradientDescent.Engine engine) {
        return new ReducedSetup("W3", new Mixture(Weights.TRAINABLE, new InitialCondition.Sphere(null), 0),
            new StochasticGradientDescent(eta, batch, tMax, 1e-300, engine), Thresholds.DEFAULT);
    }

    /**
     * The W1 workload ({@code sweep} seeds of one point) as a sweep on Spark, into a temporary folder,
     * twice in one JVM: the first run is what a fresh {@code sweep run} sees (Spark's first jobs and the
     * JIT compiling the writer and the core on the same cores), the second is timed warm, as W1 is.
     */
    private void sweep(double w1, double w1p, double w1x) throws IOException {
        Path dir = Files.createTempDirectory("modesweep-bench");
        try {
            String yaml = String.format(Locale.ROOT, """
                name: bench-w4
                seed: 1
                grid: {R: [%s], d: [%d], wStar: %s, seeds: %d}
                setups:
                  - {name: W1, weights: fixed, dynamics: {type: flow, tMax: %s}, init: sphere}
                threshold: {bootstrap: 0}
                """, R, D, W_STAR, sweep, T_MAX);
            Path specFile = dir.resolve("w4.yaml");
            Files.writeString(specFile, yaml);
            SweepSpec spec = SpecParser.parse(specFile, true);
            // as `sweep run` does before it computes: the quick check, whose rate sizes the first chunk
            SweepRunner.Options quiet = SweepRunner.Options.quiet()
                .estimating(Plan.calibrate(spec, Plan.cores(master), true).rate());
            long opening = System.nanoTime();
            SparkSession spark = Sessions.open("bench W4", master, master, false);
            double startup = (System.nanoTime() - opening) / 1e9;
            try {
                int cores = spark.sparkContext().defaultParallelism();
                SweepRunner.Result cold = SweepRunner.run(spark, spec.withOutput(dir.resolve("cold").toString()), quiet);
                SweepRunner.Result warm = SweepRunner.run(spark, spec.withOutput(dir.resolve("warm").toString()), quiet);
                double ideal = cores * w1;
                System.out.printf(Locale.ROOT, "W4 %.1f trajectories/s  (%,d W1 trajectories as a sweep on %s, %d cores, Parquet"
                        + " included, warm JVM: parallel efficiency %.0f%% of %d x W1, %.0f%% of W1x, %.0f%% of W1p; %.2f cores busy computing;"
                        + " %s. The same sweep first, in the fresh JVM: %.1f/s, %.0f%% (%.0f%% of W1x, %.0f%% of W1p); %s; Spark start-up %.1f s)%n",
                    warm.throughput(), warm.computed(), master, cores, 100 * warm.throughput() / ideal, cores,
                    100 * warm.throughput() / w1x, 100 * warm.throughput() / w1p, warm.coreMillis() / 1000 / warm.computeSeconds(),
                    chunks(warm), cold.throughput(), 100 * cold.throughput() / ideal, 100 * cold.throughput() / w1x,
                    100 * cold.throughput() / w1p, chunks(cold), startup);
            } finally {
                spark.stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** "1 chunk", or "3 chunks, 9000.0/s after the first" (the first carries the warm-up of the JVM and of Spark). */
    private static String chunks(SweepRunner.Result run) {
        return run.chunks() == 1 ? "1 chunk" : String.format(Locale.ROOT, "%d chunks, %.0f/s after the first", run.chunks(),
            run.steadyThroughput());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
