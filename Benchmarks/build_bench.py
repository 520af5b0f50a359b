#!/usr/bin/env python3
"""Build benchmark: Fixbook (release) against Hugo on the same generated help center.

Usage: build_bench.py [N ...]   (default 1000 10000; run by scripts/bench-build.sh)
Environment: RUNS (default 3) runs of each tool per N, alternating Fixbook and Hugo.

Every run is timed by hyperfine (wall) around /usr/bin/time -v (user+system CPU, peak resident
memory), one run at a time so the tools alternate. The floor is cmark-gfm's own CLI rendering all
bodies in one process into one file: what parsing the Markdown costs on one core, with nothing
else.
"""
import json
import os
import pathlib
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[1]
FIXBOOK = REPO / ".build" / "release" / "fixbook"
RUNS = int(os.environ.get("RUNS", "3"))


def timed(command, cwd=None):
    """One run of a command: hyperfine times it, /usr/bin/time -v inside reports its CPU and peak
    memory. Returns (wall s, cpu s, peak MiB). One run per call keeps the tools alternating."""
    with tempfile.TemporaryDirectory() as scratch:
        report_file = pathlib.Path(scratch) / "time.txt"
        timing_file = pathlib.Path(scratch) / "hyperfine.json"
        inner = shlex.join(["/usr/bin/time", "-v", "-o", str(report_file), *command])
        result = subprocess.run(["hyperfine", "--runs", "1", "--style", "none", "--export-json", str(timing_file),
                                 inner], cwd=cwd, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"{command[0]} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
        report = report_file.read_text()
        wall = json.loads(timing_file.read_text())["results"][0]["mean"]

    def field(name):
        return re.search(rf"{re.escape(name)}: (.+)", report).group(1).strip()

    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    peak = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, cpu, peak


def folder_stats(folder):
    pages = sum(1 for _ in folder.rglob("*.html"))
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return pages, size


def floor(content, work):
    """cmark-gfm over every body, one process, output to one file."""
    bodies = work / "bodies.md"
    with bodies.open("w", encoding="utf-8") as out:
        for path in sorted(content.rglob("article-*.md")):
            out.write(path.read_text(encoding="utf-8").split("\n---\n", 1)[1])
            out.write("\n\n")
    cmark = shutil.which("cmark-gfm")
    if not cmark:
        return None
    with (work / "bodies.html").open("w") as sink:
        result = subprocess.run(["/usr/bin/time", "-f", "%e", cmark, "-e", "table", "-e", "strikethrough",
                                 "-e", "autolink", "-e", "tagfilter", "-e", "tasklist", str(bodies)],
                                stdout=sink, stderr=subprocess.PIPE, text=True)
    return float(result.stderr.strip().splitlines()[-1])


def summary(values):
    return statistics.median(values), min(values), max(values)


def bench(n, work):
    site = work / f"fixbook-{n}"
    hugo_site = work / f"hugo-{n}"
    subprocess.run([sys.executable, str(REPO / "Benchmarks" / "generate_kb.py"), str(n), str(site),
                    "--hugo", str(hugo_site)], check=True)
    # "fixbook" rebuilds over its previous output, as an editor does (a file whose bytes did not
    # change is left alone, known from the output manifest without being read); "fixbook, empty
    # output" starts with no output at all, so every file is created. Hugo always rewrites public/.
    # A rebuild writes into the generation before the current output (see OutputFolder), so a
    # build that is not timed follows each empty-output run to bring that generation back.
    build = [str(FIXBOOK), "build", "--root", str(site)]
    rebuild_runs, empty_runs, hugo_runs = [], [], []
    for _ in range(2):
        timed(build)
    for _ in range(RUNS):
        rebuild_runs.append(timed(build))
        hugo_runs.append(timed(["hugo", "--quiet", "--source", str(hugo_site)]))
        remove_output(site)
        empty_runs.append(timed(build))
        timed(build)
    fixbook_pages, fixbook_bytes = folder_stats(site / "Output")
    hugo_pages, hugo_bytes = folder_stats(hugo_site / "public")
    split = site / "Output" / "assets"
    index_bytes = ((site / "Output" / "search-index.json").stat().st_size,
                   sum(p.stat().st_size for p in (split / "search").rglob("*.js")) + (split / "search-index.js").stat().st_size)
    cmark = floor(site / "Content", work)
    rows = []
    for tool, runs, pages, size in [("fixbook", rebuild_runs, fixbook_pages, fixbook_bytes),
                                    ("fixbook, empty output", empty_runs, fixbook_pages, fixbook_bytes),
                                    ("hugo", hugo_runs, hugo_pages, hugo_bytes)]:
        wall = summary([r[0] for r in runs])
        rows.append({"tool": tool, "wall": wall, "cpu": statistics.median([r[1] for r in runs]),
                     "peak": max(r[2] for r in runs), "pages": pages, "bytes": size})
    hugo_wall = rows[-1]["wall"][0]
    for row in rows[:-1]:
        row["ratio"] = row["wall"][0] / hugo_wall
    remove_output(site)
    shutil.rmtree(hugo_site, ignore_errors=True)
    return n, rows, index_bytes, cmark


def remove_output(site):
    """The output, the generation kept for reuse, and their manifests: a fresh clone's state."""
    for folder in [site / "Output", site / ".Output.previous"]:
        shutil.rmtree(folder, ignore_errors=True)
    for manifest in [site / ".Output.manifest", site / ".Output.previous.manifest"]:
        manifest.unlink(missing_ok=True)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    if not FIXBOOK.exists():
        sys.exit(f"build the release binary first: swift build -c release --product fixbook ({FIXBOOK})")
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as folder:
        results = [bench(n, pathlib.Path(folder)) for n in sizes]
    print(f"{RUNS} alternating runs per tool; {os.cpu_count()} cores; {hugo.split(' BuildDate')[0]}")
    print("| articles | tool | wall median (min–max) | CPU | peak memory | pages | output | search index (JSON + split) | Fixbook/Hugo | cmark-gfm floor |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, rows, index_bytes, cmark in results:
        for row in rows:
            median, low, high = row["wall"]
            fixbook = "ratio" in row
            index = f"{index_bytes[0] / 1e6:.0f} + {index_bytes[1] / 1e6:.0f} MB" if fixbook else "–"
            print(f"| {n:,} | {row['tool']} | {median:.2f} s ({low:.2f}–{high:.2f}) | {row['cpu']:.2f} s | "
                  f"{row['peak']:.0f} MiB | {row['pages']:,} | {row['bytes'] / 1e6:.0f} MB | {index} |", end="")
            if fixbook:
                print(f" {row['ratio']:.2f}× | {cmark:.2f} s |" if cmark is not None else f" {row['ratio']:.2f}× | |")
            else:
                print(" | |")

if __name__ == "__main__":
    main()
