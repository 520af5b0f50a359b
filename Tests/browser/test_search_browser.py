"""Search in a real headless Chromium, with the site opened from file:// and no network."""
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import page_url

# The acceptance queries: each must put this article first.
FIRST_RESULTS = [
    ("0x800cccof", "outlook-0x800ccc0f-0x800ccc0e-connection-timeout"),
    ("800CCC0D", "outlook-0x800ccc0d-cannot-find-host"),
    ("5.1.1", "bounce-recipient-does-not-exist"),
    ("552", "bounce-552-message-too-large-or-mailbox-full"),
    ("sender is in prison", "sender-is-in-prison"),
    ("Relay access denied", "bounce-rejected-by-antispam"),
    ("无法找到主机", "outlook-0x800ccc0d-cannot-find-host"),
    ("收不到外域邮件", "cannot-receive-external-mail"),
    ("邮件乱码", "garbled-text"),
    ("winmail.dat", "attachments-missing-winmail-dat"),
]


def results(driver):
    return driver.find_elements(By.CSS_SELECTOR, "[data-search-results] a[data-result]")


def wait_for_results(driver):
    WebDriverWait(driver, 5).until(lambda d: results(d) or d.find_elements(By.CSS_SELECTOR, ".search-empty"))
    return results(driver)


def assert_clean(driver):
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe
    external = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('file:'))")
    assert not external, external


@pytest.mark.parametrize("query,slug", FIRST_RESULTS)
def test_deep_link_puts_the_right_article_first(driver, site, query, slug):
    driver.get(page_url(site, "search.html", "?q=" + urllib.parse.quote(query)))
    found = wait_for_results(driver)
    assert found, f"no results for {query!r}"
    assert f"articles/{slug}.html" in found[0].get_attribute("href"), [a.get_attribute("href") for a in found[:3]]
    assert_clean(driver)


@pytest.mark.parametrize("query,slug", FIRST_RESULTS[:4] + FIRST_RESULTS[6:8])
def test_typing_on_the_home_page_shows_results(driver, site, query, slug):
    driver.get(page_url(site, "index.html"))
    box = driver.find_element(By.CSS_SELECTOR, "#home-search")
    box.send_keys(query)
    found = wait_for_results(driver)
    assert found and f"articles/{slug}.html" in found[0].get_attribute("href")
    assert_clean(driver)


def test_header_box_opens_the_first_result_with_the_keyboard(driver, site):
    driver.get(page_url(site, "articles/garbled-text.html"))
    box = driver.find_element(By.CSS_SELECTOR, "#site-search")
    box.send_keys("0x800CCC0D")
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search-popup] a[data-result]"))
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: "outlook-0x800ccc0d-cannot-find-host" in d.current_url)
    assert_clean(driver)


def test_no_results_is_a_helpful_state(driver, site):
    driver.get(page_url(site, "search.html", "?q=" + urllib.parse.quote("zzqqxx wwvvkk")))
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-empty"))
    empty = driver.find_element(By.CSS_SELECTOR, ".search-empty")
    assert empty.is_displayed()
    assert "support@example.com" in empty.text
    assert not results(driver)


def test_code_result_links_to_the_solution_anchor(driver, site):
    driver.get(page_url(site, "search.html", "?q=0x800CCC79"))
    found = wait_for_results(driver)
    assert "#" in found[0].get_attribute("href")
