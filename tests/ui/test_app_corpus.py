"""The Corpus page: browse with filters, search, open a letter beside its structure, add letters."""

from __future__ import annotations

from tests.conftest import CORPUS

PAGE = "app_pages/corpus.py"


def test_browse_lists_the_letters_and_filters_them(app_test):
    at = app_test(PAGE)
    assert not at.exception, at.exception
    assert "**2 of 2 letters**" in [m.value for m in at.markdown]
    at.selectbox(key="corpus.treatment").select("not_held")
    at.run()
    assert "**2 of 2 letters**" in [m.value for m in at.markdown]
    at.selectbox(key="corpus.treatment").select("withheld")
    at.selectbox(key="corpus.exemption").select("s31(1)(a)")
    at.run()
    assert "**2 of 2 letters**" in [m.value for m in at.markdown]
    at.selectbox(key="corpus.treatment").select("other")  # only 025506 has an unclassifiable answer
    at.run()
    assert "**1 of 2 letters**" in [m.value for m in at.markdown]


def test_search_shows_matching_answers(app_test):
    at = app_test(PAGE)
    at.text_input(key="corpus.query").input("average cost of a deployment")
    at.run()
    assert not at.exception, at.exception
    labels = [e.label for e in at.expander]
    assert labels and labels[0].startswith("01\\.FOI\\.22\\.025506 · Question 3")


def test_open_a_letter_shows_structure_beside_text(app_test):
    at = app_test(PAGE)
    at.selectbox(key="corpus.open").select("01.FOI.22.025506")
    at.run()
    assert not at.exception, at.exception
    assert any("Withheld" in m.value and "Question 2" in m.value for m in at.markdown)
    assert any("01.FOI.22.025506" in c.value for c in at.code)


def test_a_letter_with_script_is_shown_literally(app_test, fake_services):
    letter_text = (CORPUS / "seeds" / "mps-2024-frt-036325.md").read_text()
    evil = letter_text.replace("title: Information", "title: <script>alert('x')</script> Information", 1)
    evil = evil.replace("Leave this site", "Leave this site <script>alert('body')</script>", 1)
    at = app_test(PAGE)
    at.file_uploader(key="corpus.upload").upload("evil.md", evil.encode(), "text/markdown")
    at.run()  # an upload reruns the page, which enables the button
    at.button(key="corpus.ingest").click()
    at.run()
    assert not at.exception, at.exception
    ref = fake_services.index.ingested[0]
    at.selectbox(key="corpus.open").select(ref)
    at.run()
    titles = [m.value for m in at.markdown if "alert" in m.value]
    assert titles and all("<script>" not in t for t in titles)
    assert "\\<script\\>alert\\(\\'x\\'\\)\\</script\\>" in titles[0]
    # the letter itself is shown in a code block: text, never HTML
    assert any("<script>alert('body')</script>" in c.value for c in at.code)


def test_upload_reports_each_rejected_file(app_test, fake_services):
    good = (CORPUS / "letters" / "gmp-2021-drones.md").read_bytes()
    at = app_test(PAGE)
    at.file_uploader(key="corpus.upload").set_value(
        [
            ("drones.md", good, "text/markdown"),
            ("empty.txt", b"", "text/plain"),
            ("notes.txt", b"just some notes, no questions here", "text/plain"),
        ]
    )
    at.run()
    at.button(key="corpus.ingest").click()
    at.run()
    assert not at.exception, at.exception
    assert fake_services.index.ingested == ["GMP-FOI-2021-02525"]
    assert [w.value for w in at.warning] == ["Ingest: 1 letters added, 2 skipped."]
    errors = [e.value for e in at.error]
    assert len(errors) == 2
    assert errors[0].startswith("empty\\.txt:") and "empty" in errors[0]
    assert errors[1].startswith("notes\\.txt:")


def test_a_reading_to_check_is_marked_with_its_reason(app_test):
    """025506's REQUEST 2 is never answered: the page says so beside the question, with the reason."""
    at = app_test(PAGE)
    at.selectbox(key="corpus.open").select("01.FOI.22.025506")
    at.run()
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert any("Check this reading" in w and "no answer found" in w for w in warnings), warnings
    assert any("Read from:" in c.value for c in at.caption)  # a confident reading shows its evidence


def test_letters_read_by_another_reader_are_said_with_the_command_that_reads_them_again(
    app_test, real_services, monkeypatch
):
    at = app_test(PAGE, services=real_services)
    assert not at.exception, at.exception
    assert not [w for w in at.warning if "reread" in w.value]  # read by this reader: nothing to say
    monkeypatch.setattr("retriever.index.reader_version", lambda: "0123456789abcdef")  # an upgrade
    at = app_test(PAGE, services=real_services)
    assert not at.exception, at.exception
    said = [w.value for w in at.warning if "precedent reread" in w.value]
    assert said and said[0].startswith("2 letters in the index were read by another version of the reader")
