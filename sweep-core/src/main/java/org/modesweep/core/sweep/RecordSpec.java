package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The {@code record} block: which trajectories also store their time series in {@code series/}.
 * A point is recorded when its setup is listed ({@code setups} empty: every setup) and its seed
 * index is below {@code seeds} (null: every seed); its state is recorded at {@code t = 0}, every
 * {@code every} time units and at the end. Part of the spec hash: it decides which series rows exist.
 */
public record RecordSpec(double every, Integer seeds, List<String> setups) implements Serializable {

    public RecordSpec {
        setups = List.copyOf(setups);
    }

    public boolean records(String setup, int seedIndex) {
        return (setups.isEmpty() || setups.contains(setup)) && (seeds == null || seedIndex < seeds);
    }

    String canonical() {
        return "every=" + Canonical.num(every) + ";seeds=" + (seeds == null ? "all" : seeds) + ";setups="
            + String.join(",", setups);
    }
}
