package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A validated sweep specification with every default filled in (see {@link SpecParser}).
 *
 * <p>{@link #hash()} covers what determines the trajectory rows: the sweep seed, the grid, the setups
 * and the classification thresholds, and in adaptive mode ({@code threshold.targetWidth} given) the
 * {@code threshold} block, which then decides the refined radii. Name, output, limits, a non-adaptive
 * {@code threshold} (aggregation only), {@code description} and {@code spark} are left out, so changing them re-aggregates an existing output instead of being
 * refused.
 */
public record SweepSpec(String source, String name, String output, long seed, long maxTrajectories,
                        boolean confirm, GridSpec grid, List<SetupSpec> setups, ClassifySpec classify,
                        ThresholdSpec threshold, SparkSpec spark, RecordSpec record, List<FigureSpec> figures,
                        String description)
    implements Serializable {

    public SweepSpec {
        setups = List.copyOf(setups);
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** Number of trajectories (= rows of {@code trajectories/}, = grid points). */
    public long trajectories() {
        return setups.stream().mapToLong(grid::trajectories).sum();
    }

    /** Whether the point of this setup and seed index stores its time series ({@code record}). */
    public boolean records(String setup, int seedIndex) {
        return record != null && record.records(setup, seedIndex);
    }

    public PointSpace points() {
        return new PointSpace(this);
    }

    public SetupSpec setup(String setupName) {
        for (SetupSpec s : setups) {
            if (s.name().equals(setupName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no setup named '" + setupName + "'");
    }

    /**
     * Each annealed setup's baseline: the unannealed setup that is otherwise the same (mixture, starts, dynamics;
     * its name, seeds and the {@code anneal} block aside), by name, for annealed setups that have one. Maps of an
     * annealed setup show the baseline beside the schedules.
     */
    public Map<String, String> unannealedBaselines() {
        Map<String, String> baselines = new LinkedHashMap<>();
        for (SetupSpec s : setups) {
            if (s.dynamics().anneal().annealed()) {
                setups.stream().filter(u -> !u.dynamics().anneal().annealed() && withoutAnneal(u).equals(withoutAnneal(s)))
                    .findFirst().ifPresent(u -> baselines.putIfAbsent(s.name(), u.name()));
            }
        }
        return baselines;
    }

    /** A setup's resolved keys but its name, seeds and anneal block. */
    private static Map<String, Object> withoutAnneal(SetupSpec s) {
        Map<String, Object> m = new LinkedHashMap<>(s.toYaml());
        m.remove("name");
        m.remove("seeds");
        if (m.get("dynamics") instanceof Map<?, ?> dynamics) {
            Map<Object, Object> d = new LinkedHashMap<>(dynamics);
            d.remove("anneal");
            m.put("dynamics", d);
        }
        return m;
    }

    /** The index of the variant of setup {@code name} with these swept values (keys it does not sweep ignored). */
    public int setupIndex(String setupName, Map<String, Double> axisValues) {
        for (int i = 0; i < setups.size(); i++) {
            SetupSpec s = setups.get(i);
            if (s.name().equals(setupName) && s.axisValues().entrySet().stream()
                .allMatch(e -> e.getValue().equals(axisValues.get(e.getKey())))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no setup '" + setupName + "' with " + axisValues);
    }

    /** The text {@link #hash()} digests. */
    public String canonical() {
        StringBuilder b = new StringBuilder("modesweep-spec-v1\nseed=").append(seed)
            .append("\ngrid:").append(grid.canonical())
            .append("\nclassify:").append(classify.canonical());
        for (SetupSpec s : setups) {
            b.append("\nsetup:").append(s.canonical());
            if (s.d() != null) {
                b.append(";d=").append(s.d());
            }
        }
        if (threshold.adaptive()) { // adaptive: the threshold block decides which rows exist
            b.append("\nadaptive:").append(threshold.adaptiveCanonical());
        }
        if (record != null) { // decides which series rows exist
            b.append("\nrecord:").append(record.canonical());
        }
        return b.toString();
    }

    /** SHA-256 (hex) of {@link #canonical()}: equal hashes mean equal trajectory rows. */
    public String hash() {
        return Canonical.sha256Hex(canonical());
    }

    /**
     * What decides the rows of a setup's points besides their coordinates (16 hex digits): the sweep
     * seed, the classification and the setup's definition (a variant of a swept setup: its values).
     * Adding points (radii, dimensions, seeds, setups, axis values) leaves it unchanged; each Parquet
     * part of {@code trajectories/} carries those of its setup, so a part of another sweep is recognised.
     */
    public String rowsIdentity(SetupSpec setup) {
        return Canonical.sha256Hex("modesweep-rows-v1\nseed=" + seed + "\nclassify:" + classify.canonical()
            + "\nsetup:" + setup.canonical()).substring(0, 16);
    }

    public SweepSpec withOutput(String newOutput) {
        return new SweepSpec(source, name, newOutput, seed, maxTrajectories, confirm, grid, setups, classify,
            threshold, spark, record, figures, description);
    }

    public SweepSpec withMaster(String master) {
        return new SweepSpec(source, name, output, seed, maxTrajectories, confirm, grid, setups, classify,
            threshold, spark.withMaster(master), record, figures, description);
    }

    public SweepSpec withSpark(SparkSpec newSpark) {
        return new SweepSpec(source, name, output, seed, maxTrajectories, confirm, grid, setups, classify,
            threshold, newSpark, record, figures, description);
    }

    public SweepSpec withThreshold(ThresholdSpec newThreshold) {
        return new SweepSpec(source, name, output, seed, maxTrajectories, confirm, grid, setups, classify,
            newThreshold, spark, record, figures, description);
    }

    /** Writes each swept key's values (integers as integers) where its scalar stood. */
    @SuppressWarnings("unchecked")
    private static void putAxes(Map<String, Object> setup, List<Axis> axes) {
        for (Axis a : axes) {
            Map<String, Object> m = setup;
            for (String k : a.path().subList(0, a.path().size() - 1)) {
                m = (Map<String, Object>) m.get(k);
            }
            m.put(a.name(), a.values().stream()
                .map(x -> x == Math.rint(x) && Math.abs(x) < 1e15 ? (Object) (long) (double) x : (Object) x).toList());
        }
    }

    /**
     * The swept keys of all setups, by column name, in the order they first appear: each is a column of the
     * trajectory and probability tables, and a coordinate that probabilities and {@code R_c} are grouped by.
     */
    public List<String> axisNames() {
        return setups.stream().flatMap(s -> s.axes().stream()).map(Axis::name).distinct().toList();
    }

    /** The resolved spec as YAML (every default written out); {@link SpecParser} reads it back to an equal spec. */
    public String toYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("output", output);
        root.put("seed", seed);
        root.put("maxTrajectories", maxTrajectories);
        root.put("confirm", confirm);
        if (description != null) {
            root.put("description", description);
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("R", grid.R());
        g.put("d", grid.d());
        g.put("wStar", grid.wStar());
        g.put("seeds", grid.seeds());
        if (grid.explicit()) {
            g.put("m1", grid.m1());
            g.put("m2", grid.m2());
            g.put("s", grid.s());
            g.put("unrealisable", grid.skipUnrealisable() ? "skip" : "error");
        }
        root.put("grid", g);
        List<Object> list = new ArrayList<>();
        java.util.Set<String> written = new java.util.HashSet<>();
        for (SetupSpec s : setups) {
            if (!written.add(s.name())) {
                continue; // a later variant of a swept setup: the first one writes the lists
            }
            Map<String, Object> m = s.toYaml();
            putAxes(m, s.axes());
            list.add(m);
        }
        root.put("setups", list);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("weightEps", classify.weightEps());
        c.put("alignCos", classify.alignCos());
        c.put("klTol", classify.klTol());
        root.put("classify", c);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("level", threshold.levels());
        t.put("method", threshold.method());
        t.put("bootstrap", threshold.bootstrap());
        t.put("confidence", threshold.confidence());
        if (threshold.adaptive()) {
            t.put("targetWidth", threshold.targetWidth());
            if (threshold.budget() > 0) { // 0 = no budget, which the spec says by leaving the key out
                t.put("budget", threshold.budget());
            }
            t.put("maxRounds", threshold.maxRounds());
            t.put("radiiPerRound", threshold.radiiPerRound());
        }
        root.put("threshold", t);
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("master", spark.master());
        if (spark.partitions() != null) {
            sp.put("partitions", spark.partitions());
        }
        if (spark.chunk() != null) {
            sp.put("chunk", spark.chunk());
        }
        sp.put("ui", spark.ui());
        root.put("spark", sp);
        if (record != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("every", record.every());
            if (record.seeds() != null) {
                r.put("seeds", record.seeds());
            }
            if (!record.setups().isEmpty()) {
                r.put("setups", record.setups());
            }
            root.put("record", r);
        }
        if (!figures.isEmpty()) {
            List<Object> f = new ArrayList<>();
            figures.forEach(fig -> f.add(fig.yaml()));
            root.put("figures", f);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
        options.setWidth(120);
        String header = "# resolved sweep spec (every default filled in); spec hash " + hash() + "\n";
        return header + new Yaml(options).dump(root);
    }
}
