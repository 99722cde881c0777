package org.modesweep.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.modesweep.core.Outcome;
import org.modesweep.core.sweep.FigureSpec;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.core.sweep.ThresholdSpec;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/** Re-derives {@code probabilities/}, {@code rc/}, {@code summary.csv} and {@code plots/} from {@code trajectories/}. */
public final class SweepAggregation {
    private SweepAggregation() {
    }

    /** What aggregation produced. */
    public record Tables(List<Probability> probabilities, List<RcRow> rc, List<String> plots, long failed) {
    }

    /**
     * Aggregates a sweep output: reads {@code trajectories/} deduplicated on {@code pointId}, writes
     * the tables when {@code save}, and returns them.
     */
    public static Tables aggregate(SparkSession spark, SweepOutput out, SweepSpec spec, ThresholdSpec threshold,
                                   boolean save, boolean plots) {
        Dataset<Row> trajectories = TrajectoryRows.read(spark, out.uri(SweepOutput.TRAJECTORIES), true);
        Tables estimated = estimate(Aggregates.probabilities(trajectories, spec.axisNames(), threshold.confidence(),
            setupOrder(spec)), spec, threshold);
        List<Probability> probabilities = estimated.probabilities();
        List<RcRow> rc = estimated.rc();
        List<String> drawn = List.of();
        if (save) {
            Aggregates.probabilityFrame(spark, probabilities).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(out.uri(SweepOutput.PROBABILITIES));
            writeRc(spark, out, rc);
        }
        if (plots) {
            drawn = redraw(spark, out, spec, probabilities, rc, threshold.method(), false);
        }
        return new Tables(probabilities, rc, drawn, estimated.failed());
    }

    /** The setups in spec order (tables and figures list them so). */
    public static List<String> setupOrder(SweepSpec spec) {
        return spec.setups().stream().map(SetupSpec::name).toList();
    }

    /** R_c and the failed count from probabilities however they were counted (Spark here, DuckDB in {@code sweep rc}). */
    public static Tables estimate(List<Probability> probabilities, SweepSpec spec, ThresholdSpec threshold) {
        return new Tables(probabilities, Aggregates.rc(probabilities, threshold, spec.seed()), List.of(),
            probabilities.stream().mapToLong(p -> p.count(Outcome.FAILED)).sum());
    }

    static void writeRc(SparkSession spark, SweepOutput out, List<RcRow> rc) {
        Aggregates.rcFrame(spark, rc).coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.uri(SweepOutput.RC));
        out.write(SweepOutput.SUMMARY, Aggregates.csv(rc));
    }

    /** Whether the spec asks for figures of runs, which read trajectories/ and series/ with Spark. */
    public static boolean hasFiguresOfRuns(SweepSpec spec) {
        return !Figures.ofRuns(spec).isEmpty();
    }

    /**
     * Redraws {@code plots/}: the standard plots and the spec's figures over axes from the tables (with
     * {@code allVariants} the per-variant figures of every setup variant, else capped), with {@code spark} (null: none)
     * the spec's figures of runs too; then removes the figures of the families drawn that this redraw did not write
     * ({@link StaleFigures}). Returns the base names written.
     */
    public static List<String> redraw(SparkSession spark, SweepOutput out, SweepSpec spec, List<Probability> probabilities,
                                      List<RcRow> rc, String method, boolean allVariants) {
        List<String> drawn = drawPlots(out, spec, probabilities, rc, method, allVariants);
        List<String> kinds = List.of();
        if (spark != null) {
            drawn.addAll(Figures.draw(spark, out, spec));
            kinds = Figures.ofRuns(spec).stream().map(FigureSpec::kind).toList();
        }
        int removed = StaleFigures.remove(out, drawn, kinds);
        if (removed > 0) {
            System.out.println("removed " + removed + " stale figure" + (removed == 1 ? "" : "s") + " from "
                + out.where() + "/" + SweepOutput.PLOTS + " (of the families redrawn, not drawn this time)");
        }
        return drawn;
    }

    /** The standard plots and the spec's figures over axes, from the tables, into {@code plots/}. */
    private static List<String> drawPlots(SweepOutput out, SweepSpec spec, List<Probability> probabilities,
                                          List<RcRow> rc, String method, boolean allVariants) {
        Path folder = out.localFolder(SweepOutput.PLOTS);
        Map<String, String> baselines = spec.unannealedBaselines();
        List<String> drawn = SweepPlots.draw(folder, probabilities, rc, method, allVariants, baselines);
        drawn.addAll(AxisPlots.drawAsked(folder, spec.figures(), probabilities,
            rc.stream().filter(r -> r.method().equalsIgnoreCase(method)).toList(), baselines));
        out.publish(folder, SweepOutput.PLOTS);
        return drawn;
    }

    /** The settings recorded in the manifest under {@code aggregation}. */
    public static Map<String, Object> settings(ThresholdSpec t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("levels", t.levels());
        m.put("method", t.method());
        m.put("bootstrap", t.bootstrap());
        m.put("confidence", t.confidence());
        if (t.adaptive()) {
            m.put("targetWidth", t.targetWidth());
            m.put("budget", t.budget());
            m.put("maxRounds", t.maxRounds());
            m.put("radiiPerRound", t.radiiPerRound());
        }
        return m;
    }
}
