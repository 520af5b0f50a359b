#!/usr/bin/env python3
"""Preview benchmark: how long after a save `fixbook serve` has rebuilt, next to `hugo server`.

Usage: serve_bench.py [N ...]   (default 1000 10000; run by scripts/bench-serve.sh)
Environment: RUNS (default 5) saves of each kind; FIXBOOK (default .build/release/fixbook);
NO_HUGO=1 leaves Hugo out (it needs about 20 GiB at 100,000 articles).

For each size a help center is generated (Benchmarks/generate_kb.py, with --hugo for the same
articles as a Hugo site) and served. Each measurement writes one file and takes the time until
the server says the new build is there: for Fixbook, the generation `/__fixbook/status` reports
(the event an open page reloads on); for Hugo, its "Total in … ms" line after "Change detected".
Edits: (a) a line appended to an article's body, (b) its title, (c) its codes and tags, (d) a
new article, (e) a template (Fixbook only: Hugo's templates here are not its theme). Also the
start-up time (to the first page served) and the resident memory after the edits.
Prints medians (and min–max) in milliseconds; for Fixbook also when the search index of a body
edit is served (it is rebuilt on the other core after the pages).
"""
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

REPO = pathlib.Path(__file__).resolve().parents[1]
FIXBOOK = pathlib.Path(os.environ.get("FIXBOOK", REPO / ".build" / "release" / "fixbook"))
RUNS = int(os.environ.get("RUNS", "5"))


def status(base, since=None):
    query = "" if since is None else f"?since={since}&errors="
    with urllib.request.urlopen(base + "/__fixbook/status" + query, timeout=30) as response:
        return json.loads(response.read())


def rss_mib(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def replace_line(path, prefix, new_line):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(prefix):
            lines[i] = new_line
            break
    path.write_text("\n".join(lines), encoding="utf-8")


def edits(content, templates, k):
    """The saves of one round, as (kind, function that makes it)."""
    article = sorted(content.rglob("article-*.md"))[(k * 37) % 100]
    new = content / "cat-00" / f"new-{k}.md"
    footer = templates / "partials" / "footer.mustache"

    def body():
        with article.open("a", encoding="utf-8") as out:
            out.write(f"\n追加的一行 {k}。\n")

    def title():
        replace_line(article, "title:", f'title: "改过的标题 {k}"')

    def codes_tags():
        replace_line(article, "tags:", f"tags: [outlook, changed{k}]")
        replace_line(article, "  - code:", f"  - code: 55{k % 5}")

    def new_article():
        new.write_text(
            f"---\ntitle: 新文章 {k}\ncategory: cat-00\ncodes: [0x800CCC{k:02X}]\ntags: [outlook]\n---\n"
            f"正文。\n\n## 解决方法\n\n步骤 {k}。\n", encoding="utf-8")

    def template():
        text = footer.read_text(encoding="utf-8")
        footer.write_text(re.sub(r"<!-- bench \d+ -->", "", text) + f"<!-- bench {k} -->", encoding="utf-8")

    return [("body", body), ("title", title), ("codes/tags", codes_tags), ("new article", new_article),
            ("template", template)]


def measure_fixbook(kb):
    started = time.monotonic()
    server = subprocess.Popen([str(FIXBOOK), "serve", "--root", str(kb), "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    base = re.search(r"http://[0-9.]+:[0-9]+", line).group(0)
    urllib.request.urlopen(base + "/index.html").read()
    startup = time.monotonic() - started
    times = {}
    try:
        for k in range(RUNS):
            for kind, make in edits(kb / "Content", kb / "Templates", k):
                before = status(base)["generation"]
                t0 = time.monotonic()
                make()
                while status(base, before)["generation"] == before:
                    pass
                times.setdefault(kind, []).append((time.monotonic() - t0) * 1000)
                # The search index is rebuilt on the other core after the pages; the next save waits
                # for it, as an editor's next save comes seconds later.
                urllib.request.urlopen(base + "/assets/search-index.js", timeout=120).read()
                times.setdefault(kind + " search", []).append((time.monotonic() - t0) * 1000)
                time.sleep(0.05)
        memory = rss_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return startup, memory, times


def measure_hugo(site):
    started = time.monotonic()
    # Hugo 0.111's server renders to memory and re-renders only what changed ("fast render").
    server = subprocess.Popen(["hugo", "server", "--port", "0", "--bind", "127.0.0.1", "--disableLiveReload"],
                              cwd=site, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    ready = threading.Event()
    done = threading.Condition()

    def read():
        for output in server.stdout:
            with done:
                lines.append(output)
                done.notify_all()
            if "Web Server is available" in output:
                ready.set()
        ready.set()  # the server ended: do not wait for it
    threading.Thread(target=read, daemon=True).start()
    ready.wait(timeout=3600)
    startup = time.monotonic() - started
    times = {}
    try:
        for k in range(RUNS):
            for kind, make in edits(site / "content", site / "layouts", k)[:4]:
                with done:
                    seen = len(lines)
                t0 = time.monotonic()
                make()
                with done:
                    while not any("Total in" in line for line in lines[seen:]):
                        if not done.wait(timeout=120):
                            break
                times.setdefault(kind, []).append((time.monotonic() - t0) * 1000)
                time.sleep(0.3)
        memory = rss_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return startup, memory, times


def summary(values):
    if not values:
        return "–"
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    if not FIXBOOK.exists():
        sys.exit(f"{FIXBOOK} not found: build it with swift build -c release --product fixbook")
    print("| articles | tool | start-up | resident | body edit | title edit | codes/tags edit | new article | template edit | search index after a body edit |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        with tempfile.TemporaryDirectory() as scratch:
            kb = pathlib.Path(scratch) / "kb"
            hugo_site = pathlib.Path(scratch) / "hugo"
            subprocess.run([sys.executable, str(REPO / "Benchmarks" / "generate_kb.py"), str(n), str(kb), "--hugo",
                            str(hugo_site)], check=True)
            # Our own copy of the theme: the benchmark edits a template.
            (kb / "Templates").unlink()
            shutil.copytree(REPO / "Templates", kb / "Templates")
            startup, memory, times = measure_fixbook(kb)
            print(f"| {n:,} | fixbook serve | {startup:.2f} s | {memory:.0f} MiB | "
                  + " | ".join(summary(times.get(k, [])) + " ms" for k in
                               ["body", "title", "codes/tags", "new article", "template", "body search"]) + " |",
                  flush=True)
            if shutil.which("hugo") and not os.environ.get("NO_HUGO"):
                startup, memory, times = measure_hugo(hugo_site)
                print(f"| {n:,} | hugo server | {startup:.2f} s | {memory:.0f} MiB | "
                      + " | ".join(summary(times.get(k, [])) + " ms" for k in
                                   ["body", "title", "codes/tags", "new article"]) + " | – | – |", flush=True)


if __name__ == "__main__":
    main()
