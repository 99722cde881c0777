package org.modesweep.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a sweep output: which spec (by hash) the rows belong to, how many points
 * the grid has, and whether the sweep is complete (every point has its row and the aggregates are
 * up to date).
 */
public record Manifest(String format, String name, String specHash, long points, List<String> setups,
                       boolean completed, long trajectories, String engineVersion, String sparkVersion,
                       String created, String updated, Map<String, Object> aggregation) {

    public static final String FORMAT = "modesweep-sweep-v1";

    public Manifest withProgress(boolean nowCompleted, long rows, String now) {
        return new Manifest(format, name, specHash, points, setups, nowCompleted, rows, engineVersion, sparkVersion,
            created, now, aggregation);
    }

    public Manifest withAggregation(Map<String, Object> settings, String now) {
        return new Manifest(format, name, specHash, points, setups, completed, trajectories, engineVersion,
            sparkVersion, created, now, settings);
    }

    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format);
        m.put("name", name);
        m.put("specHash", specHash);
        m.put("points", points);
        m.put("setups", setups);
        m.put("completed", completed);
        m.put("trajectories", trajectories);
        m.put("engineVersion", engineVersion);
        m.put("sparkVersion", sparkVersion);
        m.put("created", created);
        m.put("updated", updated);
        m.put("aggregation", aggregation == null ? Map.of() : aggregation);
        return Json.write(m);
    }

    @SuppressWarnings("unchecked")
    static Manifest fromJson(String json) {
        Object parsed = Json.parse(json);
        if (!(parsed instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException("manifest is not a JSON object");
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        return new Manifest(str(m, "format"), str(m, "name"), str(m, "specHash"), num(m, "points"),
            (List<String>) m.getOrDefault("setups", List.of()), Boolean.TRUE.equals(m.get("completed")),
            num(m, "trajectories"), str(m, "engineVersion"), str(m, "sparkVersion"), str(m, "created"),
            str(m, "updated"), (Map<String, Object>) m.getOrDefault("aggregation", Map.of()));
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static long num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
