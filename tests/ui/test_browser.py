"""The real thing: `streamlit run app.py` on 127.0.0.1 with the shipped corpus indexed, driven by chromium.

Goes through the Draft page end to end (request in, precedents shown, a precedent-only draft made, flags
shown, the case's received date and working days left), submits it for review, approves it on the Review page,
exports it with the approval and marks it sent (the Cases page then lists it sent), checks a draft holding a
<script> (shown as text, never run), opens the Corpus page, and saves a screenshot of each page into
docs/screenshots/. Needs Debian's chromium (`make browser` installs it).
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.ui.browser_support import CHROMIUM, ROOT, build_index, chromium, running_app
from tests.ui.conftest import REQUEST
from tests.ui.test_app_check import DRAFT
from tests.ui.test_app_draft import ONE_LINE, ONE_LINE_IDENTITY

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
]

SHOTS = ROOT / "docs" / "screenshots"
WIDTH = 1440


@pytest.fixture(scope="module")
def indexed_home(tmp_path_factory):
    """A fresh PRECEDENT_HOME with the corpus indexed (about two minutes); PRECEDENT_BROWSER_HOME reuses
    one built before, for iterating on the pages."""
    if os.environ.get("PRECEDENT_BROWSER_HOME"):
        return Path(os.environ["PRECEDENT_BROWSER_HOME"])
    home = tmp_path_factory.mktemp("browser") / "precedent-home"
    build_index(home)
    return home


def settled(page, timeout: float = 120_000) -> None:
    """Wait until the script run is over (Streamlit shows its status widget while running)."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=timeout)


def screenshot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its main container, so grow the viewport to fit it."""
    page.wait_for_timeout(600)
    height = page.evaluate(
        "() => Math.max(...['[data-testid=\"stMain\"]', '[data-testid=\"stAppViewContainer\"]', 'body']"
        ".map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": WIDTH, "height": max(900, min(int(height), 7000))})
    page.wait_for_timeout(600)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))
    page.set_viewport_size({"width": WIDTH, "height": 1000})


def download(page, button: str) -> str:
    """The text of the file a download button gives."""
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name=button).click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_draft_check_and_corpus_pages_in_chromium(indexed_home):
    dialogs: list[str] = []
    with running_app(indexed_home) as (url, _), chromium(WIDTH) as page:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.get_by_role("heading", name="Draft a reply").wait_for(timeout=30_000)

        # Draft: a request pasted on one line, as web forms send it, gives its four questions; what the page
        # shows as sent to the index has the requester's name, e-mail and address removed
        page.locator('textarea[aria-label="Request"]').fill(ONE_LINE)
        page.get_by_role("button", name="Find precedents").click()
        page.get_by_text("4 questions and their precedents").wait_for(timeout=60_000)
        settled(page)
        main = page.locator('[data-testid="stMain"]')
        assert main.get_by_text("How many false alerts were generated?").count() >= 1
        page.get_by_text("What is sent to the index").click()
        sent = page.locator('[data-testid="stExpander"]').filter(has_text="What is sent to the index")
        sent.locator("code").first.wait_for(timeout=10_000)
        sent_text = sent.inner_text()
        assert "4. How many false alerts were generated?" in sent_text and "[EMAIL]" in sent_text
        for value in ONE_LINE_IDENTITY:
            assert value not in sent_text, value
        assert "Jane Smith" not in main.inner_text().split("Draft\n")[-1]

        # Draft: request in, precedents beside each question
        page.locator('textarea[aria-label="Request"]').fill(REQUEST)
        page.get_by_role("button", name="Find precedents").click()
        page.get_by_text("5 questions and their precedents").wait_for(timeout=60_000)
        settled(page)
        assert page.get_by_text("Precedent says:").count() == 5
        # the case and its clock: received today by default, under FOIA, due in working days
        assert page.get_by_text("Case and the clock").count() == 1
        received = page.locator('[data-testid="stDateInput"]').filter(has_text="Received").inner_text()
        assert re.sub(r"\D", "", received) == date.today().strftime("%d%m%Y")  # the date's digits, DD/MM/YYYY
        assert re.search(r"Due \w+day \d+ \w+ \d{4} · \d+ working days left", main.inner_text())
        assert page.locator('[data-testid="stExpander"]').count() >= 5
        assert "Jane" not in page.locator('[data-testid="stMain"]').inner_text().split("Draft\n")[-1]

        # a precedent-only draft, checked, with its flags
        page.get_by_text("Precedent only", exact=True).click()
        page.get_by_role("button", name="Generate draft").click()
        page.get_by_text("from precedent only").first.wait_for(timeout=120_000)
        page.get_by_text("Check:").wait_for(timeout=30_000)
        settled(page)
        draft = page.locator('textarea[aria-label^="Draft letter"]').input_value()
        assert draft.startswith("Freedom of information request reference no")
        assert "Dear Jane Example," in draft  # the salutation is the one place the name goes back in
        page.get_by_role("button", name="Word (.docx)").wait_for(
            timeout=30_000
        )  # the page below the check has rendered
        page.locator('[data-testid="stExpander"]').filter(
            has_text=" · "
        ).first.click()  # one precedent, for the picture
        screenshot(page, "draft.png")

        # Sign-off: the export says NOT APPROVED; the draft is submitted, approved on the Review page (the embedded
        # app's one user holds both roles), frozen on the Draft page, and its export carries the approval
        assert (
            yaml.safe_load(download(page, "Markdown (.md)").split("---\n")[1])["approval"] == "NOT APPROVED"
        )
        page.get_by_role("button", name="Submit for review").click()
        page.get_by_text("Waiting for a reviewer").wait_for(timeout=30_000)
        settled(page)
        assert page.locator('textarea[aria-label^="Draft letter"]').is_disabled()
        page.get_by_role("link", name="Review", exact=True).click()
        page.get_by_role("heading", name="Review drafts").wait_for(timeout=30_000)
        settled(page)
        assert page.get_by_text("Flags (").count() == 1 and page.get_by_text("Overrides (").count() == 1
        screenshot(page, "review.png")
        page.get_by_role("button", name="Approve").click()
        page.get_by_text("No draft is waiting for review").wait_for(timeout=30_000)
        page.get_by_role("link", name="Draft", exact=True).click()
        page.get_by_text("The draft is frozen").wait_for(timeout=30_000)
        settled(page)
        exported = download(page, "Markdown (.md)")
        front = yaml.safe_load(exported.split("---\n")[1])
        assert front["approval"].startswith("Approved by ") and "NOT APPROVED" not in exported
        assert page.get_by_role("button", name="New version").is_visible()

        # Mark as sent: recorded with who sent it; the case list shows the case sent
        page.get_by_role("button", name="Mark as sent").click()
        page.get_by_text("Marked as sent by").wait_for(timeout=30_000)
        settled(page)
        assert page.get_by_role("button", name="Mark as sent").count() == 0
        page.get_by_role("link", name="Cases", exact=True).click()
        page.get_by_role("heading", name="Cases").wait_for(timeout=30_000)
        page.get_by_text("nobody: sent").wait_for(timeout=30_000)
        settled(page)
        assert page.get_by_text("1 case: 0 open, none overdue").count() == 1
        screenshot(page, "cases.png")

        # Check: a pasted draft with a <script> in it
        page.get_by_role("link", name="Check", exact=True).click()
        page.get_by_role("heading", name="Check a draft").wait_for(timeout=30_000)
        page.locator('textarea[aria-label="Draft"]').fill(DRAFT)
        page.get_by_role("button", name="Check the draft").click()
        page.get_by_text("treatment divergence").first.wait_for(timeout=60_000)
        settled(page)
        assert page.get_by_text("<script>alert(1)</script>", exact=False).count() >= 1
        assert page.locator("script", has_text="alert(1)").count() == 0
        screenshot(page, "check.png")

        # Corpus: browse, then open a letter beside its structure
        page.get_by_role("link", name="Corpus", exact=True).click()
        page.get_by_text("precedent letters in the index").wait_for(timeout=30_000)
        settled(page)
        screenshot(page, "corpus-browse.png")
        page.get_by_role("tab", name="Open a letter").click()
        letter_box = page.locator('input[aria-label="Letter"]')
        letter_box.wait_for(timeout=30_000)
        letter_box.click()
        page.keyboard.type("GMP-FOI-2021-02525")
        page.keyboard.press("Enter")
        page.get_by_text("The letter as written").wait_for(timeout=30_000)
        settled(page)
        screenshot(page, "corpus.png")

        # Re-check: the whole index, leave-one-out, with its report
        page.get_by_role("link", name="Re-check", exact=True).click()
        page.get_by_role("heading", name="Re-check past letters").wait_for(timeout=30_000)
        page.get_by_role("button", name="Re-check").click()
        page.get_by_text("Clusters that disagree").wait_for(timeout=300_000)
        settled(page)
        screenshot(page, "recheck.png")
    assert dialogs == []  # nothing in a letter ran
