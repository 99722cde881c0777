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
 * {@code threshold} (aggregation only) and {@code spark} are left out, so changing them re-aggregates an existing output instead of being
 * refused.
 */
public record SweepSpec(String source, String name, String output, long seed, long maxTrajectories,
                        boolean confirm, GridSpec grid, List<SetupSpec> setups, ClassifySpec classify,
                        ThresholdSpec threshold, SparkSpec spark, RecordSpec record, List<FigureSpec> figures)
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

    public SweepSpec withOutput(String newOutput) {
        return new SweepSpec(source, name, newOutput, seed, maxTrajectories, confirm, grid, setups, classify,
            threshold, spark, record, figures);
    }

    public SweepSpec withMaster(String master) {
        return new SweepSpec(source, name, output, seed, maxTrajectories, confirm, grid, setups, classify,
            threshold, spark.withMaster(master), record, figures);
    }

    public SweepSpec withSpark(SparkSpec newSpark) {
        return new SweepSpec(source, name, output, seed, maxTrajectories, confirm, grid, setups, classify,
            threshold, newSpark, record, figures);
    }

    public SweepSpec withThreshold(ThresholdSpec newThreshold) {
        return new SweepSpec(source, name, output, seed, maxTrajectories, confirm, grid, setups, classify,
            newThreshold, spark, record, figures);
    }

    private static Map<String, Object> realnvpYaml(org.modesweep.core.RealNvpDynamics n) {
        Map<String, Object> dyn = new LinkedHashMap<>();
        dyn.put("type", n.type());
        dyn.put("steps", n.steps());
        dyn.put("layers", n.layers());
        dyn.put("width", n.width());
        dyn.put("lr", n.lr());
        dyn.put("batch", n.batch());
        dyn.put("evalBatch", n.evalBatch());
        dyn.put("scaleBound", n.scaleBound());
        dyn.put("coverTol", n.coverTol());
        dyn.put("collapseFrac", n.collapseFrac());
        dyn.put("initScale", n.initScale());
        return dyn;
    }

    /** The resolved spec as YAML (every default written out); {@link SpecParser} reads it back to an equal spec. */
    public String toYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("output", output);
        root.put("seed", seed);
        root.put("maxTrajectories", maxTrajectories);
        root.put("confirm", confirm);
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
        for (SetupSpec s : setups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            DynamicsSpec ds = s.dynamics();
            if (ds.realnvp() != null) {
                m.put("dynamics", realnvpYaml(ds.realnvp()));
                list.add(m);
                continue;
            }
            m.put("weights", s.weights().label());
            Map<String, Object> dyn = new LinkedHashMap<>();
            dyn.put("type", ds.type());
            dyn.put("tMax", ds.tMax());
            if (ds.rtol() != null) {
                dyn.put("rtol", ds.rtol());
            }
            dyn.put("tol", ds.tol());
            if (ds.eta() != null) {
                dyn.put("eta", ds.eta());
            }
            if (ds.batch() != null) {
                dyn.put("batch", ds.batch());
            }
            m.put("dynamics", dyn);
            Map<String, Object> init = new LinkedHashMap<>();
            init.put("type", s.init().type());
            if (s.init().r0() != null) {
                init.put("r0", s.init().r0());
            }
            if (s.init().sigma0() != null) {
                init.put("sigma0", s.init().sigma0());
            }
            m.put("init", init);
            m.put("a0", s.a0());
            if (s.seeds() != null) {
                m.put("seeds", s.seeds());
            }
            if (s.d() != null) {
                m.put("d", s.d());
            }
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
            t.put("budget", threshold.budget());
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
            figures.forEach(fig -> f.add(Map.of("kind", fig.kind(), "setups", fig.setups())));
            root.put("figures", f);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
        options.setWidth(120);
        String header = "# resolved sweep spec (every default filled in); spec hash " + hash() + "\n";
        return header + new Yaml(options).dump(root);
    }
}
