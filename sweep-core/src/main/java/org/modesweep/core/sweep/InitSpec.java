package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modesweep.core.InitialCondition;

/**
 * The {@code init} block of a setup: {@code sphere} (optional {@code r0}), {@code gaussian}
 * ({@code sigma0}) or {@code explicit} (optional {@code r0}; the cosines come from the grid's
 * {@code m1}, {@code m2}, {@code s} axes).
 */
public record InitSpec(String type, Double r0, Double sigma0) implements Serializable {

    public boolean explicit() {
        return "explicit".equals(type);
    }

    /** The core initial condition; {@code start} is used (and required) for explicit starts only. */
    public InitialCondition build(StartCosines start) {
        return switch (type) {
            case "sphere" -> new InitialCondition.Sphere(r0);
            case "gaussian" -> new InitialCondition.Gaussian(sigma0);
            case "explicit" -> {
                if (start == null) {
                    throw new IllegalArgumentException("an explicit start needs the grid's m1, m2, s axes");
                }
                yield new InitialCondition.Explicit(start.m1(), start.m2(), start.s(), r0);
            }
            default -> throw new IllegalArgumentException("unknown init type '" + type + "'");
        };
    }

    /** The block as the resolved {@code spec.yaml} writes it. */
    Map<String, Object> toYaml() {
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("type", type);
        if (r0 != null) {
            init.put("r0", r0);
        }
        if (sigma0 != null) {
            init.put("sigma0", sigma0);
        }
        return init;
    }

    String canonical() {
        StringBuilder b = new StringBuilder(type).append('(');
        if (r0 != null) {
            b.append("r0=").append(Canonical.num(r0));
        }
        if (sigma0 != null) {
            b.append("sigma0=").append(Canonical.num(sigma0));
        }
        return b.append(')').toString();
    }
}
