/**
 * Scalar helpers every other core package may use (argument checks, softplus); they depend on nothing of the
 * project, so the physics packages ({@code core}, {@code core.realnvp}) share them without depending on each other.
 */
package org.modesweep.core.math;
