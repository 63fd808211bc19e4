"""Sign-in through a real reverse proxy: Debian's nginx in front of `streamlit run app.py`, setting the user header.

nginx listens on 127.0.0.1 and reaches the app from 127.0.0.2 (``proxy_bind``); the app trusts only 127.0.0.2.
A browser through nginx is alice (even when it sends a user header of its own: nginx replaces it). A browser
straight to the app, from 127.0.0.1, sending the header itself, is nobody, and so is one that also writes
the proxy's address into X-Forwarded-For (Streamlit's server copies that header into the client address for
loopback peers; the app does not believe an address that could have come from it). Needs /usr/sbin/nginx
(`make browser` installs it) and Debian's chromium.
"""

from __future__ import annotations

import os
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.ui.browser_support import CHROMIUM, _healthy, chromium, free_port, running_app

NGINX = Path("/usr/sbin/nginx")
PROXY_SOURCE = "127.0.0.2"  # the address nginx connects to the app from: the only trusted proxy

pytestmark = [
    pytest.mark.integration,
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not NGINX.exists(), reason=f"{NGINX} is missing (apt-get install nginx)"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
]

CONF = """
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
{user}
events {{ worker_connections 256; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_bind {source};
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-User alice;
            proxy_read_timeout 300s;
            proxy_max_temp_file_size 0;
        }}
    }}
}}
"""


@contextmanager
def nginx_in_front(app_url: str, prefix: Path, timeout: float = 30):
    """Debian's nginx on a free port of 127.0.0.1, proxying to ``app_url`` from PROXY_SOURCE; yields its URL."""
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(
        CONF.format(
            prefix=prefix,
            port=port,
            app_port=app_url.rsplit(":", 1)[1],
            source=PROXY_SOURCE,
            # as root the workers would otherwise drop to nobody, who cannot enter the temp dir
            user="user root;" if os.geteuid() == 0 else "",
        ),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [str(NGINX), "-e", str(prefix / "error.log"), "-p", str(prefix), "-c", str(conf)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        while not _healthy(url):
            if proc.poll() is not None:
                log = (
                    (prefix / "error.log").read_text(errors="replace")
                    if (prefix / "error.log").exists()
                    else ""
                )
                raise RuntimeError(
                    f"nginx exited ({proc.returncode}): {proc.stdout.read().decode()[-2000:]} {log}"
                )
            if time.monotonic() - started > timeout:
                raise TimeoutError(f"nginx not proxying after {timeout} s")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _sidebar_after_sign_in(page, url: str, headers: dict[str, str]) -> str:
    """Open the app with ``headers`` sent by the browser itself; the sidebar's text once it says who is in."""
    page.set_extra_http_headers(headers)
    page.goto(url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Signed in as").or_(sidebar.get_by_text("Not signed in")).wait_for(timeout=60_000)
    return sidebar.inner_text()


def test_the_user_comes_from_the_proxy_and_never_from_the_client(tmp_path, monkeypatch):
    home = tmp_path / "home"
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    monkeypatch.setenv("PRECEDENT_TRUSTED_PROXIES", PROXY_SOURCE)
    monkeypatch.setenv("PRECEDENT_REVIEWERS", "alice")
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)  # Streamlit's server as it runs by default
    forged = {"X-Forwarded-User": "mallory"}
    with running_app(home) as (app_url, _), nginx_in_front(app_url, prefix) as proxy_url, chromium() as page:
        # through nginx: alice, whatever the browser sent
        sidebar = _sidebar_after_sign_in(page, proxy_url, forged)
        assert (
            "Signed in as alice" in sidebar
            and "drafter, reviewer" in sidebar
            and "signed in by the proxy" in sidebar
        )
        page.get_by_role("heading", name="Draft a reply").wait_for(timeout=60_000)
        assert "mallory" not in page.locator("body").inner_text()

        # straight to the app from 127.0.0.1 with the header: nobody, and the page says the header was ignored
        sidebar = _sidebar_after_sign_in(page, app_url, forged)
        assert "Not signed in" in sidebar and "mallory" not in sidebar
        body = page.locator("body").inner_text()
        assert (
            "127.0.0.1, which is not a trusted sign-in proxy; its X-Forwarded-User header is ignored" in body
        )
        assert "mallory" not in body and page.get_by_role("heading", name="Draft a reply").count() == 0

        # ... and also claiming, in X-Forwarded-For, to be the proxy: still nobody
        sidebar = _sidebar_after_sign_in(page, app_url, {**forged, "X-Forwarded-For": PROXY_SOURCE})
        assert "Not signed in" in sidebar and "mallory" not in sidebar
        assert "may have been taken from its X-Forwarded-For header" in page.locator("body").inner_text()
