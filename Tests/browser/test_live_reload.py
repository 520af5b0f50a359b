"""fixbook serve in a real browser: an open page reloads itself after an edit, and a failed build
shows its errors over the page while the last good site stays up."""
import os
import pathlib
import re
import subprocess
import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[2]


def article(title: str, body: str) -> str:
    return f"---\ntitle: {title}\ncodes: [550]\n---\n{body}\n"


@pytest.fixture()
def served(tmp_path):
    binary = os.environ.get("FIXBOOK_BIN")
    if not binary:
        pytest.fail("set FIXBOOK_BIN to the fixbook executable (scripts/test.sh does)")
    (tmp_path / "Content").mkdir()
    (tmp_path / "Content" / "a.md").write_text(article("第一版", "旧的正文。\n\n## 解决方法\n\n步骤。"))
    server = subprocess.Popen([binary, "serve", "--root", str(tmp_path), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://[0-9.]+:[0-9]+", line)
    assert match, line
    yield tmp_path, match.group(0)
    server.terminate()
    server.wait(timeout=10)


def test_page_reloads_after_an_edit_and_shows_build_errors(driver, served):
    try:
        check_live_reload(driver, *served)
    finally:
        # Leave no polling page behind for the next test's console log.
        driver.get("about:blank")
        driver.get_log("browser")


def check_live_reload(driver, root, base):
    driver.get(base + "/articles/a.html")
    assert "旧的正文" in driver.find_element(By.TAG_NAME, "main").text
    time.sleep(0.8)  # let the page take its first look at the build status
    (root / "Content" / "a.md").write_text(article("第二版", "新的正文。\n\n## 解决方法\n\n步骤。"))
    # The page reloads itself: an element found just before can be gone when its text is read.
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: "新的正文" in d.find_element(By.TAG_NAME, "main").text)

    (root / "Content" / "a.md").write_text(article("第三版", "没有解决方法。"))
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "pre[role=alert]"))
    alert = driver.find_element(By.CSS_SELECTOR, "pre[role=alert]").text
    assert "code-without-solution" in alert and "Content/a.md" in alert
    assert "新的正文" in driver.find_element(By.TAG_NAME, "main").text
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, severe
