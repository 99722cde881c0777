package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's manners: suggestions for misspellings, completion script. */
class MannersTest {
    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void misspelledSubcommandsAndOptionsGetSuggestions() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "shw", "data/runs/default"));
        assertTrue(err.toString().contains("Did you mean: sweep show?"), err.toString());
        assertTrue(err.toString().contains("Try 'sweep --help'."), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "show", "--hed", "3", "x"));
        assertTrue(err.toString().contains("--head"), err.toString());
        assertTrue(err.toString().contains("Try 'sweep show --help'."), err.toString());
    }

    @Test
    void completionScriptCoversSubcommandsAndOptions() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "generate-completion"));
        String script = out.toString();
        for (String word : new String[] {"plan", "report", "show", "--engine", "--dry-run", "--max-wall"}) {
            assertTrue(script.contains(word), word);
        }
    }
}
