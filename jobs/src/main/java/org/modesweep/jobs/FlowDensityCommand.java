package org.modesweep.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.Trajectory;
import org.modesweep.core.plot.DensityPanels;
import org.modesweep.core.realnvp.BimodalTarget;
import org.modesweep.core.realnvp.FlowMeasure;
import org.modesweep.core.realnvp.FlowRecorder;
import org.modesweep.core.realnvp.RealNvp;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep flow-density SPEC --R ...}: density snapshots of one realnvp trajectory of a sweep
 * (the same seed, hence the same training, as the sweep's row for that point), in two dimensions.
 */
@Command(name = "flow-density", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Draw the density of a realnvp setup of a sweep spec at the start, middle and end of training,",
        "next to the target, for one seed per radius (d = 2). The run is the sweep's own row for that point.",
        "Writes OUT/<setup>-density-R<R>-s<seed index>.png; prints each snapshot's KL, side masses and mean projection."})
final class FlowDensityCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A sweep spec with a realnvp setup.")
    Path specFile;
    @Option(names = "--R", required = true, split = ",", description = "Radii (comma-separated); need not be on the grid.")
    double[] radii;
    @Option(names = "--setup", description = "The realnvp setup. Default: the spec's first realnvp setup.")
    String setupName;
    @Option(names = "--seed-index", defaultValue = "0", description = "Which seed of the point. Default: ${DEFAULT-VALUE}.")
    int seedIndex;
    @Option(names = "--out", defaultValue = "docs/figures", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path outDir;
    @Option(names = "--half-width", defaultValue = "6", description = "The picture spans [-h, h]^2. Default: ${DEFAULT-VALUE}.")
    double halfWidth;
    @Option(names = "--cells", defaultValue = "90", description = "Grid cells per axis. Default: ${DEFAULT-VALUE}.")
    int cells;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        SweepSpec spec = SpecParser.parse(specFile, true);
        Chosen chosen = realnvpSetup(spec);
        int setupIndex = chosen.index();
        SetupSpec setup = spec.setups().get(setupIndex);
        RealNvpDynamics nvp = chosen.nvp();
        if (!spec.grid().d().contains(2L)) {
            throw new IllegalArgumentException(specFile + ": grid.d has no d = 2; density pictures are two-dimensional");
        }
        if (seedIndex < 0 || !(halfWidth > 0) || cells < 2) {
            throw new IllegalArgumentException("--seed-index must be >= 0, --half-width > 0 and --cells >= 2");
        }
        double wStar = spec.grid().wStar().get(0);
        double[] grid = new double[cells];
        for (int i = 0; i < cells; i++) {
            grid[i] = -halfWidth + (i + 0.5) * 2 * halfWidth / cells;
        }
        for (double R : radii) {
            if (!(R > 0) || !Double.isFinite(R)) {
                throw new IllegalArgumentException("--R must be > 0, got " + R);
            }
            GridPoint p = spec.points().point(-1, setupIndex, R, 2, wStar, null, seedIndex);
            List<FlowMeasure> measures = new ArrayList<>();
            List<double[]> thetas = new ArrayList<>();
            RealNvp[] flow = new RealNvp[1];
            FlowRecorder snapshots = new FlowRecorder() {
                @Override
                public long every() {
                    return Math.max(1, nvp.steps() / 2);
                }

                @Override
                public void record(FlowMeasure m, RealNvp f, double[] theta) {
                    measures.add(m);
                    thetas.add(theta.clone());
                    flow[0] = f;
                }
            };
            Trajectory t = nvp.trajectory(R, 2, wStar, p.seed(), snapshots);
            BimodalTarget target = new BimodalTarget(R, wStar);
            List<DensityPanels.Panel> panels = new ArrayList<>();
            panels.add(new DensityPanels.Panel("target p", density(grid, x -> target.logDensity(x, null) - Math.log(2 * Math.PI))));
            RealNvp.Workspace ws = flow[0].workspace();
            double[] z = new double[2];
            for (int k = 0; k < measures.size(); k++) {
                FlowMeasure m = measures.get(k);
                double[] theta = thetas.get(k);
                String label = String.format(Locale.ROOT, "step %d: mass+ %.3f", m.step(), m.massPlus());
                panels.add(new DensityPanels.Panel(label, density(grid, x -> flow[0].logDensity(theta, x, z, ws))));
                out.printf(Locale.ROOT, "R = %s, seed %d, step %d: KL %.4f, mass+ %.4f, mass- %.4f, meanProj %.4f%n",
                    R, p.seed(), m.step(), m.kl(), m.massPlus(), m.massMinus(), m.meanProj());
            }
            Path base = outDir.resolve(String.format(Locale.ROOT, "%s-density-R%s-s%d", setup.name(), R, seedIndex));
            DensityPanels.write(base, String.format(Locale.ROOT,
                "%s: RealNVP density, R = %s, w* = %.4g, seed index %d: %s (circles: ±μ*, dashed: x·μ* = 0)",
                setup.name(), R, wStar, seedIndex, t.outcome().isCollapse()
                    ? "collapse onto " + (t.classification().mode() > 0 ? "+μ*" : "−μ*") + " (" + t.outcome() + ")"
                    : t.outcome()), grid, panels, R);
            out.println("wrote " + base + ".png");
            out.flush();
        }
        return 0;
    }

    /** The drawn setup: its index in the spec and its flow. */
    private record Chosen(int index, RealNvpDynamics nvp) {
    }

    private Chosen realnvpSetup(SweepSpec spec) {
        for (int i = 0; i < spec.setups().size(); i++) {
            SetupSpec s = spec.setups().get(i);
            Optional<RealNvpDynamics> nvp = s.dynamics().realnvp();
            if (setupName == null ? nvp.isPresent() : s.name().equals(setupName)) {
                return new Chosen(i, nvp.orElseThrow(
                    () -> new IllegalArgumentException("--setup " + setupName + " is not a realnvp setup")));
            }
        }
        throw new IllegalArgumentException(setupName == null ? specFile + " has no realnvp setup"
            : "--setup: no setup named '" + setupName + "' in " + specFile);
    }

    private static double[][] density(double[] grid, java.util.function.ToDoubleFunction<double[]> logDensity) {
        double[][] out = new double[grid.length][grid.length];
        double[] x = new double[2];
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid.length; j++) {
                x[0] = grid[i];
                x[1] = grid[j];
                out[i][j] = Math.exp(logDensity.applyAsDouble(x));
            }
        }
        return out;
    }
}
