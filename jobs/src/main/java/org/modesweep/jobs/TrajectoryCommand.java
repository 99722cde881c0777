package org.modesweep.jobs;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.Dynamics;
import org.modesweep.core.Flow;
import org.modesweep.core.GradientDescent;
import org.modesweep.core.InitialCondition;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.ReducedDynamics;
import org.modesweep.core.ReducedModel;
import org.modesweep.core.Recorder;
import org.modesweep.core.Mixture;
import org.modesweep.core.ReducedSetup;
import org.modesweep.core.State;
import org.modesweep.core.StochasticGradientDescent;
import org.modesweep.core.Thresholds;
import org.modesweep.core.Trajectory;
import org.modesweep.core.Weights;
import org.modesweep.core.realnvp.FlowMeasure;
import org.modesweep.core.realnvp.FlowRecorder;
import org.modesweep.core.realnvp.RealNvp;
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
    @Option(names = "--weights", defaultValue = "fixed", description = "fixed | trainable. Default: ${DEFAULT-VALUE}.")
    String weights;
    @Option(names = "--dynamics", defaultValue = "flow", description = "flow | gd | sgd | realnvp. Default: ${DEFAULT-VALUE}.")
    String dynamics;
    @Option(names = "--eta", defaultValue = "0.05", description = "Step size of gd and sgd. Default: ${DEFAULT-VALUE}.")
    double eta;
    @Option(names = "--batch", description = "Samples per component and step (sgd, default 1000); base samples per step (realnvp, default "
        + RealNvpDynamics.DEFAULT_BATCH + ").")
    Integer batch;
    @Option(names = "--engine", defaultValue = "reduced", description = "sgd: reduced (the overlaps' exact chain, any d) | vectors"
        + " (d-vectors, d <= " + StochasticGradientDescent.MAX_VECTOR_D + "). Default: ${DEFAULT-VALUE}.")
    String engine;
    @Option(names = "--layers", defaultValue = "" + RealNvpDynamics.DEFAULT_LAYERS, description = "realnvp: coupling layers (>= 2). Default: ${DEFAULT-VALUE}.")
    int layers;
    @Option(names = "--width", defaultValue = "" + RealNvpDynamics.DEFAULT_WIDTH, description = "realnvp: hidden width of the scale/shift MLPs. Default: ${DEFAULT-VALUE}.")
    int width;
    @Option(names = "--lr", defaultValue = "" + RealNvpDynamics.DEFAULT_LR, description = "realnvp: Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;
    @Option(names = "--steps", defaultValue = "" + RealNvpDynamics.DEFAULT_STEPS, description = "realnvp: training steps. Default: ${DEFAULT-VALUE}.")
    int steps;
    @Option(names = "--eval-batch", defaultValue = "" + RealNvpDynamics.DEFAULT_EVAL_BATCH, description = "realnvp: fixed evaluation batch for KL, masses and mean. Default: ${DEFAULT-VALUE}.")
    int evalBatch;
    @Option(names = "--scale-bound", defaultValue = "" + RealNvpDynamics.DEFAULT_SCALE_BOUND, description = "realnvp: bound c of the log-scales c*tanh(s/c). Default: ${DEFAULT-VALUE}.")
    double scaleBound;
    @Option(names = "--cover-tol", defaultValue = "" + RealNvpDynamics.DEFAULT_COVER_TOL, description = "realnvp: COVERAGE when |mass+ - w*| <= this x min(w*, 1-w*). Default: ${DEFAULT-VALUE}.")
    double coverTol;
    @Option(names = "--collapse-frac", defaultValue = "" + RealNvpDynamics.DEFAULT_COLLAPSE_FRAC, description = "realnvp: collapse when a side's mass < this x its target. Default: ${DEFAULT-VALUE}.")
    double collapseFrac;
    @Option(names = "--init-scale", defaultValue = "0", description = "realnvp: output layers uniform in [-this, this] at the start (0: identity start, q = N(0, I)). Default: ${DEFAULT-VALUE}.")
    double initScale;
    @Option(names = "--anneal", description = "Annealing schedule, linear | geometric (THEORY.md section 9): beta rises from --beta0 to 1 at --tau "
        + "(time units; steps for realnvp). Default: none.")
    String annealSchedule;
    @Option(names = "--beta0", description = "Annealing: initial inverse temperature, in (0, 1].")
    Double beta0;
    @Option(names = "--tau", description = "Annealing: time at which beta reaches 1 (> 0, <= --t-max; steps for realnvp).")
    Double tau;
    @Option(names = "--init", defaultValue = "sphere", description = "sphere | gaussian | explicit. Default: ${DEFAULT-VALUE}.")
    String init;
    @Option(names = "--r0", description = "Radius of sphere and explicit starts. Default: R.")
    Double r0;
    @Option(names = "--sigma0", defaultValue = "1", description = "Scale of gaussian starts. Default: ${DEFAULT-VALUE}.")
    double sigma0;
    @Option(names = "--m1", description = "Explicit start: cosine of mu1 with mu*.")
    Double m1;
    @Option(names = "--m2", description = "Explicit start: cosine of mu2 with mu*.")
    Double m2;
    @Option(names = "--s", description = "Explicit start: cosine of mu1 with mu2.")
    Double s;
    @Option(names = "--a0", defaultValue = "0", description = "Initial logit a = a1 - a2 of trainable weights. Default: ${DEFAULT-VALUE}.")
    double a0;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random start (and of sgd noise). Default: ${DEFAULT-VALUE}.")
    long seed;
    @Option(names = "--t-max", defaultValue = "400", description = "Training time limit (gd, sgd: eta x steps). Default: ${DEFAULT-VALUE}.")
    double tMax;
    @Option(names = "--every", description = "Output interval in time units (default 1); in steps for realnvp (default 100).")
    Double every;
    @Option(names = "--rtol", defaultValue = "1e-9", description = "Relative tolerance of the flow integrator. Default: ${DEFAULT-VALUE}.")
    double rtol;
    @Option(names = "--tol", defaultValue = "1e-8", description = "Convergence: max|dy/dt| of the normalised state below this. Default: ${DEFAULT-VALUE}.")
    double tol;
    @Option(names = "--weight-eps", defaultValue = "1e-3", description = "VANISHING_WEIGHT below this weight. Default: ${DEFAULT-VALUE}.")
    double weightEps;
    @Option(names = "--align-cos", defaultValue = "0.5", description = "|m_k| deciding unconverged runs and the plateau. Default: ${DEFAULT-VALUE}.")
    double alignCos;
    @Option(names = "--kl-tol", defaultValue = "1e-3", description = "COVERAGE below this KL, MISWEIGHTED above. Default: ${DEFAULT-VALUE}.")
    double klTol;
    @Option(names = "--summary", defaultValue = "text", description = "Outcome format on stderr: text | json. Default: ${DEFAULT-VALUE}.")
    String summary;

    @Override
    public Integer call() {
        // --dynamics names the family, whose output differs: a flow's side masses or the mixture's overlaps
        if (dynamics.equalsIgnoreCase("realnvp")) {
            return trainFlow();
        }
        double every = this.every == null ? 1 : this.every;
        ReducedSetup setup = setup(every);
        ReducedModel model = new ReducedModel(setup.mixture().problem(R, d, wStar));
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
        positive("--R", R);
        checkWStar();
        long everySteps = every == null ? 100 : Math.round(every);
        if (everySteps < 1) {
            throw bad("--every", "is in steps for realnvp and must be >= 1, got " + every);
        }
        checkSummary();
        RealNvpDynamics nvp;
        try {
            nvp = new RealNvpDynamics(layers, width, lr, batch == null ? RealNvpDynamics.DEFAULT_BATCH : batch, steps,
                evalBatch, scaleBound, coverTol, collapseFrac, initScale, anneal(steps));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dynamics realnvp: " + e.getMessage(), e);
        }
        checkD(nvp);
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

    /**
     * Validates the options, naming the offending one, and assembles the setup. The bounds of the
     * dynamics, thresholds and {@code a0} are those of the core records, which spec setups are built
     * from too: their messages name the parameter, given here as its option.
     */
    private ReducedSetup setup(double every) {
        positive("--R", R);
        if (d < 1) {
            throw bad("--d", "must be >= 1, got " + d);
        }
        checkWStar();
        positive("--every", every);
        checkSummary();
        Weights w = switch (weights.toLowerCase(Locale.ROOT)) {
            case "fixed" -> Weights.FIXED;
            case "trainable" -> Weights.TRAINABLE;
            default -> throw bad("--weights", "must be fixed or trainable, got '" + weights + "'");
        };
        try {
            return new ReducedSetup("trajectory", new Mixture(w, initialCondition(), a0), dynamicsOption(),
                new Thresholds(weightEps, alignCos, klTol));
        } catch (IllegalArgumentException e) {
            throw asOption(e);
        }
    }

    /** A core record's "param must ..." as "--option must ...". */
    private IllegalArgumentException asOption(IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage());
        int space = m.indexOf(' ');
        String param = space > 0 ? m.substring(0, space) : m;
        String option = param.equals("convergenceTol") ? "--tol"
            : "--" + param.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return space > 0 && !m.startsWith("--") && spec.findOption(option) != null
            ? new IllegalArgumentException(option + m.substring(space), e) : e;
    }

    private void checkWStar() {
        finite("--w-star", wStar);
        if (!(wStar > 0 && wStar < 1)) {
            throw bad("--w-star", "must lie in (0, 1), got " + wStar);
        }
    }

    private void checkSummary() {
        if (!summary.equals("text") && !summary.equals("json")) {
            throw bad("--summary", "must be text or json, got '" + summary + "'");
        }
    }

    private InitialCondition initialCondition() {
        if (r0 != null) {
            positive("--r0", r0);
        }
        switch (init.toLowerCase(Locale.ROOT)) {
            case "sphere":
                return new InitialCondition.Sphere(r0);
            case "gaussian":
                positive("--sigma0", sigma0);
                return new InitialCondition.Gaussian(sigma0);
            case "explicit":
                if (m1 == null || m2 == null || s == null) {
                    throw bad("--init explicit", "needs --m1, --m2 and --s");
                }
                finite("--m1", m1);
                finite("--m2", m2);
                finite("--s", s);
                String why = InitialCondition.Explicit.realisability(m1, m2, s);
                if (why != null) {
                    throw bad("--m1/--m2/--s", "explicit start (" + m1 + ", " + m2 + ", " + s + ") is not realisable: " + why);
                }
                return new InitialCondition.Explicit(m1, m2, s, r0);
            default:
                throw bad("--init", "must be sphere, gaussian or explicit, got '" + init + "'");
        }
    }

    private ReducedDynamics dynamicsOption() {
        ReducedDynamics chosen = reducedOption();
        checkD(chosen);
        return chosen;
    }

    /** The family's own limits on {@code d}. */
    private void checkD(Dynamics chosen) {
        chosen.refusal(d).ifPresent(why -> {
            throw bad("--d:", why);
        });
    }

    private ReducedDynamics reducedOption() {
        switch (dynamics.toLowerCase(Locale.ROOT)) {
            case "flow":
                return new Flow(tMax, rtol, tol, anneal(tMax));
            case "gd":
                positive("--eta", eta);
                return new GradientDescent(eta, tMax, tol, anneal(tMax));
            case "sgd":
                positive("--eta", eta);
                int batch = this.batch == null ? 1000 : this.batch;
                if (batch < 1) {
                    throw bad("--batch", "must be >= 1, got " + batch);
                }
                StochasticGradientDescent.Engine chosen;
                try {
                    chosen = StochasticGradientDescent.Engine.parse(engine);
                } catch (IllegalArgumentException e) {
                    throw bad("--engine", "must be reduced or vectors, got '" + engine + "'");
                }
                return new StochasticGradientDescent(eta, batch, tMax, tol, chosen, anneal(tMax));
            default:
                throw bad("--dynamics", "must be flow, gd, sgd or realnvp, got '" + dynamics + "'");
        }
    }

    /** The schedule of {@code --anneal --beta0 --tau} for a run of the given length, by {@link Anneal}'s rules. */
    private Anneal anneal(double length) {
        if (annealSchedule == null) {
            if (beta0 != null || tau != null) {
                throw bad("--beta0/--tau", "apply only with --anneal " + String.join(" | ", Anneal.Schedule.labels()));
            }
            return Anneal.NONE;
        }
        Anneal.Schedule schedule = Anneal.Schedule.parse(annealSchedule);
        if (schedule == null) {
            throw bad("--anneal", "must be " + String.join(" or ", Anneal.Schedule.labels()) + ", got '" + annealSchedule + "'");
        }
        if (beta0 == null || tau == null) {
            throw bad("--anneal", "needs --beta0 and --tau");
        }
        check("--beta0", Anneal.beta0Problem(beta0));
        check("--tau", Anneal.tauProblem(tau));
        Anneal anneal = new Anneal(schedule, beta0, tau);
        check("--tau", anneal.horizonProblem(length));
        return anneal;
    }

    private static void check(String option, String why) {
        if (why != null) {
            throw bad(option, why);
        }
    }

    private static void finite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw bad(option, "must be a finite number, got " + value);
        }
    }

    private static void positive(String option, double value) {
        finite(option, value);
        if (value <= 0) {
            throw bad(option, "must be > 0, got " + value);
        }
    }

    private static IllegalArgumentException bad(String option, String reason) {
        return new IllegalArgumentException(option + " " + reason);
    }
}
