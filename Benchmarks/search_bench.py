#!/usr/bin/env python3
"""Search benchmark: index size, index load time and keystroke-to-result time in headless Chromium.

Usage: search_bench.py [N ...]   (default: 1000 10000; run by `scripts/bench-search.sh`)

For each N it generates a knowledge base (generate_kb.py, seeded), builds it with the release
fixbook, and opens search.html from file:// several times. It reports the median of RUNS page
loads for: bytes of assets/search-index.js (raw and gzip), the time until the deferred index and
search scripts have run (DOMContentLoaded), and, per query, the time from an `input` event to the
first result in [data-search-results] (includes the UI's 60 ms debounce; the first query also
builds the in-memory index).
"""
import gzip
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[1]
FIXBOOK = REPO / ".build" / "release" / "fixbook"
RUNS = int(os.environ.get("RUNS", "5"))
QUERIES = ["0x800CCC0F", "connection timeout", "无法连接到服务器", "550 Invalid User"]

MEASURE = """
const done = arguments[arguments.length - 1];
const query = arguments[0];
const input = document.querySelector('[data-search-page]');
const results = document.querySelector('[data-search-results]');
input.value = '';
input.dispatchEvent(new Event('input', {bubbles: true}));
setTimeout(() => {
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (results.querySelector('a[data-result]')) {
      observer.disconnect();
      done(performance.now() - start);
    }
  });
  observer.observe(results, {childList: true, subtree: true});
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(() => { observer.disconnect(); done(-1); }, 10000);
}, 200);
"""


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--host-resolver-rules=MAP * ~NOTFOUND"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def measure(n, work):
    site = work / f"kb-{n}"
    subprocess.run([sys.executable, str(REPO / "Benchmarks" / "generate_kb.py"), str(n), str(site)], check=True)
    subprocess.run([str(FIXBOOK), "build", "--root", str(site)], check=True, stdout=subprocess.DEVNULL)
    script = (site / "Output" / "assets" / "search-index.js").read_bytes()
    url = (site / "Output" / "search.html").as_uri()
    driver = browser()
    loads, first, warm = [], [], {q: [] for q in QUERIES}
    try:
        driver.set_script_timeout(30)
        for _ in range(RUNS):
            driver.get(url)
            loads.append(driver.execute_script(
                "const t = performance.getEntriesByType('navigation')[0]; return t.domContentLoadedEventEnd - t.startTime;"))
            times = [driver.execute_async_script(MEASURE, q) for q in QUERIES]
            first.append(times[0])
            for q, t in zip(QUERIES, times):
                warm[q].append(t)
            # the same queries again: now the in-memory index exists
            for q in QUERIES:
                warm[q].append(driver.execute_async_script(MEASURE, q))
    finally:
        driver.quit()
    return {
        "n": n, "raw": len(script), "gzip": len(gzip.compress(script, 6)),
        "load": statistics.median(loads), "first": statistics.median(first),
        "warm": {q: statistics.median(v[1::2] or v) for q, v in warm.items()},
    }


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    if not FIXBOOK.exists():
        sys.exit(f"build the release binary first: swift build -c release --product fixbook ({FIXBOOK})")
    with tempfile.TemporaryDirectory() as work:
        rows = [measure(n, pathlib.Path(work)) for n in sizes]
    print(f"median of {RUNS} page loads, headless Chromium, file://")
    print("| articles | index raw | index gzip | load (DOMContentLoaded) | first query (cold) | " +
          " | ".join(f"`{q}`" for q in QUERIES) + " |")
    print("|---:|---:|---:|---:|---:|" + "---:|" * len(QUERIES))
    for r in rows:
        print(f"| {r['n']:,} | {r['raw'] / 1e6:.1f} MB | {r['gzip'] / 1e6:.2f} MB | {r['load']:.0f} ms | {r['first']:.0f} ms | " +
              " | ".join(f"{r['warm'][q]:.0f} ms" for q in QUERIES) + " |")


if __name__ == "__main__":
    main()
