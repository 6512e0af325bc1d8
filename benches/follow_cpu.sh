#!/usr/bin/env bash
# CPU cost of following: the reader (release build) open in tmux on 50 files that are each
# rewritten every second, measured from /proc over 30 seconds while nobody presses a key.
# Usage: bash benches/follow_cpu.sh [seconds]   (needs tmux; Linux; PERF=1 also records a profile)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
cargo build --release --quiet
dir=$(mktemp -d)
trap 'tmux -L follow-cpu kill-server 2>/dev/null || true; kill $writer 2>/dev/null || true; rm -rf "$dir"' EXIT
sample=assets/samples/rfi-aide-militaire-ukraine.txt
for i in $(seq 1 50); do cp "$sample" "$dir/blog-$i.txt"; done
tmux -L follow-cpu new-session -d -s cpu -x 160 -y 45 \
  "echo \$\$ > $dir/pid; exec env XDG_STATE_HOME=$dir/state target/release/liveblog $dir"
sleep 2
pid=$(cat "$dir/pid")
# Rewrite every file once a second, each time with one more entry at the top.
(
  n=0
  while true; do
    n=$((n + 1))
    for i in $(seq 1 50); do
      { printf '%02dH%02d\nsuivi\n\nMise à jour numéro %d\n\nUn nouveau texte.\n\n' $((n / 60 % 24)) $((n % 60)) "$n"
        cat "$sample"; } > "$dir/blog-$i.txt.tmp"
      mv "$dir/blog-$i.txt.tmp" "$dir/blog-$i.txt"
    done
    sleep 1
  done
) &
writer=$!
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
start=$(ticks)
[ -n "${PERF:-}" ] && perf record --call-graph dwarf -o /tmp/perf.data -p "$pid" -- sleep "$secs" >/dev/null 2>&1 || sleep "$secs"
end=$(ticks)
awk -v t=$((end - start)) -v hz="$hz" -v s="$secs" \
  'BEGIN { printf "following 50 files rewritten every second: %.2f%% of one core over %d s\n", 100 * t / hz / s, s }'
