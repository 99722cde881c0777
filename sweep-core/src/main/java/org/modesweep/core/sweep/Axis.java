package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
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

    /**
     * A setup's name and its values of swept keys, as labels show them: {@code sgd (eta=0.05, batch=10)}; an
     * unannealed row's {@code beta0, tau} are left out ({@link #own}).
     */
    public static String label(String setup, Map<String, Double> values) {
        StringBuilder b = new StringBuilder(setup);
        String sep = " (";
        for (Map.Entry<String, Double> e : own(values).entrySet()) {
            if (e.getValue() != null) { // a key this setup does not have
                b.append(sep).append(e.getKey()).append('=').append(Canonical.shortNum(e.getValue()));
                sep = ", ";
            }
        }
        return sep.equals(", ") ? b.append(')').toString() : setup;
    }

    /**
     * A row's values of the swept keys without {@code beta0} and {@code tau} when it is not annealed: its table columns
     * hold {@code (1, 0)} then (Anneal.NONE), values the setup did not sweep, which would otherwise name its files and
     * curves ({@code fixed-none-beta0_1-tau_0}). Only an unannealed row has {@code tau = 0} (an annealed one needs
     * {@code tau > 0}).
     */
    public static Map<String, Double> own(Map<String, Double> values) {
        Double tau = values.get("tau");
        if (tau == null || tau != 0) {
            return values;
        }
        Map<String, Double> m = new LinkedHashMap<>(values);
        m.keySet().removeAll(List.of("beta0", "tau"));
        return m;
    }
}
