package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html rendered by headless Chromium from the file system: every figure decodes (the page's own
 * count of loaded images) and the R_c table is in the DOM. Not in the default test run; run with
 * {@code mvn -B test -Pchromium -pl jobs -am -Dtest=ReportInChromiumTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (or jobs/bin/report-check). Fails, not skips, when Chromium is missing.
 */
@Tag("chromium")
class ReportInChromiumTest {
    @TempDir
    Path dir;

    private static String chromium() {
        String env = System.getenv("CHROMIUM");
        for (String candidate : env != null ? List.of(env) : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        fail("headless Chromium not found (looked for " + (env != null ? env : "/usr/bin/chromium, chromium-browser,"
            + " google-chrome") + "): install Debian's package with `sudo apt-get install -y chromium`, or set CHROMIUM");
        return null;
    }

    @Test
    void chromiumDecodesEveryFigureAndShowsTheTable() throws Exception {
        ReportFixture f = new ReportFixture(dir.resolve("out"));
        Path dom = dir.resolve("dom.html");
        Process p = new ProcessBuilder(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
            "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=5000", "--dump-dom",
            f.report().toUri().toString()).redirectOutput(dom.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 2 minutes");
        String html = Files.readString(dom, StandardCharsets.UTF_8);
        assertTrue(html.contains("data-figures=\"" + f.plots.size() + "\""), "figures decoded by Chromium: "
            + html.replaceAll("(?s).*(data-figures=\"\\d+\").*", "$1") + " of " + f.plots.size());
        int tableStart = html.indexOf("<table id=\"rc-table\">");
        assertTrue(tableStart >= 0, "R_c table in the DOM");
        String table = html.substring(tableStart, html.indexOf("</table>", tableStart));
        assertEquals(f.rc.size() + 1, ReportTest.count(table, "<tr>"));
    }
}
