package org.modesweep.core.sweep;

import java.io.Serializable;

/**
 * An explicit start of a phase-portrait grid: the cosines {@code μk·μ* / (r0 R)} ({@code m1},
 * {@code m2}) and {@code μ1·μ2/r0²} ({@code s}) of THEORY.md §3.
 */
public record StartCosines(double m1, double m2, double s) implements Serializable {
}
