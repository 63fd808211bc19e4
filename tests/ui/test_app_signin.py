"""Who is signed in, in the app: the sidebar names the user and roles, and every audit entry a page writes names
them. AppTest cannot send request headers, so the request is given to ``foi_precedent.ui.signin`` directly;
the real header, through a real nginx, is ``tests/integration/test_signin_nginx.py``."""

from __future__ import annotations

import dataclasses

import pytest

from foi_precedent.identity import os_user
from foi_precedent.ui import signin
from tests.ui.test_app_check import PAGE as CHECK_PAGE
from tests.ui.test_app_check import _checked
from tests.ui.test_app_draft import _generate, _with_precedents

PROXY = "10.0.0.2"


def _sidebar(at) -> str:
    return (
        "\n".join(m.value for m in at.sidebar.markdown)
        + "\n"
        + "\n".join(c.value for c in at.sidebar.caption)
    )


@pytest.fixture
def behind_proxy(fake_services, monkeypatch):
    """The app configured for a sign-in proxy at PROXY; ``request(headers, address)`` sets what the next run sees."""
    fake_services.settings = dataclasses.replace(
        fake_services.settings, trusted_proxies=(f"{PROXY}/32",), reviewers=("alice",)
    )
    seen = {"headers": {}, "address": None}
    monkeypatch.setattr(signin, "request_headers", lambda: dict(seen["headers"]))
    monkeypatch.setattr(signin, "peer_address", lambda: seen["address"])

    def request(headers: dict, address: str | None) -> None:
        seen["headers"], seen["address"] = headers, address

    return request


def test_without_a_proxy_the_os_user_is_signed_in_and_named_in_the_audit(app_test, fake_services):
    at = _checked(app_test)
    assert f"**Signed in as** {os_user()}" in _sidebar(at) and "drafter, reviewer" in _sidebar(at)
    assert fake_services.audit.rows("checks")[0]["user_name"] == os_user()


def test_the_proxy_user_is_named_in_every_entry_a_page_writes(app_test, fake_services, behind_proxy):
    behind_proxy({"X-Forwarded-User": "alice"}, PROXY)
    at = _checked(app_test)
    assert "**Signed in as** alice" in _sidebar(at) and "signed in by the proxy" in _sidebar(at)
    button = next(b for b in at.button if b.key and b.key.endswith(".override"))
    at.text_area(key=button.key.removesuffix(".override") + ".reason").input("Published in 2025.")
    at.button(key=button.key).click()
    at.run()
    assert not at.exception, at.exception

    at = _generate(_with_precedents(app_test), mode="Precedent only")  # a new session, the same user
    at.button(key="draft.recheck").click()
    at.run()
    assert not at.exception, at.exception
    audit = fake_services.audit
    entries = audit.rows("checks") + audit.rows("overrides") + audit.rows("drafts")
    assert len(entries) == 4  # the Check page's check and override; the Draft page's draft and re-check
    assert {e["user_name"] for e in entries} == {"alice"}
    assert audit.rows("overrides")[0]["reviewer"] == "alice"


def test_a_header_from_an_untrusted_address_signs_nobody_in(app_test, fake_services, behind_proxy):
    behind_proxy({"X-Forwarded-User": "alice"}, "10.0.0.99")
    at = app_test(CHECK_PAGE)
    assert not at.exception, at.exception
    assert "**Not signed in**" in _sidebar(at) and "alice" not in _sidebar(at)
    assert any("not a trusted sign" in e.value and "99" in e.value for e in at.error)
    assert not at.title  # no page ran
    assert fake_services.audit.rows("checks") == []


def test_a_signed_in_user_with_no_role_is_turned_away(app_test, fake_services, behind_proxy):
    fake_services.settings = dataclasses.replace(fake_services.settings, drafters=("alice",))
    behind_proxy({"X-Forwarded-User": "carol"}, PROXY)
    at = app_test()
    assert "**Signed in as** carol" in _sidebar(at) and "no role" in _sidebar(at)
    assert any("has no role" in e.value for e in at.error) and not at.title
