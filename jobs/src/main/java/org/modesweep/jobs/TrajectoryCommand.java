package org.modesweep.jobs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.modesweep.core.Dynamics;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.ReducedModel;
import org.modesweep.core.Recorder;
import org.modesweep.core.Setup;
import org.modesweep.core.State;
import org.modesweep.core.Trajectory;
import org.modesweep.core.realnvp.FlowMeasure;
import org.modesweep.core.realnvp.FlowRecorder;
import org.modesweep.core.realnvp.RealNvp;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SpecException;
import org.modesweep.core.sweep.SpecKeys;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one trajectory: its time series as CSV on stdout (overlaps divided by R²), its outcome on
 * stderr.
 */
@Command(name = "trajectory", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run one training trajectory and print its overlaps over time.",
        "stdout: CSV t,m1,m2,q11,q22,q12,w1,kl (m_k = M_k/R^2, q_jk = Q_jk/R^2), one row every --every time units and at the end;",
        "  for --dynamics realnvp: CSV step,kl,massPlus,massMinus,meanProj (side masses of x.mu* > 0 and < 0, E_q[x].mu*/R),",
        "  one row every --every steps (default 100) and at the end.",
        "stderr: the outcome (class, mode, converged, tFinal, plateauTime, cost; realnvp: masses and steps per second)."})
final class TrajectoryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--R", required = true, description = "Target separation |mu*| (> 0).")
    double R;
    @Option(names = "--d", defaultValue = "10", description = "Dimension (>= 1). Default: ${DEFAULT-VALUE}.")
    long d;
    @Option(names = "--w-star", defaultValue = "0.6666666666666666", description = "Weight of the +mu* mode, in (0,1). Default: 2/3.")
    double wStar;
    @Option(names = "--dynamics", defaultValue = "flow", description = "flow | gd | sgd | realnvp. Default: ${DEFAULT-VALUE}.")
    String dynamics;
    @Option(names = "--init", defaultValue = "sphere", description = "sphere | gaussian | explicit (not for realnvp). Default: ${DEFAULT-VALUE}.")
    String init;
    @Option(names = "--m1", description = "Explicit start: cosine of mu1 with mu*.")
    String m1;
    @Option(names = "--m2", description = "Explicit start: cosine of mu2 with mu*.")
    String m2;
    @Option(names = "--s", description = "Explicit start: cosine of mu1 with mu2.")
    String s;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random start (and of sgd noise). Default: ${DEFAULT-VALUE}.")
    long seed;
    @Option(names = "--every", description = "Output interval in time units (default 1); in steps for realnvp (default 100).")
    Double every;
    @Option(names = "--summary", defaultValue = "text", description = "Outcome format on stderr: text | json. Default: ${DEFAULT-VALUE}.")
    String summary;

    @Override
    public Integer call() {
        checkSummary();
        // --dynamics names the family, whose output differs: a flow's side masses or the mixture's overlaps
        if (dynamics.equalsIgnoreCase("realnvp")) {
            return trainFlow();
        }
        double every = this.every == null ? 1 : this.every;
        if (!(every > 0)) {
            throw bad("--every", "must be > 0, got " + every);
        }
        Setup setup = bind(true).setup();
        ReducedModel model = new ReducedModel(setup.trainedMixture().orElseThrow().problem(R, d, wStar));
        PrintWriter out = spec.commandLine().getOut();
        out.println("t,m1,m2,q11,q22,q12,w1,kl");
        Recorder csv = new Recorder() {
            @Override
            public double every() {
                return every;
            }

            @Override
            public void record(double t, State y) {
                out.println(csvRow(t, y.m1(), y.m2(), y.q11(), y.q22(), y.q12(), y.w1(), model.kl(y)));
            }
        };
        Trajectory trajectory = Trajectory.run(setup, R, d, wStar, seed, csv);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        summarise(trajectory, setup.dynamics(), err);
        err.flush();
        return 0;
    }

    /** A RealNVP training: masses over training on stdout, outcome and speed on stderr. */
    private int trainFlow() {
        long everySteps = every == null ? 100 : Math.round(every);
        if (everySteps < 1) {
            throw bad("--every", "is in steps for realnvp and must be >= 1, got " + every);
        }
        RealNvpDynamics nvp = bind(false).spec().dynamics().realnvp().orElseThrow();
        PrintWriter out = spec.commandLine().getOut();
        out.println("step,kl,massPlus,massMinus,meanProj");
        FlowRecorder csv = new FlowRecorder() {
            @Override
            public long every() {
                return everySteps;
            }

            @Override
            public void record(FlowMeasure m, RealNvp flow, double[] theta) {
                out.println(m.step() + "," + csvRow(m.kl(), m.massPlus(), m.massMinus(), m.meanProj()));
            }
        };
        long t0 = System.nanoTime();
        Trajectory trajectory = nvp.trajectory(R, d, wStar, seed, csv);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        summarise(trajectory, nvp, err);
        err.println(String.format(Locale.ROOT, "# %s: %d steps in %.2f s (%.0f steps/s incl. evaluation), d = %d",
            nvp.describe(), trajectory.cost(), seconds, trajectory.cost() / seconds, d));
        err.flush();
        return 0;
    }

    private void summarise(Trajectory trajectory, Dynamics dynamics, PrintWriter err) {
        err.println("json".equals(summary) ? Summary.json(trajectory, dynamics, seed) : Summary.text(trajectory, dynamics, seed));
    }

    private static String csvRow(double... values) {
        StringBuilder row = new StringBuilder();
        for (double v : values) {
            if (!row.isEmpty()) {
                row.append(',');
            }
            row.append(v);
        }
        return row.toString();
    }

    private void checkSummary() {
        if (!summary.equals("text") && !summary.equals("json")) {
            throw bad("--summary", "must be text or json, got '" + summary + "'");
        }
    }

    // ---------------------------------------------------------------- options from the spec's key declarations

    /** Spec keys without an option of this name: the setup's frame, and blocks the options above stand for. */
    private static final Set<String> NOT_OPTIONS = Set.of("name", "type", "dynamics", "init", "seeds", "d", "anneal");
    /** The option of {@code anneal.schedule}. */
    private static final String SCHEDULE = "schedule";
    /**
     * Values for keys a spec must give, so that one trajectory runs with {@code --R} alone: a flow of time 400
     * (gd, sgd: eta 0.05; sgd: batch 1000), 1000 realnvp steps, fixed weights, unit-scale gaussian starts.
     */
    private static final Map<String, String> GIVEN_HERE =
        Map.of("tMax", "400", "eta", "0.05", "batch", "1000", "steps", "1000", "weights", "fixed", "sigma0", "1");

    /** The option of a spec key: {@code tMax -> --t-max}, {@code schedule -> --anneal}. */
    static String option(String key) {
        return key.equals(SCHEDULE) ? "--anneal" : "--" + key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The setup keys {@code sweep trajectory} takes as options, by block. */
    private static List<SpecKeys.Key> optionKeys() {
        List<String> blocks = new ArrayList<>(List.of("setup"));
        SpecKeys.DYNAMICS.forEach(t -> blocks.add("dynamics." + t));
        blocks.add("anneal");
        SpecKeys.INITS.forEach(t -> blocks.add("init." + t));
        blocks.add("classify");
        return blocks.stream().flatMap(b -> SpecKeys.of(b).stream()).filter(k -> !NOT_OPTIONS.contains(k.name())).toList();
    }

    /**
     * Adds an option per setup key of the spec ({@code --eta}, {@code --t-max}, {@code --weight-eps}, ...), its
     * description and default from the key's declaration ({@link SpecKeys}); the values stay text until the spec
     * binder reads them ({@link #bind}).
     */
    static void addSpecOptions(CommandLine.Model.CommandSpec command) {
        Map<String, List<SpecKeys.Key>> byName = new LinkedHashMap<>();
        optionKeys().forEach(k -> byName.computeIfAbsent(k.name(), n -> new ArrayList<>()).add(k));
        byName.forEach((name, keys) -> {
            Map<String, List<String>> where = new LinkedHashMap<>();
            for (SpecKeys.Key k : keys) {
                String def = k.required() || k.def() != null && k.def().startsWith("required")
                    ? GIVEN_HERE.get(name) : k.def();
                String text = k.doc() + " (" + (k.type() == SpecKeys.Type.CHOICE ? String.join(" | ", k.choices())
                    : SpecKeys.allowed(k)) + ")"
                    + (def == null ? "" : ". Default: " + def) + ".";
                where.computeIfAbsent(text, t -> new ArrayList<>()).add(k.block().replaceFirst("^(dynamics|init)\\.", ""));
            }
            List<String> lines = new ArrayList<>();
            where.forEach((text, blocks) -> lines.add(String.join(", ", blocks) + ": " + text));
            command.addOption(CommandLine.Model.OptionSpec.builder(option(name)).type(String.class).paramLabel("<" + name + ">")
                .description(String.join(" ", lines)).build());
        });
    }

    /**
     * The setup the options describe, bound and validated by the spec binder as a one-setup spec, so that the
     * command and a spec share every default, bound and limit (e.g. sgd's d for the vectors engine); its errors
     * name the options. {@code mixture}: whether to give the mixture's keys (reduced family).
     */
    private Bound bind(boolean mixture) {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("R", String.valueOf(R));
        grid.put("d", String.valueOf(d));
        grid.put("wStar", String.valueOf(wStar));
        Map<String, Object> dyn = keys(given, "dynamics." + dynamics, Map.of("type", dynamics));
        List<String> annealed = SpecKeys.of("anneal").stream().map(SpecKeys.Key::name)
            .filter(n -> given.hasMatchedOption(option(n))).toList();
        if (!annealed.isEmpty()) {
            dyn.put("anneal", keys(given, "anneal", Map.of()));
        }
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("name", "trajectory");
        if (mixture) {
            setup.putAll(keys(given, "setup", Map.of()));
            setup.put("init", keys(given, "init." + init, Map.of("type", init)));
            if (init.equals("explicit")) {
                String[][] cosines = {{"m1", m1}, {"m2", m2}, {"s", s}};
                for (String[] c : cosines) {
                    if (c[1] != null) {
                        grid.put(c[0], c[1]);
                    }
                }
            } else {
                grid.put("seeds", "1");
            }
        } else {
            grid.put("seeds", "1");
        }
        setup.put("dynamics", dyn);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("grid", grid);
        document.put("setups", List.of(setup));
        document.put("classify", keys(given, "classify", Map.of()));
        DumperOptions style = new DumperOptions();
        style.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED); // an option's value is one scalar, never a list
        try {
            SweepSpec bound = SpecParser.parse(new Yaml(style).dump(document), "options", true);
            SetupSpec one = bound.setups().get(0);
            return new Bound(one, one.toSetup(bound.classify().thresholds(),
                bound.grid().explicit() ? bound.grid().starts().get(0) : null));
        } catch (SpecException e) {
            throw new IllegalArgumentException(String.join("; ", e.errors().stream().map(this::asOption).toList()), e);
        }
    }

    /** The bound setup and its block. */
    private record Bound(SetupSpec spec, Setup setup) {
    }

    /** A block's keys given as options (or by {@link #GIVEN_HERE} when the spec requires them), after {@code first}. */
    private static Map<String, Object> keys(CommandLine.ParseResult given, String block, Map<String, Object> first) {
        Map<String, Object> m = new LinkedHashMap<>(first);
        for (SpecKeys.Key k : SpecKeys.of(block)) {
            if (NOT_OPTIONS.contains(k.name())) {
                continue;
            }
            String value = given.matchedOptionValue(option(k.name()), null);
            if (value == null && k.def() != null && k.def().startsWith("required") && !block.equals("anneal")) {
                value = GIVEN_HERE.get(k.name());
            }
            if (value != null) {
                m.put(k.name(), value);
            }
        }
        return m;
    }

    /** A binder error as "--option reason": its key's option, the grid's being the options above. */
    private String asOption(SpecException.Error e) {
        String key = e.key().replaceAll("\\[\\d+]", "");
        String name = key.substring(key.lastIndexOf('.') + 1);
        String option = switch (key) {
            case "grid.m1/m2/s" -> "--m1/--m2/--s";
            case "grid.wStar" -> "--w-star";
            case "grid.R", "grid.d", "grid.m1", "grid.m2", "grid.s" -> "--" + name;
            case "setups.dynamics.type", "setups.dynamics" -> "--dynamics " + dynamics + ":";
            case "setups.init.type", "setups.init" -> "--init " + init + ":";
            default -> option(name);
        };
        String reason = e.reason().replace("setup 'trajectory': ", "");
        return option + " " + (reason.startsWith(name + " ") ? reason.substring(name.length() + 1) : reason);
    }

    private static IllegalArgumentException bad(String option, String reason) {
        return new IllegalArgumentException(option + " " + reason);
    }
}
