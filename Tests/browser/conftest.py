"""Shared fixtures: the built sample site (FIXBOOK_SITE) and a headless Debian Chromium."""
import os
import pathlib

import pytest

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download a driver

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def output() -> pathlib.Path:
    """The whole built sample: the language chooser and one folder a language."""
    path = os.environ.get("FIXBOOK_SITE")
    if not path:
        pytest.fail("set FIXBOOK_SITE to a built site (scripts/test.sh does)")
    return pathlib.Path(path).resolve()


@pytest.fixture(scope="session")
def site(output) -> pathlib.Path:
    """The sample's default language (Chinese), or the whole output of a site in one language."""
    return output / "zh-cn" if (output / "zh-cn").is_dir() else output


@pytest.fixture(scope="session")
def languages(output) -> list:
    """Each language's site folder (the output itself for a site in one language)."""
    found = sorted(p.parent for p in output.glob("*/search-index.json"))
    return found or [output]


@pytest.fixture(scope="session")
def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                     "--allow-file-access-from-files"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield browser
    browser.quit()


def build_site(folder: pathlib.Path, files: dict) -> pathlib.Path:
    """Writes `files` (path → text) into `folder`, builds it with FIXBOOK_BIN, and returns its output."""
    import subprocess
    binary = os.environ.get("FIXBOOK_BIN")
    if not binary:
        pytest.fail("set FIXBOOK_BIN to the fixbook executable (scripts/test.sh does)")
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    subprocess.run([binary, "build", "--root", str(folder)], check=True, capture_output=True)
    return folder / "Output"


def page_url(site: pathlib.Path, relative: str, query: str = "") -> str:
    path, _, fragment = relative.partition("#")
    return (site / path).resolve().as_uri() + query + ("#" + fragment if fragment else "")
