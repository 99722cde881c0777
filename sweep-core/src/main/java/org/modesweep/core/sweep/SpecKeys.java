package org.modesweep.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.StochasticGradientDescent;

/**
 * Every key of a sweep spec, declared once: the block it belongs to, its type and allowed values, its default, a
 * one-line doc and whether a setup may sweep it (a list or range where a number stands). The binder
 * ({@link SpecParser}) takes its known keys per block from here, so an unknown key is refused by the parser and by
 * the JSON Schema ({@link #jsonSchema()}, printed by {@code sweep schema}) alike, and the key tables of
 * {@code docs/spec.md} are {@link #markdown()}. Domain rules beyond a key's own bounds (e.g. {@code a0} only with
 * trainable weights) live in the binder and the records' constructors.
 */
public final class SpecKeys {

    /** What a key's value looks like. */
    public enum Type {
        NUMBER, INTEGER, TEXT, BOOLEAN, CHOICE,
        /** one number, a list of numbers or a range {from, to, step} */
        AXIS,
        /** one integer or a list of integers */
        INTEGERS,
        /** a list of setup names */
        NAMES,
        /** a nested block with keys of its own */
        BLOCK,
        /** a list of blocks */
        BLOCKS
    }

    /**
     * One key. {@code block} is where it sits ({@code grid}, {@code dynamics.sgd}, ...); {@code min}/{@code max}
     * bound numbers (null: none), {@code open} when the bound itself is excluded; {@code choices} the allowed texts
     * of a {@link Type#CHOICE}; {@code def} the default as written in a spec (null: required or none).
     */
    public record Key(String block, String name, Type type, Double min, boolean minOpen, Double max, boolean maxOpen,
                      List<String> choices, String def, boolean sweepable, String doc) {
        public Key {
            choices = List.copyOf(choices);
        }

        public boolean required() {
            return "required".equals(def);
        }
    }

    private static final List<Key> KEYS = new ArrayList<>();

    private static final String TOP = "";
    private static final String GRID = "grid";
    private static final String SETUP = "setup";
    private static final String INIT = "init";
    private static final String CLASSIFY = "classify";
    private static final String THRESHOLD = "threshold";
    private static final String SPARK = "spark";
    private static final String RECORD = "record";
    private static final String FIGURE = "figure";
    /** Dynamics types, and the block of each type's keys ({@code dynamics.flow}, ...). */
    public static final List<String> DYNAMICS = List.of("flow", "gd", "sgd", "realnvp");
    public static final List<String> INITS = List.of("sphere", "gaussian", "explicit");

    static {
        top("name", Type.TEXT, "file name without extension", "label in the manifest, logs and reports");
        top("output", Type.TEXT, "data/runs/<name>", "the sweep folder: a path or Hadoop URI (hdfs://, s3a://, file:)");
        key(TOP, "seed", Type.INTEGER, null, false, null, false, "0", false, "sweep seed; every trajectory seed derives from it");
        key(TOP, "maxTrajectories", Type.INTEGER, 1.0, false, null, false, "1000000", false,
            "larger grids are refused unless confirmed");
        top("confirm", Type.BOOLEAN, "false", "allows a grid above maxTrajectories (same as --yes)");
        top("description", Type.TEXT, null, "what the sweep asks or shows, in a sentence or two (heads report.html)");
        top("grid", Type.BLOCK, "required", "the points: R, d, wStar, seeds [, explicit start cosines]");
        top("setups", Type.BLOCKS, "required", "the setups, each run on the whole grid");
        top("classify", Type.BLOCK, "defaults", "outcome thresholds (THEORY §5)");
        top("threshold", Type.BLOCK, "defaults", "how R_c is read off, and adaptive refinement");
        top("spark", Type.BLOCK, "defaults", "where and in what pieces the sweep runs");
        top("record", Type.BLOCK, null, "which trajectories also store their time series");
        top("figures", Type.BLOCKS, null, "extra figures drawn into plots/");

        key(GRID, "R", Type.AXIS, 0.0, true, null, false, "required", false, "separation |mu*| of the target's modes");
        key(GRID, "d", Type.INTEGERS, 1.0, false, null, false, "required", false, "dimension(s)");
        key(GRID, "wStar", Type.AXIS, 0.0, true, 1.0, true, "required", false, "mass w* of the +mu* mode");
        key(GRID, "seeds", Type.INTEGER, 1.0, false, null, false, "required (1 with explicit starts)", false,
            "random starts per point, seed indices 0..seeds-1");
        for (String c : List.of("m1", "m2", "s")) {
            key(GRID, c, Type.AXIS, -1.0, false, 1.0, false, null, false, "explicit start cosine " + c
                + " (all three or none)");
        }
        choice(GRID, "unrealisable", List.of("error", "skip"), "error",
            "what to do with cosine triples that are not realisable (explicit starts only)");

        key(SETUP, "name", Type.TEXT, null, false, null, false, "required", false,
            "unique; letters, digits, . _ - (names a folder)");
        choice(SETUP, "weights", List.of("fixed", "trainable"), "required (not for realnvp)",
            "fixed: w = (w*, 1-w*) throughout; trainable: the logit is trained");
        key(SETUP, "dynamics", Type.BLOCK, null, false, null, false, "required", false, "how the setup trains (type and its keys)");
        key(SETUP, INIT, Type.BLOCK, null, false, null, false, "{type: sphere}", false,
            "the start (type and its keys; or the shorthand sphere / explicit)");
        key(SETUP, "a0", Type.NUMBER, null, false, null, false, "0", true, "starting logit a = a1 - a2 (trainable only)");
        key(SETUP, "seeds", Type.INTEGER, 1.0, false, null, false, "grid.seeds", false, "this setup's seeds per start");
        key(SETUP, "d", Type.INTEGERS, 1.0, false, null, false, "grid.d", false, "the dimensions it runs at, a subset of grid.d");

        for (String type : DYNAMICS) {
            choice("dynamics." + type, "type", List.of(type), "required", "the dynamics: " + type);
        }
        for (String type : List.of("flow", "gd", "sgd")) {
            key("dynamics." + type, "tMax", Type.NUMBER, 0.0, true, null, false, "required", true,
                "time horizon (gd, sgd: t = eta x steps)");
            key("dynamics." + type, "tol", Type.NUMBER, 0.0, true, null, false, "1e-8", true,
                "convergence: largest |dy/dt| of the normalised state below it");
        }
        key("dynamics.flow", "rtol", Type.NUMBER, 0.0, true, 1.0, true, "1e-9", true, "integrator relative tolerance");
        for (String type : List.of("gd", "sgd")) {
            key("dynamics." + type, "eta", Type.NUMBER, 0.0, true, null, false, "required", true, "step size");
        }
        key("dynamics.sgd", "batch", Type.INTEGER, 1.0, false, null, false, "required", true,
            "samples per component and step, B");
        choice("dynamics.sgd", "engine", List.of("reduced", "vectors"), "reduced",
            "reduced: exact chain on the overlaps (THEORY §8), O(B) per step at any d; vectors: d-vectors, d <= "
                + StochasticGradientDescent.MAX_VECTOR_D);
        String nvp = "dynamics.realnvp";
        key(nvp, "steps", Type.INTEGER, 1.0, false, null, false, "required", true, "Adam steps of every run");
        key(nvp, "layers", Type.INTEGER, 2.0, false, 1000.0, false, str(RealNvpDynamics.DEFAULT_LAYERS), true,
            "affine coupling layers");
        key(nvp, "width", Type.INTEGER, 1.0, false, 100_000.0, false, str(RealNvpDynamics.DEFAULT_WIDTH), true,
            "hidden width of each coupling's MLP");
        key(nvp, "lr", Type.NUMBER, 0.0, true, null, false, str(RealNvpDynamics.DEFAULT_LR), true, "Adam learning rate");
        key(nvp, "batch", Type.INTEGER, 1.0, false, null, false, str(RealNvpDynamics.DEFAULT_BATCH), true,
            "base samples per step");
        key(nvp, "evalBatch", Type.INTEGER, 1.0, false, null, false, str(RealNvpDynamics.DEFAULT_EVAL_BATCH), true,
            "evaluation batch for the reported KL and side masses");
        key(nvp, "scaleBound", Type.NUMBER, 0.0, true, null, false, str(RealNvpDynamics.DEFAULT_SCALE_BOUND), true,
            "log-scales are c tanh(s/c), c = scaleBound");
        key(nvp, "coverTol", Type.NUMBER, 0.0, true, null, false, str(RealNvpDynamics.DEFAULT_COVER_TOL), true,
            "COVERAGE when |m+ - w*| <= coverTol min(w*, 1-w*)");
        key(nvp, "collapseFrac", Type.NUMBER, 0.0, true, 1.0, true, str(RealNvpDynamics.DEFAULT_COLLAPSE_FRAC), true,
            "collapse when a side keeps less than this fraction of its mass");
        key(nvp, "initScale", Type.NUMBER, 0.0, false, null, false, str(RealNvpDynamics.DEFAULT_INIT_SCALE), true,
            "0: identity start; > 0: output layers uniform in +-initScale");

        for (String type : DYNAMICS) {
            key("dynamics." + type, "anneal", Type.BLOCK, null, false, null, false, null, false,
                "tempered training, beta raised from beta0 to 1 (THEORY §9); none: no annealing");
        }
        choice("anneal", "schedule", org.modesweep.core.anneal.Anneal.Schedule.labels(), "required",
            "how beta rises: linear in t, or geometric (temperature decays geometrically)");
        key("anneal", "beta0", Type.NUMBER, 0.0, true, 1.0, false, "required", true, "initial inverse temperature");
        key("anneal", "tau", Type.NUMBER, 0.0, true, null, false, "required", true,
            "time at which beta reaches 1 (steps for realnvp; at most tMax)");

        for (String type : INITS) {
            choice("init." + type, "type", List.of(type), "sphere", "the start: " + type);
        }
        key("init.sphere", "r0", Type.NUMBER, 0.0, true, null, false, "R", true, "|mu_k| = r0, directions uniform");
        key("init.gaussian", "sigma0", Type.NUMBER, 0.0, true, null, false, "required", true, "mu_k = sigma0 g_k, g_k ~ N(0, I)");
        key("init.explicit", "r0", Type.NUMBER, 0.0, true, null, false, "R", true, "|mu_k| = r0, cosines from the grid");

        key(CLASSIFY, "weightEps", Type.NUMBER, 0.0, true, 0.5, true, "1e-3", false, "VANISHING_WEIGHT below it");
        key(CLASSIFY, "alignCos", Type.NUMBER, 0.0, false, 1.0, true, "0.5", false,
            "an unconverged run is decided when min |m_k| exceeds it; also the plateau threshold");
        key(CLASSIFY, "klTol", Type.NUMBER, 0.0, true, null, false, "1e-3", false,
            "COVERAGE below it, else MISWEIGHTED (flow, gd)");

        key(THRESHOLD, "level", Type.AXIS, 0.0, true, 1.0, true, "[0.5]", false, "probability level(s) where R_c is read off");
        choice(THRESHOLD, "method", List.of("monotone", "logistic"), "monotone",
            "the fit that drives refinement and the setups-compared figure (both are tabled)");
        key(THRESHOLD, "bootstrap", Type.INTEGER, 0.0, false, 1_000_000.0, false, "200", false,
            "resamples for the R_c interval (0: none)");
        key(THRESHOLD, "confidence", Type.NUMBER, 0.0, true, 1.0, true, "0.95", false, "level of the R_c and Wilson intervals");
        key(THRESHOLD, "targetWidth", Type.NUMBER, 0.0, true, null, false, null, false,
            "adaptive: refine until every crossed R_c interval is at most this wide");
        key(THRESHOLD, "budget", Type.INTEGER, 0.0, false, null, false, "0 (none)", false,
            "adaptive: most trajectories in all");
        key(THRESHOLD, "maxRounds", Type.INTEGER, 1.0, false, 1000.0, false, "8", false, "adaptive: most refinement rounds");
        key(THRESHOLD, "radiiPerRound", Type.INTEGER, 1.0, false, 1000.0, false, "4", false,
            "adaptive: new radii per group, level and round");

        key(SPARK, "master", Type.TEXT, null, false, null, false, "local[*]", false,
            "used only if neither --master nor spark-submit's master is given");
        key(SPARK, "partitions", Type.INTEGER, 1.0, false, 1e6, false, "4 per core", false, "partitions per chunk");
        key(SPARK, "chunk", Type.INTEGER, 1.0, false, null, false, "adaptive", false, "trajectories per chunk (one commit)");
        key(SPARK, "ui", Type.BOOLEAN, null, false, null, false, "false", false, "the Spark UI");

        key(RECORD, "every", Type.NUMBER, 0.0, true, null, false, "required", false, "time between recorded states");
        key(RECORD, "seeds", Type.INTEGER, 1.0, false, null, false, "all", false, "only seed indices below it are recorded");
        key(RECORD, "setups", Type.NAMES, null, false, null, false, "all", false, "only these setups are recorded");

        choice(FIGURE, "kind", FigureSpec.KINDS, "required", "which figure");
        key(FIGURE, "setups", Type.NAMES, null, false, null, false, "all (required for the kinds of runs)", false,
            "the setups it draws; evolution, plateaus, basins and collapse-vs-d name theirs");
        String axes = "an axis: R, d, wStar or a key the setups sweep (eta, batch, r0, ...)";
        key(FIGURE, "x", Type.TEXT, null, false, null, false, "required (map, rc-vs)", false,
            "map: " + axes + "; rc-vs: the same but R");
        key(FIGURE, "y", Type.TEXT, null, false, null, false, "required (map)", false, "map: " + axes + ", not x");
        key(FIGURE, "by", Type.TEXT, null, false, null, false, "required (probability)", false,
            "probability: a curve per value of this axis (not R)");
    }

    private SpecKeys() {
    }

    private static void top(String name, Type type, String def, String doc) {
        key(TOP, name, type, null, false, null, false, def, false, doc);
    }

    private static void choice(String block, String name, List<String> choices, String def, String doc) {
        KEYS.add(new Key(block, name, Type.CHOICE, null, false, null, false, choices, def, false, doc));
    }

    private static void key(String block, String name, Type type, Double min, boolean minOpen, Double max,
                            boolean maxOpen, String def, boolean sweepable, String doc) {
        KEYS.add(new Key(block, name, type, min, minOpen, max, maxOpen, List.of(), def, sweepable, doc));
    }

    private static String str(double x) {
        return Canonical.shortNum(x);
    }

    /** Every declared key, blocks in order. */
    public static List<Key> all() {
        return List.copyOf(KEYS);
    }

    /** The keys of a block ({@code ""} for the top level), in declaration order. */
    public static List<Key> of(String block) {
        return KEYS.stream().filter(k -> k.block().equals(block)).toList();
    }

    /** The names of a block's keys: what the binder accepts there. */
    static List<String> names(String block) {
        return of(block).stream().map(Key::name).toList();
    }

    // ------------------------------------------------------------------ JSON Schema

    /**
     * The spec's JSON Schema (draft 2020-12) as nested maps, ready for any JSON writer: every block closed to
     * unknown keys, dynamics and init told apart by their {@code type}, sweepable numbers as a number, a list or a
     * range.
     */
    public static Map<String, Object> jsonSchema() {
        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("range", object(Map.of("from", Map.of("type", "number"), "to", Map.of("type", "number"),
            "step", Map.of("type", "number", "exclusiveMinimum", 0)), List.of("from", "to", "step")));
        Map<String, Object> setup = block(SETUP);
        @SuppressWarnings("unchecked")
        Map<String, Object> setupProps = (Map<String, Object>) setup.get("properties");
        setupProps.put("dynamics", oneOf(DYNAMICS.stream().map(t -> {
            Map<String, Object> dynamics = block("dynamics." + t);
            @SuppressWarnings("unchecked")
            Map<String, Object> keys = (Map<String, Object>) dynamics.get("properties");
            keys.put("anneal", block("anneal"));
            return (Object) dynamics;
        }).toList()));
        List<Object> inits = new ArrayList<>(List.of(Map.of("enum", INITS)));
        INITS.forEach(t -> inits.add(block("init." + t)));
        setupProps.put(INIT, oneOf(inits));
        Map<String, Object> root = block(TOP);
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) root.get("properties");
        props.put("grid", block(GRID));
        props.put("setups", Map.of("type", "array", "minItems", 1, "items", setup));
        for (String b : List.of(CLASSIFY, THRESHOLD, SPARK, RECORD)) {
            props.put(b, block(b));
        }
        props.put("figures", Map.of("type", "array", "items", block(FIGURE)));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://modesweep.org/spec.schema.json");
        schema.put("title", "modesweep sweep spec");
        schema.put("description", "A sweep spec for jobs/bin/sweep run (docs/spec.md)");
        schema.putAll(root);
        schema.put("$defs", defs);
        return schema;
    }

    private static Map<String, Object> block(String block) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Key k : of(block)) {
            props.put(k.name(), value(k));
            if (k.required() && !(block.equals(SETUP) && k.name().equals("weights"))) {
                required.add(k.name());
            }
        }
        return object(props, required);
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("properties", new LinkedHashMap<>(properties));
        if (!required.isEmpty()) {
            m.put("required", required);
        }
        m.put("additionalProperties", false);
        return m;
    }

    /** Alternatives; anyOf, since an init block without {@code type} fits two of them. */
    private static Map<String, Object> oneOf(List<Object> alternatives) {
        return Map.of("anyOf", alternatives);
    }

    private static Map<String, Object> value(Key k) {
        Map<String, Object> number = bounded(k, k.type() == Type.INTEGER || k.type() == Type.INTEGERS ? "integer" : "number");
        Map<String, Object> v = switch (k.type()) {
            case NUMBER, INTEGER -> k.sweepable() ? axis(number) : number;
            case AXIS -> axis(number);
            case INTEGERS -> oneOf(List.of(number, Map.of("type", "array", "minItems", 1, "items", number)));
            case TEXT -> new LinkedHashMap<>(Map.of("type", "string"));
            case BOOLEAN -> new LinkedHashMap<>(Map.of("type", "boolean"));
            case CHOICE -> new LinkedHashMap<>(Map.of("enum", k.choices()));
            case NAMES -> new LinkedHashMap<>(Map.of("type", "array", "items", Map.of("type", "string")));
            case BLOCK -> new LinkedHashMap<>(Map.of("type", "object"));
            case BLOCKS -> new LinkedHashMap<>(Map.of("type", "array"));
        };
        Map<String, Object> out = new LinkedHashMap<>(v);
        out.put("description", k.doc() + (k.def() == null ? "" : " (default: " + k.def() + ")"));
        return out;
    }

    /** A number, a non-empty list of them, or a range. */
    private static Map<String, Object> axis(Map<String, Object> number) {
        return oneOf(List.of(number, Map.of("type", "array", "minItems", 1, "items", number),
            Map.of("$ref", "#/$defs/range")));
    }

    private static Map<String, Object> bounded(Key k, String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (k.min() != null) {
            m.put(k.minOpen() ? "exclusiveMinimum" : "minimum", whole(k.min()));
        }
        if (k.max() != null) {
            m.put(k.maxOpen() ? "exclusiveMaximum" : "maximum", whole(k.max()));
        }
        return m;
    }

    private static Number whole(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? (Number) (long) x : (Number) x;
    }

    // ------------------------------------------------------------------ docs

    /** The key tables of {@code docs/spec.md}, one per block. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        String block = null;
        for (Key k : KEYS) {
            if (!k.block().equals(block)) {
                block = k.block();
                b.append(b.length() > 0 ? "\n" : "").append("**")
                    .append(block.isEmpty() ? "top level" : "`" + block + "`").append("**\n\n")
                    .append("| key | type, allowed | default | sweepable | meaning |\n|---|---|---|---|---|\n");
            }
            b.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s |%n", k.name(), allowed(k),
                k.def() == null ? "none" : k.def(), k.sweepable() ? "yes" : "", k.doc()));
        }
        return b.toString();
    }

    /** What a key takes, as the docs table writes it: {@code integer in [2, 1000]}, {@code number > 0}, ... */
    public static String allowed(Key k) {
        String bounds = "";
        if (k.min() != null && k.max() != null) {
            bounds = " in " + (k.minOpen() ? "(" : "[") + str(k.min()) + ", " + str(k.max()) + (k.maxOpen() ? ")" : "]");
        } else if (k.min() != null) {
            bounds = (k.minOpen() ? " > " : " >= ") + str(k.min());
        } else if (k.max() != null) {
            bounds = (k.maxOpen() ? " < " : " <= ") + str(k.max());
        }
        return switch (k.type()) {
            case NUMBER -> "number" + bounds;
            case INTEGER -> "integer" + bounds;
            case AXIS -> "axis of numbers" + bounds;
            case INTEGERS -> "integer" + bounds + " or a list";
            case TEXT -> "text";
            case BOOLEAN -> "true / false";
            case CHOICE -> String.join(" \\| ", k.choices().stream().map(c -> "`" + c + "`").toList());
            case NAMES -> "list of setup names";
            case BLOCK -> "mapping";
            case BLOCKS -> "list";
        };
    }
}
