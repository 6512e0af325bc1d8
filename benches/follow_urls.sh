#!/usr/bin/env bash
# CPU cost of following 50 live blogs by URL: the poller (release build) follows 50 pages
# served from 127.0.0.1 by a small Python server (another process, not counted), polling
# each every 10 s for 60 s. The server answers 304 to a matching ETag and changes one page in
# ten each round (a new entry on top), as live blogs do. Prints the follower's CPU time as a
# share of one core; the target is under 1 %.
# Usage: bash benches/follow_urls.sh [seconds] [every]   (Linux; needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
every=${2:-10s}
cargo build --release --quiet --example follow_urls
dir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
python3 - "$dir/port" assets/samples/rfi-aide-militaire-ukraine.txt <<'PY' &
import http.server, sys, time, threading
port_file, sample = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
start = time.time()
def version(n):  # page n changes every 10 rounds of 10 s, staggered
    return int((time.time() - start) // 10 + n) // 10
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        n = int(self.path.rsplit("-", 1)[-1])
        v = version(n)
        etag = f'"{n}-{v}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304); self.send_header("ETag", etag); self.end_headers(); return
        body = (f"{(v // 60) % 24:02d}H{v % 60:02d}\nsuivi\n\nMise à jour {v}\n\nTexte.\n\n" + sample).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
open(port_file, "w").write(str(s.server_address[1]))
s.serve_forever()
PY
server=$!
for _ in $(seq 50); do [ -s "$dir/port" ] && break; sleep 0.1; done
port=$(cat "$dir/port")
/usr/bin/time -f '%U %S %e' -o "$dir/time" \
  target/release/examples/follow_urls "http://127.0.0.1:$port" 50 "$every" "$secs" "$dir/liveblog.db"
read -r user sys elapsed < "$dir/time"
python3 -c "u,s,e=$user,$sys,$elapsed; print(f'50 URLs every $every for {e:.0f} s: {u+s:.2f} s CPU = {100*(u+s)/e:.2f} % of a core')"
