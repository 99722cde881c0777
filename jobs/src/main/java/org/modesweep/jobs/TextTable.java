package org.modesweep.jobs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows printed for a terminal: numbers to 4 significant digits (integers in full), long text cut
 * with an ellipsis, and only as many columns as fit the width; the rest are named underneath.
 */
final class TextTable {
    /** The longest text cell before it is cut. */
    static final int MAX_CELL = 40;

    private TextTable() {
    }

    /** The terminal width from {@code COLUMNS} (jobs/bin/sweep exports it), else 120. */
    static int terminalWidth() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null || c.isBlank() ? 120 : Math.max(40, Integer.parseInt(c.trim()));
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    /** A value as a cell: doubles to 4 significant digits (plain between 1e-4 and 1e7), null as "-". */
    static String cell(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (!Double.isFinite(x)) {
                return Double.isNaN(x) ? "NaN" : x > 0 ? "inf" : "-inf";
            }
            if (x == 0) {
                return "0";
            }
            double a = Math.abs(x);
            if (a >= 1e-4 && a < 1e7) {
                return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
            }
            return String.format(Locale.ROOT, "%.3e", x);
        }
        if (v instanceof java.math.BigDecimal b) {
            return cell(b.doubleValue());
        }
        String s = v.toString();
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }

    /** The table: a header, then one line per row; numbers right-aligned, text left-aligned. */
    static String render(List<String> names, List<List<Object>> rows, int width) {
        int n = names.size();
        int[] w = new int[n];
        boolean[] numeric = new boolean[n];
        List<String[]> cells = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            w[c] = names.get(c).length();
            numeric[c] = true;
        }
        for (List<Object> row : rows) {
            String[] line = new String[n];
            for (int c = 0; c < n; c++) {
                Object v = row.get(c);
                line[c] = cell(v);
                w[c] = Math.max(w[c], line[c].length());
                numeric[c] &= v == null || v instanceof Number;
            }
            cells.add(line);
        }
        int shown = 0;
        for (int used = 0; shown < n && (shown == 0 || used + 2 + w[shown] <= width); shown++) {
            used += (shown == 0 ? 0 : 2) + w[shown];
        }
        StringBuilder b = new StringBuilder();
        line(b, names.toArray(String[]::new), w, numeric, shown);
        for (String[] line : cells) {
            line(b, line, w, numeric, shown);
        }
        if (shown < n) {
            b.append(String.format(Locale.ROOT, "(%d more column%s not shown: %s; use --columns or --vertical)%n",
                n - shown, n - shown == 1 ? "" : "s", String.join(", ", names.subList(shown, n))));
        }
        return b.toString();
    }

    /** One line per column and a blank line between rows, for wide rows. */
    static String vertical(List<String> names, List<List<Object>> rows) {
        int w = names.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            b.append(String.format(Locale.ROOT, "-- row %d%n", r + 1));
            for (int c = 0; c < names.size(); c++) {
                b.append(String.format(Locale.ROOT, "%-" + w + "s  %s%n", names.get(c), cell(rows.get(r).get(c))));
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String[] values, int[] w, boolean[] numeric, int shown) {
        for (int c = 0; c < shown; c++) {
            if (c > 0) {
                b.append("  ");
            }
            String v = values[c];
            String pad = " ".repeat(w[c] - v.length());
            b.append(numeric[c] ? pad + v : c == shown - 1 ? v : v + pad);
        }
        b.append('\n');
    }
}
