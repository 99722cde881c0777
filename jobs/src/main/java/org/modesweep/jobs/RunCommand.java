package org.modesweep.jobs;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.SparkSpec;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.spark.Manifest;
import org.modesweep.spark.OutputLock;
import org.modesweep.spark.OutputStatus;
import org.modesweep.spark.Sessions;
import org.modesweep.spark.SweepOutput;
import org.modesweep.spark.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import picocli.CommandLine.Parameters;

/** {@code sweep run SPEC}: a sweep end to end on Spark (or only what an interrupted run left to do). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a sweep spec on Spark: trajectories, probabilities, R_c, plots under the output folder.",
        "Rerunning resumes an interrupted sweep (only missing points are computed) or, if complete, re-aggregates;",
        "a spec that only adds points (R, d, wStar values, seeds, setups) extends an output in place;",
        "one that changes existing points is refused. One run per output at a time (a lock)."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Sweep spec (YAML), e.g. conf/default.yaml.")
    Path specFile;
    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = {"Overrides of spec keys, Hydra style, e.g.",
        "grid.seeds=200 'grid.d=[10,1e6]' setups.fixed-flow.dynamics.tMax=800 (a setup by its name or index;",
        "values are YAML). Checked like the file; the resolved spec.yaml records the result."})
    List<String> overrides = List.of();
    @Option(names = "--output", paramLabel = "URI", description = "Output folder (any Hadoop URI). Default: the spec's output.")
    String output;
    @Option(names = "--master", paramLabel = "M", description = "Spark master, e.g. local[2] or spark://host:7077. Default: the spec's spark.master.")
    String master;
    @Option(names = "--yes", description = "Confirm a grid larger than the spec's maxTrajectories, or estimated to take longer than --max-wall.")
    boolean yes;
    @Option(names = "--dry-run", description = "Print the plan (grid, estimated core and wall time: `sweep plan`) and stop.")
    boolean dryRun;
    @Option(names = "--max-wall", paramLabel = "MIN", defaultValue = "10", description = "Without --yes, refuse a run"
        + " estimated (by a short calibration, as `sweep plan`) to take longer than this many minutes. Default: ${DEFAULT-VALUE}.")
    double maxWallMinutes;
    @Option(names = "--partitions", paramLabel = "N", description = "Partitions per chunk. Default: spark.partitions, else 4 per core.")
    Integer partitions;
    @Option(names = "--chunk", paramLabel = "N", description = "Trajectories per chunk (one Parquet commit). Default: spark.chunk, else adaptive (~20-120 s per chunk).")
    Integer chunk;
    @Option(names = "--secret-file", paramLabel = "FILE", description = "File holding the cluster's shared Spark secret"
        + " (else MODESWEEP_SPARK_SECRET_FILE or MODESWEEP_SPARK_SECRET). Cluster masters only; never read from the spec.")
    Path secretFile;
    @Option(names = "--ui", description = "Turn the Spark UI on.")
    boolean ui;
    @Option(names = "--stop-after-chunks", paramLabel = "N", hidden = true, description = "Stop after N chunks (simulates an interrupted run).")
    int stopAfterChunks;
    @Option(names = "--core-benchmark", paramLabel = "N", description = "After the run, also time N of the sweep's trajectories"
        + " one after another on one thread (no Spark), and compare with the Spark throughput. -1: all of them.")
    long benchmark;

    @Option(names = "--break-lock", description = "Take over the output's lock if it is stale (its run is gone, or"
        + " silent for " + "10 min); a live run's lock is never broken.")
    boolean breakLock;

    /** Starts Spark beside the calibration; a daemon, so a refused sweep exits without waiting for it. */
    private static final Executor STARTER = runnable -> {
        Thread t = new Thread(runnable, "spark-start");
        t.setDaemon(true);
        t.start();
    };

    @Override
    public Integer call() {
        SweepSpec spec = SpecParser.parse(specFile, yes, overrides);
        if (output != null) {
            spec = spec.withOutput(output);
        }
        SparkSpec sp = spec.spark();
        spec = spec.withSpark(new SparkSpec(sp.master(), partitions != null ? partitions : sp.partitions(),
            chunk != null ? chunk : sp.chunk(), ui || sp.ui()));
        if (partitions != null && partitions < 1 || chunk != null && chunk < 1) {
            throw new IllegalArgumentException("--partitions and --chunk must be >= 1");
        }
        String target = SweepOutput.targetProblem(spec.output());
        if (target != null) {
            String message = (output != null ? "--output" : specFile + outputLine() + ": output") + ": " + target;
            throw target.startsWith("cannot write") ? new EnvironmentProblem(message) : new IllegalArgumentException(message);
        }
        String runMaster = master != null ? master : spec.spark().master();
        if (dryRun) {
            System.out.print(Plan.calibrate(spec, Plan.cores(runMaster), false).describe());
            return 0;
        }
        // Spark starts on a thread of its own (mostly one thread loading classes, 4-5 s) while the check below
        // calibrates on the cores, which also compiles the dynamics before the first chunk needs them.
        SweepSpec planned = spec;
        CompletableFuture<SparkSession> starting = CompletableFuture.supplyAsync(() -> Sessions.open("sweep "
            + planned.name(), master, planned.spark().master(), planned.spark().ui(), secretFile), STARTER);
        // refused before anything is written to the output; the calibration also sizes the first chunk
        double estimatedRate = !yes && !complete(spec) ? checkWallTime(spec, runMaster).rate() : Double.NaN;
        Interrupts interrupts = Interrupts.install();
        SweepOutput local = new SweepOutput(Sessions.hadoopConfiguration(), spec.output());
        // A local output is locked before the run waits for Spark, so a second run is refused at once.
        OutputLock lock = local.isLocal() ? OutputLock.acquire(local, "sweep run " + specFile, breakLock) : null;
        SparkSession spark = null;
        try {
            spark = started(starting);
            SparkSession session = spark;
            interrupts.onSignal(() -> session.sparkContext().cancelAllJobs());
            SweepRunner.Options options = SweepRunner.Options.console().locked(lock).breakingStaleLock(breakLock)
                .stopWhen(interrupts::requested).estimating(estimatedRate);
            if (stopAfterChunks > 0) {
                options = options.stopAfter(stopAfterChunks);
            }
            SweepRunner.Result result = SweepRunner.run(spark, spec, options);
            if (interrupts.requested()) {
                return interrupted(interrupts, spec, spark);
            }
            if (benchmark != 0) {
                benchmark(spec, result);
            }
            return 0;
        } catch (Exception e) { // also Spark's SparkException, checked in Java terms but thrown by Scala code
            if (interrupts.requested()) { // the cancelled chunk's failure, not an error of its own
                RunLog.failure(e);
                return interrupted(interrupts, spec, spark);
            }
            String reason = Failures.reason(e);
            if (reason != null && !(e instanceof IllegalArgumentException) && Failures.environment(e).equals(reason)) {
                // a Spark job's I/O failure: name the output (the committed chunks are kept)
                throw new EnvironmentProblem("cannot write the sweep to " + spec.output() + ": " + reason
                    + "; the chunks committed so far are kept, rerun to resume", e);
            }
            throw e;
        } finally {
            if (lock != null) {
                lock.close();
            }
            if (spark != null) {
                spark.stop();
            }
        }
    }

    /** Refuses a sweep the quick calibration puts above {@code --max-wall}, with the plan; else returns the plan. */
    private Plan checkWallTime(SweepSpec spec, String runMaster) {
        Plan plan = Plan.calibrate(spec, Plan.cores(runMaster), true);
        if (plan.wallSeconds() > 60 * maxWallMinutes) {
            System.out.print(plan.describe());
            throw new IllegalArgumentException(String.format(Locale.ROOT, "this sweep is estimated to take %s of wall"
                + " time, more than --max-wall %s minutes: rerun with --yes to run it, or shrink the grid",
                Plan.clock(plan.wallSeconds()), TextTable.cell(maxWallMinutes)));
        }
        return plan;
    }

    /** The session started on {@link #STARTER}, or what stopped it from starting. */
    private static SparkSession started(CompletableFuture<SparkSession> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Whether the output already holds this spec's finished sweep (a rerun only re-aggregates: nothing to estimate). */
    private static boolean complete(SweepSpec spec) {
        try {
            Manifest m = new SweepOutput(Sessions.hadoopConfiguration(), spec.output()).manifest();
            return m != null && m.completed() && m.specHash().equals(spec.hash());
        } catch (RuntimeException e) { // unreadable or remote without credentials yet: estimate as for a new run
            return false;
        }
    }

    /** Reports what is done and how to resume; the exit code of the signal. */
    private int interrupted(Interrupts interrupts, SweepSpec spec, SparkSession spark) {
        String done;
        try {
            Configuration conf = spark != null ? spark.sparkContext().hadoopConfiguration() : Sessions.hadoopConfiguration();
            SweepOutput out = new SweepOutput(conf, spec.output());
            done = OutputStatus.of(out, spec, out.manifest()).describe();
        } catch (RuntimeException e) {
            done = "the rows written so far are kept";
        }
        System.err.println("interrupted (" + interrupts.name() + "): " + done + "; resume with: sweep run " + specFile
            + (output != null ? " --output " + output : "") + (master != null ? " --master " + master : ""));
        return interrupts.exitCode();
    }

    /** ":LINE" of the spec's {@code output} key, or "" if it has none (the default output). */
    private String outputLine() {
        try {
            Node root = new Yaml().compose(new StringReader(Files.readString(specFile)));
            if (root instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("output")) {
                        return ":" + (k.getStartMark().getLine() + 1);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the spec parsed a moment ago; without the line the message still names the file
        }
        return "";
    }

    /** Times trajectories of this sweep sequentially on the driver thread (positions 0.. of the balanced order). */
    private void benchmark(SweepSpec spec, SweepRunner.Result result) {
        PointSpace space = spec.points();
        long n = benchmark < 0 ? space.size() : Math.min(benchmark, space.size());
        long t0 = System.nanoTime();
        for (long p = 0; p < n; p++) {
            space.run(space.pointAt(p));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double single = n / seconds;
        System.out.printf(Locale.ROOT, "%nthroughput: single-thread core %.1f traj/s (%d trajectories in %.1f s)", single, n, seconds);
        if (result.computed() > 0) {
            System.out.printf(Locale.ROOT, "; sweep run %.1f traj/s (%d in %.1f s, Spark start-up included): speed-up %.2f",
                result.throughput(), result.computed(), result.computeSeconds(), result.throughput() / single);
            if (Double.isFinite(result.steadyThroughput())) {
                System.out.printf(Locale.ROOT, "; after the first chunk %.1f traj/s: speed-up %.2f",
                    result.steadyThroughput(), result.steadyThroughput() / single);
            }
            System.out.println();
        } else {
            System.out.println("; this run computed nothing (the sweep was already complete)");
        }
    }
}
