#!/usr/bin/env bash
# First screen and peak memory of `liveblog frame`, and of `liveblog export`, on generated
# blogs (liveblog::corpus), side by side with `grep -cE '^[0-9]{1,2}[hH:][0-9]{2}$'` finding
# every time line of the same file. Whole processes, run in turns (grep, frame, export, grep,
# …) so that the load of a shared machine falls on each alike; prints medians and the ratios
# to grep's time and to the file's size.
# Usage: bash benches/first_screen.sh [ENTRIES...]   (default: 6000 60000 200000)
#   RUNS=7 (runs of each), LIVEBLOG=path (another build to measure), BEFORE=path (a second
#   build, an older one, measured in the same turns: a row "before" under each size),
#   BLOG_DIR=dir (keeps the generated files between runs). Linux; needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin liveblog --example gen_blog
bin=${LIVEBLOG:-target/release/liveblog}
dir=${BLOG_DIR:-$(mktemp -d)}
[ -n "${BLOG_DIR:-}" ] || trap 'rm -rf "$dir"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(6000 60000 200000)
for n in "${sizes[@]}"; do
  f="$dir/blog-$n.txt"
  [ -s "$f" ] || target/release/examples/gen_blog "$n" "$f"
done
python3 - "$bin" "${BEFORE:-}" "${RUNS:-7}" "$dir" "${sizes[@]}" <<'PY'
import os, statistics, subprocess, sys, time
bin, before, runs, dir, sizes = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
builds = [("now", bin)] + ([("before", before)] if before else [])
env = dict(os.environ, XDG_STATE_HOME=os.path.join(dir, "state"), XDG_CONFIG_HOME=os.path.join(dir, "config"))

def run(argv):
    """Wall time (s) and peak resident memory (bytes) of one process, its output read and
    dropped (not sent to /dev/null: GNU grep stops at the first match when it sees that)."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    while p.stdout.read(1 << 20):
        pass
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    assert os.waitstatus_to_exitcode(status) == 0, argv
    return wall, usage.ru_maxrss * 1024

print(f"{'entries':>8} {'build':>6} {'MB':>6} {'grep s':>7} {'frame s':>8} {'x grep':>7} {'frame MB':>9} {'x file':>7} {'export s':>9} {'export MB':>10} {'x file':>7}")
for n in sizes:
    f = os.path.join(dir, f"blog-{n}.txt")
    size = os.path.getsize(f)
    with open(f, "rb") as fh:  # in the page cache for every contender
        while fh.read(1 << 24):
            pass
    got = {"grep": []}
    for _ in range(runs):
        got["grep"].append(run(["grep", "-cE", "^[0-9]{1,2}[hH:][0-9]{2}$", f]))
        for name, b in builds:
            got.setdefault((name, "frame"), []).append(run([b, "--no-state", "frame", f]))
            got.setdefault((name, "export"), []).append(run([b, "--no-state", "export", f]))
    t = {k: statistics.median(w for w, _ in v) for k, v in got.items()}
    m = {k: max(r for _, r in v) for k, v in got.items()}
    for name, _ in builds:
        fr, ex = (name, "frame"), (name, "export")
        print(f"{n:>8} {name:>6} {size / 1e6:>6.0f} {t['grep']:>7.3f} {t[fr]:>8.3f} {t[fr] / t['grep']:>7.2f} "
              f"{m[fr] / 1e6:>9.0f} {m[fr] / size:>7.2f} {t[ex]:>9.3f} {m[ex] / 1e6:>10.0f} {m[ex] / size:>7.2f}")
PY
