package org.modesweep.core.sweep;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.Dynamics;
import org.modesweep.core.Flow;
import org.modesweep.core.GradientDescent;
import org.modesweep.core.InitialCondition;
import org.modesweep.core.Problem;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.StochasticGradientDescent;
import org.modesweep.core.Thresholds;
import org.modesweep.core.Weights;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and validates a sweep spec (YAML) through SnakeYAML's node API, so that every problem is
 * reported with the file, the key path (e.g. {@code setups[1].dynamics.eta}), the line and the
 * reason. All problems are collected and thrown together as one {@link SpecException}; nothing
 * about a spec is checked later, at run time.
 *
 * <pre>
 * name: default                    # default: the file name without extension
 * output: data/runs/default        # default: data/runs/NAME; any Hadoop-compatible URI
 * seed: 20241017                   # sweep seed (default 0)
 * maxTrajectories: 1000000         # larger grids need confirm: true (or --yes)
 * confirm: false
 * grid:
 *   R: {from: 1.5, to: 3.5, step: 0.25}   # or a list, or a number
 *   d: [10, 1000]
 *   wStar: [0.6667]
 *   seeds: 100                     # random starts per point
 *   # or, for phase portraits (every setup with init type explicit):
 *   # m1: [...], m2: [...], s: [...], unrealisable: error|skip, seeds: 1
 * setups:
 *   - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 400, rtol: 1e-9, tol: 1e-8},
 *      init: {type: sphere, r0: 2.0}, a0: 0}
 *   - {name: sgd, weights: trainable, dynamics: {type: sgd, eta: 0.05, batch: 1000, tMax: 400, engine: reduced}}
 *   - {name: nvp, dynamics: {type: realnvp, steps: 1000, layers: 4, width: 16, lr: 5e-3, batch: 128,
 *      evalBatch: 4096, scaleBound: 2, coverTol: 0.25, collapseFrac: 0.1, initScale: 0}}   # no weights, init, a0
 * classify: {weightEps: 1.0e-3, alignCos: 0.5, klTol: 1.0e-3}
 * threshold: {level: [0.25, 0.5], method: monotone, bootstrap: 200, confidence: 0.95}
 * spark: {master: "local[*]", partitions: 8, chunk: 5000, ui: false}
 * </pre>
 */
public final class SpecParser {

    public static final long DEFAULT_MAX_TRAJECTORIES = 1_000_000L;
    /** Longest axis a range may expand to. */
    public static final int MAX_AXIS = 1_000_000;
    private static final Pattern SETUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern NUMBER =
        Pattern.compile("[-+]?(\\d[\\d_]*(\\.[\\d_]*)?|\\.\\d[\\d_]*)([eE][-+]?\\d+)?");
    /** Known keys per block, from their declarations ({@link SpecKeys}). */
    private static final List<String> TOP = SpecKeys.names("");
    private static final List<String> GRID = SpecKeys.names("grid");
    private static final List<String> SETUP = SpecKeys.names("setup");
    private static final List<String> RECORD = SpecKeys.names("record");
    private static final List<String> FIGURE = SpecKeys.names("figure");
    private static final Map<String, List<String>> DYNAMICS = byType("dynamics.", SpecKeys.DYNAMICS);
    private static final Map<String, List<String>> INIT = byType("init.", SpecKeys.INITS);
    private static final List<String> CLASSIFY = SpecKeys.names("classify");
    private static final List<String> THRESHOLD = SpecKeys.names("threshold");
    private static final List<String> SPARK = SpecKeys.names("spark");
    private static final List<String> ANNEAL = SpecKeys.names("anneal");
    private static final List<String> RANGE = List.of("from", "to", "step");

    private final String source;
    private final List<SpecException.Error> errors = new ArrayList<>();
    /** Keys an unknown key was taken for (a misspelling): their "missing" errors would only repeat it. */
    private final Set<String> suggested = new HashSet<>();
    /** The keys of the {@code threshold} block (for errors that involve the grid too). */
    private Map<String, NodeTuple> thresholdKeys = Map.of();

    private static Map<String, List<String>> byType(String prefix, List<String> types) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        types.forEach(t -> m.put(t, SpecKeys.names(prefix + t)));
        return m;
    }

    private SpecParser(String source) {
        this.source = source;
    }

    /** Reads a spec file; {@code confirmed} (the {@code --yes} flag) allows grids above {@code maxTrajectories}. */
    public static SweepSpec parse(Path file, boolean confirmed) {
        return parse(file, confirmed, List.of());
    }

    /**
     * {@link #parse(Path, boolean)} with Hydra-style overrides {@code key.path=value} applied to the document
     * first (a setup is addressed by its name, {@code setups.fixed-flow.dynamics.tMax=800}; the value is YAML, so
     * {@code grid.d=[10,1e6]} gives a list): validated like the file, errors name the override.
     */
    public static SweepSpec parse(Path file, boolean confirmed, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("cannot read spec " + file + ": not a UTF-8 text file", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read spec " + file + ": no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read spec " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read spec " + file + ": " + (Files.isDirectory(file) ? "it is a folder"
                : e.getMessage()), e);
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("cannot read spec " + file + ": not a UTF-8 text file (it holds NUL bytes)");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return parse(text, file.toString(), stem, confirmed, overrides);
    }

    public static SweepSpec parse(String text, String source, boolean confirmed) {
        return parse(text, source, source.replaceFirst("^.*[/\\\\]", "").replaceFirst("\\.[^.]*$", ""), confirmed,
            List.of());
    }

    private static SweepSpec parse(String text, String source, String defaultName, boolean confirmed,
                                   List<String> overrides) {
        SpecParser p = new SpecParser(source);
        SweepSpec spec = p.document(text, defaultName, confirmed, overrides);
        if (!p.errors.isEmpty()) {
            List<SpecException.Error> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(p.errors));
            p.errors.clear();
            p.errors.addAll(distinct); // the variants of a swept setup report a shared problem once each
            p.errors.sort(java.util.Comparator.comparingInt(SpecException.Error::line)); // stable: same line keeps order
            throw new SpecException(p.errors);
        }
        return spec;
    }

    // ---------------------------------------------------------------- document

    private SweepSpec document(String text, String defaultName, boolean confirmed, List<String> overrides) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported below, with their lines
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            errors.add(new SpecException.Error(source, "", m == null ? 0 : m.getLine() + 1,
                "not valid YAML: " + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            errors.add(new SpecException.Error(source, "", 0, "not valid YAML: " + e.getMessage()));
            return null;
        }
        if (root == null) {
            errors.add(new SpecException.Error(source, "", 1, "the spec is empty"));
            return null;
        }
        for (String o : overrides) {
            root = override(root, o);
        }
        Map<String, NodeTuple> top = mapping(root, "", TOP);
        if (top == null) {
            return null;
        }
        String name = string(top, "name", "", defaultName);
        if (name != null && name.isBlank()) {
            error("name", value(top, "name"), "must not be blank");
        }
        String output = string(top, "output", "", null);
        if (output == null && name != null) {
            output = "data/runs/" + name;
        }
        Long seed = integer(top, "seed", "", Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        Long maxTrajectories = integer(top, "maxTrajectories", "", 1, Long.MAX_VALUE, DEFAULT_MAX_TRAJECTORIES);
        Boolean confirm = bool(top, "confirm", "", false);
        String description = string(top, "description", "", null);

        ClassifySpec classify = classify(top.get("classify"));
        List<SetupSpec> setups = setups(top, root);
        GridSpec grid = grid(top, root, setups);
        ThresholdSpec threshold = threshold(top.get("threshold"));
        SparkSpec spark = spark(top.get("spark"));

        if (grid != null && setups != null && maxTrajectories != null && confirm != null) {
            BigDecimal total = BigDecimal.ZERO;
            for (SetupSpec s : setups) {
                total = total.add(BigDecimal.valueOf(grid.R().size()).multiply(BigDecimal.valueOf(s.dims(grid).size()))
                    .multiply(BigDecimal.valueOf(grid.wStar().size())).multiply(BigDecimal.valueOf(grid.startCount(s)))
                    .multiply(BigDecimal.valueOf(grid.seeds(s))));
            }
            if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
                error("grid", keyNode(top, "grid"), "the grid has " + total + " points, which is too many to index");
            } else if (total.longValue() > maxTrajectories && !confirm && !confirmed) {
                error("grid", keyNode(top, "grid"), "the grid has " + total.longValue()
                    + " trajectories, more than maxTrajectories = " + maxTrajectories
                    + "; confirm with --yes or 'confirm: true', or raise maxTrajectories");
            }
        }
        if (grid != null && setups != null && threshold != null && threshold.adaptive()) {
            long gridCount = setups.stream().mapToLong(grid::trajectories).sum();
            if (grid.explicit()) {
                error("threshold.targetWidth", value(thresholdKeys, "targetWidth"), "adaptive refinement needs random starts, not explicit m1/m2/s starts");
            } else if (threshold.budget() > 0 && threshold.budget() < gridCount) {
                error("threshold.budget", value(thresholdKeys, "budget"), "must be at least the grid's " + gridCount + " trajectories (round 0), got "
                    + threshold.budget());
            }
        }
        RecordSpec record = record(top.get("record"), setups);
        List<FigureSpec> figures = figures(top.get("figures"), setups, grid, record);
        if (setups != null && threshold != null && threshold.adaptive()) {
            for (int i = 0; i < setups.size(); i++) {
                if (setups.get(i).seeds() != null) {
                    error("setups[" + i + "].seeds", value(top, "setups"), "setup '" + setups.get(i).name()
                        + "' has its own seeds, which adaptive refinement (threshold.targetWidth) does not support");
                }
            }
            if (top.containsKey("record")) {
                error("record", keyNode(top, "record"), "time series are not recorded in adaptive sweeps (threshold.targetWidth)");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new SweepSpec(source, name, output, seed, maxTrajectories, confirm, grid, setups, classify,
            threshold, spark, record, figures, description);
    }

    private RecordSpec record(NodeTuple entry, List<SetupSpec> setups) {
        if (entry == null || isNull(entry.getValueNode())) {
            return null;
        }
        Map<String, NodeTuple> m = mapping(entry.getValueNode(), "record", RECORD);
        if (m == null) {
            return null;
        }
        Double every = m.containsKey("every") ? positive(m, "every", "record", null)
            : required(m, "every", "record", entry.getValueNode(), "the time between recorded states");
        Long seeds = integer(m, "seeds", "record", 1, Integer.MAX_VALUE, null);
        List<String> names = setupNames(m, "record", setups);
        boolean seedsFailed = seeds == null && m.containsKey("seeds") && !isNull(value(m, "seeds"));
        if (every == null || seedsFailed || names == null) {
            return null;
        }
        return new RecordSpec(every, seeds == null ? null : seeds.intValue(), names);
    }

    private List<FigureSpec> figures(NodeTuple entry, List<SetupSpec> setups, GridSpec grid, RecordSpec record) {
        if (entry == null || isNull(entry.getValueNode())) {
            return List.of();
        }
        Node node = entry.getValueNode();
        if (!(node instanceof SequenceNode seq)) {
            error("figures", node, "expected a list of {kind, setups}, got " + kind(node));
            return null;
        }
        List<FigureSpec> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String key = "figures[" + i + "]";
            Map<String, NodeTuple> m = mapping(seq.getValue().get(i), key, FIGURE);
            if (m == null) {
                continue;
            }
            String kind = string(m, "kind", key, null);
            if (kind == null && !m.containsKey("kind")) {
                error(key + ".kind", seq.getValue().get(i), "missing: one of " + String.join(", ", FigureSpec.KINDS));
            } else if (kind != null && !FigureSpec.KINDS.contains(kind)) {
                error(key + ".kind", value(m, "kind"), "unknown figure kind '" + kind + "' (known: "
                    + String.join(", ", FigureSpec.KINDS) + ")");
                kind = null;
            }
            boolean ofRuns = kind == null || FigureSpec.FromRuns.KINDS.contains(kind);
            List<String> names = m.containsKey("setups") ? setupNames(m, key, setups) : null;
            if (!m.containsKey("setups") && ofRuns) {
                error(key + ".setups", seq.getValue().get(i), "missing: the setups the figure draws");
            } else if (!m.containsKey("setups") && setups != null) {
                names = setups.stream().map(SetupSpec::name).distinct().toList(); // the axis kinds draw every setup by default
            } else if (names != null && names.isEmpty()) {
                error(key + ".setups", value(m, "setups"), "empty: name at least one setup");
                names = null;
            }
            List<String> axisKeys = kind == null ? List.of() : FigureSpec.axisKeys(kind);
            for (String k : List.of("x", "y", "by")) {
                if (kind != null && m.containsKey(k) && !axisKeys.contains(k)) {
                    error(key + "." + k, value(m, k), "'" + k + "' is not a key of kind " + kind + (axisKeys.isEmpty()
                        ? "" : " (it takes " + String.join(", ", axisKeys) + ")"));
                }
            }
            if (kind != null && names != null && setups != null) {
                if (ofRuns) {
                    String why = figureProblem(kind, names, setups, grid, record);
                    if (why != null) {
                        error(key + ".setups", value(m, "setups"), why);
                    } else {
                        out.add(new FigureSpec.FromRuns(kind, names));
                    }
                } else {
                    FigureSpec f = axisFigure(kind, axisKeys, m, key, seq.getValue().get(i), names, setups);
                    if (f != null) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A {@code map}, {@code rc-vs} or {@code probability} entry: its axis keys must name R, d, wStar or a key the
     * named setups sweep, each only where its kind takes it.
     */
    private FigureSpec axisFigure(String kind, List<String> axisKeys, Map<String, NodeTuple> m, String key, Node entry,
                                  List<String> names, List<SetupSpec> setups) {
        List<String> axes = new ArrayList<>(FigureSpec.GRID_AXES);
        setups.stream().filter(s -> names.contains(s.name())).flatMap(s -> s.axes().stream()).map(Axis::name)
            .distinct().forEach(axes::add);
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String k : axisKeys) {
            String axis = string(m, k, key, null);
            if (axis == null) {
                if (!m.containsKey(k)) {
                    error(key + "." + k, entry, "missing: an axis (" + String.join(", ", axes) + ")");
                }
            } else if (!axes.contains(axis)) {
                String hint = suggestion(axis, axes);
                error(key + "." + k, value(m, k), "no axis '" + axis + "' in setups " + names
                    + (hint == null ? "" : "; did you mean '" + hint + "'?") + " (axes: " + String.join(", ", axes) + ")");
            } else {
                chosen.put(k, axis);
            }
        }
        if (chosen.size() < axisKeys.size()) {
            return null;
        }
        String last = axisKeys.get(axisKeys.size() - 1);
        try {
            return switch (kind) {
                case "map" -> new FigureSpec.CollapseMap(chosen.get("x"), chosen.get("y"), names);
                case "rc-vs" -> new FigureSpec.RcAgainst(chosen.get("x"), names);
                default -> new FigureSpec.ProbabilityBy(chosen.get("by"), names);
            };
        } catch (IllegalArgumentException e) {
            error(key + "." + last, value(m, last), e.getMessage());
            return null;
        }
    }

    /** Why a figure cannot be drawn from these setups, or null. */
    private static String figureProblem(String kind, List<String> names, List<SetupSpec> setups, GridSpec grid,
                                        RecordSpec record) {
        Map<String, SetupSpec> byName = new LinkedHashMap<>();
        setups.forEach(s -> byName.put(s.name(), s));
        List<String> unrecorded = names.stream()
            .filter(n -> record == null || !(record.setups().isEmpty() || record.setups().contains(n))).toList();
        switch (kind) {
            case "evolution" -> {
                if (!unrecorded.isEmpty()) {
                    return "evolution draws recorded time series, but 'record' does not cover " + unrecorded;
                }
            }
            case "basins" -> {
                if (!byName.get(names.get(0)).explicitStarts() || grid == null || !grid.explicit()) {
                    return "basins needs first an explicit-start setup (its outcome map), got '" + names.get(0) + "'";
                }
                for (String n : names.subList(1, names.size())) {
                    if (byName.get(n).explicitStarts()) {
                        return "basins overlays random-start setups after the first, but '" + n + "' has explicit starts";
                    }
                }
                if (!unrecorded.isEmpty() && !unrecorded.equals(List.of(names.get(0)))) {
                    return "basins overlays recorded time series, but 'record' does not cover "
                        + unrecorded.stream().filter(n -> !n.equals(names.get(0))).toList();
                }
            }
            default -> {
            }
        }
        return null;
    }

    /** A list of existing setup names under {@code prefix.setups} (absent: empty list = all). */
    private List<String> setupNames(Map<String, NodeTuple> m, String prefix, List<SetupSpec> setups) {
        String key = prefix + ".setups";
        if (!m.containsKey("setups") || isNull(value(m, "setups"))) {
            return List.of();
        }
        Node node = value(m, "setups");
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        List<String> names = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String itemKey = node instanceof SequenceNode ? key + "[" + i + "]" : key;
            if (!(items.get(i) instanceof ScalarNode sn)) {
                error(itemKey, items.get(i), "expected a setup name, got " + kind(items.get(i)));
                ok = false;
                continue;
            }
            String n = sn.getValue().trim();
            if (setups != null && setups.stream().noneMatch(s -> s.name().equals(n))) {
                error(itemKey, items.get(i), "no setup named '" + n + "' (setups: "
                    + String.join(", ", setups.stream().map(SetupSpec::name).toList()) + ")");
                ok = false;
            } else if (names.contains(n)) {
                error(itemKey, items.get(i), "setup '" + n + "' listed twice");
                ok = false;
            } else {
                names.add(n);
            }
        }
        return ok ? names : null;
    }

    // ---------------------------------------------------------------- sections

    private ClassifySpec classify(NodeTuple entry) {
        ClassifySpec def = ClassifySpec.DEFAULT;
        if (entry == null || isNull(entry.getValueNode())) {
            return def;
        }
        Map<String, NodeTuple> m = mapping(entry.getValueNode(), "classify", CLASSIFY);
        if (m == null) {
            return null;
        }
        Double weightEps = positive(m, "weightEps", "classify", def.weightEps());
        Double alignCos = number(m, "alignCos", "classify", def.alignCos());
        if (alignCos != null && !(alignCos >= 0 && alignCos < 1)) {
            error("classify.alignCos", value(m, "alignCos"), "must lie in [0, 1), got " + alignCos);
            alignCos = null;
        }
        Double klTol = positive(m, "klTol", "classify", def.klTol());
        if (weightEps != null && weightEps >= 0.5) {
            error("classify.weightEps", value(m, "weightEps"), "must be < 0.5, got " + weightEps);
            weightEps = null;
        }
        if (weightEps == null || alignCos == null || klTol == null) {
            return null;
        }
        try {
            new Thresholds(weightEps, alignCos, klTol);
        } catch (IllegalArgumentException e) {
            error("classify", entry.getValueNode(), e.getMessage());
            return null;
        }
        return new ClassifySpec(weightEps, alignCos, klTol);
    }

    private List<SetupSpec> setups(Map<String, NodeTuple> top, Node root) {
        NodeTuple entry = top.get("setups");
        if (entry == null || isNull(entry.getValueNode())) {
            error("setups", root, "missing: list at least one setup");
            return null;
        }
        Node node = entry.getValueNode();
        if (!(node instanceof SequenceNode seq)) {
            error("setups", node, "expected a list of setups, got " + kind(node));
            return null;
        }
        if (seq.getValue().isEmpty()) {
            error("setups", node, "empty: list at least one setup");
            return null;
        }
        List<SetupSpec> out = new ArrayList<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        boolean ok = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            String key = "setups[" + i + "]";
            Node item = seq.getValue().get(i);
            List<SetupSpec> variants = variants(item, key);
            if (variants == null) {
                ok = false;
                continue;
            }
            String name = variants.get(0).name();
            Integer previous = names.putIfAbsent(name, i);
            if (previous != null) {
                error(key + ".name", item, "duplicate setup name '" + name + "' (also setups[" + previous + "])");
                ok = false;
            }
            out.addAll(variants);
        }
        return ok ? out : null;
    }

    // ---------------------------------------------------------------- command-line overrides

    /** Nodes that came from an override, with its text: their errors name the override, not a line of the file. */
    private final Map<Node, String> overridden = new java.util.IdentityHashMap<>();

    /** The document with one {@code key.path=value} override applied (or unchanged, with an error). */
    private Node override(Node root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            errors.add(new SpecException.Error("override '" + override + "'", "", 0,
                "expected key.path=value, e.g. grid.seeds=200 or setups.fixed-flow.dynamics.tMax=800"));
            return root;
        }
        Node value;
        try {
            value = new Yaml().compose(new StringReader(override.substring(eq + 1)));
        } catch (YAMLException e) {
            errors.add(new SpecException.Error("override '" + override + "'", override.substring(0, eq), 0,
                "the value is not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
            return root;
        }
        if (value == null) {
            value = new ScalarNode(Tag.NULL, "", null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        markOverridden(value, override);
        return set(root, List.of(override.substring(0, eq).split("\\.", -1)), 0, value, override);
    }

    private void markOverridden(Node node, String override) {
        overridden.put(node, override);
        if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> markOverridden(n, override));
        } else if (node instanceof MappingNode map) {
            map.getValue().forEach(t -> {
                markOverridden(t.getKeyNode(), override);
                markOverridden(t.getValueNode(), override);
            });
        }
    }

    /** A copy of {@code node} with {@code path[i..]} set to {@code value}; a list is entered by a setup name or index. */
    private Node set(Node node, List<String> path, int i, Node value, String override) {
        String at = String.join(".", path.subList(0, i + 1));
        String segment = path.get(i);
        if (node instanceof SequenceNode seq) {
            List<Node> items = new ArrayList<>(seq.getValue());
            int index = -1;
            for (int k = 0; k < items.size(); k++) {
                if (segment.equals(String.valueOf(k)) || items.get(k) instanceof MappingNode m && m.getValue().stream()
                    .anyMatch(t -> t.getKeyNode() instanceof ScalarNode n && n.getValue().equals("name")
                        && t.getValueNode() instanceof ScalarNode v && v.getValue().equals(segment))) {
                    index = k;
                }
            }
            if (index < 0 || i == path.size() - 1) {
                errors.add(new SpecException.Error("override '" + override + "'", at, 0, index < 0
                    ? "no entry named '" + segment + "' (give a setup's name or index)" : "replace a key of the entry, not the entry"));
                return node;
            }
            items.set(index, set(items.get(index), path, i + 1, value, override));
            return new SequenceNode(seq.getTag(), true, items, seq.getStartMark(), seq.getEndMark(), seq.getFlowStyle());
        }
        if (!(node instanceof MappingNode map)) {
            errors.add(new SpecException.Error("override '" + override + "'", at, 0,
                "'" + String.join(".", path.subList(0, i)) + "' holds " + kind(node) + ", not keys"));
            return node;
        }
        List<NodeTuple> tuples = new ArrayList<>(map.getValue());
        int found = -1;
        for (int k = 0; k < tuples.size(); k++) {
            if (tuples.get(k).getKeyNode() instanceof ScalarNode key && key.getValue().equals(segment)) {
                found = k;
            }
        }
        Node inner = found >= 0 ? tuples.get(found).getValueNode()
            : new MappingNode(Tag.MAP, true, new ArrayList<>(), null, null, DumperOptions.FlowStyle.BLOCK);
        Node replaced = i == path.size() - 1 ? value : set(inner, path, i + 1, value, override);
        ScalarNode key = new ScalarNode(Tag.STR, segment, null, null, DumperOptions.ScalarStyle.PLAIN);
        markOverridden(key, override);
        NodeTuple tuple = new NodeTuple(found >= 0 ? tuples.get(found).getKeyNode() : key, replaced);
        if (found >= 0) {
            tuples.set(found, tuple);
        } else {
            tuples.add(tuple); // a new key: the binder checks it like any other (unknown keys, did-you-mean)
        }
        return new MappingNode(map.getTag(), true, tuples, map.getStartMark(), map.getEndMark(), map.getFlowStyle());
    }

    // ---------------------------------------------------------------- swept setup keys

    /** Setup keys whose lists mean something else than a sweep. */
    private static final List<String> NOT_SWEPT = List.of("name", "weights", "d", "seeds");

    /**
     * The variants of a setup: one per combination of the values of its swept keys (lists or ranges where a number
     * stands; the first key varies slowest). Each is bound by {@link #setup} from a copy of the node with those keys
     * made scalar, so every rule and message of a scalar key holds for each value, at the value's line.
     */
    private List<SetupSpec> variants(Node node, String key) {
        List<Swept> swept = new ArrayList<>();
        if (node instanceof MappingNode map && !findSwept(map, key, List.of(), swept)) {
            return null;
        }
        if (swept.isEmpty()) {
            SetupSpec s = setup(node, key);
            return s == null ? null : List.of(s);
        }
        long combinations = 1;
        for (Swept k : swept) {
            combinations *= k.values().size();
            if (combinations > MAX_AXIS) {
                error(key, node, "the swept keys have more than " + MAX_AXIS + " combinations");
                return null;
            }
        }
        List<Axis> axes = swept.stream().map(k -> new Axis(k.path(), k.values())).toList();
        List<SetupSpec> out = new ArrayList<>();
        int[] digit = new int[swept.size()];
        boolean ok = true;
        for (long c = 0; c < combinations; c++) {
            Node copy = node;
            for (int i = 0; i < swept.size(); i++) {
                Swept k = swept.get(i);
                copy = replace(copy, k.path(), 0, k.nodes().get(digit[i]));
            }
            SetupSpec s = setup(copy, key);
            if (s == null) {
                ok = false;
            } else {
                out.add(s.withAxes(axes));
            }
            for (int i = digit.length - 1; i >= 0 && ++digit[i] == swept.get(i).values().size(); i--) {
                digit[i] = 0;
            }
        }
        return ok ? out : null;
    }

    /** A swept key: where it is, its values, and scalar nodes (at the values' lines) that stand for them. */
    private record Swept(List<String> path, List<Double> values, List<Node> nodes) {
    }

    /**
     * Collects the swept keys under {@code map} (lists, or mappings of {@code from, to, step}); false if one is
     * malformed (reported).
     */
    private boolean findSwept(MappingNode map, String key, List<String> path, List<Swept> swept) {
        boolean ok = true;
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || path.isEmpty() && NOT_SWEPT.contains(k.getValue())) {
                continue;
            }
            String name = k.getValue();
            String itemKey = join(key, name);
            List<String> at = new ArrayList<>(path);
            at.add(name);
            Node v = t.getValueNode();
            boolean range = v instanceof MappingNode m && !m.getValue().isEmpty() && m.getValue().stream()
                .allMatch(r -> r.getKeyNode() instanceof ScalarNode rk && RANGE.contains(rk.getValue()));
            if (v instanceof MappingNode m && !range) {
                ok &= findSwept(m, itemKey, at, swept);
            } else if (v instanceof SequenceNode || range) {
                if (swept.stream().anyMatch(o -> o.path().get(o.path().size() - 1).equals(name))) {
                    error(itemKey, v, "another swept key of this setup is also named '" + name
                        + "' (each names a column)");
                    ok = false;
                    continue;
                }
                Swept s = sweptKey(map, name, itemKey, at, v);
                if (s == null) {
                    ok = false;
                } else {
                    swept.add(s);
                }
            }
        }
        return ok;
    }

    private Swept sweptKey(MappingNode parent, String name, String key, List<String> path, Node v) {
        if (v instanceof SequenceNode seq && seq.getValue().stream()
            .anyMatch(x -> !(x instanceof ScalarNode s) || !NUMBER.matcher(s.getValue().trim()).matches())) {
            error(key, v, "a list sweeps a numeric key, and this one holds something else than numbers; "
                + "write one setup per value");
            return null;
        }
        Map<String, NodeTuple> m = mapping(parent, key, null);
        List<Double> values = doubleAxis(m, name, parent, key.substring(0, key.length() - name.length() - 1), x -> null);
        if (values == null) {
            return null;
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Node where = v instanceof SequenceNode seq ? seq.getValue().get(i) : v;
            double x = values.get(i);
            String text = x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
            nodes.add(where instanceof ScalarNode ? where
                : new ScalarNode(Tag.FLOAT, text, where.getStartMark(), where.getEndMark(), DumperOptions.ScalarStyle.PLAIN));
        }
        return new Swept(path, values, nodes);
    }

    /** A copy of {@code node} with the value at {@code path} (from index {@code from}) replaced. */
    private static Node replace(Node node, List<String> path, int from, Node value) {
        MappingNode map = (MappingNode) node;
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            boolean here = t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(path.get(from));
            tuples.add(!here ? t : new NodeTuple(t.getKeyNode(),
                from == path.size() - 1 ? value : replace(t.getValueNode(), path, from + 1, value)));
        }
        return new MappingNode(map.getTag(), true, tuples, map.getStartMark(), map.getEndMark(), map.getFlowStyle());
    }

    private SetupSpec setup(Node node, String key) {
        Map<String, NodeTuple> m = mapping(node, key, SETUP);
        if (m == null) {
            return null;
        }
        String name = string(m, "name", key, null);
        if (name == null) {
            if (!m.containsKey("name")) {
                error(key + ".name", node, "missing: every setup needs a name");
            }
        } else if (!SETUP_NAME.matcher(name).matches()) {
            error(key + ".name", value(m, "name"), "'" + name
                + "' is not a valid setup name (letters, digits, '.', '_', '-'; it names a folder)");
            name = null;
        }
        DynamicsBlock dynamics = dynamics(m.get("dynamics"), key, node);
        Long seeds = integer(m, "seeds", key, 1, Integer.MAX_VALUE, null);
        List<Long> d = m.containsKey("d") ? longAxis(m, "d", key, node) : null;
        boolean badExtent = (seeds == null && m.containsKey("seeds") && !isNull(value(m, "seeds")))
            || (m.containsKey("d") && d == null);
        Extent extent = new Extent(seeds == null ? null : seeds.intValue(), d);
        if (declaresRealnvp(m.get("dynamics"))) {
            SetupSpec flow = realnvpSetup(m, key, name, dynamics == null ? null : dynamics.realnvp, extent);
            return badExtent ? null : flow;
        }
        Weights weights = null;
        String w = string(m, "weights", key, null);
        if (w == null) {
            if (!m.containsKey("weights")) {
                error(key + ".weights", node, "missing: 'fixed' or 'trainable'");
            }
        } else {
            try {
                weights = Weights.parse(w);
            } catch (IllegalArgumentException e) {
                error(key + ".weights", value(m, "weights"), "must be 'fixed' or 'trainable', got '" + w + "'");
            }
        }
        InitSpec init = init(m.get("init"), key);
        Double a0 = number(m, "a0", key, 0.0);
        if (a0 != null && m.containsKey("a0") && weights == Weights.FIXED && a0 != 0) {
            error(key + ".a0", value(m, "a0"), "a0 (the starting weight logit) applies to trainable weights only");
            a0 = null;
        }
        if (name == null || weights == null || dynamics == null || init == null || a0 == null || badExtent) {
            return null;
        }
        return new SetupSpec.ReducedSetupSpec(name, new MixtureSpec(weights, init, a0), dynamics.reduced, extent.seeds(),
            extent.d());
    }

    /** A setup's own seeds and dimensions (null: the grid's). */
    private record Extent(Integer seeds, List<Long> d) {
    }

    /** Whether a dynamics block says {@code type: realnvp} (valid or not: its setup has no weights either way). */
    private static boolean declaresRealnvp(NodeTuple dynamics) {
        if (dynamics == null || !(dynamics.getValueNode() instanceof MappingNode map)) {
            return false;
        }
        return map.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("type")
            && t.getValueNode() instanceof ScalarNode v && v.getValue().trim().equals("realnvp"));
    }

    /** A realnvp setup: the flow has no mixture weights and no mixture start, so those keys are errors. */
    private SetupSpec realnvpSetup(Map<String, NodeTuple> m, String key, String name, RealNvpDynamicsSpec dynamics,
                                   Extent extent) {
        boolean ok = name != null && dynamics != null;
        for (String k : List.of("weights", "init", "a0")) {
            if (m.containsKey(k)) {
                error(key + "." + k, keyNode(m, k), "'" + k + "' does not apply to realnvp dynamics (the flow starts "
                    + "as N(0, I) and has no mixture weights); remove it");
                ok = false;
            }
        }
        return ok ? new SetupSpec.RealNvpSetupSpec(name, dynamics, extent.seeds(), extent.d(), List.of()) : null;
    }

    /** A valid {@code dynamics} block: one of its family's specs (the other null). */
    private record DynamicsBlock(ReducedDynamicsSpec reduced, RealNvpDynamicsSpec realnvp) {
    }

    private DynamicsBlock dynamics(NodeTuple entry, String setupKey, Node setupNode) {
        String key = setupKey + ".dynamics";
        if (entry == null || isNull(entry.getValueNode())) {
            error(key, setupNode, "missing: give at least {type: flow|gd|sgd, tMax: ...} or {type: realnvp, steps: ...}");
            return null;
        }
        Node node = entry.getValueNode();
        Map<String, NodeTuple> m = mapping(node, key, null);
        if (m == null) {
            return null;
        }
        String type = string(m, "type", key, null);
        if (type == null) {
            if (!m.containsKey("type")) {
                error(key + ".type", node, "missing: flow, gd, sgd or realnvp");
            }
            return null;
        }
        List<String> allowed = DYNAMICS.get(type);
        if (allowed == null) {
            error(key + ".type", value(m, "type"), "unknown dynamics type '" + type + "'; expected flow, gd, sgd or realnvp");
            return null;
        }
        checkKeys(m, key, allowed, " for " + type + " dynamics");
        AnnealBlock anneal = anneal(m, key);
        if (type.equals("realnvp")) {
            RealNvpDynamicsSpec realnvp = realnvp(m, key, node, anneal);
            return realnvp == null ? null : new DynamicsBlock(null, realnvp);
        }
        Double tMax = required(m, "tMax", key, node, "the time horizon of every run");
        if (tMax != null && tMax <= 0) {
            error(key + ".tMax", value(m, "tMax"), "must be > 0, got " + tMax);
            tMax = null;
        }
        boolean ok = tMax != null && anneal.fits(tMax);
        Double tol = positive(m, "tol", key, DynamicsSpec.DEFAULT_TOL);
        Double rtol = null;
        Double eta = null;
        Integer batch = null;
        StochasticGradientDescent.Engine engine = null;
        ok &= tol != null;
        if (type.equals("flow")) {
            rtol = positive(m, "rtol", key, DynamicsSpec.DEFAULT_RTOL);
            if (rtol != null && rtol >= 1) {
                error(key + ".rtol", value(m, "rtol"), "must be < 1, got " + rtol);
                rtol = null;
            }
            ok &= rtol != null;
        } else {
            eta = required(m, "eta", key, node, "the step size of " + type);
            if (eta != null && eta <= 0) {
                error(key + ".eta", value(m, "eta"), "must be > 0, got " + eta);
                eta = null;
            }
            ok &= eta != null;
            if (type.equals("sgd")) {
                if (!m.containsKey("batch")) {
                    error(key + ".batch", node, "missing: the number of samples per component and step");
                    ok = false;
                } else {
                    Long b = integer(m, "batch", key, 1, Integer.MAX_VALUE, null);
                    batch = b == null ? null : b.intValue();
                    ok &= batch != null;
                }
                engine = sgdEngine(m, key);
                ok &= engine != null;
            }
        }
        if (!ok) {
            return null;
        }
        Anneal schedule = anneal.value();
        try {
            return new DynamicsBlock(switch (type) {
                case "flow" -> new ReducedDynamicsSpec.FlowSpec(new Flow(tMax, rtol, tol, schedule));
                case "gd" -> new ReducedDynamicsSpec.GdSpec(new GradientDescent(eta, tMax, tol, schedule));
                default -> new ReducedDynamicsSpec.SgdSpec(new StochasticGradientDescent(eta, batch, tMax, tol, engine, schedule));
            }, null);
        } catch (IllegalArgumentException e) {
            error(key, node, e.getMessage());
            return null;
        }
    }

    /** The {@code engine} of sgd dynamics: {@code reduced} (the default) or {@code vectors}. */
    private StochasticGradientDescent.Engine sgdEngine(Map<String, NodeTuple> m, String key) {
        String text = string(m, "engine", key, StochasticGradientDescent.Engine.REDUCED.label());
        if (text == null) {
            return null;
        }
        try {
            return StochasticGradientDescent.Engine.parse(text);
        } catch (IllegalArgumentException e) {
            List<String> labels = Arrays.stream(StochasticGradientDescent.Engine.values())
                .map(StochasticGradientDescent.Engine::label).toList();
            String hint = suggestion(text, labels);
            error(key + ".engine", value(m, "engine"), "must be 'reduced' or 'vectors', got '" + text + "'"
                + (hint == null ? "" : "; did you mean '" + hint + "'?"));
            return null;
        }
    }

    private RealNvpDynamicsSpec realnvp(Map<String, NodeTuple> m, String key, Node node, AnnealBlock anneal) {
        Long steps = null;
        if (!m.containsKey("steps")) {
            error(key + ".steps", node, "missing: the number of training steps of every run");
        } else {
            steps = integer(m, "steps", key, 1, Integer.MAX_VALUE, null);
        }
        boolean annealOk = steps != null && anneal.fits(steps);
        Long layers = integer(m, "layers", key, 2, 1000, (long) RealNvpDynamics.DEFAULT_LAYERS);
        Long width = integer(m, "width", key, 1, 100_000, (long) RealNvpDynamics.DEFAULT_WIDTH);
        Long batch = integer(m, "batch", key, 1, Integer.MAX_VALUE, (long) RealNvpDynamics.DEFAULT_BATCH);
        Long evalBatch = integer(m, "evalBatch", key, 1, Integer.MAX_VALUE, (long) RealNvpDynamics.DEFAULT_EVAL_BATCH);
        Double lr = positive(m, "lr", key, RealNvpDynamics.DEFAULT_LR);
        Double scaleBound = positive(m, "scaleBound", key, RealNvpDynamics.DEFAULT_SCALE_BOUND);
        Double coverTol = positive(m, "coverTol", key, RealNvpDynamics.DEFAULT_COVER_TOL);
        Double collapseFrac = positive(m, "collapseFrac", key, RealNvpDynamics.DEFAULT_COLLAPSE_FRAC);
        if (collapseFrac != null && collapseFrac >= 1) {
            error(key + ".collapseFrac", value(m, "collapseFrac"), "must be < 1 (a fraction of a side's target mass), got "
                + collapseFrac);
            collapseFrac = null;
        }
        Double initScale = number(m, "initScale", key, RealNvpDynamics.DEFAULT_INIT_SCALE);
        if (initScale != null && initScale < 0) {
            error(key + ".initScale", value(m, "initScale"), "must be >= 0 (0: identity start q = N(0, I); > 0: output "
                + "layers uniform in [-initScale, initScale]), got " + initScale);
            initScale = null;
        }
        if (steps == null || layers == null || width == null || batch == null || evalBatch == null || lr == null
            || scaleBound == null || coverTol == null || collapseFrac == null || initScale == null || !annealOk) {
            return null;
        }
        try {
            return new RealNvpDynamicsSpec(new RealNvpDynamics(layers.intValue(), width.intValue(), lr, batch.intValue(),
                steps.intValue(), evalBatch.intValue(), scaleBound, coverTol, collapseFrac, initScale, anneal.value()));
        } catch (IllegalArgumentException e) {
            error(key, node, e.getMessage());
            return null;
        }
    }

    /** A parsed {@code anneal} block: its value (null after a reported error) and where its {@code tau} was written. */
    private final class AnnealBlock {
        private final Anneal value;
        private final String key;
        private final Node tau;

        AnnealBlock(Anneal value, String key, Node tau) {
            this.value = value;
            this.key = key;
            this.tau = tau;
        }

        Anneal value() {
            return value;
        }

        /** Whether a valid schedule reaches {@code β = 1} within the run's {@code length}; reports it if not. */
        boolean fits(double length) {
            String why = value == null ? null : value.horizonProblem(length);
            if (why != null) {
                error(key + ".tau", tau, why);
            }
            return value != null && why == null;
        }
    }

    /**
     * The {@code anneal} block of dynamics {@code m} (THEORY.md §9): {@link Anneal#NONE} without it; the rules on
     * {@code beta0} and {@code tau} are {@link Anneal}'s.
     */
    private AnnealBlock anneal(Map<String, NodeTuple> m, String dynamicsKey) {
        String key = dynamicsKey + ".anneal";
        if (!m.containsKey("anneal")) {
            return new AnnealBlock(Anneal.NONE, key, null);
        }
        Node node = value(m, "anneal");
        Map<String, NodeTuple> a = mapping(node, key, ANNEAL);
        if (a == null) {
            return new AnnealBlock(null, key, null);
        }
        Anneal.Schedule schedule = null;
        String name = string(a, "schedule", key, null);
        String expected = String.join(" or ", Anneal.Schedule.labels());
        if (name == null) {
            if (!a.containsKey("schedule")) {
                error(key + ".schedule", node, "missing: " + expected);
            }
        } else {
            schedule = Anneal.Schedule.parse(name);
            if (schedule == null) {
                String hint = suggestion(name, Anneal.Schedule.labels());
                error(key + ".schedule", value(a, "schedule"), "unknown schedule '" + name + "'"
                    + (hint == null ? "" : "; did you mean '" + hint + "'?") + " (expected " + expected + ")");
            }
        }
        Double beta0 = checked(a, "beta0", key, required(a, "beta0", key, node, "the initial inverse temperature, in (0, 1]"),
            Anneal::beta0Problem);
        Double tau = checked(a, "tau", key, required(a, "tau", key, node, "the time at which beta reaches 1 (> 0)"),
            Anneal::tauProblem);
        return new AnnealBlock(schedule == null || beta0 == null || tau == null ? null : new Anneal(schedule, beta0, tau),
            key, value(a, "tau"));
    }

    /** {@code v}, or null after reporting what {@code rule} finds wrong with it. */
    private Double checked(Map<String, NodeTuple> m, String name, String prefix, Double v, Function<Double, String> rule) {
        String why = v == null ? null : rule.apply(v);
        if (why != null) {
            error(join(prefix, name), value(m, name), why);
            return null;
        }
        return v;
    }

    private InitSpec init(NodeTuple entry, String setupKey) {
        String key = setupKey + ".init";
        if (entry == null || isNull(entry.getValueNode())) {
            return new InitSpec("sphere", null, null);
        }
        Node node = entry.getValueNode();
        if (node instanceof ScalarNode s) { // shorthand: init: sphere
            String type = s.getValue().trim();
            if (!INIT.containsKey(type)) {
                error(key, node, "unknown init type '" + type + "'; expected sphere, gaussian or explicit");
                return null;
            }
            if (type.equals("gaussian")) {
                error(key, node, "gaussian starts need sigma0: write {type: gaussian, sigma0: ...}");
                return null;
            }
            return new InitSpec(type, null, null);
        }
        Map<String, NodeTuple> m = mapping(node, key, null);
        if (m == null) {
            return null;
        }
        String type = string(m, "type", key, "sphere");
        if (type == null) {
            return null;
        }
        List<String> allowed = INIT.get(type);
        if (allowed == null) {
            error(key + ".type", value(m, "type"), "unknown init type '" + type + "'; expected sphere, gaussian or explicit");
            return null;
        }
        checkKeys(m, key, allowed, " for " + type + " starts");
        Double r0 = null;
        Double sigma0 = null;
        boolean ok = true;
        if (allowed.contains("r0") && m.containsKey("r0") && !isNull(value(m, "r0"))) {
            r0 = positive(m, "r0", key, null);
            ok &= r0 != null;
        }
        if (type.equals("gaussian")) {
            sigma0 = required(m, "sigma0", key, node, "the scale of gaussian starts");
            if (sigma0 != null && sigma0 <= 0) {
                error(key + ".sigma0", value(m, "sigma0"), "must be > 0, got " + sigma0);
                sigma0 = null;
            }
            ok &= sigma0 != null;
        }
        return ok ? new InitSpec(type, r0, sigma0) : null;
    }

    private GridSpec grid(Map<String, NodeTuple> top, Node root, List<SetupSpec> setups) {
        NodeTuple entry = top.get("grid");
        if (entry == null || isNull(entry.getValueNode())) {
            error("grid", root, "missing: give at least R, d, wStar and seeds");
            return null;
        }
        Node node = entry.getValueNode();
        Map<String, NodeTuple> m = mapping(node, "grid", GRID);
        if (m == null) {
            return null;
        }
        List<Double> R = doubleAxis(m, "R", node, x -> x > 0 ? null : "must be > 0");
        List<Double> wStar = doubleAxis(m, "wStar", node,
            x -> x > 0 && x < 1 ? null : "must lie in (0, 1) (the mass of the +μ* mode)");
        List<Long> d = longAxis(m, "d", "grid", node);

        boolean explicitAxes = m.containsKey("m1") || m.containsKey("m2") || m.containsKey("s");
        Integer seeds = null;
        if (m.containsKey("seeds")) {
            Long s = integer(m, "seeds", "grid", 1, Integer.MAX_VALUE, null);
            seeds = s == null ? null : s.intValue();
        } else if (explicitAxes) {
            seeds = 1;
        } else {
            error("grid.seeds", node, "missing: the number of random starts per point (or give explicit m1, m2, s axes)");
        }
        List<Double> m1 = null;
        List<Double> m2 = null;
        List<Double> s = null;
        List<StartCosines> starts = null;
        boolean skip = false;
        if (m.containsKey("unrealisable")) {
            String mode = string(m, "unrealisable", "grid", null);
            if (mode != null && !mode.equals("error") && !mode.equals("skip")) {
                error("grid.unrealisable", value(m, "unrealisable"), "must be 'error' or 'skip', got '" + mode + "'");
            }
            skip = "skip".equals(mode);
            if (!explicitAxes) {
                error("grid.unrealisable", keyNode(m, "unrealisable"), "applies only to explicit m1, m2, s axes");
            }
        }
        if (explicitAxes) {
            Function<Double, String> cosine = x -> x >= -1 && x <= 1 ? null : "must lie in [-1, 1] (a cosine)";
            m1 = doubleAxis(m, "m1", node, cosine);
            m2 = doubleAxis(m, "m2", node, cosine);
            s = doubleAxis(m, "s", node, cosine);
            if (m1 != null && m2 != null && s != null) {
                starts = starts(m1, m2, s, skip, m, node);
            }
        }
        if (setups != null) {
            for (int i = 0; i < setups.size(); i++) {
                boolean explicitInit = setups.get(i).explicitStarts();
                DynamicsSpec dynamics = setups.get(i).dynamics();
                if (setups.get(i).trainedMixture().isEmpty()) {
                    if (explicitAxes) {
                        error("setups[" + i + "].dynamics.type", keyNode(m, "m1") != null ? keyNode(m, "m1") : node,
                            "setup '" + setups.get(i).name() + "' uses " + dynamics.type() + ", which has no mixture start "
                                + "for the grid's explicit m1, m2, s axes");
                    }
                } else if (explicitInit && !explicitAxes) {
                    error("setups[" + i + "].init.type", node, "explicit starts take their cosines from grid axes m1, m2, s, "
                        + "which are missing (line of grid shown)");
                }
            }
            if (explicitAxes && setups.stream().noneMatch(SetupSpec::explicitStarts)) {
                error("grid.m1", keyNode(m, "m1") != null ? keyNode(m, "m1") : node, "the grid has explicit m1, m2, s "
                    + "axes, but no setup has init {type: explicit} to use them");
            }
        }
        if (R == null || wStar == null || d == null || seeds == null || (explicitAxes && starts == null)) {
            return null;
        }
        if (starts != null) {
            checkStartsFit(starts, d, m);
        }
        if (setups != null) {
            for (int i = 0; i < setups.size(); i++) {
                List<Long> own = setups.get(i).d();
                if (own != null && !d.containsAll(own)) {
                    List<Long> extra = own.stream().filter(x -> !d.contains(x)).toList();
                    error("setups[" + i + "].d", value(m, "d"), "setup '" + setups.get(i).name() + "' lists d = " + extra
                        + ", which grid.d " + d + " does not hold (a setup's d picks from the grid's)");
                }
                Dynamics dynamics = setups.get(i).dynamics().build();
                for (long dim : own == null ? d : own) {
                    Optional<String> refused = dynamics.refusal(dim);
                    if (refused.isPresent()) {
                        error("grid.d", value(m, "d"), "setup '" + setups.get(i).name() + "': " + refused.get());
                        break;
                    }
                }
            }
        }
        return new GridSpec(R, d, wStar, seeds, m1, m2, s, skip, starts);
    }

    private List<StartCosines> starts(List<Double> m1, List<Double> m2, List<Double> s, boolean skip,
                                      Map<String, NodeTuple> m, Node grid) {
        List<StartCosines> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        int badCount = 0;
        for (double a : m1) {
            for (double b : m2) {
                for (double c : s) {
                    String why = InitialCondition.Explicit.realisability(a, b, c);
                    if (why == null) {
                        out.add(new StartCosines(a, b, c));
                    } else {
                        badCount++;
                        if (bad.size() < 3) {
                            bad.add("(m1=" + a + ", m2=" + b + ", s=" + c + "): " + why);
                        }
                    }
                }
            }
        }
        Node where = keyNode(m, "m1") != null ? keyNode(m, "m1") : grid;
        if (badCount > 0 && !skip) {
            long total = (long) m1.size() * m2.size() * s.size();
            error("grid.m1/m2/s", where, badCount + " of " + total + " explicit starts are not realisable, e.g. "
                + String.join("; ", bad) + " (set grid.unrealisable: skip to leave them out)");
            return null;
        }
        if (out.isEmpty()) {
            error("grid.m1/m2/s", where, "no realisable explicit start (m1, m2, s) in these axes");
            return null;
        }
        return out;
    }

    /** Three unit vectors with these cosines may need up to 3 dimensions. */
    private void checkStartsFit(List<StartCosines> starts, List<Long> d, Map<String, NodeTuple> m) {
        for (long dim : d) {
            if (dim >= 3) {
                continue;
            }
            for (StartCosines c : starts) {
                try {
                    new InitialCondition.Explicit(c.m1(), c.m2(), c.s(), null)
                        .overlaps(new Problem(1.0, dim, 0.5, Weights.FIXED), null);
                } catch (IllegalArgumentException e) {
                    error("grid.d", value(m, "d"), e.getMessage());
                    return;
                }
            }
        }
    }

    private ThresholdSpec threshold(NodeTuple entry) {
        ThresholdSpec def = ThresholdSpec.DEFAULT;
        if (entry == null || isNull(entry.getValueNode())) {
            return def;
        }
        Map<String, NodeTuple> m = mapping(entry.getValueNode(), "threshold", THRESHOLD);
        if (m == null) {
            return null;
        }
        thresholdKeys = m;
        List<Double> levels = m.containsKey("level")
            ? doubleAxis(m, "level", entry.getValueNode(), "threshold",
                x -> x > 0 && x < 1 ? null : "must lie in (0, 1) (a probability level)")
            : def.levels();
        String method = string(m, "method", "threshold", def.method());
        if (method != null) {
            method = method.toLowerCase(Locale.ROOT);
            if (!method.equals("logistic") && !method.equals("monotone")) {
                error("threshold.method", value(m, "method"), "must be 'logistic' or 'monotone', got '" + method + "'");
                method = null;
            }
        }
        Long bootstrap = integer(m, "bootstrap", "threshold", 0, 1_000_000, (long) def.bootstrap());
        Double confidence = number(m, "confidence", "threshold", def.confidence());
        if (confidence != null && !(confidence > 0 && confidence < 1)) {
            error("threshold.confidence", value(m, "confidence"), "must lie in (0, 1), got " + confidence);
            confidence = null;
        }
        Double targetWidth = positive(m, "targetWidth", "threshold", null);
        Long budget = integer(m, "budget", "threshold", 1, Long.MAX_VALUE, 0L);
        Long maxRounds = integer(m, "maxRounds", "threshold", 1, 1000, (long) ThresholdSpec.DEFAULT_MAX_ROUNDS);
        Long radiiPerRound = integer(m, "radiiPerRound", "threshold", 1, 1000,
            (long) ThresholdSpec.DEFAULT_RADII_PER_ROUND);
        if (targetWidth == null && m.containsKey("targetWidth") && !isNull(value(m, "targetWidth"))) {
            return null; // reported by positive()
        }
        if (targetWidth == null) {
            for (String k : List.of("budget", "maxRounds", "radiiPerRound")) {
                if (m.containsKey(k)) {
                    error("threshold." + k, value(m, k), "only applies to adaptive refinement: give threshold.targetWidth too");
                }
            }
        } else if (bootstrap != null && bootstrap == 0) {
            error("threshold.bootstrap", m.containsKey("bootstrap") ? value(m, "bootstrap") : entry.getValueNode(),
                "adaptive refinement (targetWidth) needs bootstrap intervals: must be > 0");
            bootstrap = null;
        }
        if (levels == null || method == null || bootstrap == null || confidence == null || budget == null
            || maxRounds == null || radiiPerRound == null) {
            return null;
        }
        return new ThresholdSpec(levels, method, bootstrap.intValue(), confidence, targetWidth, budget,
            maxRounds.intValue(), radiiPerRound.intValue());
    }

    private SparkSpec spark(NodeTuple entry) {
        if (entry == null || isNull(entry.getValueNode())) {
            return new SparkSpec(SparkSpec.DEFAULT_MASTER, null, null, false);
        }
        Map<String, NodeTuple> m = mapping(entry.getValueNode(), "spark", SPARK);
        if (m == null) {
            return null;
        }
        String master = string(m, "master", "spark", SparkSpec.DEFAULT_MASTER);
        if (master != null && master.isBlank()) {
            error("spark.master", value(m, "master"), "must not be blank");
        }
        Long partitions = integer(m, "partitions", "spark", 1, 1_000_000, null);
        Long chunk = integer(m, "chunk", "spark", 1, Integer.MAX_VALUE, null);
        Boolean ui = bool(m, "ui", "spark", false);
        boolean failed = (m.containsKey("partitions") && !isNull(value(m, "partitions")) && partitions == null)
            || (m.containsKey("chunk") && !isNull(value(m, "chunk")) && chunk == null) || ui == null || master == null;
        if (failed) {
            return null;
        }
        return new SparkSpec(master, partitions == null ? null : partitions.intValue(),
            chunk == null ? null : chunk.intValue(), ui);
    }

    // ---------------------------------------------------------------- axes

    private List<Double> doubleAxis(Map<String, NodeTuple> m, String name, Node parent, Function<Double, String> check) {
        return doubleAxis(m, name, parent, "grid", check);
    }

    private List<Double> doubleAxis(Map<String, NodeTuple> m, String name, Node parent, String prefix,
                                    Function<Double, String> check) {
        String key = prefix + "." + name;
        NodeTuple entry = m.get(name);
        if (entry == null || isNull(entry.getValueNode())) {
            error(key, entry == null ? parent : entry.getValueNode(), "missing: give a number or a list of numbers");
            return null;
        }
        Node node = entry.getValueNode();
        List<Double> values = new ArrayList<>();
        List<Node> where = new ArrayList<>();
        boolean ok = true;
        if (node instanceof MappingNode) {
            Map<String, NodeTuple> r = mapping(node, key, RANGE);
            if (r == null) {
                return null;
            }
            Double from = required(r, "from", key, node, "the first value");
            Double to = required(r, "to", key, node, "the last value");
            Double step = required(r, "step", key, node, "the spacing");
            if (from == null || to == null || step == null) {
                return null;
            }
            if (step <= 0) {
                error(key + ".step", value(r, "step"), "must be > 0, got " + step);
                return null;
            }
            if (to < from) {
                error(key + ".to", value(r, "to"), "must be >= from (" + from + "), got " + to);
                return null;
            }
            BigDecimal f = BigDecimal.valueOf(from);
            BigDecimal st = BigDecimal.valueOf(step);
            BigDecimal span = BigDecimal.valueOf(to).subtract(f);
            BigDecimal count = span.divideToIntegralValue(st);
            if (count.compareTo(BigDecimal.valueOf(MAX_AXIS)) >= 0) {
                error(key, node, "the range has more than " + MAX_AXIS + " values");
                return null;
            }
            for (int i = 0; i <= count.intValue(); i++) {
                values.add(f.add(st.multiply(BigDecimal.valueOf(i))).doubleValue());
                where.add(node);
            }
        } else if (node instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                error(key, node, "empty axis: give at least one value");
                return null;
            }
            for (int i = 0; i < seq.getValue().size(); i++) {
                Double x = parseNumber(seq.getValue().get(i), key + "[" + i + "]");
                if (x == null) {
                    ok = false;
                } else {
                    values.add(x);
                    where.add(seq.getValue().get(i));
                }
            }
        } else {
            Double x = parseNumber(node, key);
            if (x == null) {
                return null;
            }
            values.add(x);
            where.add(node);
        }
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            double x = values.get(i);
            String why = check.apply(x);
            String itemKey = node instanceof SequenceNode ? key + "[" + i + "]" : key;
            if (why != null) {
                error(itemKey, where.get(i), why + ", got " + x);
                ok = false;
            } else if (!seen.add(x)) {
                error(itemKey, where.get(i), "duplicate value " + x + " (points must be distinct)");
                ok = false;
            }
        }
        return ok ? values : null;
    }

    private List<Long> longAxis(Map<String, NodeTuple> m, String name, String prefix, Node parent) {
        String key = prefix + "." + name;
        NodeTuple entry = m.get(name);
        if (entry == null || isNull(entry.getValueNode())) {
            error(key, entry == null ? parent : entry.getValueNode(), "missing: give an integer or a list of integers");
            return null;
        }
        Node node = entry.getValueNode();
        List<Node> items;
        if (node instanceof SequenceNode seq) {
            items = seq.getValue();
            if (items.isEmpty()) {
                error(key, node, "empty axis: give at least one value");
                return null;
            }
        } else if (node instanceof ScalarNode) {
            items = List.of(node);
        } else {
            error(key, node, "expected an integer or a list of integers, got " + kind(node));
            return null;
        }
        List<Long> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String itemKey = node instanceof SequenceNode ? key + "[" + i + "]" : key;
            Long v = parseInteger(items.get(i), itemKey, 1, Long.MAX_VALUE / 4, "the dimension d must be >= 1");
            if (v == null) {
                ok = false;
            } else if (!seen.add(v)) {
                error(itemKey, items.get(i), "duplicate value " + v + " (points must be distinct)");
                ok = false;
            } else {
                out.add(v);
            }
        }
        return ok ? out : null;
    }

    // ---------------------------------------------------------------- scalar helpers

    /** The entries of a mapping, checking for duplicates and (if {@code allowed} is given) unknown keys. */
    private Map<String, NodeTuple> mapping(Node node, String key, List<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            error(key, node, "expected a mapping (key: value), got " + kind(node));
            return null;
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
                error(key, k, "keys must be plain names");
                continue;
            }
            String name = ks.getValue();
            if (out.containsKey(name)) {
                error(join(key, name), k, "duplicate key (also on line " + line(out.get(name).getKeyNode()) + ")");
                continue;
            }
            out.put(name, t);
        }
        if (allowed != null) {
            checkKeys(out, key, allowed, "");
        }
        return out;
    }

    private void checkKeys(Map<String, NodeTuple> m, String key, List<String> allowed, String context) {
        for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String hint = suggestion(e.getKey(), allowed);
                if (hint != null && !m.containsKey(hint)) {
                    suggested.add(join(key, hint));
                }
                error(join(key, e.getKey()), e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "'" + context
                    + (hint == null ? "" : "; did you mean '" + hint + "'?") + " (known keys: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private Double required(Map<String, NodeTuple> m, String name, String prefix, Node parent, String what) {
        if (!m.containsKey(name) || isNull(value(m, name))) {
            error(join(prefix, name), m.containsKey(name) ? value(m, name) : parent, "missing: " + what);
            return null;
        }
        return number(m, name, prefix, null);
    }

    private Double number(Map<String, NodeTuple> m, String name, String prefix, Double def) {
        if (!m.containsKey(name) || isNull(value(m, name))) {
            return def;
        }
        return parseNumber(value(m, name), join(prefix, name));
    }

    private Double positive(Map<String, NodeTuple> m, String name, String prefix, Double def) {
        Double v = number(m, name, prefix, def);
        if (v != null && v <= 0) {
            error(join(prefix, name), value(m, name), "must be > 0, got " + v);
            return null;
        }
        return v;
    }

    private Long integer(Map<String, NodeTuple> m, String name, String prefix, long min, long max, Long def) {
        if (!m.containsKey(name) || isNull(value(m, name))) {
            return def;
        }
        return parseInteger(value(m, name), join(prefix, name), min, max, null);
    }

    private String string(Map<String, NodeTuple> m, String name, String prefix, String def) {
        if (!m.containsKey(name) || isNull(value(m, name))) {
            return def;
        }
        Node n = value(m, name);
        if (!(n instanceof ScalarNode s)) {
            error(join(prefix, name), n, "expected a text value, got " + kind(n));
            return null;
        }
        return s.getValue().trim();
    }

    private Boolean bool(Map<String, NodeTuple> m, String name, String prefix, Boolean def) {
        if (!m.containsKey(name) || isNull(value(m, name))) {
            return def;
        }
        Node n = value(m, name);
        String text = n instanceof ScalarNode s ? s.getValue().trim().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("yes")) {
            return true;
        }
        if (text.equals("false") || text.equals("no")) {
            return false;
        }
        error(join(prefix, name), n, "expected true or false, got " + (n instanceof ScalarNode s ? "'" + s.getValue() + "'" : kind(n)));
        return null;
    }

    private Double parseNumber(Node node, String key) {
        if (!(node instanceof ScalarNode s)) {
            error(key, node, "expected a number, got " + kind(node));
            return null;
        }
        String text = s.getValue().trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches("[-+]?\\.?nan")) {
            error(key, node, "NaN is not allowed: give a finite number");
            return null;
        }
        if (lower.matches("[-+]?\\.?inf(inity)?")) {
            error(key, node, "must be a finite number, got " + text);
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            error(key, node, "expected a number, got '" + text + "'");
            return null;
        }
        double v = Double.parseDouble(text.replace("_", ""));
        if (!Double.isFinite(v)) {
            error(key, node, "must be a finite number, got " + text);
            return null;
        }
        return v;
    }

    private Long parseInteger(Node node, String key, long min, long max, String belowMin) {
        long x;
        String digits = node instanceof ScalarNode n ? n.getValue().trim().replace("_", "") : "";
        if (digits.matches("[-+]?\\d+")) { // exact, all 64 bits (a double holds 53)
            try {
                x = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                error(key, node, "integer out of range (64-bit: " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + "): " + digits);
                return null;
            }
        } else {
            Double v = parseNumber(node, key);
            if (v == null) {
                return null;
            }
            if (v != Math.rint(v) || Math.abs(v) >= 9.0e18) {
                error(key, node, "expected an integer, got " + ((ScalarNode) node).getValue().trim());
                return null;
            }
            x = v.longValue();
        }
        if (x < min) {
            error(key, node, (belowMin != null ? belowMin : "must be >= " + min) + ", got " + x);
            return null;
        }
        if (x > max) {
            error(key, node, "must be <= " + max + ", got " + x);
            return null;
        }
        return x;
    }

    // ---------------------------------------------------------------- plumbing

    private void error(String key, Node node, String reason) {
        if (reason.startsWith("missing") && suggested.contains(key)) {
            return;
        }
        String override = node == null ? null : overridden.get(node);
        errors.add(override != null ? new SpecException.Error("override '" + override + "'", key, 0, reason)
            : new SpecException.Error(source, key, node == null ? 0 : line(node), reason));
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static Node value(Map<String, NodeTuple> m, String name) {
        NodeTuple t = m.get(name);
        return t == null ? null : t.getValueNode();
    }

    private static Node keyNode(Map<String, NodeTuple> m, String name) {
        NodeTuple t = m.get(name);
        return t == null ? null : t.getKeyNode();
    }

    private static boolean isNull(Node node) {
        return node == null || Tag.NULL.equals(node.getTag());
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** A known key close to an unknown one (same letters ignoring case, or at most 2 edits). */
    static String suggestion(String unknown, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            if (k.equalsIgnoreCase(unknown)) {
                return k;
            }
            int dist = editDistance(unknown.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (dist < bestDistance) {
                bestDistance = dist;
                best = k;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
