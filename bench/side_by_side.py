"""The engine's benchmark beside the SciPy/numpy research script, in one run on one machine.

    python3 bench/side_by_side.py [--seeds 1000] [--sgd-steps 100] [--sweep 100000] [--no-pin]

1. `jobs/bin/sweep bench --only W1,W2,W3,W3v,W3g --starts DIR` on one core (taskset -c 0 unless --no-pin),
2. `bench/baseline.py --starts DIR` on the same core with one BLAS thread: the same W1/W2 starts,
3. `jobs/bin/sweep bench --only W4` on all cores (W1 again, then the sweep),
then prints per workload the two rates, their ratio, and how many seeds got the same outcome class
(W3 is the reduced sgd engine, W3v the vectors engine, W3g the reduced one at d = 1e9, each against numpy's W3).
Needs the build (mvn -q -DskipTests package) and python3 with numpy and scipy.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SWEEP = os.path.join(HERE, "..", "jobs", "bin", "sweep")
RATE = re.compile(r"^(W\d[a-z]?) ([0-9.]+) (\S+)", re.M)


def run(cmd, env=None):
    print("$ " + " ".join(cmd), flush=True)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    print(out, end="", flush=True)
    return out


def rates(text):
    return {m.group(1): (float(m.group(2)), m.group(3)) for m in RATE.finditer(text)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=1000)
    ap.add_argument("--sgd-steps", type=int, default=100)
    ap.add_argument("--sweep", type=int, default=100000)
    ap.add_argument("--no-pin", action="store_true", help="do not pin the one-thread runs to CPU 0")
    args = ap.parse_args()
    pin = [] if args.no_pin or not shutil.which("taskset") else ["taskset", "-c", "0"]
    starts = tempfile.mkdtemp(prefix="modesweep-starts")
    try:
        engine = run(pin + [SWEEP, "bench", "--only", "W1,W2,W3,W3v,W3g", "--seeds", str(args.seeds),
                            "--sgd-steps", str(args.sgd_steps), "--starts", starts])
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        baseline = run(pin + [sys.executable, os.path.join(HERE, "baseline.py"), "--seeds", str(args.seeds),
                              "--sgd-steps", str(args.sgd_steps), "--starts", starts], env)
        sweep = run([SWEEP, "bench", "--only", "W4", "--seeds", str(args.seeds), "--sweep", str(args.sweep)]) \
            if args.sweep > 0 else ""
    finally:
        shutil.rmtree(starts, ignore_errors=True)
    e, b = rates(engine), rates(baseline)
    print(f"\n{'workload':9} {'engine':>17} {'scipy/numpy':>17} {'ratio':>8}  outcome classes")
    for w in ("W1", "W2", "W3"):
        agree = re.search(rf"^{w} .*same outcome class as the engine on (\d+ of \d+ seeds \([0-9.]+%\))", baseline, re.M)
        unit = "traj/s" if e[w][1].startswith("traj") else "steps/s"
        print(f"{w:9} {e[w][0]:>9.1f} {unit:7} {b[w][0]:>9.1f} {unit:7} {e[w][0] / b[w][0]:>7.1f}x  "
              f"{'same on ' + agree.group(1) if agree else ''}")
    notes = {"W3v": "vectors engine", "W3g": f"reduced at d = 1e9; W3g/W3 = {e['W3g'][0] / e['W3'][0]:.2f}" if "W3g" in e else ""}
    for w in ("W3v", "W3g"):
        if w in e:
            print(f"{w:9} {e[w][0]:>9.1f} steps/s {b['W3'][0]:>9.1f} steps/s {e[w][0] / b['W3'][0]:>7.1f}x  ({notes[w]})")
    if sweep:
        eff = re.search(r"parallel efficiency (\d+%).*?(\d+%) of W1p;.*fresh JVM: ([0-9.]+)/s, (\d+%) \(\d+% of W1x, (\d+%) of W1p\)",
                        sweep)
        print(f"{'W4':9} {rates(sweep)['W4'][0]:>9.1f} traj/s  parallel efficiency {eff.group(1)} (warm JVM; {eff.group(2)} of"
              f" W1p); {eff.group(3)}/s, {eff.group(4)} in a fresh JVM ({eff.group(5)} of W1p)")


if __name__ == "__main__":
    main()
