"""The usual research script, for side-by-side throughput (issue: performance).

W1/W2: the reduced flow of docs/theory.md with scipy's solve_ivp (DOP853, rtol 1e-8, atol 1e-10),
       Gauss-Hermite expectations with numpy (64 nodes), a terminal event when max|dy/dt| < 1e-8,
       one trajectory at a time; R = 2.5, d = 1000, w* = 2/3, sphere(R) starts, tMax = 400.
W3:    full d-dimensional SGD steps with numpy (d = 1000, batch 1000 per component): the same estimator as the
       engine's sgd (path and score terms of both components' samples, the logit's path and score terms).

Prints one line per workload: name, rate, details. Run single-threaded for a per-core figure:
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 bench/baseline.py --seeds 50

With --starts DIR (written by `jobs/bin/sweep bench --starts DIR`), W1 and W2 integrate the engine's own
starts (DIR/W1.csv, DIR/W2.csv: the same seeds, drawn by the engine), classify the ends by the rules of
THEORY.md section 5, and report on how many seeds the outcome class agrees with the engine's.
bench/side-by-side does both and prints the ratios.
"""
import csv
import os
import argparse
import time

import numpy as np
from scipy.integrate import solve_ivp

R, D, W_STAR, T_MAX, TOL = 2.5, 1000, 2.0 / 3.0, 400.0, 1e-8
H_STAR = 0.5 * np.log(W_STAR / (1 - W_STAR))
X, WH = np.polynomial.hermite.hermgauss(64)
Z, WZ = np.sqrt(2.0) * X, WH / np.sqrt(np.pi)


def expect(f, m, s):
    return np.dot(WZ, f(m + s * Z))


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def softplus(x):
    return np.logaddexp(0.0, x)


def log_ratios(y):
    """(L1, L2): E_{x~N(mu_k, I)}[log q(x) - log p(x)]."""
    m1, m2, q11, q22, q12, a = y
    r2 = R * R
    s = np.sqrt(max(0.0, r2 * (q11 + q22 - 2 * q12)))
    c = -0.5 * r2 * (q11 - q22) + a
    u1, u2 = r2 * (q11 - q12), r2 * (q12 - q22)

    def log_ratio(mk, q2k, uk):
        model = r2 * (q2k - 0.5 * q22) - softplus(a) + expect(softplus, uk + c, s)
        target = -r2 * mk - 0.5 * r2 + np.log(1 - W_STAR) + expect(softplus, 2 * (r2 * mk + H_STAR), 2 * R)
        return model - target
    return log_ratio(m1, q12, u1), log_ratio(m2, q22, u2)


def rhs(t, y, trainable):
    m1, m2, q11, q22, q12, a = y
    r2 = R * R
    w1 = sigmoid(a)
    w2 = 1.0 - w1
    t1 = expect(np.tanh, r2 * m1 + H_STAR, R)
    t2 = expect(np.tanh, r2 * m2 + H_STAR, R)
    s = np.sqrt(max(0.0, r2 * (q11 + q22 - 2 * q12)))
    c = -0.5 * r2 * (q11 - q22) + a
    u1, u2 = r2 * (q11 - q12), r2 * (q12 - q22)
    rho1 = expect(sigmoid, u1 + c, s)
    rho2 = expect(sigmoid, u2 + c, s)
    dm1 = w1 * (t1 - rho1 * m1 - (1 - rho1) * m2)
    dm2 = w2 * (t2 - rho2 * m1 - (1 - rho2) * m2)
    p11 = w1 * (t1 * m1 - rho1 * q11 - (1 - rho1) * q12)
    p12 = w1 * (t1 * m2 - rho1 * q12 - (1 - rho1) * q22)
    p21 = w2 * (t2 * m1 - rho2 * q11 - (1 - rho2) * q12)
    p22 = w2 * (t2 * m2 - rho2 * q12 - (1 - rho2) * q22)
    da = 0.0
    if trainable:
        l1, l2 = log_ratios(y)
        da = -2 * w1 * w2 * (l1 - l2)
    return [dm1, dm2, 2 * p11, 2 * p22, p12 + p21, da]


def start(rng, trainable):
    g1, g2 = rng.standard_normal(D), rng.standard_normal(D)
    mu1, mu2 = R * g1 / np.linalg.norm(g1), R * g2 / np.linalg.norm(g2)
    r2 = R * R
    a = 0.0 if trainable else np.log(W_STAR / (1 - W_STAR))
    return [R * mu1[0] / r2, R * mu2[0] / r2, 1.0, 1.0, mu1 @ mu2 / r2, a]


def classify(y, converged, ok):
    """THEORY.md section 5 with the default thresholds (weightEps 1e-3, alignCos 0.5, klTol 1e-3)."""
    if not ok or not np.all(np.isfinite(y)):
        return "FAILED"
    m1, m2, a = y[0], y[1], y[5]
    w1 = sigmoid(a)
    if min(w1, 1 - w1) < 1e-3:
        return "VANISHING_WEIGHT"
    decided = converged or min(abs(m1), abs(m2)) > 0.5
    if m1 * m2 > 0 and decided:
        return "MEAN_ALIGNMENT"
    if m1 * m2 < 0 and decided:
        l1, l2 = log_ratios(y)
        return "COVERAGE" if w1 * l1 + (1 - w1) * l2 < 1e-3 else "MISWEIGHTED"
    return "UNRESOLVED"


def flow(name, trainable, seeds, given=None):
    def converged(t, y, trainable):
        return np.max(np.abs(rhs(t, y, trainable))) - TOL
    converged.terminal = True
    converged.direction = -1
    starts = [[float(row[k]) for k in ("m1", "m2", "q11", "q22", "q12", "a")] for row in given] if given \
        else [start(np.random.default_rng(seed), trainable) for seed in range(seeds)]
    evals, outcomes = [], []
    t0 = time.perf_counter()
    for y0 in starts:
        sol = solve_ivp(rhs, (0, T_MAX), y0, method="DOP853",
                        rtol=1e-8, atol=1e-10, events=converged, args=(trainable,))
        evals.append(sol.nfev)
        outcomes.append((sol.y[:, -1], sol.status == 1, sol.status >= 0))
    dt = time.perf_counter() - t0
    agreement = ""
    if given:
        same = sum(classify(*o) == row["outcome"] for o, row in zip(outcomes, given))
        agreement = f"; same outcome class as the engine on {same} of {len(given)} seeds ({100 * same / len(given):.1f}%)"
    print(f"{name} {len(starts) / dt:.2f} trajectories/s  (scipy DOP853, {'trainable' if trainable else 'fixed'} weights; "
          f"median {np.median(evals):.0f} rhs evaluations, {1e6 * dt / sum(evals):.1f} us per evaluation{agreement})")


def engine_starts(folder, name, seeds):
    with open(os.path.join(folder, name + ".csv")) as f:
        return list(csv.DictReader(f))[:seeds]


def sgd(steps, batch=1000, eta=0.05):
    rng = np.random.default_rng(1)
    mu = [R * g / np.linalg.norm(g) for g in (rng.standard_normal(D), rng.standard_normal(D))]
    star = np.zeros(D)
    star[0] = R
    a = 0.0
    t0 = time.perf_counter()
    for _ in range(steps):
        w = np.array([sigmoid(a), 1 - sigmoid(a)])
        c = -0.5 * (mu[0] @ mu[0] - mu[1] @ mu[1]) + a
        grads = [np.zeros(D), np.zeros(D)]
        ga = 0.0
        L = []
        for j in range(2):
            x = mu[j] + rng.standard_normal((batch, D))
            pd = x @ (mu[0] - mu[1]) + c
            r = sigmoid(pd)
            ps = x @ star
            t = np.tanh(ps + H_STAR)
            logq = x @ mu[1] - 0.5 * mu[1] @ mu[1] - softplus(a) + softplus(pd)
            logp = -ps - 0.5 * R * R + np.log(1 - W_STAR) + softplus(2 * (ps + H_STAR))
            L.append(np.mean(logq - logp))
            path = r.mean() * mu[0] + (1 - r.mean()) * mu[1] - t.mean() * star
            grads[j] += w[j] * path
            grads[0] += w[j] * (r @ (x - mu[0])) / batch
            grads[1] += w[j] * ((1 - r) @ (x - mu[1])) / batch
            ga += 2 * w[j] * (r.mean() - w[0])
        ga += 2 * w[0] * w[1] * (L[0] - L[1])
        mu = [mu[0] - eta * grads[0], mu[1] - eta * grads[1]]
        a -= eta * ga
    dt = time.perf_counter() - t0
    print(f"W3 {steps / dt:.2f} sgd steps/s  (numpy, d {D}, batch {batch} per component, {steps} steps)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=50)
    parser.add_argument("--sgd-steps", type=int, default=50)
    parser.add_argument("--starts", metavar="DIR", help="integrate the engine's starts (sweep bench --starts DIR)")
    parser.add_argument("--only", default="W1,W2,W3", help="comma-separated workloads to run (default all)")
    args = parser.parse_args()
    only = args.only.split(",")
    for name, trainable in (("W1", False), ("W2", True)):
        if name in only:
            flow(name, trainable, args.seeds, engine_starts(args.starts, name, args.seeds) if args.starts else None)
    if "W3" in only:
        sgd(args.sgd_steps)
