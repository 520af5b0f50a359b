#!/usr/bin/env python3
"""Search relevance benchmark: top-1, top-3, MRR and empty answers over written query sets.

Usage: relevance_bench.py [--fixbook PATH] [--engine lookup|browser|both] [--show-failures] [--tuning-only]
       (run by `scripts/bench-search.sh --relevance`)

Query sets (Benchmarks/relevance/, listed in SETS below and described in its README.md):
queries-en.yml over the English fixture help center en/; the English sample sets
(queries-en-sample-tune*.yml, queries-en-sample-heldout*.yml) over the English edition of the
sample help center Content/en/; the Chinese sets (queries-zh.yml, queries-zh-tune*.yml, the pinyin
typos of queries-zh-typos.yml, queries-zh-heldout*.yml) over its Chinese edition. A query with typos may say what was `meant`: the browser engine then counts
the queries whose corrections give exactly that. Each query names the slug a support
engineer wants first (`expect`, or one of `also`), its `kind` and its half: `tune` or `heldout`.
The queries were written before the ranking was tuned; the held-out half is never tuned on, and
--show-failures lists the failures of the tuning half only. After the table of sets comes the
table of every set together, per half, and per half and kind of query.

- lookup: `fixbook lookup --queries FILE --format json` (the Swift ranking);
- browser: the built site opened from file:// in headless Chromium, each query run by the page's
  own search script over the split index, as typed into the search box.
"""
import argparse
import json
import os
import re
import pathlib
import subprocess
import sys
import tempfile

import yaml

REPO = pathlib.Path(__file__).resolve().parents[1]
RELEVANCE = REPO / "Benchmarks/relevance"
# (name, site root, query file, language searched: None for the site's first)
SETS = [("English", RELEVANCE / "en", RELEVANCE / "queries-en.yml", None),
        ("English sample tuning set", REPO, RELEVANCE / "queries-en-sample-tune.yml", "en"),
        ("English sample, second tuning set", REPO, RELEVANCE / "queries-en-sample-tune2.yml", "en"),
        ("English sample, third tuning set", REPO, RELEVANCE / "queries-en-sample-tune3.yml", "en"),
        ("English sample, fourth tuning set", REPO, RELEVANCE / "queries-en-sample-tune4.yml", "en"),
        ("English sample, fifth tuning set", REPO, RELEVANCE / "queries-en-sample-tune5.yml", "en"),
        ("English sample, sixth tuning set", REPO, RELEVANCE / "queries-en-sample-tune6.yml", "en"),
        ("English sample, seventh tuning set", REPO, RELEVANCE / "queries-en-sample-tune7.yml", "en"),
        ("English sample, eighth tuning set", REPO, RELEVANCE / "queries-en-sample-tune8.yml", "en"),
        ("English sample, ninth tuning set", REPO, RELEVANCE / "queries-en-sample-tune9.yml", "en"),
        ("English sample, tenth tuning set", REPO, RELEVANCE / "queries-en-sample-tune10.yml", "en"),
        ("English sample, eleventh tuning set", REPO, RELEVANCE / "queries-en-sample-tune11.yml", "en"),
        ("English sample, twelfth tuning set", REPO, RELEVANCE / "queries-en-sample-tune12.yml", "en"),
        ("English sample, thirteenth tuning set", REPO, RELEVANCE / "queries-en-sample-tune13.yml", "en"),
        ("English sample, fourteenth tuning set", REPO, RELEVANCE / "queries-en-sample-tune14.yml", "en"),
        ("English sample, fifteenth tuning set", REPO, RELEVANCE / "queries-en-sample-tune15.yml", "en"),
        ("English sample, sixteenth tuning set", REPO, RELEVANCE / "queries-en-sample-tune16.yml", "en"),
        ("English sample, seventeenth tuning set", REPO, RELEVANCE / "queries-en-sample-tune17.yml", "en"),
        ("English sample, eighteenth tuning set", REPO, RELEVANCE / "queries-en-sample-tune18.yml", "en"),
        ("English sample, nineteenth tuning set", REPO, RELEVANCE / "queries-en-sample-tune19.yml", "en"),
        ("English sample, twentieth tuning set", REPO, RELEVANCE / "queries-en-sample-tune20.yml", "en"),
        ("English sample, twenty-first tuning set", REPO, RELEVANCE / "queries-en-sample-tune21.yml", "en"),
        ("English sample, twenty-second tuning set", REPO, RELEVANCE / "queries-en-sample-tune22.yml", "en"),
        ("English sample, twenty-third tuning set", REPO, RELEVANCE / "queries-en-sample-tune23.yml", "en"),
        ("English sample, twenty-fourth tuning set", REPO, RELEVANCE / "queries-en-sample-tune24.yml", "en"),
        ("English sample, twenty-fifth tuning set", REPO, RELEVANCE / "queries-en-sample-tune25.yml", "en"),
        ("English sample, twenty-sixth tuning set", REPO, RELEVANCE / "queries-en-sample-tune26.yml", "en"),
        ("English sample, twenty-seventh tuning set", REPO, RELEVANCE / "queries-en-sample-tune27.yml", "en"),
        ("English sample, twenty-eighth tuning set", REPO, RELEVANCE / "queries-en-sample-tune28.yml", "en"),
        ("English sample, twenty-ninth tuning set", REPO, RELEVANCE / "queries-en-sample-tune29.yml", "en"),
        ("English sample, thirtieth tuning set (short queries)", REPO, RELEVANCE / "queries-en-sample-tune30.yml", "en"),
        ("English sample, thirty-first tuning set", REPO, RELEVANCE / "queries-en-sample-tune31.yml", "en"),
        ("English sample, thirty-second tuning set (longer messages)", REPO, RELEVANCE / "queries-en-sample-tune32.yml", "en"),
        ("English sample, thirty-third tuning set", REPO, RELEVANCE / "queries-en-sample-tune33.yml", "en"),
        ("English sample, thirty-fourth tuning set", REPO, RELEVANCE / "queries-en-sample-tune34.yml", "en"),
        ("English sample, thirty-fifth tuning set", REPO, RELEVANCE / "queries-en-sample-tune35.yml", "en"),
        ("English sample, thirty-sixth tuning set (symptoms and chat)", REPO, RELEVANCE / "queries-en-sample-tune36.yml", "en"),
        ("English sample, thirty-seventh tuning set (misleading context)", REPO, RELEVANCE / "queries-en-sample-tune37.yml", "en"),
        ("English sample, thirty-eighth tuning set", REPO, RELEVANCE / "queries-en-sample-tune38.yml", "en"),
        ("English sample, thirty-ninth tuning set (what the screen shows)", REPO, RELEVANCE / "queries-en-sample-tune39.yml", "en"),
        ("English sample, fortieth tuning set (tickets and relayed reports)", REPO, RELEVANCE / "queries-en-sample-tune40.yml", "en"),
        ("English sample held-out set", REPO, RELEVANCE / "queries-en-sample-heldout.yml", "en"),
        ("English sample, second held-out set", REPO, RELEVANCE / "queries-en-sample-heldout2.yml", "en"),
        ("English sample, third held-out set", REPO, RELEVANCE / "queries-en-sample-heldout3.yml", "en"),
        ("English sample, fourth held-out set", REPO, RELEVANCE / "queries-en-sample-heldout4.yml", "en"),
        ("English sample, fifth held-out set", REPO, RELEVANCE / "queries-en-sample-heldout5.yml", "en"),
        ("English sample, sixth held-out set", REPO, RELEVANCE / "queries-en-sample-heldout6.yml", "en"),
        ("English sample, seventh held-out set", REPO, RELEVANCE / "queries-en-sample-heldout7.yml", "en"),
        ("English sample, eighth held-out set", REPO, RELEVANCE / "queries-en-sample-heldout8.yml", "en"),
        ("English sample, ninth held-out set", REPO, RELEVANCE / "queries-en-sample-heldout9.yml", "en"),
        ("English sample, tenth held-out set", REPO, RELEVANCE / "queries-en-sample-heldout10.yml", "en"),
        ("English sample, eleventh held-out set", REPO, RELEVANCE / "queries-en-sample-heldout11.yml", "en"),
        ("English sample, twelfth held-out set", REPO, RELEVANCE / "queries-en-sample-heldout12.yml", "en"),
        ("English sample, thirteenth held-out set", REPO, RELEVANCE / "queries-en-sample-heldout13.yml", "en"),
        ("English sample, fourteenth held-out set", REPO, RELEVANCE / "queries-en-sample-heldout14.yml", "en"),
        ("Chinese", REPO, RELEVANCE / "queries-zh.yml", None),
        ("Chinese, second tuning set", REPO, RELEVANCE / "queries-zh-tune2.yml", None),
        ("Chinese, third tuning set", REPO, RELEVANCE / "queries-zh-tune3.yml", None),
        ("Chinese, fourth tuning set", REPO, RELEVANCE / "queries-zh-tune4.yml", None),
        ("Chinese, fifth tuning set", REPO, RELEVANCE / "queries-zh-tune5.yml", None),
        ("Chinese, sixth tuning set", REPO, RELEVANCE / "queries-zh-tune6.yml", None),
        ("Chinese, seventh tuning set", REPO, RELEVANCE / "queries-zh-tune7.yml", None),
        ("Chinese, eighth tuning set", REPO, RELEVANCE / "queries-zh-tune8.yml", None),
        ("Chinese, ninth tuning set", REPO, RELEVANCE / "queries-zh-tune9.yml", None),
        ("Chinese, tenth tuning set", REPO, RELEVANCE / "queries-zh-tune10.yml", None),
        ("Chinese, eleventh tuning set", REPO, RELEVANCE / "queries-zh-tune11.yml", None),
        ("Chinese, twelfth tuning set", REPO, RELEVANCE / "queries-zh-tune12.yml", None),
        ("Chinese, thirteenth tuning set", REPO, RELEVANCE / "queries-zh-tune13.yml", None),
        ("Chinese, fourteenth tuning set", REPO, RELEVANCE / "queries-zh-tune14.yml", None),
        ("Chinese, fifteenth tuning set", REPO, RELEVANCE / "queries-zh-tune15.yml", None),
        ("Chinese, sixteenth tuning set", REPO, RELEVANCE / "queries-zh-tune16.yml", None),
        ("Chinese, seventeenth tuning set", REPO, RELEVANCE / "queries-zh-tune17.yml", None),
        ("Chinese, eighteenth tuning set", REPO, RELEVANCE / "queries-zh-tune18.yml", None),
        ("Chinese, nineteenth tuning set", REPO, RELEVANCE / "queries-zh-tune19.yml", None),
        ("Chinese, twentieth tuning set", REPO, RELEVANCE / "queries-zh-tune20.yml", None),
        ("Chinese, twenty-first tuning set", REPO, RELEVANCE / "queries-zh-tune21.yml", None),
        ("Chinese, twenty-second tuning set", REPO, RELEVANCE / "queries-zh-tune22.yml", None),
        ("Chinese, twenty-third tuning set", REPO, RELEVANCE / "queries-zh-tune23.yml", None),
        ("Chinese, twenty-fourth tuning set", REPO, RELEVANCE / "queries-zh-tune24.yml", None),
        ("Chinese, twenty-fifth tuning set", REPO, RELEVANCE / "queries-zh-tune25.yml", None),
        ("Chinese, twenty-sixth tuning set", REPO, RELEVANCE / "queries-zh-tune26.yml", None),
        ("Chinese, twenty-seventh tuning set", REPO, RELEVANCE / "queries-zh-tune27.yml", None),
        ("Chinese, twenty-eighth tuning set", REPO, RELEVANCE / "queries-zh-tune28.yml", None),
        ("Chinese, twenty-ninth tuning set", REPO, RELEVANCE / "queries-zh-tune29.yml", None),
        ("Chinese, thirtieth tuning set", REPO, RELEVANCE / "queries-zh-tune30.yml", None),
        ("Chinese, thirty-first tuning set", REPO, RELEVANCE / "queries-zh-tune31.yml", None),
        ("Chinese, thirty-second tuning set", REPO, RELEVANCE / "queries-zh-tune32.yml", None),
        ("Chinese, thirty-third tuning set (short queries)", REPO, RELEVANCE / "queries-zh-tune33.yml", None),
        ("Chinese, thirty-fourth tuning set", REPO, RELEVANCE / "queries-zh-tune34.yml", None),
        ("Chinese, thirty-fifth tuning set (longer messages)", REPO, RELEVANCE / "queries-zh-tune35.yml", None),
        ("Chinese, thirty-sixth tuning set", REPO, RELEVANCE / "queries-zh-tune36.yml", None),
        ("Chinese, thirty-seventh tuning set", REPO, RELEVANCE / "queries-zh-tune37.yml", None),
        ("Chinese, thirty-eighth tuning set", REPO, RELEVANCE / "queries-zh-tune38.yml", None),
        ("Chinese, thirty-ninth tuning set (symptoms and chat)", REPO, RELEVANCE / "queries-zh-tune39.yml", None),
        ("Chinese, fortieth tuning set (misleading context)", REPO, RELEVANCE / "queries-zh-tune40.yml", None),
        ("Chinese, forty-first tuning set", REPO, RELEVANCE / "queries-zh-tune41.yml", None),
        ("Chinese, forty-second tuning set (typed by voice)", REPO, RELEVANCE / "queries-zh-tune42.yml", None),
        ("Chinese, forty-third tuning set (search-box words, screens)", REPO, RELEVANCE / "queries-zh-tune43.yml", None),
        ("Chinese, typed by sound", REPO, RELEVANCE / "queries-zh-typos.yml", None),
        ("Chinese, second held-out set", REPO, RELEVANCE / "queries-zh-heldout2.yml", None),
        ("Chinese, third held-out set", REPO, RELEVANCE / "queries-zh-heldout3.yml", None),
        ("Chinese, fourth held-out set", REPO, RELEVANCE / "queries-zh-heldout4.yml", None),
        ("Chinese, fifth held-out set", REPO, RELEVANCE / "queries-zh-heldout5.yml", None),
        ("Chinese, sixth held-out set", REPO, RELEVANCE / "queries-zh-heldout6.yml", None),
        ("Chinese, seventh held-out set", REPO, RELEVANCE / "queries-zh-heldout7.yml", None),
        ("Chinese, eighth held-out set", REPO, RELEVANCE / "queries-zh-heldout8.yml", None),
        ("Chinese, ninth held-out set", REPO, RELEVANCE / "queries-zh-heldout9.yml", None),
        ("Chinese, tenth held-out set", REPO, RELEVANCE / "queries-zh-heldout10.yml", None),
        ("Chinese, eleventh held-out set", REPO, RELEVANCE / "queries-zh-heldout11.yml", None),
        ("Chinese, twelfth held-out set", REPO, RELEVANCE / "queries-zh-heldout12.yml", None),
        ("Chinese, thirteenth held-out set", REPO, RELEVANCE / "queries-zh-heldout13.yml", None),
        ("Chinese, fourteenth held-out set", REPO, RELEVANCE / "queries-zh-heldout14.yml", None),
        ("Chinese, fifteenth held-out set", REPO, RELEVANCE / "queries-zh-heldout15.yml", None),
        ("Chinese, sixteenth held-out set", REPO, RELEVANCE / "queries-zh-heldout16.yml", None),
        ("Chinese, seventeenth held-out set", REPO, RELEVANCE / "queries-zh-heldout17.yml", None)]
DEPTH = 10

RUN = """
const done = arguments[arguments.length - 1];
const queries = arguments[0];
const core = window.FixbookSearch;
const store = core.shardStore(window.FIXBOOK_INDEX, core.scriptLoader(document, ''));
(async () => {
  const out = [];
  for (const q of queries) {
    const answer = await core.runSearch(store, q, { limit: %d });
    out.push({ slugs: answer.results.slice(0, %d).map((r) => r.slug), corrections: answer.corrections });
  }
  done(out);
})().catch((e) => done(String(e)));
""" % (DEPTH, DEPTH)


def read_queries(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def lookup(fixbook, root, queries, language):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write("\n".join(q["query"] for q in queries) + "\n")
        name = handle.name
    try:
        command = [fixbook, "lookup", "--root", str(root), "--queries", name, "--format", "json", "--limit", str(DEPTH)]
        if language:
            command += ["--language", language]
        out = subprocess.run(command, check=False, capture_output=True, text=True)
    finally:
        os.unlink(name)
    lines = out.stdout.splitlines()
    if len(lines) != len(queries):
        sys.exit(f"lookup answered {len(lines)} of {len(queries)} queries: {out.stderr[-2000:]}")
    return [[a["slug"] for a in json.loads(line)] for line in lines]


def browser_answers(fixbook, root, queries, language):
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    with tempfile.TemporaryDirectory() as work:
        output = pathlib.Path(work) / "site"
        subprocess.run([fixbook, "build", "--root", str(root), "--output", str(output)], check=True,
                       capture_output=True)
        options = webdriver.ChromeOptions()
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"):
            options.add_argument(flag)
        options.binary_location = "/usr/bin/chromium"
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.set_script_timeout(600)
            driver.get(language_page(output, "search.html", language).as_uri())
            answers = driver.execute_async_script(RUN, [q["query"] for q in queries])
        finally:
            driver.quit()
    if isinstance(answers, str):
        sys.exit("browser: " + answers)
    return answers


def corrected(query, corrections):
    """The query as the search page says it searched it ("Showing results for …")."""
    for correction in corrections:
        at = query.lower().find(correction["typed"])
        if at >= 0:
            query = query[:at] + correction["corrected"] + query[at + len(correction["typed"]):]
    return query


def language_page(output, page, language):
    """`page` of the site, or of `language` (None: the first) in a help center in several (whose
    chooser at the top lists the languages in order), as `lookup --language` searches it."""
    wanted = re.escape(language) if language else '[^"]+'
    chooser = re.search(rf'<a href="([^"/]+)/index.html" hreflang="{wanted}"', (output / "index.html").read_text())
    if language and not chooser:
        sys.exit(f"the site has no {language} edition")
    return output / chooser.group(1) / page if chooser else output / page


def count(row, rank, slugs):
    """Adds one answered query, its expected article at `rank` (None: not in the first 10), to `row`."""
    row["n"] += 1
    row["top1"] += rank == 1
    row["top3"] += rank is not None and rank <= 3
    row["rr"] += 1 / rank if rank else 0
    row["empty"] += not slugs


def new_row():
    return {"n": 0, "top1": 0, "top3": 0, "rr": 0.0, "empty": 0}


def measure(queries, answers, totals=None):
    """Per half and overall: count, top-1, top-3, MRR (within the first 10), empty answers; each
    query also counted in `totals` under its half, and under its half and kind."""
    rows = {}
    failures = []
    for q, slugs in zip(queries, answers):
        right = [q["expect"]] + list(q.get("also") or [])
        rank = next((i + 1 for i, slug in enumerate(slugs) if slug in right), None)
        for half in (q["set"], "all"):
            count(rows.setdefault(half, new_row()), rank, slugs)
        if totals is not None:
            count(totals.setdefault((q["set"], ""), new_row()), rank, slugs)
            count(totals.setdefault((q["set"], q["kind"]), new_row()), rank, slugs)
        if rank != 1:
            failures.append((q, rank, slugs[:3]))
    return rows, failures


def print_row(name, engine, half, row):
    n = row["n"]
    print(f"| {name} | {engine} | {half} | {n} | {row['top1']} ({100 * row['top1'] / n:.0f}%) "
          f"| {row['top3']} ({100 * row['top3'] / n:.0f}%) | {row['rr'] / n:.3f} | {row['empty']} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixbook", default=str(REPO / ".build/release/fixbook"))
    parser.add_argument("--engine", choices=["lookup", "browser", "both"], default="both")
    parser.add_argument("--show-failures", action="store_true", help="list the tuning half's misses")
    parser.add_argument("--tuning-only", action="store_true",
                        help="measure the tuning queries only, so that tuning never shows a held-out figure")
    parser.add_argument("--sets", help="measure only the sets whose name contains this text")
    args = parser.parse_args()
    engines = ["lookup", "browser"] if args.engine == "both" else [args.engine]
    print("| queries | engine | half | n | top-1 | top-3 | MRR | empty |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    results = {}
    notes = []
    totals = {engine: {} for engine in engines}
    for name, root, path, language in SETS:
        if args.sets and args.sets not in name:
            continue
        queries = read_queries(path)
        if args.tuning_only:
            queries = [q for q in queries if q["set"] == "tune"]
            if not queries:
                continue
        for engine in engines:
            if engine == "lookup":
                answers = lookup(args.fixbook, root, queries, language)
            else:
                full = browser_answers(args.fixbook, root, queries, language)
                answers = [a["slugs"] for a in full]
                meant = [(q, a) for q, a in zip(queries, full) if "meant" in q]
                if meant:
                    right = sum(corrected(q["query"], a["corrections"]).lower() == q["meant"].lower() for q, a in meant)
                    notes.append(f"{name}: {right} of {len(meant)} queries searched as meant "
                                 f"(the page's \"showing results for\" equals `meant`)")
            results[(name, engine)] = answers
            rows, failures = measure(queries, answers, totals[engine])
            for half in (h for h in ("tune", "heldout", "all") if h in rows):
                print_row(name, engine, half, rows[half])
            if args.show_failures:
                for q, rank, top in failures:
                    if q["set"] == "tune":
                        print(f"    miss [{q['kind']}] {q['query']!r}: expected {q['expect']} at {rank}, got {top}")
    # Every set together, and by kind of query (symptom, partial, bounce, vague, typo…).
    print()
    print("| all sets | engine | half | n | top-1 | top-3 | MRR | empty |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for engine in engines:
        for (half, kind), row in sorted(totals[engine].items(), key=lambda item: (item[0][0] != "tune", item[0])):
            print_row(kind or "all kinds", engine, half, row)
    print()
    for note in notes:
        print(note)
    if len(engines) == 2:
        for name, _, _, _ in SETS:
            if (name, "lookup") not in results:
                continue
            same = results[(name, "lookup")] == results[(name, "browser")]
            print(f"{name}: lookup and browser give {'the same' if same else 'DIFFERENT'} result lists")


if __name__ == "__main__":
    main()
