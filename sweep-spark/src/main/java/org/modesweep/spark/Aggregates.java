package org.modesweep.spark;

import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.modesweep.spark.TrajectoryRows.field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.modesweep.core.Outcome;
import org.modesweep.core.stats.Interval;
import org.modesweep.core.stats.RcEstimate;
import org.modesweep.core.stats.RcEstimator;
import org.modesweep.core.stats.RcMethod;
import org.modesweep.core.stats.Wilson;
import org.modesweep.core.sweep.Axis;
import org.modesweep.core.sweep.Seeds;
import org.modesweep.core.sweep.ThresholdSpec;

/**
 * Aggregation, always recomputed from {@code trajectories/}: collapse probabilities per
 * (setup, swept keys, {@code d}, {@code wStar}, {@code R}[, explicit start]) with Wilson intervals, and
 * {@code R_c} read along {@code R} per (setup, swept keys, {@code d}, {@code wStar}, level). The swept setup keys
 * ({@link org.modesweep.core.sweep.Axis}) are columns after {@code setup}, one per key; a row carries its values in
 * {@code axes} (every key of the table, null where its setup has none).
 */
public final class Aggregates {

    private Aggregates() {
    }

    /** Outcome counts are columns named after the outcome in camel case ({@code meanAlignment}, ...). */
    public static String countColumn(Outcome o) {
        String[] parts = o.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ probabilities

    /** The columns of swept keys among a table's columns: those between {@code setup} and {@code d}. */
    public static List<String> axes(List<String> columns) {
        return List.copyOf(columns.subList(columns.indexOf("setup") + 1, columns.indexOf("d")));
    }

    /** The swept keys of rows of one table (they all carry the same keys). */
    private static List<String> axesOf(List<? extends Map<String, Double>> axes) {
        return axes.isEmpty() ? List.of() : List.copyOf(axes.get(0).keySet());
    }

    /** A row's values of the swept keys, by name. */
    private static Map<String, Double> axisValues(Function<String, Object> column, List<String> axes) {
        Map<String, Double> v = new LinkedHashMap<>();
        axes.forEach(a -> v.put(a, column.apply(a) == null ? null : ((Number) column.apply(a)).doubleValue()));
        return v;
    }

    private static List<StructField> setupFields(List<String> axes) {
        List<StructField> f = new ArrayList<>(List.of(field("setup", StringType, false)));
        axes.forEach(a -> f.add(field(a, DoubleType, true)));
        return f;
    }

    /** One row of {@code probabilities/}; {@code axes} are the setup's values of the swept keys. */
    public record Probability(String setup, Map<String, Double> axes, long d, double wStar, double R, Double startM1,
                              Double startM2, Double startS, long n, long[] outcomeCounts, long collapse,
                              long collapsePlus, long collapseMinus, double pCollapse, double pLow, double pHigh,
                              double unresolvedFraction, double confidence, double meanTFinal, double meanCost) {

        /** The setup and its swept values, as labels show it. */
        public String series() {
            return Axis.label(setup, axes);
        }

        public static StructType schema(List<String> axes) {
            List<StructField> f = setupFields(axes);
            f.addAll(List.of(field("d", LongType, false),
                field("wStar", DoubleType, false), field("R", DoubleType, false), field("startM1", DoubleType, true),
                field("startM2", DoubleType, true), field("startS", DoubleType, true), field("n", LongType, false)));
            for (Outcome o : Outcome.values()) {
                f.add(field(countColumn(o), LongType, false));
            }
            f.addAll(List.of(field("collapse", LongType, false), field("collapsePlus", LongType, false),
                field("collapseMinus", LongType, false), field("pCollapse", DoubleType, false),
                field("pLow", DoubleType, false), field("pHigh", DoubleType, false),
                field("unresolvedFraction", DoubleType, false), field("confidence", DoubleType, false),
                field("meanTFinal", DoubleType, true), field("meanCost", DoubleType, true)));
            return new StructType(f.toArray(StructField[]::new));
        }

        public long count(Outcome o) {
            return outcomeCounts[o.ordinal()];
        }

        Row toRow() {
            List<Object> v = new ArrayList<>(List.of(setup));
            v.addAll(axes.values());
            v.addAll(List.of(d, wStar, R));
            v.add(startM1);
            v.add(startM2);
            v.add(startS);
            v.add(n);
            for (long c : outcomeCounts) {
                v.add(c);
            }
            v.addAll(List.of(collapse, collapsePlus, collapseMinus, pCollapse, pLow, pHigh, unresolvedFraction,
                confidence, meanTFinal, meanCost));
            return RowFactory.create(v.toArray());
        }

        /**
         * A row of {@code probabilities/}, or of the {@link #PROBABILITY_SQL} aggregation, read by column
         * name from any engine (Spark's {@code Row::getAs}, a JDBC result set); counts may come as any Number.
         */
        public static Probability of(Function<String, Object> column, List<String> axes, double confidence) {
            long n = longOf(column, "n");
            long[] counts = new long[Outcome.values().length];
            for (Outcome o : Outcome.values()) {
                counts[o.ordinal()] = longOf(column, countColumn(o));
            }
            long collapse = longOf(column, "collapse");
            Interval w = Wilson.interval(collapse, n, confidence);
            return new Probability((String) column.apply("setup"), axisValues(column, axes), longOf(column, "d"),
                doubleOf(column, "wStar"),
                doubleOf(column, "R"), (Double) column.apply("startM1"), (Double) column.apply("startM2"),
                (Double) column.apply("startS"), n, counts, collapse, longOf(column, "collapsePlus"),
                longOf(column, "collapseMinus"), n == 0 ? Double.NaN : (double) collapse / n, w.low(), w.high(),
                n == 0 ? Double.NaN : (double) counts[Outcome.UNRESOLVED.ordinal()] / n, confidence,
                doubleOf(column, "meanTFinal"), doubleOf(column, "meanCost"));
        }
    }

    private static long longOf(Function<String, Object> column, String name) {
        return ((Number) column.apply(name)).longValue();
    }

    /** A double column; null (e.g. the mean of no values) reads as NaN. */
    private static double doubleOf(Function<String, Object> column, String name) {
        Object v = column.apply(name);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /** The columns {@code probabilities/} groups trajectories by, with the swept keys {@code axes}. */
    public static List<String> probabilityKeys(List<String> axes) {
        List<String> keys = new ArrayList<>(List.of("setup"));
        keys.addAll(axes);
        keys.addAll(List.of("d", "wStar", "R", "startM1", "startM2", "startS"));
        return keys;
    }

    /**
     * The aggregates of {@code probabilities/} as SQL over {@code trajectories/} columns, in a dialect
     * Spark and DuckDB share, so both engines count the same way: column name to expression.
     */
    public static final Map<String, String> PROBABILITY_SQL = probabilitySql();

    private static Map<String, String> probabilitySql() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("n", "count(*)");
        for (Outcome o : Outcome.values()) {
            m.put(countColumn(o), "sum(case when outcome = '" + o.name() + "' then 1 else 0 end)");
        }
        m.put("collapse", "sum(case when collapse then 1 else 0 end)");
        m.put("collapsePlus", "sum(case when collapse and mode > 0 then 1 else 0 end)");
        m.put("collapseMinus", "sum(case when collapse and mode < 0 then 1 else 0 end)");
        m.put("meanTFinal", "avg(tFinal)");
        m.put("meanCost", "avg(cost)");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Counts and Wilson intervals per (setup, swept keys {@code axes}, d, wStar, R, explicit start), from
     * (deduplicated) trajectories.
     */
    public static List<Probability> probabilities(Dataset<Row> trajectories, List<String> axes, double confidence,
                                                  List<String> setupOrder) {
        List<Column> aggs = new ArrayList<>();
        PROBABILITY_SQL.forEach((name, sql) -> aggs.add(expr(sql).as(name)));
        List<Row> rows = trajectories
            .groupBy(probabilityKeys(axes).stream().map(functions::col).toArray(Column[]::new))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
            .collectAsList();
        return probabilities(rows.stream().map(r -> Probability.of(r::getAs, axes, confidence)).toList(), setupOrder);
    }

    /** The rows in table order: setups as in the spec, then coordinates. */
    public static List<Probability> probabilities(List<Probability> rows, List<String> setupOrder) {
        List<Probability> out = new ArrayList<>(rows);
        out.sort(probabilityOrder(setupOrder));
        return out;
    }

    static Comparator<Probability> probabilityOrder(List<String> setupOrder) {
        Comparator<Double> nullable = Comparator.nullsFirst(Comparator.naturalOrder());
        return Comparator.<Probability>comparingInt(p -> rank(setupOrder, p.setup())).thenComparing(Probability::setup)
            .thenComparing(Probability::axes, Aggregates::compareAxes).thenComparingLong(Probability::d).thenComparingDouble(Probability::wStar)
            .thenComparingDouble(Probability::R).thenComparing(Probability::startM1, nullable)
            .thenComparing(Probability::startM2, nullable).thenComparing(Probability::startS, nullable);
    }

    /** Orders swept values key by key (a missing value first). */
    static int compareAxes(Map<String, Double> a, Map<String, Double> b) {
        Comparator<Double> nullable = Comparator.nullsFirst(Comparator.naturalOrder());
        for (String k : a.keySet()) {
            int c = nullable.compare(a.get(k), b.get(k));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int rank(List<String> order, String setup) {
        int i = order == null ? -1 : order.indexOf(setup);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    public static Dataset<Row> probabilityFrame(SparkSession spark, List<Probability> rows) {
        return spark.createDataFrame(rows.stream().map(Probability::toRow).toList(),
            Probability.schema(axesOf(rows.stream().map(Probability::axes).toList())));
    }

    /** Reads back a {@code probabilities/} table (Wilson intervals recomputed at its recorded confidence). */
    public static List<Probability> readProbabilities(SparkSession spark, String path) {
        List<Probability> out = new ArrayList<>();
        Dataset<Row> table = spark.read().parquet(path);
        List<String> axes = axes(Arrays.asList(table.columns()));
        for (Row r : table.collectAsList()) {
            out.add(Probability.of(r::getAs, axes, r.getAs("confidence")));
        }
        return probabilities(out, null);
    }

    // ------------------------------------------------------------------ R_c

    /** One row of {@code rc/} and {@code summary.csv}; {@code axes} are the setup's values of the swept keys. */
    public record RcRow(String setup, Map<String, Double> axes, long d, double wStar, double level, double rc,
                        double rcLow, double rcHigh, String method, long trajectories, boolean censored,
                        double maxProbability, double unresolvedFraction, int bootstrap, double confidence,
                        String note) {

        /** The setup and its swept values, as labels show it. */
        public String series() {
            return Axis.label(setup, axes);
        }

        public static StructType schema(List<String> axes) {
            List<StructField> f = setupFields(axes);
            f.addAll(List.of(field("d", LongType, false), field("wStar", DoubleType, false),
            field("level", DoubleType, false), field("rc", DoubleType, true), field("rcLow", DoubleType, true),
            field("rcHigh", DoubleType, true), field("method", StringType, false),
            field("trajectories", LongType, false), field("censored", BooleanType, false),
            field("maxProbability", DoubleType, true), field("unresolvedFraction", DoubleType, true),
            field("bootstrap", org.apache.spark.sql.types.DataTypes.IntegerType, false),
            field("confidence", DoubleType, false), field("note", StringType, true)));
            return new StructType(f.toArray(StructField[]::new));
        }

        Row toRow() {
            List<Object> v = new ArrayList<>(List.of(setup));
            v.addAll(axes.values());
            v.addAll(Arrays.asList(d, wStar, level, rc, rcLow, rcHigh, method, trajectories, censored,
                maxProbability, unresolvedFraction, bootstrap, confidence, note));
            return RowFactory.create(v.toArray());
        }

        /** R_c as tables show it: the value, "&gt; bound" or "&lt; bound" when censored, "-" when not estimated. */
        public String shownValue() {
            return shownValue(Aggregates::fmt);
        }

        /** {@link #shownValue()} with numbers written by {@code format}. */
        public String shownValue(java.util.function.DoubleFunction<String> format) {
            if (censored) {
                return Double.isInfinite(rcHigh) ? "> " + format.apply(rcLow) : "< " + format.apply(rcHigh);
            }
            return Double.isNaN(rc) ? "-" : format.apply(rc);
        }

        /** Its interval as tables show it: "[low, high]", "censored", or why it was not estimated. */
        public String shownInterval() {
            if (censored) {
                return "censored";
            }
            if (Double.isNaN(rc)) {
                return note == null ? "" : note;
            }
            return Double.isNaN(rcLow) ? "-" : "[" + fmt(rcLow) + ", " + fmt(rcHigh) + "]";
        }

        /** A row of {@code rc/} read by column name from any engine. */
        public static RcRow of(Function<String, Object> column, List<String> axes) {
            return new RcRow((String) column.apply("setup"), axisValues(column, axes), longOf(column, "d"), doubleOf(column, "wStar"),
                doubleOf(column, "level"), doubleOf(column, "rc"), doubleOf(column, "rcLow"), doubleOf(column, "rcHigh"),
                (String) column.apply("method"), longOf(column, "trajectories"), (Boolean) column.apply("censored"),
                doubleOf(column, "maxProbability"), doubleOf(column, "unresolvedFraction"),
                Math.toIntExact(longOf(column, "bootstrap")), doubleOf(column, "confidence"), (String) column.apply("note"));
        }
    }

    /**
     * {@code R_c} per (setup, d, wStar) at every level. The per-trajectory outcomes at one radius are
     * exchangeable, so the estimator gets them back from the counts; the bootstrap seed derives
     * from the sweep seed and the group, so results are reproducible.
     */
    public static List<RcRow> rc(List<Probability> probabilities, ThresholdSpec threshold, long sweepSeed) {
        Map<String, List<Probability>> groups = new LinkedHashMap<>();
        for (Probability p : probabilities) {
            groups.computeIfAbsent(p.series() + "\u0000" + p.d() + "\u0000" + p.wStar(), k -> new ArrayList<>()).add(p);
        }
        // Groups are independent and each is seeded by its key, so they are estimated in parallel (the bootstrap
        // dominates) with the same result; the list copy lets the stream split (a map's entries split by 1024).
        return new ArrayList<>(groups.entrySet()).parallelStream()
            .flatMap(e -> rc(e.getKey(), e.getValue(), threshold, sweepSeed).stream()).toList();
    }

    /** {@code R_c} of one (setup, d, wStar) group by every method at every level. */
    private static List<RcRow> rc(String key, List<Probability> g, ThresholdSpec threshold, long sweepSeed) {
        double[] levels = threshold.levels().stream().mapToDouble(Double::doubleValue).toArray();
        long total = g.stream().mapToLong(Probability::n).sum();
        long unresolved = g.stream().mapToLong(p -> p.count(Outcome.UNRESOLVED)).sum();
        double[] radius = new double[Math.toIntExact(total)];
        boolean[] collapse = new boolean[radius.length];
        int i = 0;
        for (Probability p : g) {
            for (long k = 0; k < p.n(); k++, i++) {
                radius[i] = p.R();
                collapse[i] = k < p.collapse();
            }
        }
        Probability first = g.get(0);
        long seed = Seeds.mix64(sweepSeed ^ Seeds.mix64(key.hashCode()));
        List<RcRow> out = new ArrayList<>();
        for (RcMethod method : methods(threshold)) {
            String name = method.name().toLowerCase(Locale.ROOT);
            List<RcEstimate> estimates;
            try {
                estimates = RcEstimator.estimateLevels(radius, collapse, levels, method, threshold.bootstrap(),
                    threshold.confidence(), seed);
            } catch (IllegalArgumentException ex) {
                for (double level : levels) {
                    out.add(new RcRow(first.setup(), first.axes(), first.d(), first.wStar(), level, Double.NaN, Double.NaN,
                        Double.NaN, name, total, false, Double.NaN, (double) unresolved / total,
                        threshold.bootstrap(), threshold.confidence(), "not estimated: " + ex.getMessage()));
                }
                continue;
            }
            for (RcEstimate r : estimates) {
                out.add(new RcRow(first.setup(), first.axes(), first.d(), first.wStar(), r.level(), r.rc(), r.rcLow(), r.rcHigh(),
                    name, r.trajectories(), r.censored(), r.maxProbability(),
                    total == 0 ? Double.NaN : (double) unresolved / total, threshold.bootstrap(),
                    threshold.confidence(), r.note()));
            }
        }
        return out;
    }

    /** The spec's method first (it drives refinement and plots), then the other for comparison. */
    static List<RcMethod> methods(ThresholdSpec threshold) {
        RcMethod primary = RcMethod.valueOf(threshold.method().toUpperCase(Locale.ROOT));
        List<RcMethod> out = new ArrayList<>(List.of(primary));
        Arrays.stream(RcMethod.values()).filter(m -> m != primary).forEach(out::add);
        return out;
    }

    /** The rows of the spec's method. */
    public static List<RcRow> primary(List<RcRow> rows, ThresholdSpec threshold) {
        return rows.stream().filter(r -> r.method().equalsIgnoreCase(threshold.method())).toList();
    }

    public static Dataset<Row> rcFrame(SparkSession spark, List<RcRow> rows) {
        return spark.createDataFrame(rows.stream().map(RcRow::toRow).toList(),
            RcRow.schema(axesOf(rows.stream().map(RcRow::axes).toList())));
    }

    public static List<RcRow> readRc(SparkSession spark, String path) {
        List<RcRow> out = new ArrayList<>();
        Dataset<Row> table = spark.read().parquet(path);
        List<String> axes = axes(Arrays.asList(table.columns()));
        for (Row r : table.collectAsList()) {
            out.add(RcRow.of(r::getAs, axes));
        }
        return rcOrder(out);
    }

    /** {@code rc/} rows in table order. */
    public static List<RcRow> rcOrder(List<RcRow> rows) {
        List<RcRow> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(RcRow::setup).thenComparing(RcRow::axes, Aggregates::compareAxes)
            .thenComparingLong(RcRow::d).thenComparingDouble(RcRow::wStar)
            .thenComparingDouble(RcRow::level).thenComparing(RcRow::method));
        return out;
    }

    /** {@code summary.csv}: the {@code rc/} table as CSV. */
    public static String csv(List<RcRow> rows) {
        List<String> axes = axesOf(rows.stream().map(RcRow::axes).toList());
        return Csv.table(RcRow.schema(axes).fieldNames(), rows.stream().map(RcRow::toRow).iterator());
    }

    /** The console table of {@code R_c}. */
    public static String table(List<RcRow> rows) {
        if (rows.isEmpty()) {
            return "(no R_c estimates)\n";
        }
        RcRow any = rows.get(0);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
            "R_c = radius where P(collapse) reaches the level; %.0f%% interval = %d-resample bootstrap widened to the"
                + " profile likelihood (logistic) or the monotone bracket%n",
            100 * any.confidence(), any.bootstrap()));
        int w = Math.max(5, rows.stream().mapToInt(r -> r.series().length()).max().orElse(5));
        b.append(String.format(Locale.ROOT, "%-" + w + "s %10s %7s %6s %-8s %8s  %-20s %7s %6s %10s%n",
            "setup", "d", "wStar", "level", "method", "R_c", "interval", "n", "max P", "unresolved"));
        for (RcRow r : rows) {
            b.append(String.format(Locale.ROOT, "%-" + w + "s %10d %7.4g %6.3g %-8s %8s  %-20s %7d %6.3f %9.1f%%%n",
                r.series(), r.d(), r.wStar(), r.level(), r.method(), r.shownValue(), r.shownInterval(), r.trajectories(),
                r.maxProbability(), 100 * r.unresolvedFraction()));
        }
        return b.toString();
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
