"""One-click copy of error codes, code blocks and section links, in a real headless Chromium from
file://: what the reader clicks, what they see and hear, and what lands on the clipboard."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import build_site, page_url

ARTICLE = "articles/outlook-0x800ccc0f-0x800ccc0e-connection-timeout.html"


def pasted(driver):
    """What the clipboard holds, pasted with the keyboard into a fresh text field."""
    driver.execute_script(
        "var t = document.getElementById('paste-here') || document.createElement('textarea');"
        "t.id = 'paste-here'; t.value = ''; t.style.cssText = 'position:fixed;top:0;left:0;z-index:9999';"
        "document.body.appendChild(t);")
    field = driver.find_element(By.ID, "paste-here")
    field.click()
    field.send_keys(Keys.CONTROL, "v")
    return field.get_attribute("value")


def test_an_error_code_copies_with_one_click_and_says_so(driver, site):
    driver.get(page_url(site, ARTICLE))
    button = driver.find_element(By.CSS_SELECTOR, 'button[data-copy="0x800CCC0F"]')
    assert button.is_displayed()
    assert button.text == "复制"
    assert button.get_attribute("aria-label") == "复制 0x800CCC0F"
    # keyboard reachable: focused and pressed like any button
    driver.execute_script("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)
    WebDriverWait(driver, 3).until(lambda d: button.text == "已复制")
    status = driver.find_element(By.CSS_SELECTOR, "[data-copy-status]")
    WebDriverWait(driver, 3).until(lambda d: status.text == "已复制" or status.get_attribute("textContent") == "已复制")
    assert status.get_attribute("role") == "status"
    assert pasted(driver) == "0x800CCC0F"
    # and back to its word
    WebDriverWait(driver, 4).until(lambda d: button.text == "复制")


def test_without_scripts_no_button_is_shown(site):
    """The buttons are in the page hidden; only the script shows them, so none is dead."""
    html = (site / ARTICLE).read_text(encoding="utf-8")
    assert 'data-copy="0x800CCC0F" aria-label="复制 0x800CCC0F" hidden>' in html
    code_page = next((site / "codes").glob("*.html")).read_text(encoding="utf-8")
    assert "data-copy=" in code_page and " hidden>" in code_page


@pytest.fixture(scope="module")
def code_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("code-site"), {
        "fixbook.yml": "title: Help\nlanguage: en\n",
        "Content/reset.md": "---\ntitle: Reset the mail profile\n---\nRun this in a terminal:\n\n"
                            "```\noutlook.exe /resetnavpane\n```\n\n## Solution\n\nRestart Outlook.\n",
    })


def test_a_code_block_and_a_section_link_copy_too(driver, code_site):
    driver.get(page_url(code_site, "articles/reset.html"))
    block = driver.find_element(By.CSS_SELECTOR, 'button[data-copy="block"]')
    assert block.is_displayed() and block.text == "Copy"
    block.click()
    WebDriverWait(driver, 3).until(lambda d: block.text == "Copied")
    assert pasted(driver).strip() == "outlook.exe /resetnavpane"
    anchor = driver.find_element(By.CSS_SELECTOR, '.heading-anchor[data-copy="link"]')
    anchor.click()
    assert driver.current_url.endswith("#solution")
    assert pasted(driver) == driver.current_url
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe
