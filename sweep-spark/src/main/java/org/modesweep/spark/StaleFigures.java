package org.modesweep.spark;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modesweep.core.sweep.FigureSpec;

/**
 * Removes the figures of {@code plots/} that a redraw owns but did not write (a level or a d no longer in the tables,
 * a file of an old naming), so that the folder, and the report that shows every PNG in it, never mixes old figures
 * with new ones. A redraw owns the figures from the tables always, and a kind of figures of runs ({@code basins-...},
 * {@code evolution-...}) when it drew that kind; what it could not have drawn stays: figures of runs when Spark did not
 * draw them, {@code flow-density}'s pictures, anything else put there.
 */
final class StaleFigures {
    /** The names {@link SweepPlots} and {@link AxisPlots} give the figures they draw from the tables. */
    private static final Pattern OF_TABLES = Pattern.compile(
        "compare-probability(-d\\d+)?|rc-vs-.+|.+-(probability|outcomes|rc)|.+-(map|probability-by)-.+");
    private static final Pattern FIGURE = Pattern.compile("([^/]+)\\.(png|svg)");

    private StaleFigures() {
    }

    /**
     * Deletes the figure files under {@code plots/} of the families owned ({@code kinds}: the kinds of figures of runs
     * drawn) whose base name is not {@code written}; returns how many figures (base names) were removed.
     */
    static int remove(SweepOutput out, Collection<String> written, List<String> kinds) {
        Set<String> removed = new TreeSet<>();
        for (String file : out.fileNames(SweepOutput.PLOTS)) {
            Matcher m = FIGURE.matcher(file);
            if (m.matches() && !written.contains(m.group(1)) && owned(m.group(1), kinds)) {
                out.delete(SweepOutput.PLOTS + "/" + file);
                removed.add(m.group(1));
            }
        }
        return removed.size();
    }

    /**
     * Whether a redraw that drew the figures of runs of {@code kinds} owns the figure {@code base}: a name that starts
     * with a kind of figures of runs is of that kind (even where a setup is named like one), any other is owned when
     * it is one the tables give.
     */
    static boolean owned(String base, List<String> kinds) {
        return FigureSpec.FromRuns.KINDS.stream().filter(k -> base.startsWith(k + "-")).findFirst()
            .map(kinds::contains).orElseGet(() -> OF_TABLES.matcher(base).matches());
    }
}
