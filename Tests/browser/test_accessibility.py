"""axe-core in headless Chromium: no serious or critical violation on each kind of page."""
import pathlib

import pytest

from conftest import page_url

PAGES = ["index.html", "search.html", "articles/outlook-0x800ccc79-recipient-rejected.html", "codes/index.html",
         "codes/550.html", "categories/bounces.html", "tags/index.html", "404.html",
         # the English edition's article, and the language chooser at the top (kept open with #choose)
         "../en/articles/outlook-0x800ccc79-recipient-rejected.html", "../index.html#choose"]


def axe_source() -> str:
    import selenium_axe_python
    return (pathlib.Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js").read_text()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violations(driver, site, page, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(page_url(site, page))
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done(String(e)));")
    assert isinstance(result, list), result
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result
               if v["impact"] in ("serious", "critical")]
    assert not serious, serious
