#!/usr/bin/env python3
"""Search benchmark: bytes a query loads and keystroke-to-result time in headless Chromium.

Usage: search_bench.py [N ...]   (default: 1000 10000; run by `scripts/bench-search.sh`)
       KB=/path/to/kb search_bench.py N   (reuse a knowledge base generated with N articles)
       BASELINE=/path/to/older/fixbook BASELINE_TEMPLATES=/path/to/its/Templates search_bench.py N
       (the same queries on the same articles built by another fixbook with its own theme too, in
       the same run: before and after a change; `git archive <commit> Templates | tar -x -C DIR`)

For each N it generates a knowledge base (generate_kb.py, seeded), builds it with the release
fixbook, and opens search.html from file://. For each query, on a freshly loaded page, it records
every file of the split index that loads (each calls FixbookSearchData) and the time from an
`input` event to the first result in [data-search-results] (includes the UI's 60 ms debounce).
Bytes are those of the files as written, raw and gzipped (level 6, as a web server would send
them): the entry script assets/search-index.js, plus the shards and articles the query loaded.
The theme's scripts (search-core.js, search.js) are the same at every size and reported apart.
Times are medians of RUNS page loads.
"""
import gzip
import os
import pathlib
import statistics
import subprocess
import sys
import shutil
import tempfile
import time

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[1]
FIXBOOK = pathlib.Path(os.environ.get("FIXBOOK", REPO / ".build" / "release" / "fixbook"))
BASELINE = os.environ.get("BASELINE")
BASELINE_TEMPLATES = os.environ.get("BASELINE_TEMPLATES")
RUNS = int(os.environ.get("RUNS", "3"))
QUERIES = [("code", "0x800CCC0F"), ("English phrase", "connection timeout"),
           ("Chinese phrase", "无法连接到服务器"), ("code + message", "550 Invalid User"),
           ("misspelled", "conection timout"), ("Chinese, a word no article holds", "服务器连接迟缓"),
           ("Chinese, a word typed by sound", "连接超使")]

RECORD = """
window.__loaded = [];
var receive = window.FixbookSearchData;
window.FixbookSearchData = function (name, data) { window.__loaded.push(name); receive(name, data); };
"""

MEASURE = """
const done = arguments[arguments.length - 1];
const query = arguments[0];
const input = document.querySelector('[data-search-page]');
const results = document.querySelector('[data-search-results]');
const start = performance.now();
const observer = new MutationObserver(() => {
  if (results.querySelector('a[data-result]')) {
    observer.disconnect();
    done([performance.now() - start, window.__loaded]);
  }
});
observer.observe(results, {childList: true, subtree: true});
input.value = query;
input.dispatchEvent(new Event('input', {bubbles: true}));
setTimeout(() => { observer.disconnect(); done([-1, window.__loaded]); }, 20000);
"""


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--host-resolver-rules=MAP * ~NOTFOUND"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def sizes(path):
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 6))


def measure(n, site, output):
    entry = sizes(output / "assets" / "search-index.js")
    theme = [sizes(output / "assets" / name) for name in ("search-core.js", "search.js")]
    search_dir = output / "assets" / "search"
    shard_count = len(list((search_dir / "t").glob("*.js")))
    split_raw = sum(p.stat().st_size for p in search_dir.rglob("*.js"))
    url = (output / "search.html").as_uri()
    driver = browser()
    rows = []
    try:
        driver.set_script_timeout(60)
        for label, query in QUERIES:
            cold, warm, loaded = [], [], []
            for _ in range(RUNS):
                driver.get(url)
                driver.execute_script(RECORD)
                elapsed, loaded = driver.execute_async_script(MEASURE, query)
                cold.append(elapsed)
                driver.execute_script("var i = document.querySelector('[data-search-page]'); i.value = '';"
                                      "i.dispatchEvent(new Event('input', {bubbles: true}));")
                time.sleep(0.3)  # past the debounce, so the same query runs again
                driver.execute_script(RECORD)
                warm.append(driver.execute_async_script(MEASURE, query)[0])
            files = [sizes(search_dir / (name + ".js")) for name in loaded]
            rows.append({
                "dictionary": sum(1 for name in loaded if name.startswith("w/")),
                "label": label, "query": query, "cold": statistics.median(cold), "warm": statistics.median(warm),
                "shards": sum(1 for name in loaded if name.startswith("t/")),
                "documents": sum(1 for name in loaded if name.startswith("d/")),
                "raw": entry[0] + sum(f[0] for f in files), "gzip": entry[1] + sum(f[1] for f in files),
            })
    finally:
        driver.quit()
    return {"n": n, "entry": entry, "theme": theme, "shards": shard_count, "split_raw": split_raw, "rows": rows}


def main():
    counts = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    if not FIXBOOK.exists():
        sys.exit(f"build the release binary first: swift build -c release --product fixbook ({FIXBOOK})")
    results = []
    if BASELINE and not BASELINE_TEMPLATES:
        sys.exit("BASELINE needs BASELINE_TEMPLATES: the theme of the same commit")
    binaries = [("this fixbook", FIXBOOK, REPO / "Templates")]
    if BASELINE:
        binaries.append(("baseline", pathlib.Path(BASELINE), pathlib.Path(BASELINE_TEMPLATES).resolve()))
    with tempfile.TemporaryDirectory() as work:
        for n in counts:
            site = pathlib.Path(os.environ["KB"]) if os.environ.get("KB") else pathlib.Path(work) / f"kb-{n}"
            if not os.environ.get("KB"):
                subprocess.run([sys.executable, str(REPO / "Benchmarks" / "generate_kb.py"), str(n), str(site)],
                               check=True)
            for name, binary, theme in binaries:
                output = pathlib.Path(work) / f"out-{n}-{len(results)}"
                templates = site / "Templates"
                if templates.is_symlink() or not templates.exists():
                    templates.unlink(missing_ok=True)
                    templates.symlink_to(theme)
                subprocess.run([str(binary), "build", "--root", str(site), "--output", str(output)], check=True,
                               stdout=subprocess.DEVNULL)
                result = measure(n, site, output)
                result["binary"] = name
                results.append(result)
                shutil.rmtree(output)
    print(f"headless Chromium, file://, times are medians of {RUNS} page loads (cold: first query on the page)")
    for r in results:
        theme_gzip = sum(t[1] for t in r["theme"])
        print(f"\n{r['binary']}, {r['n']:,} articles: split index {r['split_raw'] / 1e6:.1f} MB in {r['shards']:,} shards and "
              f"{r['n']:,} article files; entry script {r['entry'][0] / 1e3:.1f} KB raw, {r['entry'][1] / 1e3:.1f} KB "
              f"gzip; theme scripts {theme_gzip / 1e3:.1f} KB gzip (any size)")
        print("| query | shards loaded | dictionary runs | articles loaded | bytes loaded (raw) | bytes loaded (gzip) | "
              "keystroke → first result (cold) | (warm) |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for row in r["rows"]:
            print(f"| {row['label']}: `{row['query']}` | {row['shards']} | {row['dictionary']} | {row['documents']} | "
                  f"{row['raw'] / 1e3:.0f} KB | {row['gzip'] / 1e3:.0f} KB | {row['cold']:.0f} ms | {row['warm']:.0f} ms |")


if __name__ == "__main__":
    main()
