package org.modesweep.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.modesweep.core.sweep.SweepSpec;
import org.yaml.snakeyaml.Yaml;

/**
 * Whether a spec may run on an output that holds the rows of another spec: only if it keeps every
 * existing point as it was and at most adds points. Point ids and seeds derive from a point's
 * coordinates, its setup and the sweep seed, so added radii, dimensions, {@code wStar} values,
 * explicit starts, grid seeds and setups leave existing rows valid; a changed sweep seed,
 * classification, recording, adaptive refinement or setup definition does not. Compared on the
 * resolved specs' YAML, so the refusal names the key as the user writes it, with both values.
 */
final class SpecChange {
    /** Keys that change only how rows are run or summarised, never which rows exist or what they hold. */
    private static final Set<String> FREE = Set.of("name", "output", "maxTrajectories", "confirm", "spark", "figures");
    /** The adaptive {@code threshold} keys: they decide the refined points; the others only aggregate. */
    private static final Set<String> ADAPTIVE = Set.of("targetWidth", "budget", "maxRounds", "radiiPerRound");

    private SpecChange() {
    }

    /**
     * @throws IllegalArgumentException naming the first key that changes existing points, with both values
     */
    static void requireExtension(SweepSpec old, SweepSpec now, String output) {
        String change = firstChange(yaml(old), yaml(now));
        if (change != null) {
            throw new IllegalArgumentException("the spec changes " + change + " of the sweep in " + output
                + ": existing rows would no longer match it. Only added points (R, d, wStar values, seeds, setups)"
                + " extend an output; use another --output for this spec");
        }
    }

    static String firstChange(Map<String, Object> old, Map<String, Object> now) {
        for (String key : union(old, now)) {
            if (FREE.contains(key)) {
                continue;
            }
            Object a = old.get(key);
            Object b = now.get(key);
            String c = switch (key) {
                case "grid" -> grid(map(a), map(b));
                case "setups" -> setups(list(a), list(b), map(old.get("grid")), map(now.get("grid")));
                case "threshold" -> threshold(map(a), map(b));
                default -> same(key, a, b);
            };
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static String grid(Map<String, Object> a, Map<String, Object> b) {
        for (String key : union(a, b)) {
            String c = key.equals("seeds") ? atLeast("grid.seeds", a.get(key), b.get(key))
                : a.get(key) instanceof List<?> || b.get(key) instanceof List<?> ? superset("grid." + key, a.get(key), b.get(key))
                : same("grid." + key, a.get(key), b.get(key));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static String setups(List<Object> a, List<Object> b, Map<String, Object> gridA, Map<String, Object> gridB) {
        Map<String, Map<String, Object>> now = new LinkedHashMap<>();
        b.forEach(s -> now.put(String.valueOf(map(s).get("name")), map(s)));
        for (Object o : a) {
            Map<String, Object> old = map(o);
            String name = String.valueOf(old.get("name"));
            Map<String, Object> s = now.get(name);
            if (s == null) {
                return "setups: setup '" + name + "' is no longer there (its rows are in the output)";
            }
            for (String key : union(old, s)) {
                String where = "setups[" + name + "]." + key;
                String c = key.equals("d") ? superset(where, old.getOrDefault("d", gridA.get("d")), s.getOrDefault("d", gridB.get("d")))
                    : key.equals("seeds") && !Objects.equals(old.get(key), s.get(key))
                        ? where + " from " + show(old.get(key)) + " to " + show(s.get(key))
                        + " (a setup's own seed count is part of its point ids; raise grid.seeds instead)"
                    : old.get(key) instanceof Map<?, ?> || s.get(key) instanceof Map<?, ?> ? axes(where, old.get(key), s.get(key))
                    : old.get(key) instanceof List<?> || s.get(key) instanceof List<?> ? superset(where, old.get(key), s.get(key))
                    : same(where, old.get(key), s.get(key));
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    private static String threshold(Map<String, Object> a, Map<String, Object> b) {
        for (String key : ADAPTIVE) {
            String c = same("threshold." + key, a.get(key), b.get(key));
            if (c != null) {
                return c + " (adaptive refinement: it decides which refined points exist)";
            }
        }
        return null;
    }

    /** Inside a setup block ({@code dynamics}, {@code init}): a swept key may gain values, others must stay. */
    private static String axes(String where, Object a, Object b) {
        for (String key : union(map(a), map(b))) {
            Object x = map(a).get(key);
            Object y = map(b).get(key);
            String c = x instanceof List<?> || y instanceof List<?> ? superset(where + "." + key, x, y) : same(where + "." + key, x, y);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** The first difference, descending into maps so that the innermost key is named. */
    private static String same(String where, Object a, Object b) {
        if (a instanceof Map<?, ?> && b instanceof Map<?, ?>) {
            for (String key : union(map(a), map(b))) {
                String c = same(where + "." + key, map(a).get(key), map(b).get(key));
                if (c != null) {
                    return c;
                }
            }
            return null;
        }
        return Objects.equals(a, b) ? null : where + " from " + show(a) + " to " + show(b);
    }

    private static String atLeast(String where, Object a, Object b) {
        return a instanceof Number x && b instanceof Number y && y.doubleValue() >= x.doubleValue() ? null
            : where + " from " + show(a) + " to " + show(b) + " (only more may be added)";
    }

    /** A list may only gain values (a scalar counts as a list of one). */
    private static String superset(String where, Object a, Object b) {
        List<Object> old = asList(a);
        List<Object> now = asList(b);
        List<Object> gone = new ArrayList<>();
        for (Object x : old) {
            if (now.stream().noneMatch(y -> numericEquals(x, y))) {
                gone.add(x);
            }
        }
        return gone.isEmpty() ? null : where + " from " + show(a) + " to " + show(b) + " (drops " + show(gone)
            + ", whose rows are in the output)";
    }

    private static boolean numericEquals(Object x, Object y) {
        if (x instanceof Number p && y instanceof Number q) {
            return Double.compare(p.doubleValue(), q.doubleValue()) == 0;
        }
        return Objects.equals(x, y);
    }

    private static List<Object> asList(Object o) {
        if (o == null) {
            return List.of();
        }
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of(o);
    }

    private static String show(Object o) {
        return o == null ? "(absent)" : o instanceof String s ? "'" + s + "'" : String.valueOf(o);
    }

    private static Set<String> union(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static Map<String, Object> yaml(SweepSpec spec) {
        return new Yaml().load(spec.toYaml());
    }
}
