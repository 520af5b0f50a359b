"""XSS canaries: a site whose every field carries script payloads, opened in headless Chromium.

Each payload calls __xss(id); the page hooks __xss, alert, confirm and prompt before any script
runs. Loading every page and searching for the payloads must fire none of them.
"""
import json
import os
import pathlib
import subprocess
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[2]
HOOK = """
window.__xss_hits = [];
window.__xss = function (id) { window.__xss_hits.push(String(id)); };
for (const f of ['alert', 'confirm', 'prompt']) {
  window[f] = function (m) { window.__xss_hits.push(f + ':' + String(m)); };
}
"""


def payload(n: int) -> str:
    return (f"<script>__xss({n})</script><img src=x onerror=__xss({n + 1})>\"'><svg onload=__xss({n + 2})>"
            f"</script><!-- javascript:__xss({n + 3}) \u2028")


def yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    binary = os.environ.get("FIXBOOK_BIN")
    if not binary:
        pytest.fail("set FIXBOOK_BIN to the fixbook executable (scripts/test.sh does)")
    root = tmp_path_factory.mktemp("xss")
    (root / "Templates").symlink_to(REPO / "Templates")
    content = root / "Content"
    content.mkdir()
    (content / "categories.yml").write_text(f"evil:\n  title: {yaml_string(payload(10))}\n  description: {yaml_string(payload(20))}\n")
    front = "\n".join([
        f"title: {yaml_string('canary ' + payload(30))}",
        f"summary: {yaml_string(payload(40))}",
        "category: evil",
        f"symptoms: [{yaml_string('canary symptom ' + payload(50))}]",
        f"tags: [{yaml_string(payload(60))}]",
        "codes:",
        "  - code: 550",
        f"    message: {yaml_string(payload(70))}",
        f"  - code: {yaml_string('canary message code')}",
    ])
    body = (f"canary body {payload(80)}\n\n<a href=\"javascript:__xss(90)\">x</a> [y](javascript:__xss(91)) "
            f"[z](JaVaScRiPt:__xss(92)) ![w](javascript:__xss(93))\n\n## 解决方法\n\n{payload(100)}\n")
    (content / "evil.md").write_text(f"---\n{front}\n---\n{body}")
    (root / "fixbook.yml").write_text(
        f"title: {yaml_string('canary site ' + payload(110))}\nlanguage: zh-CN\nbaseURL: https://help.example.com/\n"
        f"support:\n  email: {yaml_string(payload(120))}\n  checklist: [{yaml_string(payload(130))}]\n"
        "feedback:\n  url: \"https://feedback.example/?next=javascript:__xss(140)&x='y\"\n")
    result = subprocess.run([binary, "build", "--root", str(root)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root / "Output"


def hits(driver):
    return driver.execute_script("return window.__xss_hits || []")


def load(driver, url):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    driver.get(url)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_no_page_runs_a_payload(driver, hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 8
    for page in pages:
        load(driver, page.as_uri())
        assert hits(driver) == [], page


@pytest.mark.parametrize("query", ["canary", "550", "canary message code", "script", "onerror", "<img", "解决方法"])
def test_search_results_stay_inert(driver, hostile_site, query):
    load(driver, (hostile_site / "search.html").as_uri() + "?q=" + urllib.parse.quote(query))
    WebDriverWait(driver, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search-results] a[data-result], .search-empty"))
    # typing into the header box renders the popup too
    box = driver.find_element(By.CSS_SELECTOR, "#site-search")
    box.send_keys(query)
    driver.implicitly_wait(0)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return 1"))
    assert hits(driver) == []
    for link in driver.find_elements(By.CSS_SELECTOR, "a[data-result]"):
        assert not link.get_attribute("href").lower().startswith(("javascript:", "data:", "vbscript:"))


def test_feedback_and_copy_stay_inert(driver, hostile_site):
    """The answers, the copy buttons and the still-stuck link of the hostile article, clicked."""
    load(driver, (hostile_site / "articles" / "evil.html").as_uri())
    for selector in ["button[data-copy]", '[data-feedback-answer="yes"]', '[data-feedback-answer="no"]']:
        for element in driver.find_elements(By.CSS_SELECTOR, selector):
            if element.is_displayed():
                driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
                element.click()
    mail = driver.find_element(By.CSS_SELECTOR, "[data-still-stuck]").get_attribute("href")
    assert mail.startswith("mailto:") and "<" not in mail and '"' not in mail
    assert hits(driver) == []


@pytest.fixture(scope="module")
def hostile_languages(tmp_path_factory):
    """A help center in two languages whose language names, titles and translated fields carry
    payloads: the chooser, the switcher and the hreflang links are written from them."""
    binary = os.environ.get("FIXBOOK_BIN")
    root = tmp_path_factory.mktemp("xss-languages")
    (root / "Templates").symlink_to(REPO / "Templates")
    for tag, heading in [("zh-CN", "解决方法"), ("en", "Solution")]:
        folder = root / "Content" / tag
        folder.mkdir(parents=True)
        (folder / "evil.md").write_text(
            f"---\ntitle: {yaml_string(tag + ' canary ' + payload(200))}\ncodes: [550]\n"
            f"summary: {yaml_string(payload(210))}\ntranslationKey: {yaml_string(payload(220))}\n---\n"
            f"{payload(230)}\n\n## {heading}\n\n{payload(240)}\n")
    (root / "fixbook.yml").write_text(
        "baseURL: https://help.example.com/\nlanguages:\n"
        f"  - tag: zh-CN\n    name: {yaml_string(payload(250))}\n    title: {yaml_string(payload(260))}\n"
        f"  - tag: en\n    name: {yaml_string(payload(270))}\n    description: {yaml_string(payload(280))}\n")
    result = subprocess.run([binary, "build", "--root", str(root)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root / "Output"


def test_no_page_of_any_language_runs_a_payload(driver, hostile_languages):
    pages = sorted(hostile_languages.rglob("*.html"))
    assert hostile_languages / "index.html" in pages and hostile_languages / "en" / "articles" / "evil.html" in pages
    for page in pages:
        if page.name == "index.html" and page.parent == hostile_languages:
            load(driver, page.as_uri() + "#choose")
        else:
            load(driver, page.as_uri())
        assert hits(driver) == [], page
    # the switcher's link, followed, lands on the translation with nothing run on the way
    load(driver, (hostile_languages / "zh-cn" / "articles" / "evil.html").as_uri())
    link = driver.find_element(By.CSS_SELECTOR, "[data-language-switcher] a[hreflang=en]")
    # shown as text, whole
    assert "<script>__xss(270)</script><img src=x onerror=__xss(271)>" in link.text
    link.click()
    WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith("/en/articles/evil.html"))
    assert hits(driver) == []
