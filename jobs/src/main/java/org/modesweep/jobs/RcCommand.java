package org.modesweep.jobs;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.modesweep.core.sweep.ThresholdSpec;
import org.modesweep.spark.Aggregates;
import org.modesweep.spark.ExistingSweep;
import org.modesweep.spark.OutputLock;
import org.modesweep.spark.Report;
import org.modesweep.spark.SweepAggregation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep rc PATH}: re-estimates R_c from the trajectories of a sweep, at other levels or with another method. */
@Command(name = "rc", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Re-estimate R_c(d) from a sweep's trajectories (deduplicated on pointId) and print the table.",
        "Defaults come from the sweep's spec.yaml; --save also rewrites probabilities/, rc/, summary.csv, plots/ and report.html (with Spark),",
        "holding the output's lock as `sweep run` does.",
        "Without --save, a local output is counted by DuckDB inside this command; Spark counts larger or remote ones (--engine)."})
final class RcCommand implements Callable<Integer> {
    private static final String LOCK_COMMAND = "sweep rc --save";

    @Parameters(index = "0", paramLabel = "PATH", description = "A sweep folder (or its trajectories/).")
    String path;
    @Option(names = "--level", paramLabel = "L", split = ",", description = "Probability level(s) in (0,1); repeat or comma-separate.")
    double[] levels;
    @Option(names = "--method", paramLabel = "M", description = "monotone (isotonic fit) | logistic: the spec method (it drives refinement and is listed first; both are estimated).")
    String method;
    @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples (0: no interval).")
    Integer bootstrap;
    @Option(names = "--confidence", paramLabel = "C", description = "Confidence of intervals, in (0,1).")
    Double confidence;
    @Option(names = "--save", description = "Write the result over probabilities/, rc/, summary.csv and plots/.")
    boolean save;
    @Option(names = "--break-lock", description = "With --save: take over the output's lock if it is stale.")
    boolean breakLock;
    @Mixin
    TableEngine engine;

    @Override
    public Integer call() {
        // --save writes into the output, so it holds the output's lock; a local output's is taken before Spark
        // starts (as `sweep run` does), so a running sweep refuses at once.
        try (OutputLock local = save ? OutputLock.acquireIfLocal(path, LOCK_COMMAND, breakLock) : null;
             ResultReader r = ResultReader.open(engine, path, "sweep rc", save);
             OutputLock remote = save && local == null ? OutputLock.acquire(r.output(), LOCK_COMMAND, breakLock) : null) {
            ExistingSweep sweep = r.sweep();
            ThresholdSpec t = threshold(sweep.spec().threshold());
            if (!sweep.status().complete()) {
                System.out.println("note: this sweep is incomplete (" + sweep.status().describe()
                    + "); R_c from the rows written so far");
            }
            SweepAggregation.Tables tables = save
                ? SweepAggregation.aggregate(r.spark(), sweep.output(), sweep.spec(), t, true, true)
                : SweepAggregation.estimate(r.aggregate(t.confidence()), sweep.spec(), t);
            System.out.print(Aggregates.table(tables.rc()));
            if (save) {
                if (sweep.manifest() != null) {
                    sweep.output().writeManifest(sweep.manifest().withAggregation(SweepAggregation.settings(t), Instant.now().toString()));
                }
                Report.write(sweep.output(), sweep.spec(), tables.probabilities(), tables.rc());
                System.out.printf("saved probabilities/, rc/, summary.csv, report.html and %d plots under %s%n",
                    tables.plots().size(), sweep.output().root());
            }
            return 0;
        }
    }

    private ThresholdSpec threshold(ThresholdSpec t) {
        if (levels != null) {
            for (double l : levels) {
                if (!(l > 0 && l < 1)) {
                    throw new IllegalArgumentException("--level must lie in (0, 1), got " + l);
                }
            }
            t = t.withLevels(Arrays.stream(levels).boxed().toList());
        }
        if (method != null) {
            String m = method.toLowerCase(Locale.ROOT);
            if (!m.equals("logistic") && !m.equals("monotone")) {
                throw new IllegalArgumentException("--method must be monotone or logistic, got '" + method + "'");
            }
            t = t.withMethod(m);
        }
        if (bootstrap != null) {
            if (bootstrap < 0) {
                throw new IllegalArgumentException("--bootstrap must be >= 0");
            }
            t = t.withBootstrap(bootstrap);
        }
        if (confidence != null) {
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("--confidence must lie in (0, 1)");
            }
            t = t.withConfidence(confidence);
        }
        return t;
    }
}
