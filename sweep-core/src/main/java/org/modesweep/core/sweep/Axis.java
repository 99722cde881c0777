package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.List;

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
}
