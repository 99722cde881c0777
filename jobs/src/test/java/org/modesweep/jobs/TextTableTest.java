package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void numbersAtFourSignificantDigits() {
        assertEquals("0.6667", TextTable.cell(2.0 / 3));
        assertEquals("2.25", TextTable.cell(2.25));
        assertEquals("1000", TextTable.cell(1000.0));
        assertEquals("1.235e+07", TextTable.cell(12_345_678.0));
        assertEquals("-7993597301351677032", TextTable.cell(-7993597301351677032L));
        assertEquals("-", TextTable.cell(null));
        assertEquals("NaN", TextTable.cell(Double.NaN));
        assertEquals(TextTable.MAX_CELL, TextTable.cell("x".repeat(100)).length());
    }

    @Test
    void columnsThatDoNotFitAreNamed() {
        List<String> names = List.of("setup", "R", "dynamics");
        List<List<Object>> rows = List.of(Arrays.asList("fixed-flow", 2.5, "flow(tMax=400, rtol=1e-8, ...)"));
        String narrow = TextTable.render(names, rows, 20);
        assertTrue(narrow.lines().allMatch(l -> l.length() <= 20 || l.startsWith("(")), narrow);
        assertTrue(narrow.contains("(1 more column not shown: dynamics"), narrow);
        String wide = TextTable.render(names, rows, 200);
        assertEquals(2, wide.lines().count(), wide);
        assertTrue(wide.lines().toList().get(1).startsWith("fixed-flow  2.5  flow("), wide);
    }
}
