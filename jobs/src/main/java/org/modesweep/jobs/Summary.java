package org.modesweep.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.modesweep.core.Dynamics;
import org.modesweep.core.Overlaps;
import org.modesweep.core.Trajectory;

/** The outcome record of one trajectory, as a text line or a JSON object. */
final class Summary {
    private Summary() {
    }

    static Map<String, Object> fields(Trajectory t, Dynamics dynamics, long seed) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("outcome", t.outcome().name());
        f.put("mode", t.classification().mode());
        f.put("converged", t.converged());
        f.put("tFinal", t.tFinal());
        // NaN without overlaps (realnvp), as this line has always read
        f.put("plateauTime", t.overlaps().map(Overlaps::plateauTime).orElse(Double.NaN));
        f.put(dynamics.costName(), t.cost());
        f.put("kl", t.kl());
        t.sideMasses().ifPresent(m -> {
            f.put("massPlus", m.massPlus());
            f.put("meanProj", m.meanProj());
        });
        f.put("seed", seed);
        f.put("error", t.error());
        return f;
    }

    static String text(Trajectory t, Dynamics dynamics, long seed) {
        StringBuilder line = new StringBuilder();
        fields(t, dynamics, seed).forEach((k, v) -> {
            if (v != null) {
                line.append(line.isEmpty() ? "" : " ").append(k).append('=').append(v);
            }
        });
        return line.toString();
    }

    static String json(Trajectory t, Dynamics dynamics, long seed) {
        StringBuilder json = new StringBuilder("{");
        fields(t, dynamics, seed).forEach((k, v) -> {
            json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ");
            if (v == null) {
                json.append("null");
            } else if (v instanceof String s) {
                json.append('"').append(escape(s)).append('"');
            } else if (v instanceof Double x && !Double.isFinite(x)) {
                json.append("null");
            } else {
                json.append(v);
            }
        });
        return json.append('}').toString();
    }

    private static String escape(String s) {
        StringBuilder e = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> e.append("\\\"");
                case '\\' -> e.append("\\\\");
                case '\n' -> e.append("\\n");
                default -> e.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return e.toString();
    }
}
