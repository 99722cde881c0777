# Shared by jobs/bin/cluster-test and jobs/bin/yarn-test (sourced; expects the project root as the
# working directory).

# wait_for FILE PATTERN SECONDS [COUNT]: until FILE has COUNT lines matching PATTERN.
wait_for() {
  local i c n="${4:-1}"
  for ((i = 0; i < $3 * 2; i++)); do
    c=$(grep -c -- "$2" "$1" 2>/dev/null); [ "${c:-0}" -ge "$n" ] && return 0
    sleep 0.5
  done
  return 1
}

# wait_running PID FILE PATTERN SECONDS: wait_for while process PID runs (fails at once when it ends).
wait_running() {
  local i
  for ((i = 0; i < $4 * 2; i++)); do
    grep -q -- "$3" "$2" 2>/dev/null && return 0
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

# export_csv OUTPUT CSV: a sweep's trajectories/ (any Hadoop URI) → CSV sorted by row, wall-clock
# columns dropped, so two runs of one spec compare with cmp (read by Spark, which reads any Hadoop URI,
# so both sides go through one reader); prints "rows distinctPointIds".
export_csv() {
  jobs/bin/sweep show "$1/trajectories" -n 0 --engine spark --csv "$2.raw" > "$2.show.log" 2>&1 || { cat "$2.show.log"; return 1; }
  python3 - "$2.raw" "$2" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
head, body = rows[0], rows[1:]
keep = [i for i, h in enumerate(head) if h.lower() not in ("wallms",)]
with open(sys.argv[2], "w") as f:
    f.write(",".join(head[i] for i in keep) + "\n")
    for r in sorted([",".join(r[i] for i in keep) for r in body]):
        f.write(r + "\n")
pid = head.index("pointId")
print(len(body), len({r[pid] for r in body}))
PY
}
