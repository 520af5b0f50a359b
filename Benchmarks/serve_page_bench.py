#!/usr/bin/env python3
"""The editor's loop as an editor sees it (not a test): `fixbook serve` on a generated help center,
one article open in headless Chromium, and the time from a save until the open page, which
reloads itself, shows the change. Edits, in turn: a line appended to the body, the tags and codes,
the title; then a broken file (the error overlay must appear over the last good page) and its fix
(the overlay must go). Medians of 5 (min-max), release build.

Usage: serve_page_bench.py [N]   (default 10000 articles; needs chromium and chromedriver, as
the browser tests do: scripts/install-deps.sh test)
"""
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import JavascriptException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[1]
FIXBOOK = REPO / ".build/release/fixbook"
ROUNDS = 5


def browser():
    options = webdriver.ChromeOptions()
    # What a person sees: the page's text as soon as it is there, not once its deferred scripts
    # have loaded (the search index of the new build is served when its background build is done).
    options.page_load_strategy = "none"
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900"]:
        options.add_argument(argument)
    service = Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def replace_line(path, prefix, new_line):
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines):
        if line.startswith(prefix):
            lines[number] = new_line
            break
    path.write_text("\n".join(lines), encoding="utf-8")


def until(driver, condition, timeout=30):
    """Seconds until `condition(driver)` holds; a script run while the page reloads may fail."""
    started = time.monotonic()
    WebDriverWait(driver, timeout, poll_frequency=0.01,
                  ignored_exceptions=(JavascriptException,)).until(condition)
    return time.monotonic() - started


def text_of(driver, selector):
    """The element's text, read in one step inside the page (it may be reloading)."""
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]); return e ? e.innerText : '';", selector) or ""


def main_text(driver):
    return text_of(driver, "main")


def summary(values):
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):.0f} ({min(ms):.0f}–{max(ms):.0f}) ms"


def run(count):
    with tempfile.TemporaryDirectory() as folder:
        kb = pathlib.Path(folder) / "kb"
        subprocess.run([sys.executable, str(REPO / "Benchmarks/generate_kb.py"), str(count), str(kb)], check=True,
                       stdout=subprocess.DEVNULL)
        article = sorted((kb / "Content").rglob("article-*.md"))[37]
        slug = re.search(r"^slug: (.+)$", article.read_text(encoding="utf-8"), re.M).group(1)
        server = subprocess.Popen([str(FIXBOOK), "serve", "--root", str(kb), "--port", "0"], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        driver = browser()
        try:
            base = re.search(r"http://[0-9.]+:[0-9]+", server.stdout.readline()).group(0)
            driver.get(f"{base}/articles/{slug}.html")
            until(driver, lambda d: d.execute_script("return document.readyState") == "complete")
            time.sleep(1)  # the page's first look at the build status
            times = {"body": [], "codes/tags": [], "title": []}

            def settle():
                # An editor's next save comes seconds later: the search index of this one (built
                # in the background) is done by then.
                urllib.request.urlopen(f"{base}/assets/search-index.js", timeout=120).read()
                time.sleep(0.2)

            for k in range(ROUNDS):
                with article.open("a", encoding="utf-8") as out:
                    out.write(f"\n追加的一行 {k}。\n")
                times["body"].append(until(driver, lambda d: f"追加的一行 {k}" in main_text(d)))
                settle()
                replace_line(article, "tags:", f"tags: [outlook, changed{k}]")
                replace_line(article, "  - code:", f"  - code: 55{k % 5}")
                times["codes/tags"].append(until(driver, lambda d: f"changed{k}" in main_text(d)))
                settle()
                replace_line(article, "title:", f'title: "改过的标题 {k}"')
                times["title"].append(
                    until(driver, lambda d: f"改过的标题 {k}" in text_of(d, "h1")))
                settle()
            good = article.read_text(encoding="utf-8")
            # A code without a solution section: the build fails, the page shows why over itself.
            article.write_text(good.split("\n---\n", 1)[0] + "\n---\n没有解决方法。\n", encoding="utf-8")
            overlay = until(driver, lambda d: text_of(d, "pre[role=alert]"))
            alert = text_of(driver, "pre[role=alert]")
            shown = "code-without-solution" in alert and article.name in alert
            article.write_text(good + "\n修好了。\n", encoding="utf-8")
            recovered = until(driver, lambda d: not text_of(d, "pre[role=alert]") and "修好了" in main_text(d))
        finally:
            driver.quit()
            server.terminate()
            server.wait(timeout=30)
    print(f"| articles | body edit | codes/tags edit | title edit | broken file → overlay | fixed → page |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {count:,} | {summary(times['body'])} | {summary(times['codes/tags'])} | {summary(times['title'])} | "
          f"{overlay * 1000:.0f} ms{'' if shown else ' (overlay without the file and rule!)'} | "
          f"{recovered * 1000:.0f} ms |")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
