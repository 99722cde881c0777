#!/usr/bin/env python3
"""Independent R_c check: P(collapse) against R from the reference flow, with its own starts.

Nothing here comes from the Java engine: starts are explicit d-dimensional vectors drawn with numpy
(mu_k = R g_k/|g_k|, g_k ~ N(0, I_d), sphere(R) of THEORY.md section 3), the flow is reduced_flow.py
(quad-based expectations, SciPy DOP853) stopped when max|dy/dt| < tol (THEORY.md section 5), and
R_c is the isotonic fit's crossing of the level with a stratified bootstrap interval (section 6).
With --summary it reads a sweep's summary.csv and says whether each interval holds the other
estimate.

Example (about 10 minutes on 2 cores):
  python3 bench/reference/rc_check.py --weights fixed --d 300 --w-star 0.6 \\
      --R 2.2 2.4 2.6 2.8 3.0 3.2 3.4 --seeds 48 --summary data/runs/rc-check/summary.csv
"""
import argparse
import csv
import math
import multiprocessing
import sys

import numpy as np
from scipy import integrate

from reduced_flow import ReducedFlow, classify, max_rate


def run_one(args):
    R, d, w_star, trainable, seed, t_max, rtol, tol = args
    flow = ReducedFlow(R, w_star, trainable)
    rng = np.random.default_rng(seed)
    g = rng.standard_normal((2, d))
    mu = R * g / np.linalg.norm(g, axis=1, keepdims=True)
    r2 = R * R
    a0 = 0.0 if trainable else flow.fixed_a()
    y0 = np.array([mu[0, 0] * R / r2, mu[1, 0] * R / r2, 1.0, 1.0, float(mu[0] @ mu[1]) / r2, a0])

    def converged(t, y):
        return max_rate(flow, y) - tol
    converged.terminal = True
    sol = integrate.solve_ivp(flow.rhs, (0.0, t_max), y0, method="DOP853", rtol=rtol,
                              atol=0.1 * rtol, events=converged)
    y = sol.y[:, -1]
    cls = classify(flow, y, flow.kl(y), sol.status == 1)
    return R, cls in ("MEAN_ALIGNMENT", "VANISHING_WEIGHT"), cls


def isotonic(p, n):
    """Pool-adjacent-violators, weights n."""
    blocks = [[p[i] * n[i], n[i], 1] for i in range(len(p))]
    out = []
    for b in blocks:
        out.append(b)
        while len(out) > 1 and out[-2][0] / out[-2][1] > out[-1][0] / out[-1][1]:
            s, w, c = out.pop()
            out[-1][0] += s
            out[-1][1] += w
            out[-1][2] += c
    fit = []
    for s, w, c in out:
        fit += [s / w] * c
    return fit


def crossing(radii, hits, n, level):
    fit = isotonic([h / m for h, m in zip(hits, n)], n)
    k = next((i for i, f in enumerate(fit) if f >= level), None)
    if k is None:
        return math.inf
    if k == 0:
        return -math.inf
    return radii[k - 1] + (level - fit[k - 1]) / (fit[k] - fit[k - 1]) * (radii[k] - radii[k - 1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", choices=["fixed", "trainable"], default="fixed")
    ap.add_argument("--d", type=int, required=True)
    ap.add_argument("--w-star", type=float, default=2 / 3)
    ap.add_argument("--R", type=float, nargs="+", required=True)
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--t-max", type=float, default=400)
    ap.add_argument("--rtol", type=float, default=1e-8)
    ap.add_argument("--tol", type=float, default=1e-8)
    ap.add_argument("--level", type=float, default=0.5)
    ap.add_argument("--bootstrap", type=int, default=1000)
    ap.add_argument("--procs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--summary", help="a sweep's summary.csv to compare with")
    ap.add_argument("--setup", help="setup name in the summary (default: the only one with this d and w*)")
    a = ap.parse_args()
    radii = sorted(a.R)
    jobs = [(R, a.d, a.w_star, a.weights == "trainable", [a.seed, i, j], a.t_max, a.rtol, a.tol)
            for i, R in enumerate(radii) for j in range(a.seeds)]
    with multiprocessing.Pool(a.procs) as pool:
        results = pool.map(run_one, jobs, chunksize=1)
    hits = [sum(1 for R, c, _ in results if R == r and c) for r in radii]
    n = [a.seeds] * len(radii)
    print("R      collapses / n   classes")
    for r, h in zip(radii, hits):
        classes = {}
        for R, _, cls in results:
            if R == r:
                classes[cls] = classes.get(cls, 0) + 1
        print(f"{r:<6g} {h:4d} / {a.seeds:<4d}    {classes}")
    rc = crossing(radii, hits, n, a.level)
    rng = np.random.default_rng(a.seed)
    boots = [crossing(radii, [rng.binomial(m, h / m) for h, m in zip(hits, n)], n, a.level)
             for _ in range(a.bootstrap)]
    boots = np.clip(boots, radii[0], radii[-1])
    low, high = np.percentile(boots, [2.5, 97.5])
    print(f"reference R_c at level {a.level}: {rc:.4f}  bootstrap 95% [{low:.4f}, {high:.4f}]"
          f"  ({a.weights}, d = {a.d}, w* = {a.w_star}, {a.seeds} seeds per R)")
    if not a.summary:
        return 0
    agree = True
    with open(a.summary) as f:
        for row in csv.DictReader(f):
            if (int(row["d"]) != a.d or abs(float(row["wStar"]) - a.w_star) > 1e-9
                    or abs(float(row["level"]) - a.level) > 1e-12 or (a.setup and row["setup"] != a.setup)):
                continue
            ours, lo, hi = float(row["rc"]), float(row["rcLow"]), float(row["rcHigh"])
            holds = lo <= rc <= hi
            overlap = max(lo, low) <= min(hi, high)
            agree &= holds
            print(f"engine {row['setup']} {row['method']}: R_c {ours:.4f} [{lo:.4f}, {hi:.4f}]:"
                  f" holds the reference estimate: {'yes' if holds else 'NO'};"
                  f" reference interval holds ours: {'yes' if low <= ours <= high else 'no'};"
                  f" intervals overlap: {'yes' if overlap else 'NO'}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
