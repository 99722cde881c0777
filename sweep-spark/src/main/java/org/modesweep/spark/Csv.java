package org.modesweep.spark;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;

/** Rows of a Spark table as RFC 4180 CSV (commons-csv): a header of column names, nulls as empty fields. */
public final class Csv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private Csv() {
    }

    /** Writes the header and every row to {@code out}; returns the number of rows. */
    public static long write(Appendable out, String[] columns, Iterator<Row> rows) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT.builder().setHeader(columns).get());
        long n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int i = 0; i < r.length(); i++) {
                printer.print(r.isNullAt(i) ? null : String.valueOf(r.get(i)));
            }
            printer.println();
            n++;
        }
        printer.flush();
        return n;
    }

    /** {@link #write} into a string (small tables such as {@code summary.csv}). */
    static String table(String[] columns, Iterator<Row> rows) {
        StringWriter w = new StringWriter();
        try {
            write(w, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }
}
