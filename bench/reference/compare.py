"""Compare `jobs/bin/sweep trajectory` (flow dynamics) against the independent
Python reference in reduced_flow.py.

Usage: python3 bench/reference/compare.py [--jobs 2] [--only 3,5] [--java-rtol X]
Run from anywhere; the Java launcher is found relative to this file.
"""
import argparse
import csv
import io
import json
import math
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import reduced_flow as rf  # noqa: E402

MAIN = os.path.abspath(os.path.join(HERE, "..", ".."))
SWEEP = os.path.join(MAIN, "jobs", "bin", "sweep")
W23 = repr(2.0 / 3.0)
TOL_RATE = 1e-8
AGREE = 1e-6

# (R, d, w*, weights, init-args, t_max, every)  -- chosen independently
CASES = [
    (0.8, 3, 0.55, "fixed", ["--init", "explicit", "--m1", "0.3", "--m2", "-0.2", "--s", "0.1"], 100, 10),
    (1.3, 50, W23, "trainable", ["--init", "explicit", "--m1", "0.05", "--m2", "0.02", "--s", "0.01"], 150, 10),
    (1.9, 10**6, 0.8, "fixed", ["--init", "sphere", "--seed", "7"], 200, 10),
    (2.2, 3, W23, "trainable", ["--init", "gaussian", "--seed", "11"], 100, 5),
    (2.7, 50, 0.55, "fixed", ["--init", "explicit", "--m1", "-0.6", "--m2", "0.5", "--s", "-0.4"], 60, 5),
    (3.4, 10**6, W23, "trainable", ["--init", "sphere", "--seed", "2"], 200, 10),
    (5.0, 3, 0.8, "fixed", ["--init", "explicit", "--m1", "0.3", "--m2", "-0.2", "--s", "0.1"], 40, 5),
    (0.8, 50, 0.8, "trainable", ["--init", "explicit", "--m1", "-0.6", "--m2", "0.5", "--s", "-0.4"], 80, 10),
    (1.3, 10**6, 0.55, "fixed", ["--init", "gaussian", "--seed", "5", "--sigma0", "0.002"], 120, 10),
    (1.9, 3, W23, "trainable", ["--init", "sphere", "--seed", "13"], 150, 10),
    (2.2, 10**6, 0.8, "trainable", ["--init", "explicit", "--m1", "0.05", "--m2", "0.02", "--s", "0.01"], 200, 10),
    (2.7, 3, W23, "fixed", ["--init", "sphere", "--seed", "21"], 100, 10),
    (3.4, 50, 0.55, "trainable", ["--init", "gaussian", "--seed", "4"], 60, 5),
    (5.0, 10**6, W23, "trainable", ["--init", "explicit", "--m1", "-0.6", "--m2", "0.5", "--s", "-0.4"], 20, 5),
    (1.9, 50, W23, "fixed", ["--init", "explicit", "--m1", "0.3", "--m2", "-0.2", "--s", "0.1"], 200, 10),
    (5.0, 50, 0.55, "fixed", ["--init", "sphere", "--seed", "9"], 100, 5),
    (1.3, 3, 0.8, "trainable", ["--init", "explicit", "--m1", "0.3", "--m2", "-0.2", "--s", "0.1", "--a0", "0.7"], 100, 10),
    (2.2, 50, W23, "fixed", ["--init", "gaussian", "--seed", "17"], 200, 10),
    (1.3, 10**6, 0.55, "fixed", ["--init", "gaussian", "--seed", "5"], 60, 5),
    # annealed (THEORY.md section 9): an eighth field (schedule, beta0, tau)
    (3.0, 1000, W23, "fixed", ["--init", "sphere", "--seed", "31"], 300, 10, ("linear", 0.05, 100.0)),
    (3.0, 1000, W23, "trainable", ["--init", "sphere", "--seed", "32"], 400, 10, ("geometric", 0.2, 150.0)),
    (2.2, 50, 0.55, "trainable", ["--init", "explicit", "--m1", "0.3", "--m2", "-0.2", "--s", "0.1"], 120, 5,
     ("linear", 0.3, 37.5)),
    (4.0, 10**6, 0.8, "fixed", ["--init", "gaussian", "--seed", "6"], 200, 10, ("geometric", 0.02, 80.0)),
    (1.9, 3, W23, "trainable", ["--init", "explicit", "--m1", "-0.6", "--m2", "0.5", "--s", "-0.4", "--a0", "-0.4"],
     100, 5, ("geometric", 0.5, 100.0)),
]


def java_cmd(case, rtol=None):
    R, d, ws, weights, init, tmax, every = case[:7]
    cmd = [SWEEP, "trajectory", "--R", str(R), "--d", str(d), "--w-star", str(ws),
           "--weights", weights, *init, "--t-max", str(tmax), "--every", str(every),
           "--summary", "json"]
    if rtol is not None:
        cmd += ["--rtol", str(rtol)]
    if len(case) > 7:
        schedule, beta0, tau = case[7]
        cmd += ["--anneal", schedule, "--beta0", str(beta0), "--tau", str(tau)]
    return cmd


def run_java(case, rtol=None):
    p = subprocess.run(java_cmd(case, rtol), cwd=MAIN, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"java failed ({p.returncode}): {p.stderr[-2000:]}")
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    data = np.array([[float(r[k]) for k in ("t", "m1", "m2", "q11", "q22", "q12", "w1", "kl")]
                     for r in rows])
    js = [ln for ln in p.stderr.splitlines() if ln.strip().startswith("{")]
    outcome = json.loads(js[-1])
    return data, outcome


def start_state(case, flow, j0):
    """Explicit starts from the cosines (independently); random starts from
    Java's t = 0 row."""
    R, d, ws, weights, init, tmax, every = case[:7]
    args = dict(zip(init[::2], init[1::2]))
    if args["--init"] == "explicit":
        return rf.explicit_start(flow, float(args["--m1"]), float(args["--m2"]),
                                 float(args["--s"]), a0=float(args.get("--a0", 0.0)))
    w1 = j0[6]
    a = math.log(w1 / (1.0 - w1)) if flow.trainable else flow.fixed_a()
    return np.array([j0[1], j0[2], j0[3], j0[4], j0[5], a])


def mode_of(cls, y):
    if cls == "MEAN_ALIGNMENT":
        return int(np.sign(y[0]))
    if cls == "VANISHING_WEIGHT":
        k = 0 if rf._sigma(y[5]) > 0.5 else 1
        return int(np.sign(y[k]))
    return 0


def compare_case(i, case, java_rtol=None):
    R, d, ws, weights, init, tmax, every = case[:7]
    jd, jo = run_java(case, java_rtol)
    flow = rf.ReducedFlow(R, float(ws), weights == "trainable", case[7] if len(case) > 7 else None)
    y0 = start_state(case, flow, jd[0])
    t_final = jd[-1, 0]
    t0 = time.time()
    ys, nfev = flow.state_at(y0, jd[:, 0])
    mine = np.column_stack([ys[:, :5], [rf._sigma(a) for a in ys[:, 5]]])
    kls = np.array([flow.kl(y) for y in ys])
    t_ref = time.time() - t0
    dstate = np.abs(mine - jd[:, 1:7])
    dkl = np.abs(kls - jd[:, 7])
    rel = dstate / np.maximum(1.0, np.abs(jd[:, 1:7]))
    rate = rf.max_rate(flow, ys[-1])
    conv_mine = rate < TOL_RATE
    cls = rf.classify(flow, ys[-1], kls[-1], conv_mine)
    cls_jconv = rf.classify(flow, ys[-1], kls[-1], conv_mine or bool(jo["converged"]))
    return dict(
        i=i, case=list(case), cmd=" ".join(java_cmd(case, java_rtol)).replace(MAIN + "/", ""),
        n=len(jd), t_final=t_final, nfev=nfev, t_ref=t_ref,
        d_state=float(dstate[:-1].max()) if len(jd) > 1 else 0.0,
        d_state_final=float(dstate[-1].max()),
        d_state_rel=float(rel.max()),
        d_kl=float(dkl[:-1].max()) if len(jd) > 1 else 0.0,
        d_kl_final=float(dkl[-1]),
        argmax=(int(np.unravel_index(dstate.argmax(), dstate.shape)[0]),
                ("m1", "m2", "q11", "q22", "q12", "w1")[int(np.unravel_index(dstate.argmax(), dstate.shape)[1])]),
        java_class=jo["outcome"], java_mode=jo["mode"], java_conv=bool(jo["converged"]),
        my_class=cls, my_class_jconv=cls_jconv, my_mode=mode_of(cls, ys[-1]), my_conv=conv_mine,
        my_rate=rate, kl_final=float(kls[-1]), y_final=ys[-1].tolist(),
        java_error=jo.get("error"),
    )


def short(case):
    R, d, ws, weights, init, tmax, every = case[:7]
    args = dict(zip(init[::2], init[1::2]))
    if args["--init"] == "explicit":
        st = f"expl({args['--m1']},{args['--m2']},{args['--s']}" + (f",a0={args['--a0']}" if "--a0" in args else "") + ")"
    else:
        st = f"{args['--init']}#{args['--seed']}" + (f"(s0={args['--sigma0']})" if "--sigma0" in args else "")
    wss = "2/3" if ws == W23 else str(ws)
    dd = "1e6" if d == 10**6 else str(d)
    ann = "" if len(case) < 8 else " {}({},{})".format(*case[7])
    return f"R={R:<3} d={dd:<3} w*={wss:<4} {weights[:5]:<5} {st:<24} T={tmax:<3}/{every:<2}{ann}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="")
    ap.add_argument("--java-rtol", type=float, default=None)
    ap.add_argument("--json-out", default=None)
    ap.add_argument("--no-recheck", action="store_true")
    a = ap.parse_args()
    idx = [int(x) for x in a.only.split(",")] if a.only else list(range(1, len(CASES) + 1))
    with ProcessPoolExecutor(a.jobs) as ex:
        futs = [ex.submit(compare_case, i, CASES[i - 1], a.java_rtol) for i in idx]
        res = [f.result() for f in futs]
    hdr = (f"{'#':>2} {'case':<66} {'tFinal':>7} {'dState':>8} {'dStEnd':>8} {'dKL':>8} {'dKLend':>8} "
           f"{'java class/mode/conv':<26} {'ref class/mode/conv':<26} {'ref s':>6}")
    print(hdr)
    print("-" * len(hdr))
    K = C = 0
    for r in res:
        ok = max(r["d_state"], r["d_state_final"], r["d_kl"], r["d_kl_final"]) <= AGREE
        same = (r["my_class"] == r["java_class"]) and (r["my_mode"] == r["java_mode"])
        K += ok
        C += same
        jc = f"{r['java_class']}/{r['java_mode']:+d}/{'Y' if r['java_conv'] else 'N'}"
        mc = f"{r['my_class']}/{r['my_mode']:+d}/{'Y' if r['my_conv'] else 'N'}"
        print(f"{r['i']:>2} {short(r['case']):<66} {r['t_final']:>7.2f} {r['d_state']:>8.1e} "
              f"{r['d_state_final']:>8.1e} {r['d_kl']:>8.1e} {r['d_kl_final']:>8.1e} {jc:<26} {mc:<26} "
              f"{r['t_ref']:>6.1f}" + ("" if ok else "  <-- >1e-6") + ("" if same else "  <-- class"))
    print()
    for r in res:
        ok = max(r["d_state"], r["d_state_final"], r["d_kl"], r["d_kl_final"]) <= AGREE
        if not ok or r["my_class"] != r["java_class"]:
            print(f"case {r['i']}: max diff at row {r['argmax'][0]} ({r['argmax'][1]}), "
                  f"rel {r['d_state_rel']:.1e}; ref final rate {r['my_rate']:.2e}, "
                  f"ref class with Java's converged flag: {r['my_class_jconv']}\n   cmd: {r['cmd']}")
    bad = [r for r in res if max(r["d_state"], r["d_state_final"], r["d_kl"], r["d_kl_final"]) > AGREE]
    if bad and a.java_rtol is None and not a.no_recheck:
        print("re-check of the cases above 1e-6 with Java --rtol 1e-12:")
        with ProcessPoolExecutor(a.jobs) as ex:
            re = list(ex.map(compare_case, [r["i"] for r in bad], [r["case"] for r in bad], [1e-12] * len(bad)))
        for r0, r in zip(bad, re):
            print(f"   case {r['i']}: dState {r0['d_state']:.1e} -> {max(r['d_state'], r['d_state_final']):.1e}, "
                  f"dKL {r0['d_kl']:.1e} -> {max(r['d_kl'], r['d_kl_final']):.1e}, "
                  f"class {r['java_class']} vs {r['my_class']}")
    print(f"{len(res)} cases, {K} within 1e-6, {C} same class")
    if a.json_out:
        with open(a.json_out, "w") as fh:
            json.dump(res, fh, indent=1)


if __name__ == "__main__":
    main()
