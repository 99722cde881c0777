package org.modesweep.core.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import org.modesweep.core.anneal.Anneal;

/** The {@code anneal} block of either family's dynamics, in the resolved spec and in hashes. */
final class AnnealKeys {
    private AnnealKeys() {
    }

    /** Adds the block only when annealed (as written: no key, no annealing). */
    static void putYaml(Map<String, Object> dyn, Anneal anneal) {
        if (anneal.annealed()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("schedule", anneal.schedule().label());
            a.put("beta0", anneal.beta0());
            a.put("tau", anneal.tau());
            dyn.put("anneal", a);
        }
    }

    static String canonical(Anneal anneal) {
        return !anneal.annealed() ? "" : ",anneal=" + anneal.schedule().label() + "(beta0="
            + Canonical.num(anneal.beta0()) + ",tau=" + Canonical.num(anneal.tau()) + ")";
    }
}
