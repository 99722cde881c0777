package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A setup key given as a list or a {@code {from, to, step}} range instead of a number: every value is run, as its
 * own variant of the setup. {@code path} is where the key sits in the setup ({@code [dynamics, eta]}); {@code name},
 * its last part, names the column that carries the value in every table.
 */
public record Axis(List<String> path, List<Double> values) implements Serializable {

    public Axis {
        path = List.copyOf(path);
        values = List.copyOf(values);
    }

    public String name() {
        return path.get(path.size() - 1);
    }

    /** A setup's name and its values of swept keys, as labels show them: {@code sgd (eta=0.05, batch=10)}. */
    public static String label(String setup, Map<String, Double> values) {
        StringBuilder b = new StringBuilder(setup);
        String sep = " (";
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (e.getValue() != null) { // a key this setup does not have
                b.append(sep).append(e.getKey()).append('=').append(Canonical.shortNum(e.getValue()));
                sep = ", ";
            }
        }
        return sep.equals(", ") ? b.append(')').toString() : setup;
    }
}
