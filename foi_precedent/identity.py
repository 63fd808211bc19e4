"""Who is signed in: the user a request acts for, and what they may do (pure: headers and an address in).

A team runs the app behind a reverse proxy that signs people in and puts the user's name in a header
(``PRECEDENT_USER_HEADER``). Anyone can send that header, so it is believed only when the request's own
TCP peer is one of ``PRECEDENT_TRUSTED_PROXIES``. The three cases:

- **No proxy configured** (the embedded default): the app is one officer's, on their own machine. The user
  is the OS user who runs it, with both roles, so one person can use every page. Any user header is
  ignored: with no proxy named, nothing vouches for it.
- **A proxy configured, the request came from it**: the user is the header's name, with the roles the
  configuration gives that name (everyone signed in drafts unless ``PRECEDENT_DRAFTERS`` lists who may;
  reviewers only as ``PRECEDENT_REVIEWERS`` lists). Names are compared exactly: an identity provider may
  treat ``Alice`` and ``alice`` as two people.
- **A proxy configured, the request did not come from it** (or it sent no name): nobody is signed in. The
  user is anonymous with no roles, and the app refuses to work for them. Not the header's name: the request
  went round the proxy, so anyone could have written it. Not the OS user either: that is the service
  account running the server, and falling back to it would give whoever reaches the port directly every
  role, and write their actions into the audit log under the server's name.

Streamlit's server (uvicorn) by default replaces the peer address of a request from 127.0.0.1 or ::1 with an
entry of its ``X-Forwarded-For`` header (uvicorn's ``FORWARDED_ALLOW_IPS``). A local process could then
claim to be the proxy by writing the proxy's address there. So an address that could have come from that
header (it is listed in it, and the server trusts forwarded headers from anyone) is not believed; start the
app with ``FORWARDED_ALLOW_IPS=`` (empty) so the address is always the real peer.
"""

from __future__ import annotations

import getpass
import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass

DRAFTER = "drafter"
REVIEWER = "reviewer"
ROLES = (DRAFTER, REVIEWER)
ANONYMOUS = "anonymous"
#: uvicorn's own default for FORWARDED_ALLOW_IPS (the addresses whose X-Forwarded-For it believes)
UVICORN_FORWARDED_DEFAULT = "127.0.0.1,::1"
MAX_NAME = 256

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class User:
    name: str
    roles: frozenset[str] = frozenset()
    via: str = (
        "local"  # "proxy" (a trusted proxy's header), "local" (the OS user, no proxy), "none" (not signed in)
    )
    reason: str = ""  # not signed in: why; otherwise anything the operator should know (an ignored header)

    @property
    def signed_in(self) -> bool:
        return self.via != "none"

    def has(self, role: str) -> bool:
        return role in self.roles

    def describe_roles(self) -> str:
        return ", ".join(r for r in ROLES if r in self.roles) or "no role"


def os_user() -> str:
    """The account running this process (the CLI's user, and the app's when no proxy is configured)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # a container uid with no passwd entry and no LOGNAME/USER
        return f"uid {os.getuid()}"


def roles_for(name: str, settings) -> frozenset[str]:
    """The roles configuration gives a signed-in ``name``."""
    roles = set()
    if not settings.drafters or name in settings.drafters:
        roles.add(DRAFTER)
    if name in settings.reviewers:
        roles.add(REVIEWER)
    return frozenset(roles)


def header(headers: Mapping[str, str], name: str) -> str | None:
    """A header's value by name, whatever the case of either (HTTP header names are case-insensitive)."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def parse_address(value: str | None) -> IPAddress | None:
    """An IP address, an IPv4-mapped IPv6 one read as IPv4 (``::ffff:10.0.0.2`` is ``10.0.0.2``)."""
    if not value:
        return None
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _forwarded_for(headers: Mapping[str, str]) -> set[IPAddress]:
    """The addresses in X-Forwarded-For, with or without ports (``1.2.3.4:5``, ``[::1]:5``)."""
    out = set()
    for entry in (header(headers, "X-Forwarded-For") or "").split(","):
        entry = entry.strip()
        if entry.count(":") == 1:  # IPv4 with a port
            entry = entry.split(":")[0]
        address = parse_address(entry)
        if address is not None:
            out.add(address)
    return out


def _usable_name(value: str | None) -> str | None:
    """The header's name, or None when it cannot be one person's: empty, too long, control characters, or a
    comma (two headers joined, or a name the comma-separated role lists could never hold)."""
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > MAX_NAME or "," in value or any(ord(c) < 32 or ord(c) == 127 for c in value):
        return None
    return value


def current_user(
    headers: Mapping[str, str], remote_addr: str | None, settings, *, forwarded_allow_ips: str = ""
) -> User:
    """The user a request acts for (see the module docstring for why each case is decided as it is).

    ``remote_addr`` is the request's TCP peer as the app server reports it; ``forwarded_allow_ips`` is the app
    server's FORWARDED_ALLOW_IPS (the peers whose X-Forwarded-For it copies into that address; "" for none).
    """
    user_header = settings.user_header
    sent = header(headers, user_header)
    if not settings.trusted_proxies:
        note = (
            f"A {user_header} header was sent and ignored: no trusted proxy is configured "
            "(PRECEDENT_TRUSTED_PROXIES)."
            if sent is not None
            else ""
        )
        return User(os_user(), frozenset(ROLES), via="local", reason=note)

    def anonymous(why: str) -> User:
        return User(ANONYMOUS, frozenset(), via="none", reason=why)

    peer = parse_address(remote_addr)
    if peer is None:
        return anonymous(
            "the request's address is unknown, so it cannot be shown to come from the sign-in proxy"
        )
    if not any(peer in ipaddress.ip_network(n, strict=False) for n in settings.trusted_proxies):
        ignored = f"; its {user_header} header is ignored" if sent is not None else ""
        return anonymous(f"the request came from {peer}, which is not a trusted sign-in proxy{ignored}")
    if forwarded_allow_ips.strip() and peer in _forwarded_for(headers):
        return anonymous(
            f"the request's address {peer} may have been taken from its X-Forwarded-For header; "
            "start the app with FORWARDED_ALLOW_IPS= (empty) so the proxy's own address is checked"
        )
    name = _usable_name(sent)
    if name is None:
        what = "no" if sent is None or not sent.strip() else "an unusable"
        return anonymous(f"the sign-in proxy sent {what} {user_header} header")
    return User(name, roles_for(name, settings), via="proxy")
