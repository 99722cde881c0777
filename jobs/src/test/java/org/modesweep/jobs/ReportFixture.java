package org.modesweep.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modesweep.core.Outcome;
import org.modesweep.core.stats.Interval;
import org.modesweep.core.stats.Wilson;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.spark.Aggregates;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;
import org.modesweep.spark.Report;
import org.modesweep.spark.SweepAggregation;
import org.modesweep.spark.SweepOutput;

/** An output with tables, figures and report.html made without Spark: two setups, two d, five radii. */
final class ReportFixture {
    static final String SPEC = """
        name: report-fixture
        seed: 3
        grid: {R: [1.5, 2, 2.5, 3, 3.5], d: [10, 1000], wStar: 0.6667, seeds: 40}
        setups:
          - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 100}}
          - {name: trainable-flow, weights: trainable, dynamics: {type: flow, tMax: 100}}
        threshold: {level: [0.25, 0.5], bootstrap: 50}
        """;

    final SweepOutput out;
    final List<Probability> probabilities = new ArrayList<>();
    final List<RcRow> rc;
    final List<String> plots;

    ReportFixture(Path dir) throws java.io.IOException {
        SweepSpec spec = SpecParser.parse(SPEC, "fixture.yaml", false).withOutput(dir.toString());
        out = new SweepOutput(new org.apache.hadoop.conf.Configuration(), dir.toString());
        Files.createDirectories(dir);
        out.write(SweepOutput.SPEC, spec.toYaml());
        double[] radii = {1.5, 2, 2.5, 3, 3.5};
        for (String setup : List.of("fixed-flow", "trainable-flow")) {
            for (long d : new long[] {10, 1000}) {
                for (int i = 0; i < radii.length; i++) {
                    long collapse = Math.min(40, (setup.startsWith("fixed") ? 6 : 3) * i * i + (d > 10 ? 2 * i : 0));
                    long unresolved = i == 4 ? 2 : 0;
                    long[] counts = new long[Outcome.values().length];
                    counts[Outcome.MEAN_ALIGNMENT.ordinal()] = collapse;
                    counts[Outcome.UNRESOLVED.ordinal()] = unresolved;
                    counts[Outcome.COVERAGE.ordinal()] = 40 - collapse - unresolved;
                    Interval w = Wilson.interval(collapse, 40, 0.95);
                    probabilities.add(new Probability(setup, Map.of(), d, 0.6667, radii[i], null, null, null, 40, counts, collapse,
                        collapse / 2, collapse - collapse / 2, collapse / 40.0, w.low(), w.high(), unresolved / 40.0, 0.95,
                        100, 1000));
                }
            }
        }
        rc = Aggregates.rc(probabilities, spec.threshold(), spec.seed());
        plots = SweepAggregation.redraw(null, out, spec, probabilities, rc, spec.threshold().method(), false);
        Report.write(out, spec, probabilities, rc);
    }

    Path report() {
        return Path.of(out.path(Report.FILE).toUri());
    }
}
