package org.modesweep.jobs;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.modesweep.core.Flow;
import org.modesweep.core.InitialCondition;
import org.modesweep.core.Recorder;
import org.modesweep.core.Setup;
import org.modesweep.core.StochasticGradientDescent;
import org.modesweep.core.Thresholds;
import org.modesweep.core.Trajectory;
import org.modesweep.core.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput of the core on fixed workloads with fixed seeds, one thread. Each line starts with the
 * workload name and its rate, then the medians per trajectory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Single-thread throughput on fixed workloads (R = 2.5, d = 1000, w* = 2/3, sphere(R) starts):",
        "  W1 flow, fixed weights, tMax 400     W2 flow, trainable weights, tMax 400",
        "  W3 sgd steps at batch 1000"})
final class BenchCommand implements Callable<Integer> {

    private static final double R = 2.5;
    private static final long D = 1000;
    private static final double W_STAR = 2.0 / 3;

    @Option(names = "--seeds", defaultValue = "1000", description = "Trajectories per flow workload. Default: ${DEFAULT-VALUE}.")
    int seeds;
    @Option(names = "--warmup", defaultValue = "200", description = "Untimed trajectories first (JIT). Default: ${DEFAULT-VALUE}.")
    int warmup;
    @Option(names = "--sgd-steps", defaultValue = "200", description = "Timed sgd steps. Default: ${DEFAULT-VALUE}.")
    int sgdSteps;

    @Override
    public Integer call() {
        if (seeds < 1 || warmup < 0 || sgdSteps < 1) {
            throw new IllegalArgumentException("--seeds and --sgd-steps must be >= 1, --warmup >= 0");
        }
        flow("W1", Weights.FIXED);
        flow("W2", Weights.TRAINABLE);
        sgd();
        return 0;
    }

    private void flow(String name, Weights weights) {
        Setup setup = new Setup(name, weights, new InitialCondition.Sphere(null), new Flow(400, 1e-9, 1e-8),
            Thresholds.DEFAULT, 0);
        for (int i = 0; i < warmup; i++) {
            Trajectory.run(setup, R, D, W_STAR, 1_000_000 + i, Recorder.NONE);
        }
        double[] micros = new double[seeds];
        double[] evals = new double[seeds];
        long start = System.nanoTime();
        for (int i = 0; i < seeds; i++) {
            long t0 = System.nanoTime();
            Trajectory t = Trajectory.run(setup, R, D, W_STAR, i, Recorder.NONE);
            micros[i] = (System.nanoTime() - t0) / 1e3;
            evals[i] = t.run().cost();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %.1f trajectories/s  (flow %s weights; median %.0f us and %.0f rhs evaluations per trajectory, %.2f us per evaluation)%n",
            name, seeds / seconds, weights.label(), median(micros), median(evals), median(micros) / median(evals));
    }

    private void sgd() {
        double eta = 0.05;
        int batch = 1000;
        Setup warm = sgdSetup(eta, batch, eta * 20);
        Trajectory.run(warm, R, D, W_STAR, 0, Recorder.NONE);
        Setup timed = sgdSetup(eta, batch, eta * sgdSteps);
        long start = System.nanoTime();
        Trajectory t = Trajectory.run(timed, R, D, W_STAR, 1, Recorder.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("W3 %.1f sgd steps/s  (d %d, batch %d per component, %d steps)%n",
            t.run().cost() / seconds, D, batch, t.run().cost());
    }

    private static Setup sgdSetup(double eta, int batch, double tMax) {
        return new Setup("W3", Weights.TRAINABLE, new InitialCondition.Sphere(null),
            new StochasticGradientDescent(eta, batch, tMax, 1e-300), Thresholds.DEFAULT, 0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
