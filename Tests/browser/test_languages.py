"""The sample help center in Chinese and English, in a real headless Chromium from file://: the
chooser at the top opens the reader's language, the switcher on any page lands on its
translation, and a query on the English pages finds English articles."""
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import page_url

ARTICLE = "articles/outlook-0x800ccc79-recipient-rejected.html"


def switcher_links(driver):
    nav = driver.find_element(By.CSS_SELECTOR, "[data-language-switcher]")
    return {a.text: a for a in nav.find_elements(By.TAG_NAME, "a")}


def test_the_switcher_on_an_article_lands_on_its_translation(driver, output):
    driver.get(page_url(output, "zh-cn/" + ARTICLE))
    nav = driver.find_element(By.CSS_SELECTOR, "[data-language-switcher]")
    assert nav.is_displayed()
    assert nav.find_element(By.CSS_SELECTOR, "[aria-current]").text == "简体中文"
    links = switcher_links(driver)
    assert list(links) == ["English"]
    assert links["English"].get_attribute("hreflang") == "en"
    links["English"].click()
    WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith("/en/" + ARTICLE))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert driver.find_element(By.TAG_NAME, "h1").text == "Outlook error 0x800CCC79 when sending: the server rejected a recipient"
    # and back, from the English page to the Chinese one
    switcher_links(driver)["简体中文"].click()
    WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith("/zh-cn/" + ARTICLE))
    assert "0x800CCC79" in driver.find_element(By.TAG_NAME, "h1").text


@pytest.mark.parametrize("page", ["index.html", "codes/index.html", "codes/550.html", "categories/bounces.html",
                                  "search.html"])
def test_every_kind_of_page_switches_to_the_same_page(driver, output, page):
    driver.get(page_url(output, "en/" + page))
    switcher_links(driver)["简体中文"].click()
    WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith("/zh-cn/" + page))


@pytest.mark.parametrize("accept,landing", [("en-GB,en;q=0.9", "en/index.html"), ("zh-CN,zh;q=0.9", "zh-cn/index.html"),
                                            ("zh-TW", "zh-cn/index.html"), ("fr-FR,fr", "zh-cn/index.html")])
def test_the_top_opens_the_readers_language(driver, output, accept, landing):
    driver.execute_cdp_cmd("Emulation.setUserAgentOverride",
                           {"userAgent": driver.execute_script("return navigator.userAgent"),
                            "acceptLanguage": accept})
    try:
        driver.get(page_url(output, "index.html"))
        WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith("/" + landing))
    finally:
        driver.execute_cdp_cmd("Emulation.setUserAgentOverride",
                               {"userAgent": driver.execute_script("return navigator.userAgent")})


def test_the_chooser_lists_every_language(driver, output):
    driver.get(page_url(output, "index.html#choose"))
    choices = driver.find_elements(By.CSS_SELECTOR, "[data-language-chooser] a")
    assert [c.find_element(By.CLASS_NAME, "language-name").text for c in choices] == ["简体中文", "English"]
    assert choices[1].find_element(By.CLASS_NAME, "language-title").text == "Business Mail Help Center"
    choices[1].click()
    WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith("/en/index.html"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Business Mail Help Center"


@pytest.mark.parametrize("query,slug", [("0x800ccc79", "outlook-0x800ccc79-recipient-rejected"),
                                        ("winmail.dat", "attachments-missing-winmail-dat"),
                                        ("not receiving email from outside", "cannot-receive-external-mail"),
                                        ("sender is in prison", "sender-is-in-prison")])
def test_a_query_on_the_english_pages_finds_english_articles(driver, output, query, slug):
    driver.get(page_url(output, "en/search.html", "?q=" + urllib.parse.quote(query)))
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search-results] a[data-result]"))
    first = driver.find_elements(By.CSS_SELECTOR, "[data-search-results] a[data-result]")[0]
    assert f"/en/articles/{slug}.html" in first.get_attribute("href")
    # an English title, not the Chinese one
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in first.text), first.text
