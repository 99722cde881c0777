package org.modesweep.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.modesweep.core.Trajectory;

/** The outcome record of one trajectory, as a text line or a JSON object. */
final class Summary {
    private Summary() {
    }

    static Map<String, Object> fields(Trajectory t, long seed, String dynamicsType) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("outcome", t.outcome().name());
        f.put("mode", t.classification().mode());
        f.put("converged", t.run().converged());
        f.put("tFinal", t.run().tFinal());
        f.put("plateauTime", t.run().plateauTime());
        f.put("flow".equals(dynamicsType) ? "rhsEvals" : "steps", t.run().cost());
        f.put("kl", t.kl());
        if (t.flow() != null) {
            f.put("massPlus", t.flow().end().massPlus());
            f.put("meanProj", t.flow().end().meanProj());
        }
        f.put("seed", seed);
        f.put("error", t.run().error());
        return f;
    }

    static String text(Trajectory t, long seed, String dynamicsType) {
        StringBuilder line = new StringBuilder();
        fields(t, seed, dynamicsType).forEach((k, v) -> {
            if (v != null) {
                line.append(line.isEmpty() ? "" : " ").append(k).append('=').append(v);
            }
        });
        return line.toString();
    }

    static String json(Trajectory t, long seed, String dynamicsType) {
        StringBuilder json = new StringBuilder("{");
        fields(t, seed, dynamicsType).forEach((k, v) -> {
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
