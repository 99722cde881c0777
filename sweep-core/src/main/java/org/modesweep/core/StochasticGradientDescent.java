package org.modesweep.core;

import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.math.Check;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The VI algorithm itself (THEORY.md §4): each step draws {@code batch} samples {@code x = μk + z} per
 * component and descends the gradient of the Monte Carlo estimate
 * {@code KL̂ = Σ_k w_k mean_i [log q(x_ki) − log p(x_ki)]} with respect to {@code μ1, μ2} (and the
 * logits), as automatic differentiation of the reparametrised objective would: the path term
 * {@code w_k ∇x(log q − log p)} plus the score term {@code ∂ log q/∂θ} at fixed {@code x}, whose mean
 * is zero but whose noise lives in all {@code d} directions. That noise is how {@code d} enters
 * beyond the initial overlaps.
 *
 * <p>Two engines simulate it with one law: {@link Engine#REDUCED} (THEORY.md §8, O(batch) per step at
 * any {@code d}) and {@link Engine#VECTORS} (the {@code d}-vectors, O(batch · d), the reference).
 *
 * <p>Annealed (THEORY.md §9), step {@code n} descends the estimate of {@code E_q[log q − β log p]} at
 * {@code β(nη)}: the path term {@code w_k ∇x(log q − β log p)} has {@code β} on the target's {@code tanh} term and
 * gains {@code −(1 − β) x}, and the per-sample {@code log q − β log p} of the logit keeps {@code −(1 − β)|x|²/2}.
 */
public record StochasticGradientDescent(double eta, int batch, double tMax, double convergenceTol, Engine engine,
                                        Anneal anneal)
    implements ReducedDynamics {

    /** How a step is simulated; both engines have the law of the algorithm. */
    public enum Engine {
        /** The Markov chain on the overlaps ({@link OverlapChain}). */
        REDUCED,
        /** The means as {@code d}-vectors ({@link VectorSgd}), up to {@link #MAX_VECTOR_D}. */
        VECTORS;

        public static Engine parse(String text) {
            return EnumLabels.parse(Engine.class, text, "sgd engine");
        }

        public String label() {
            return EnumLabels.of(this);
        }
    }

    /**
     * Largest {@code d} the {@code vectors} engine takes: it holds nine {@code d}-vectors of doubles
     * (0.72 GB at this limit), and a step costs {@code 2 · batch · d} normal draws (minutes at this limit).
     */
    public static final long MAX_VECTOR_D = 10_000_000L;

    public StochasticGradientDescent {
        Check.positive("eta", eta);
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        Check.positive("tMax", tMax);
        Check.positive("convergenceTol", convergenceTol);
        if (engine == null) {
            throw new IllegalArgumentException("sgd needs an engine (reduced or vectors)");
        }
        anneal.checkHorizon(tMax);
    }

    /** Without annealing. */
    public StochasticGradientDescent(double eta, int batch, double tMax, double convergenceTol, Engine engine) {
        this(eta, batch, tMax, convergenceTol, engine, Anneal.NONE);
    }

    /** The default engine, {@link Engine#REDUCED}, without annealing. */
    public StochasticGradientDescent(double eta, int batch, double tMax, double convergenceTol) {
        this(eta, batch, tMax, convergenceTol, Engine.REDUCED);
    }

    @Override
    public Optional<String> refusal(long d) {
        return engine == Engine.VECTORS && d > MAX_VECTOR_D
            ? Optional.of("the vectors engine of sgd stores d-vectors and takes d <= " + MAX_VECTOR_D + "; d = " + d
                + " is too large (the reduced engine has the same law at any d)")
            : Optional.empty();
    }

    @Override
    public Run run(ReducedModel model, State start, double plateauCos, RandomGenerator rng, Recorder recorder) {
        return DiscreteTraining.run(eta, tMax, convergenceTol, anneal, start, plateauCos, recorder,
            stepper(model.problem(), start, rng));
    }

    /** One step after another from {@code start}, with this engine, each at {@code β} of its start. */
    Supplier<State> stepper(Problem problem, State start, RandomGenerator rng) {
        refusal(problem.d()).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        return DiscreteTraining.annealed(eta, anneal, switch (engine) {
            case REDUCED -> new OverlapChain(problem, start, eta, batch, rng)::step;
            case VECTORS -> new VectorSgd(problem, start, eta, batch, rng)::step;
        });
    }

    @Override
    public String describe() {
        return "sgd(eta=" + eta + ", batch=" + batch + ", tMax=" + tMax + ", tol=" + convergenceTol
            + ", engine=" + engine.label() + anneal.describeSuffix() + ")";
    }

    /** Its runs never converge and keep a KL floor that grows with {@code d/B}: classified by the weights on the modes. */
    @Override
    public CoverageRule coverageRule() {
        return CoverageRule.WEIGHTS;
    }

    @Override
    public String type() {
        return "sgd";
    }
}
