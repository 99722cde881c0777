package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.modesweep.core.Dynamics;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.anneal.Anneal;

/**
 * The {@code dynamics} block of a setup, resolved with its defaults: one family's block,
 * {@link ReducedDynamicsSpec} ({@code flow}, {@code gd}, {@code sgd}) or {@link RealNvpDynamicsSpec}, each holding
 * its built core dynamics.
 */
public sealed interface DynamicsSpec extends Serializable permits ReducedDynamicsSpec, RealNvpDynamicsSpec {

    double DEFAULT_RTOL = 1e-9;
    double DEFAULT_TOL = 1e-8;

    /** {@code flow}, {@code gd}, {@code sgd} or {@code realnvp}. */
    String type();

    /** Training length: time, or realnvp's steps. */
    double tMax();

    /** The schedule, {@link Anneal#NONE} without the key. */
    Anneal anneal();

    Dynamics build();

    /** The realnvp dynamics of a realnvp block (for commands that draw a flow), empty for the reduced family. */
    Optional<RealNvpDynamics> realnvp();

    /** e.g. {@code sgd (η = 0.05, B = 1000, tMax = 200)}, numbers written by {@code num}. */
    String caption(DoubleFunction<String> num);

    /** The block as the resolved {@code spec.yaml} writes it, every default filled in. */
    Map<String, Object> toYaml();

    /**
     * Bit-exact text of every parameter, for hashes; the schedule only when annealed, so specs without the key
     * keep their point ids and hashes.
     */
    String canonical();
}
