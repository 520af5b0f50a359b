"""'Did this solve your problem?' in a real headless Chromium from file://: an answer reaches a real
local HTTP endpoint that records it, or, with no endpoint, 'no' is a prefilled message to support."""
import http.server
import threading
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import build_site, page_url


@pytest.fixture(scope="module")
def endpoint():
    """A feedback endpoint on this machine that records every request it gets."""
    received = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            received.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feedback", received
    server.shutdown()


@pytest.fixture(scope="module")
def feedback_site(tmp_path_factory, endpoint):
    return build_site(tmp_path_factory.mktemp("feedback-site"), {
        "fixbook.yml": f"title: Help\nlanguage: en\nfeedback:\n  url: {endpoint[0]}\n",
        "Content/outbox.md": "---\ntitle: Messages stay in the Outbox\ncodes: [0x800CCC0F]\n---\n"
                             "Outlook cannot reach the server.\n\n## Solution\n\nCheck the connection.\n",
    })


def test_an_answer_reaches_the_configured_endpoint(driver, feedback_site, endpoint):
    url, received = endpoint
    driver.get(page_url(feedback_site, "articles/outbox.html"))
    block = driver.find_element(By.CSS_SELECTOR, "[data-feedback]")
    assert block.find_element(By.TAG_NAME, "h2").text == "Did this solve your problem?"
    no = block.find_element(By.CSS_SELECTOR, '[data-feedback-answer="no"]')
    assert no.text == "No"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", no)
    no.click()
    WebDriverWait(driver, 5).until(lambda d: received)
    path, query = received[0].split("?", 1)
    assert path == "/feedback"
    assert dict(urllib.parse.parse_qsl(query)) == {
        "article": "outbox", "language": "en", "answer": "no", "page": "articles/outbox.html"}
    status = block.find_element(By.CSS_SELECTOR, "[data-feedback-status]")
    assert status.text == "Thank you for your feedback!"
    assert not block.find_element(By.CSS_SELECTOR, ".feedback-answers").is_displayed()
    # the reader stays on the article
    assert driver.current_url.endswith("articles/outbox.html")


def test_without_an_endpoint_yes_thanks_and_no_writes_to_support(driver, site):
    driver.get(page_url(site, "articles/outlook-0x800ccc0f-0x800ccc0e-connection-timeout.html"))
    block = driver.find_element(By.CSS_SELECTOR, "[data-feedback]")
    no = block.find_element(By.CSS_SELECTOR, '[data-feedback-answer="no"]')
    mail = no.get_attribute("href")
    assert mail.startswith("mailto:support@example.com?subject=")
    fields = dict(urllib.parse.parse_qsl(mail.split("?", 1)[1]))
    assert fields["subject"].startswith("求助：") and "0x800CCC0F, 0x800CCC0E" in fields["subject"]
    assert "退信原文" in fields["body"]
    assert driver.find_element(By.CSS_SELECTOR, "[data-still-stuck]").get_attribute("href") == mail
    yes = block.find_element(By.CSS_SELECTOR, '[data-feedback-answer="yes"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", yes)
    yes.click()
    status = block.find_element(By.CSS_SELECTOR, "[data-feedback-status]")
    WebDriverWait(driver, 3).until(lambda d: status.text == "谢谢您的反馈！")
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe
