package org.modesweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.modesweep.core.Outcome;
import org.modesweep.core.plot.Labels;
import org.modesweep.core.plot.OutcomeColours;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/**
 * {@code report.html}: one self-contained page per output (figures embedded as data URIs, links to the
 * tables relative to the output folder), headline first: a two-sentence summary ({@link #summary}) and the R_c
 * figures ({@code rc-vs-*}), then every other figure, then the R_c table and the outcome counts (folded away with
 * {@code <details>} when long: the default sweep's R_c table has 96 rows), the run's size and time, and the spec.
 * A line of script counts the figures the browser decoded into the body's {@code data-figures} attribute, which the
 * Chromium check reads.
 */
public final class Report {
    public static final String FILE = "report.html";

    private Report() {
    }

    /** Writes {@code report.html} into the output from its tables, figures, spec, manifest and run log. */
    public static void write(SweepOutput out, SweepSpec spec, List<Probability> probabilities, List<RcRow> rc) {
        out.write(FILE, html(out, spec, probabilities, rc));
    }

    static String html(SweepOutput out, SweepSpec spec, List<Probability> probabilities, List<RcRow> rc) {
        Manifest m = out.manifest();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>sweep ")
            .append(esc(spec.name())).append("</title>\n<style>")
            .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
            .append("table{border-collapse:collapse;margin:1em 0;font-size:14px}td,th{border:1px solid #bbb;padding:3px 8px}")
            .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eee}")
            .append("figure{margin:2em 0}img{max-width:100%;border:1px solid #ddd}pre{background:#f6f6f6;padding:1em;")
            .append("overflow-x:auto}figcaption{color:#555}p.summary{font-size:17px;line-height:1.5}")
            .append("summary{cursor:pointer;color:#036}</style></head>\n<body>\n");
        b.append("<h1>Sweep '").append(esc(spec.name())).append("'</h1>\n");
        if (spec.description() != null) {
            b.append("<p class=\"description\">").append(esc(spec.description())).append("</p>\n");
        }
        b.append("<p class=\"summary\" id=\"summary\">").append(esc(summary(probabilities, rc, spec.threshold().method())))
            .append("</p>\n");
        b.append("<ul><li><a href=\"#headline\">R_c figures</a></li><li><a href=\"#figures\">Figures</a></li>")
            .append("<li><a href=\"#rc\">R_c table</a></li><li><a href=\"#outcomes\">Outcome counts</a></li>")
            .append("<li><a href=\"#run\">Run and tables</a></li><li><a href=\"#spec\">Spec</a></li></ul>\n");
        figures(b, out);
        rcTable(b, rc, spec.threshold().method());
        outcomes(b, probabilities);
        b.append("<h2 id=\"run\">Run and tables</h2>\n<p>").append(esc(SweepRunner.describeGrid(spec))).append(": ")
            .append(String.format(Locale.ROOT, "%,d", spec.points().size())).append(" trajectories planned");
        if (m != null) {
            b.append(String.format(Locale.ROOT, "; %,d rows, %s. Engine %s, started %s, last updated %s.", m.trajectories(),
                m.completed() ? "complete" : "<b>incomplete</b>", esc(m.engineVersion()), esc(m.created()), esc(m.updated())));
        }
        b.append("</p>\n").append(runTimes(out));
        b.append("<p>Tables: ");
        for (String link : new String[] {SweepOutput.TRAJECTORIES + "/", SweepOutput.PROBABILITIES + "/", SweepOutput.RC + "/",
            SweepOutput.SUMMARY, SweepOutput.SPEC, SweepOutput.MANIFEST, RunLog.FILE}) {
            b.append("<a href=\"").append(link).append("\">").append(link).append("</a> ");
        }
        b.append("(Parquet folders: <code>sweep show</code>, or pandas, polars, DuckDB as in docs/python.md).</p>\n");
        b.append("<h2 id=\"spec\">Spec (resolved)</h2>\n<pre>").append(esc(spec.toYaml())).append("</pre>\n");
        b.append("<script>document.body.dataset.figures=[...document.images].filter(i=>i.complete&&i.naturalWidth>0)")
            .append(".length;</script>\n</body></html>\n");
        return b.toString();
    }

    /**
     * Two sentences that say what was run and what came out: the runs, setups, dimensions and radii; then R_c at the
     * level nearest 1/2 by the spec's {@code method} for each setup (variant) at its smallest and largest d, or, without
     * R_c (one radius), the range of P(collapse) and where its ends are.
     */
    static String summary(List<Probability> probabilities, List<RcRow> rc, String method) {
        if (probabilities.isEmpty()) {
            return "No results yet.";
        }
        List<String> setups = probabilities.stream().map(Probability::setup).distinct().toList();
        long variants = probabilities.stream().map(Probability::series).distinct().count();
        List<Long> dims = probabilities.stream().map(Probability::d).distinct().sorted().toList();
        DoubleSummaryStatistics radii = probabilities.stream().mapToDouble(Probability::R).summaryStatistics();
        String first = String.format(Locale.ROOT, "%,d runs of %d setup%s (%s%s) at d = %s, w* = %s, R %s.",
            probabilities.stream().mapToLong(Probability::n).sum(), setups.size(), setups.size() == 1 ? "" : "s",
            setups.size() <= 6 ? String.join(", ", setups) : String.join(", ", setups.subList(0, 5)) + ", ...",
            variants > setups.size() ? "; " + variants + " variants over their swept keys" : "",
            dims.size() <= 4 ? String.join(", ", dims.stream().map(Labels::dimension).toList())
                : Labels.dimension(dims.get(0)) + " to " + Labels.dimension(dims.get(dims.size() - 1)),
            String.join(", ", probabilities.stream().map(p -> SweepPlots.label(p.wStar())).distinct().toList()),
            radii.getMin() == radii.getMax() ? "= " + SweepPlots.label(radii.getMin())
                : "from " + SweepPlots.label(radii.getMin()) + " to " + SweepPlots.label(radii.getMax()));
        List<RcRow> chosen = rc.stream().filter(r -> r.method().equalsIgnoreCase(method)).toList();
        if (chosen.isEmpty() || radii.getMin() == radii.getMax()) { // one radius: every R_c censored there
            Probability low = probabilities.stream().min(java.util.Comparator.comparingDouble(Probability::pCollapse)).get();
            Probability high = probabilities.stream().max(java.util.Comparator.comparingDouble(Probability::pCollapse)).get();
            return first + String.format(Locale.ROOT, " P(collapse) ranges from %.2f (%s) to %.2f (%s).", low.pCollapse(),
                where(low), high.pCollapse(), where(high));
        }
        double level = chosen.stream().mapToDouble(RcRow::level).boxed()
            .min(java.util.Comparator.comparingDouble(l -> Math.abs(l - 0.5))).get();
        Map<String, List<RcRow>> bySeries = new LinkedHashMap<>();
        chosen.stream().filter(r -> r.level() == level).sorted(java.util.Comparator.comparingLong(RcRow::d))
            .forEach(r -> bySeries.computeIfAbsent(r.series(), k -> new java.util.ArrayList<>()).add(r));
        List<String> parts = new java.util.ArrayList<>();
        bySeries.forEach((s, rows) -> {
            RcRow a = rows.get(0);
            RcRow z = rows.get(rows.size() - 1);
            parts.add(s + " " + a.shownValue(SweepPlots::label) + (rows.size() == 1 ? "" : " at d = "
                + Labels.dimension(a.d()) + ", " + z.shownValue(SweepPlots::label) + " at d = " + Labels.dimension(z.d())));
        });
        return first + String.format(Locale.ROOT, " R_c, where P(collapse) reaches %s (%s fit): %s.",
            SweepPlots.label(level), method, parts.size() <= 6 ? String.join("; ", parts)
                : String.join("; ", parts.subList(0, 6)) + "; ... (table below)");
    }

    /** Where a probability was measured, for the summary: its series, R, d and w*. */
    private static String where(Probability p) {
        return p.series() + ", R = " + SweepPlots.label(p.R()) + ", d = " + Labels.dimension(p.d());
    }

    /** The computing time of each run from the run log: trajectories computed, wall and core seconds. */
    private static String runTimes(SweepOutput out) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> e : RunLog.read(out)) {
            if ("computed".equals(e.get("event"))) {
                b.append(String.format(Locale.ROOT, "<li>%s: %,d trajectories computed in %.1f s on %s cores (%.1f core-seconds)</li>",
                    esc(String.valueOf(e.get("time"))), ((Number) e.get("computed")).longValue(),
                    ((Number) e.get("computeSeconds")).doubleValue(), e.get("cores"),
                    ((Number) e.get("coreSeconds")).doubleValue()));
            } else if ("aggregated".equals(e.get("event"))) {
                b.append(String.format(Locale.ROOT, "<li>%s: run finished, %.1f s from start to aggregated tables and figures</li>",
                    esc(String.valueOf(e.get("time"))), ((Number) e.get("wallSeconds")).doubleValue()));
            }
        }
        return b.isEmpty() ? "" : "<p>Runs:</p><ul>" + b + "</ul>\n";
    }

    private static void rcTable(StringBuilder b, List<RcRow> rc, String method) {
        b.append("<h2 id=\"rc\">Critical radius R_c</h2>\n<p>R_c is the radius where P(collapse) reaches the level;")
            .append(" the spec's method (").append(esc(method)).append(") first. Intervals: bootstrap over seeds widened to")
            .append(" the profile likelihood (logistic) or the monotone (isotonic) bracket.</p>\n");
        String close = folded(b, rc.size(), "estimates");
        b.append("<table id=\"rc-table\"><tr><th>setup</th><th>d</th><th>w*</th><th>level</th><th>method</th><th>R_c</th>")
            .append("<th>interval</th><th>runs</th><th>max P</th><th>unresolved</th></tr>\n");
        List<RcRow> ordered = rc.stream().sorted(java.util.Comparator.comparing((RcRow r) -> !r.method().equalsIgnoreCase(method)))
            .toList();
        for (RcRow r : ordered) {
            b.append("<tr><td>").append(esc(r.setup())).append("</td><td class=n>").append(Labels.dimension(r.d())).append("</td><td class=n>")
                .append(SweepPlots.label(r.wStar())).append("</td><td class=n>").append(SweepPlots.label(r.level()))
                .append("</td><td>").append(esc(r.method())).append("</td><td class=n>").append(esc(r.shownValue())).append("</td><td>")
                .append(esc(r.shownInterval())).append("</td><td class=n>").append(r.trajectories()).append("</td><td class=n>")
                .append(String.format(Locale.ROOT, "%.3f", r.maxProbability())).append("</td><td class=n>")
                .append(String.format(Locale.ROOT, "%.1f%%", 100 * r.unresolvedFraction())).append("</td></tr>\n");
        }
        b.append("</table>\n").append(close);
    }

    /** Tables up to this many rows are shown open; longer ones are folded (a click opens them). */
    public static final int OPEN_ROWS = 20;

    /** Opens a {@code <details>} around a table of {@code rows} rows when it is long; returns what closes it. */
    private static String folded(StringBuilder b, int rows, String what) {
        if (rows <= OPEN_ROWS) {
            return "";
        }
        b.append("<details><summary>").append(rows).append(' ').append(what).append(" (click to show)</summary>\n");
        return "</details>\n";
    }

    /**
     * Every PNG under plots/, embedded (the SVG beside it linked, for papers): the R_c figures ({@code rc-vs-*}) under
     * "R_c figures", the rest under "Figures".
     */
    private static void figures(StringBuilder b, SweepOutput out) {
        b.append("<h2 id=\"headline\">R_c figures</h2>\n");
        if (!out.isLocal()) {
            b.append("<p>Figures are in <a href=\"plots/\">plots/</a>.</p>\n<h2 id=\"figures\">Figures</h2>\n");
            return;
        }
        Path folder = Path.of(out.path(SweepOutput.PLOTS).toUri());
        List<Path> pngs = List.of();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                pngs = files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted(Report::figureOrder).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the figures in " + folder, e);
            }
        }
        List<Path> headline = pngs.stream().filter(p -> rank(p) == 0).toList();
        if (headline.isEmpty()) {
            b.append("<p>(none: R_c needs several radii)</p>\n");
        }
        headline.forEach(png -> figure(b, png));
        b.append("<h2 id=\"figures\">Figures</h2>\n");
        if (pngs.isEmpty()) {
            b.append("<p>(no figures)</p>\n");
        }
        pngs.stream().filter(p -> rank(p) > 0).forEach(png -> figure(b, png));
    }

    private static void figure(StringBuilder b, Path png) {
        String name = png.getFileName().toString();
        String base = name.substring(0, name.length() - 4);
        try {
            b.append("<figure id=\"fig-").append(esc(base)).append("\"><img alt=\"").append(esc(base))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(Files.readAllBytes(png)))
                .append("\"><figcaption>").append(esc(base)).append(" (<a href=\"plots/").append(esc(name))
                .append("\">PNG</a>, <a href=\"plots/").append(esc(base)).append(".svg\">SVG</a>)</figcaption></figure>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the figure " + png, e);
        }
    }

    /** R_c figures first, then comparisons, then per setup (probability, outcomes, R_c), then the rest. */
    private static int figureOrder(Path a, Path b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("rc-vs-") ? 0 : n.startsWith("compare-") ? 1 : n.contains("-map-") ? 3 : 2;
    }

    /** Outcome counts per setup, d and wStar (rows) and R (columns): "collapsed / runs" and the classes. */
    private static void outcomes(StringBuilder b, List<Probability> probabilities) {
        b.append("<h2 id=\"outcomes\">Outcome counts</h2>\n<p>Per radius: runs, then each outcome class that occurs")
            .append(" (THEORY.md §5); the <code>-outcomes</code> figures show the same as shares.</p>\n");
        Map<String, TreeMap<Double, long[]>> rows = new LinkedHashMap<>();
        int classes = Outcome.values().length;
        for (Probability p : probabilities) {
            long[] c = rows.computeIfAbsent(p.series() + ", d = " + Labels.dimension(p.d()) + ", w* = " + SweepPlots.label(p.wStar()),
                k -> new TreeMap<>()).computeIfAbsent(p.R(), k -> new long[classes + 1]);
            c[classes] += p.n();
            for (Outcome o : Outcome.values()) {
                c[o.ordinal()] += p.count(o);
            }
        }
        String close = folded(b, rows.values().stream().mapToInt(Map::size).sum(), "rows (setup, d, w*, R)");
        b.append("<table id=\"outcome-table\"><tr><th>setup, d, w*</th><th>R</th><th>runs</th>");
        List<Outcome> present = java.util.Arrays.stream(Outcome.values())
            .filter(o -> probabilities.stream().anyMatch(p -> p.count(o) > 0)).toList();
        present.forEach(o -> b.append("<th>").append(OutcomeColours.label(o)).append("</th>"));
        b.append("</tr>\n");
        rows.forEach((label, byR) -> byR.forEach((R, c) -> {
            b.append("<tr><td>").append(esc(label)).append("</td><td class=n>").append(SweepPlots.label(R))
                .append("</td><td class=n>").append(c[classes]).append("</td>");
            present.forEach(o -> b.append("<td class=n>").append(c[o.ordinal()]).append("</td>"));
            b.append("</tr>\n");
        }));
        b.append("</table>\n").append(close);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
