/**
 * Annealing schedules (THEORY.md §9): a leaf value every dynamics family (the reduced ones in {@code core}, RealNVP in
 * {@code core.realnvp}) reads, so the families need not depend on each other.
 */
package org.modesweep.core.anneal;
