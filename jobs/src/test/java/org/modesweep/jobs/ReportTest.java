package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
