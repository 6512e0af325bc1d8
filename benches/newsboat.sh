#!/usr/bin/env bash
# liveblog beside newsboat, the terminal feed reader, on the same items: each generated blog
# (liveblog::corpus, as in first_screen.sh) is also written as an RSS 2.0 feed with one item
# per entry (same tag, headline and paragraphs, same times), newsboat ingests it into its
# SQLite cache (`-x reload`), then opens that cache without a terminal (`-x print-unread`).
# Printed side by side, medians of runs taken in turns, peak memory the largest seen:
#   ingest: newsboat's reload of the feed    vs `liveblog frame` (parse + first screen)
#   open:   newsboat opening its cache       vs `liveblog frame` on the blog
# Whole processes, in one run, so that a shared machine's load falls on each alike.
# Usage: bash benches/newsboat.sh [ENTRIES...]   (default: 6000 60000)
#   RUNS=5 (runs of each open), INGEST_RUNS=3, LIVEBLOG=path, BLOG_DIR=dir (keeps the files).
# Needs newsboat (Debian: `apt-get install newsboat`; measured with 2.21) and python3. This
# script installs nothing; it is never run by the tests. newsboat gets a home, config, URL
# list and cache of its own in the temporary directory: yours is not read or written.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v newsboat >/dev/null || { echo "newsboat is not installed (Debian: apt-get install newsboat)" >&2; exit 1; }
cargo build --release --quiet --bin liveblog --example gen_blog
bin=${LIVEBLOG:-target/release/liveblog}
dir=${BLOG_DIR:-$(mktemp -d)}
[ -n "${BLOG_DIR:-}" ] || trap 'rm -rf "$dir"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(6000 60000)
for n in "${sizes[@]}"; do
  f="$dir/blog-$n.txt"
  [ -s "$f" ] || target/release/examples/gen_blog "$n" "$f"
done
python3 - "$bin" "${RUNS:-5}" "${INGEST_RUNS:-3}" "$dir" "${sizes[@]}" <<'PY'
import html, os, re, statistics, subprocess, sys, time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

bin, runs, ingest_runs, dir, sizes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5:]
home = os.path.join(dir, "home")
os.makedirs(home, exist_ok=True)
env = dict(os.environ, HOME=home, XDG_STATE_HOME=os.path.join(dir, "state"),
           XDG_CONFIG_HOME=os.path.join(dir, "config"), XDG_DATA_HOME=os.path.join(dir, "data"))
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
CLOCK = re.compile(r"^(\d{1,2})[hH](\d\d)$")

def entries(path):
    """(time, tag, headline, paragraphs) of each entry of a generated blog, newest first: the
    layout corpus.rs writes (clock line, tag, headline, paragraphs), the day taken back one
    each time the clock goes forward (entries are a few minutes apart, newest first)."""
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
        m = re.search(r"le (\d+) (\S+) (\d{4}) à (\d+)H(\d\d)", first)
        day = datetime(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]), tzinfo=timezone.utc)
        last, item = None, None
        for line in fh:
            line = line.rstrip("\n")
            c = CLOCK.match(line)
            if c:
                if item:
                    yield item
                hm = (int(c[1]), int(c[2]))
                if last is not None and hm > last:
                    day -= timedelta(days=1)
                last = hm
                item = [day + timedelta(hours=hm[0], minutes=hm[1]), None, None, []]
            elif item is None or not line or line == "Qui anime ce direct ?":
                continue
            elif item[1] is None:
                item[1] = line
            elif item[2] is None:
                item[2] = line
            else:
                item[3].append(line)
        if item:
            yield item

def write_feed(blog, feed):
    n = 0
    with open(feed, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                  "<title>Guerre en Ukraine : le fil de la journée</title><link>https://example.org/live</link>"
                  "<description>generated live blog</description>\n")
        for at, tag, head, paras in entries(blog):
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
            out.write(f"<item><title>{html.escape(head)}</title><category>{html.escape(tag)}</category>"
                      f"<guid isPermaLink=\"false\">entry-{n}</guid><pubDate>{format_datetime(at)}</pubDate>"
                      f"<description>{html.escape(body)}</description></item>\n")
            n += 1
        out.write("</channel></rss>\n")
    return n

def run(argv):
    """Wall time (s) and peak resident memory (bytes) of one process, output read and dropped."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
    out = b""
    while chunk := p.stdout.read(1 << 20):
        out = (out + chunk)[-4096:]
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    assert os.waitstatus_to_exitcode(status) == 0, (argv, out)
    return wall, usage.ru_maxrss * 1024, out

print(f"{'items':>7} {'blog MB':>7} {'feed MB':>7} | {'nb reload s':>11} {'nb MB':>6} | {'nb open s':>9} {'nb MB':>6} | "
      f"{'lb frame s':>10} {'lb MB':>6} | {'open x nb':>9} {'mem x nb':>8}")
for n in sizes:
    blog, feed = os.path.join(dir, f"blog-{n}.txt"), os.path.join(dir, f"feed-{n}.xml")
    items = write_feed(blog, feed)
    urls, conf, cache = (os.path.join(dir, f"{k}-{n}") for k in ("urls", "config", "cache.db"))
    with open(urls, "w") as fh:
        fh.write(f"file://{feed}\n")
    with open(conf, "w") as fh:
        fh.write("max-items 0\nshow-read-feeds yes\n")
    nb = ["newsboat", "-q", "-C", conf, "-u", urls, "-c", cache]
    for f in (blog, feed):  # in the page cache for every contender
        with open(f, "rb") as fh:
            while fh.read(1 << 24):
                pass
    got = {"reload": [], "open": [], "frame": []}
    for _ in range(ingest_runs):
        for stale in (cache, cache + ".lock"):
            if os.path.exists(stale):
                os.remove(stale)
        got["reload"].append(run(nb + ["-x", "reload"]))
        got["frame"].append(run([bin, "--no-state", "frame", blog]))
    unread = run(nb + ["-x", "print-unread"])[2].decode(errors="replace").strip()
    assert unread.startswith(f"{items} "), f"newsboat holds {unread!r}, the feed {items} items"
    for _ in range(runs):
        got["open"].append(run(nb + ["-x", "print-unread"]))
        got["frame"].append(run([bin, "--no-state", "frame", blog]))
    t = {k: statistics.median(w for w, _, _ in v) for k, v in got.items()}
    m = {k: max(r for _, r, _ in v) for k, v in got.items()}
    print(f"{items:>7} {os.path.getsize(blog) / 1e6:>7.0f} {os.path.getsize(feed) / 1e6:>7.0f} | "
          f"{t['reload']:>11.3f} {m['reload'] / 1e6:>6.0f} | {t['open']:>9.3f} {m['open'] / 1e6:>6.0f} | "
          f"{t['frame']:>10.3f} {m['frame'] / 1e6:>6.0f} | {t['frame'] / t['open']:>9.2f} {m['frame'] / m['open']:>8.2f}")
PY
