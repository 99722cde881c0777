package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.spark.Report;

/** report.html holds every figure of plots/ inline and one table row per R_c estimate (browser check: ReportInChromiumTest). */
class ReportTest {
    @TempDir
    Path dir;

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void embedsEveryFigureAndTheRcTable() throws Exception {
        ReportFixture f = new ReportFixture(dir.resolve("out"));
        String html = Files.readString(f.report());
        long pngs;
        try (var files = Files.list(dir.resolve("out/plots"))) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).count();
        }
        assertEquals(f.plots.size(), pngs);
        assertEquals(pngs, count(html, "<img [^>]*src=\"data:image/png;base64,"));
        String table = html.substring(html.indexOf("<table id=\"rc-table\">"), html.indexOf("</table>", html.indexOf("rc-table")));
        assertEquals(f.rc.size() + 1, count(table, "<tr>"));
        assertTrue(html.contains("<table id=\"outcome-table\">"));
        assertTrue(html.contains("href=\"summary.csv\""));
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "nothing fetched from the network");
    }

    @Test
    void theHeadlineComesFirstThenTheOtherFiguresThenTheTables() throws Exception {
        ReportFixture f = new ReportFixture(dir.resolve("out"));
        String html = Files.readString(f.report());
        int summary = html.indexOf("<p class=\"summary\"");
        int headline = html.indexOf("<figure id=\"fig-rc-vs-d-level-");
        int other = html.indexOf("<figure id=\"fig-compare-probability");
        int rcTable = html.indexOf("<table id=\"rc-table\">");
        int outcomes = html.indexOf("<table id=\"outcome-table\">");
        int run = html.indexOf("<h2 id=\"run\">");
        assertTrue(summary > 0 && summary < headline && headline < other && other < rcTable && rcTable < outcomes
            && outcomes < run, summary + " < " + headline + " < " + other + " < " + rcTable + " < " + outcomes + " < " + run);
        int figures = html.indexOf("<h2 id=\"figures\">");
        f.plots.stream().filter(b -> b.startsWith("rc-vs-")).forEach(b ->
            assertTrue(html.indexOf("<figure id=\"fig-" + b + "\"") < figures, b + " under the headline"));
        String summaryText = html.substring(summary, html.indexOf("</p>", summary));
        assertTrue(summaryText.contains("d = 10, 10³") && summaryText.contains("R_c, where P(collapse) reaches 0.5"),
            summaryText);
        // the R_c table is folded away when long, not dropped
        assertEquals(f.rc.size() > Report.OPEN_ROWS, html.substring(html.indexOf("<h2 id=\"rc\">"), rcTable)
            .contains("<details>"));
    }
}
