"""Who is signed in: the user header is believed only from a trusted proxy; roles come from configuration."""

from __future__ import annotations

import dataclasses

import pytest

from foi_precedent.errors import PrecedentError
from foi_precedent.identity import ANONYMOUS, DRAFTER, REVIEWER, current_user, os_user
from foi_precedent.settings import Settings

PROXY = "10.0.0.2"


@pytest.fixture
def behind_proxy(tmp_path):
    return Settings(home=tmp_path, trusted_proxies=(f"{PROXY}/32", "192.168.5.0/24"), reviewers=("bob",))


def test_no_proxy_configured_is_the_os_user_with_both_roles(tmp_path):
    user = current_user({}, None, Settings(home=tmp_path))
    assert (user.name, user.roles, user.via, user.reason) == (os_user(), {DRAFTER, REVIEWER}, "local", "")


def test_no_proxy_configured_ignores_the_header_and_says_so(tmp_path):
    user = current_user({"X-Forwarded-User": "mallory"}, "10.9.9.9", Settings(home=tmp_path))
    assert user.name == os_user() and "ignored" in user.reason


def test_header_from_a_trusted_proxy_is_the_user(behind_proxy):
    user = current_user({"x-forwarded-user": " alice "}, PROXY, behind_proxy)  # any case, trimmed
    assert (user.name, user.roles, user.via) == ("alice", {DRAFTER}, "proxy")
    assert (
        current_user({"X-Forwarded-User": "carol"}, "192.168.5.77", behind_proxy).name == "carol"
    )  # a CIDR range
    assert current_user({"X-Forwarded-User": "alice"}, f"::ffff:{PROXY}", behind_proxy).name == "alice"


def test_header_from_an_untrusted_address_is_ignored(behind_proxy):
    user = current_user({"X-Forwarded-User": "alice"}, "10.0.0.3", behind_proxy)
    assert (user.name, user.roles, user.via) == (ANONYMOUS, frozenset(), "none")
    assert "10.0.0.3" in user.reason and "ignored" in user.reason and not user.signed_in


def test_unknown_address_is_not_trusted(behind_proxy):
    for address in (None, "", "not-an-address", "unix:/run/x.sock"):
        assert current_user({"X-Forwarded-User": "alice"}, address, behind_proxy).name == ANONYMOUS


def test_a_proxy_that_names_nobody_signs_nobody_in(behind_proxy):
    for headers in (
        {},
        {"X-Forwarded-User": "  "},
        {"X-Forwarded-User": "a\nb"},
        {"X-Forwarded-User": "alice, mallory"},
        {"X-Forwarded-User": "x" * 300},
    ):
        user = current_user(headers, PROXY, behind_proxy)
        assert user.via == "none" and user.roles == frozenset(), headers


def test_the_header_name_is_configurable(behind_proxy):
    settings = dataclasses.replace(behind_proxy, user_header="X-Auth-Request-User")
    assert current_user({"X-Auth-Request-User": "alice"}, PROXY, settings).name == "alice"
    assert current_user({"X-Forwarded-User": "alice"}, PROXY, settings).via == "none"


def test_roles_from_configuration(behind_proxy):
    assert current_user({"X-Forwarded-User": "bob"}, PROXY, behind_proxy).roles == {DRAFTER, REVIEWER}
    assert current_user({"X-Forwarded-User": "Bob"}, PROXY, behind_proxy).roles == {DRAFTER}  # exact names
    listed = dataclasses.replace(behind_proxy, drafters=("alice",), reviewers=("bob",))
    assert current_user({"X-Forwarded-User": "alice"}, PROXY, listed).roles == {DRAFTER}
    assert current_user({"X-Forwarded-User": "bob"}, PROXY, listed).roles == {REVIEWER}
    carol = current_user({"X-Forwarded-User": "carol"}, PROXY, listed)
    assert carol.signed_in and carol.roles == frozenset() and carol.describe_roles() == "no role"


def test_an_address_the_app_server_may_have_copied_from_x_forwarded_for_is_not_trusted(behind_proxy):
    """uvicorn (under Streamlit) replaces a loopback peer's address with X-Forwarded-For's unless told not to."""
    forged = {"X-Forwarded-User": "mallory", "X-Forwarded-For": f"{PROXY}:443"}
    user = current_user(forged, PROXY, behind_proxy, forwarded_allow_ips="127.0.0.1,::1")
    assert user.via == "none" and "FORWARDED_ALLOW_IPS" in user.reason
    # with the server told to believe no X-Forwarded-For, the address is the real peer
    assert current_user(forged, PROXY, behind_proxy, forwarded_allow_ips="").name == "mallory"
    # a proxy adds its client's address, not its own: that is fine
    proxied = {"X-Forwarded-User": "alice", "X-Forwarded-For": "203.0.113.9"}
    assert current_user(proxied, PROXY, behind_proxy, forwarded_allow_ips="127.0.0.1,::1").name == "alice"


def test_settings_read_the_sign_in_variables(monkeypatch, tmp_path):
    monkeypatch.setenv("PRECEDENT_HOME", str(tmp_path))
    monkeypatch.setenv("PRECEDENT_USER_HEADER", "X-Remote-User")
    monkeypatch.setenv("PRECEDENT_TRUSTED_PROXIES", "127.0.0.2, 10.1.2.3/24,::1")
    monkeypatch.setenv("PRECEDENT_REVIEWERS", "bob, carol,")
    monkeypatch.setenv("PRECEDENT_DRAFTERS", "alice")
    s = Settings.from_env()
    assert s.user_header == "X-Remote-User"
    assert s.trusted_proxies == ("127.0.0.2/32", "10.1.2.0/24", "::1/128")
    assert (s.reviewers, s.drafters) == (("bob", "carol"), ("alice",))
    monkeypatch.setenv("PRECEDENT_TRUSTED_PROXIES", "nginx.internal")
    with pytest.raises(PrecedentError, match="nginx.internal"):
        Settings.from_env()


def test_settings_default_to_no_proxy(monkeypatch, tmp_path):
    for name in (
        "PRECEDENT_USER_HEADER",
        "PRECEDENT_TRUSTED_PROXIES",
        "PRECEDENT_REVIEWERS",
        "PRECEDENT_DRAFTERS",
    ):
        monkeypatch.delenv(name, raising=False)
    s = Settings.from_env()
    assert (s.user_header, s.trusted_proxies, s.drafters, s.reviewers) == ("X-Forwarded-User", (), (), ())
