package org.modesweep.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.modesweep.core.figure.BasinFigure;
import org.modesweep.core.figure.CollapseFigure;
import org.modesweep.core.figure.EvolutionFigure;
import org.modesweep.core.figure.PlateauFigure;
import org.modesweep.core.figure.RunSummary;
import org.modesweep.core.figure.Series;
import org.modesweep.core.sweep.FigureSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * Draws the spec's figures of runs ({@code evolution}, {@code plateaus}, {@code basins}, {@code collapse-vs-d}) into
 * {@code plots/}: reads the rows they need, the core draws them. The figures over axes come from the tables
 * ({@link AxisPlots#drawAsked}).
 */
final class Figures {
    private Figures() {
    }

    static List<String> draw(SparkSession spark, SweepOutput out, SweepSpec spec) {
        List<FigureSpec.FromRuns> figures = ofRuns(spec);
        if (figures.isEmpty()) {
            return List.of();
        }
        Set<String> setups = new TreeSet<>();
        figures.forEach(f -> setups.addAll(f.setups()));
        List<RunSummary> runs = new ArrayList<>();
        for (Row r : TrajectoryRows.read(spark, out.uri(SweepOutput.TRAJECTORIES), true)
            .filter(col("setup").isInCollection(setups)).collectAsList()) {
            runs.add(new RunSummary(r.getAs("pointId"), r.getAs("setup"), r.getAs("R"), r.<Long>getAs("d"),
                r.getAs("wStar"), r.getAs("startM1"), r.getAs("startM2"), r.getAs("startS"), r.<Integer>getAs("seedIndex"),
                r.getAs("outcome"), r.<Double>getAs("plateauTime"), r.<Double>getAs("tFinal"), r.<Double>getAs("m1"),
                r.<Double>getAs("m2")));
        }
        Map<String, Series> series = out.hasParquet(SweepOutput.SERIES) ? series(spark, out, setups) : Map.of();
        Path folder = out.localFolder(SweepOutput.PLOTS);
        List<String> drawn = new ArrayList<>();
        for (FigureSpec.FromRuns f : figures) {
            drawn.addAll(switch (f.kind()) {
                case "evolution" -> EvolutionFigure.draw(folder, spec, f, runs, series);
                case "plateaus" -> PlateauFigure.draw(folder, spec, f, runs);
                case "basins" -> BasinFigure.draw(folder, spec, f, runs, series);
                case "collapse-vs-d" -> CollapseFigure.draw(folder, spec, f, runs);
                default -> throw new IllegalArgumentException("unknown figure kind '" + f.kind() + "'");
            });
        }
        out.publish(folder, SweepOutput.PLOTS);
        return drawn;
    }

    /** The spec's figures drawn from runs (they need Spark to read trajectories/ and series/). */
    static List<FigureSpec.FromRuns> ofRuns(SweepSpec spec) {
        return spec.figures().stream().filter(f -> f instanceof FigureSpec.FromRuns).map(f -> (FigureSpec.FromRuns) f)
            .toList();
    }

    /** The recorded series of these setups by pointId, each in time order. */
    private static Map<String, Series> series(SparkSession spark, SweepOutput out, Set<String> setups) {
        Map<String, List<Row>> byPoint = new HashMap<>();
        for (Row r : SeriesRows.read(spark, out.uri(SweepOutput.SERIES), true)
            .filter(col("setup").isInCollection(setups)).select("pointId", "t", "m1", "m2", "w1").collectAsList()) {
            byPoint.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        Map<String, Series> series = new HashMap<>();
        byPoint.forEach((id, rows) -> {
            rows.sort(Comparator.comparingDouble(r -> r.getDouble(1)));
            series.put(id, new Series(id, column(rows, 1), column(rows, 2), column(rows, 3), column(rows, 4)));
        });
        return series;
    }

    private static double[] column(List<Row> rows, int i) {
        return rows.stream().mapToDouble(r -> r.getDouble(i)).toArray();
    }
}
