"""The chat-model adapters without a real model: the fake, the OpenAI-compatible adapter against a tiny
loopback server (streaming, HTTP errors, timeouts, endpoint down), the local server manager, the factory."""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from foi_precedent.errors import ModelError
from foi_precedent.models import ChatModel, FakeChatModel, OpenAICompatibleChatModel
from foi_precedent.models.factory import chat_model_from_settings
from foi_precedent.models.local_server import LocalModelServer, free_port
from foi_precedent.settings import Settings

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}]


def _sse(words):
    for w in words:
        chunk = {
            "id": "x",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "local",
            "choices": [{"index": 0, "delta": {"content": w}, "finish_reason": None}],
        }
        yield f"data: {json.dumps(chunk)}\n\n".encode()
    yield b"data: [DONE]\n\n"


class Handler(BaseHTTPRequestHandler):
    behaviour = "ok"
    seen: list = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = json.dumps({"object": "list", "data": [{"id": "local", "object": "model"}]}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        payload = json.loads(self.rfile.read(int(self.headers["content-length"])))
        Handler.seen.append(payload)
        if Handler.behaviour == "500":
            body = b'{"error": {"message": "Input should be text or json_object"}}'
            self.send_response(500)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if Handler.behaviour == "slow":
            time.sleep(3)
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        try:
            for part in _sse(["Freedom ", "of ", "information"]):
                self.wfile.write(part)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading (cancel)
            pass


@pytest.fixture
def server():
    Handler.behaviour, Handler.seen = "ok", []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_fake_records_and_streams():
    fake = FakeChatModel(["one two three", lambda m: m[-1]["content"].upper()])
    assert isinstance(fake, ChatModel)
    assert list(fake.stream(MESSAGES, max_tokens=5, temperature=0, timeout_s=1)) == ["one ", "two ", "three"]
    assert "".join(fake.stream(MESSAGES, max_tokens=5, temperature=0, timeout_s=1)) == "HELLO"
    assert fake.calls[0] == MESSAGES and fake.kwargs[0]["max_tokens"] == 5
    with pytest.raises(ModelError):
        list(FakeChatModel.timeout().stream(MESSAGES, max_tokens=5, temperature=0, timeout_s=1))


def test_adapter_streams_through_langchain(server):
    model = OpenAICompatibleChatModel(server, model="local")
    pieces = list(model.stream(MESSAGES, max_tokens=20, temperature=0.1, timeout_s=10))
    assert pieces == ["Freedom ", "of ", "information"]
    sent = Handler.seen[0]
    assert sent["stream"] is True and sent["model"] == "local" and sent["max_tokens"] == 20
    assert sent["messages"][0] == {"role": "system", "content": "Be brief."}


def test_adapter_cancel_stops_early(server):
    cancel = threading.Event()
    out = []
    for piece in OpenAICompatibleChatModel(server).stream(
        MESSAGES, max_tokens=20, temperature=0, timeout_s=10, cancel=cancel
    ):
        out.append(piece)
        cancel.set()
    assert out == ["Freedom "]


def test_adapter_maps_http_errors(server):
    Handler.behaviour = "500"
    with pytest.raises(ModelError, match="HTTP 500"):
        list(OpenAICompatibleChatModel(server).stream(MESSAGES, max_tokens=5, temperature=0, timeout_s=10))


def test_adapter_maps_timeouts(server):
    Handler.behaviour = "slow"
    with pytest.raises(ModelError, match="did not answer within 1 s"):
        list(OpenAICompatibleChatModel(server).stream(MESSAGES, max_tokens=5, temperature=0, timeout_s=1))


def test_adapter_maps_endpoint_down():
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(ModelError, match="cannot reach the model endpoint"):
        list(OpenAICompatibleChatModel(url).stream(MESSAGES, max_tokens=5, temperature=0, timeout_s=5))


def test_factory_uses_the_configured_endpoint(monkeypatch):
    monkeypatch.setenv("PRECEDENT_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("PRECEDENT_LLM_MODEL", "gpt-4o-mini")
    model = chat_model_from_settings(Settings.from_env())
    assert model.base_url == "http://127.0.0.1:9/v1" and model.model == "gpt-4o-mini"
    assert model._api_key == "not-needed"


def test_factory_falls_back_to_smollm2_when_qwen_is_missing():
    from foi_precedent.models.factory import embedded_model_name

    name, note = embedded_model_name(Settings.from_env())
    if name == "qwen":
        pytest.skip("the Qwen GGUF is installed here")
    assert name == "smollm2" and "not installed" in note


FAKE_SERVER = r"""
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
port = int(sys.argv[sys.argv.index("--port") + 1])
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        self.send_response(200); self.send_header("content-type", "application/json"); self.end_headers()
        self.wfile.write(json.dumps({"data": [{"id": "local"}]}).encode())
HTTPServer(("127.0.0.1", port), H).serve_forever()
"""


@pytest.fixture
def fake_llama(monkeypatch, tmp_path):
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")

    def command(self):
        return [
            sys.executable,
            "-c",
            FAKE_SERVER,
            "--model",
            str(self.model_path()),
            "--port",
            str(self.port),
        ]

    monkeypatch.setattr(LocalModelServer, "command", command)
    return gguf


def test_local_server_starts_records_reuses_and_stops(fake_llama):
    settings = Settings.from_env()
    first = LocalModelServer(settings, model="smollm2", model_path=fake_llama, startup_timeout_s=20)
    try:
        first.start()
        state = json.loads(first.state_file.read_text())
        assert state["pid"] == first.pid and state["port"] == first.port
        assert first.base_url == f"http://127.0.0.1:{first.port}/v1"
        second = LocalModelServer(settings, model="smollm2", model_path=fake_llama).start()
        assert second.reused and second.pid == first.pid and second.port == first.port
    finally:
        first.stop()
    assert not first.state_file.exists()
    again = LocalModelServer(settings, model="smollm2", model_path=fake_llama, startup_timeout_s=20)
    try:
        assert not again.start().reused
    finally:
        again.stop()


def test_local_server_reports_a_crash_on_start(monkeypatch, tmp_path):
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")
    monkeypatch.setattr(
        LocalModelServer,
        "command",
        lambda self: [sys.executable, "-c", "import sys; print('bad model'); sys.exit(3)"],
    )
    with pytest.raises(ModelError, match="exited with code 3.*bad model"):
        LocalModelServer(Settings.from_env(), model_path=gguf, startup_timeout_s=20).start()


def test_local_server_command_line(tmp_path):
    gguf = tmp_path / "m.gguf"
    server = LocalModelServer(Settings.from_env(), model="smollm2", model_path=gguf, port=8123)
    cmd = server.command()
    assert cmd[:3] == [sys.executable, "-m", "foi_precedent.models.llama_server_main"]
    args = dict(zip(cmd[3::2], cmd[4::2], strict=True))
    assert args == {
        "--model": str(gguf),
        "--model_alias": "local",
        "--chat_format": "chatml",
        "--host": "127.0.0.1",
        "--port": "8123",
        "--n_ctx": "4096",
        "--n_threads": "2",
    }
    assert server.log_file == Settings.from_env().home / "run" / "llama-server.log"


def test_a_busy_server_is_waited_for_never_started_twice(fake_llama, monkeypatch):
    """A server that is alive but slow to answer (generating for an earlier request, or loading) is reused
    once it answers, or reported; a second copy (the whole model in memory again) is never started beside it.
    The eval once left five Qwen servers running this way, 3 GB each."""
    import foi_precedent.models.local_server as ls

    settings = Settings.from_env()
    first = LocalModelServer(settings, model="smollm2", model_path=fake_llama, startup_timeout_s=20)
    try:
        first.start()
        started = []
        real_popen = ls.subprocess.Popen
        monkeypatch.setattr(ls.subprocess, "Popen", lambda *a, **k: started.append(a) or real_popen(*a, **k))
        replies = iter([False, False, True])  # busy twice, then free
        monkeypatch.setattr(ls, "answers", lambda url, timeout_s=2.0: next(replies, True))
        second = LocalModelServer(
            settings, model="smollm2", model_path=fake_llama, startup_timeout_s=20
        ).start()
        assert second.reused and second.pid == first.pid and not started
        monkeypatch.setattr(ls, "answers", lambda url, timeout_s=2.0: False)  # busy for good
        with pytest.raises(ModelError, match="running but has not answered for 1 s"):
            LocalModelServer(settings, model="smollm2", model_path=fake_llama, startup_timeout_s=1).start()
        assert not started
    finally:
        first.stop()


def test_a_recorded_pid_that_is_now_another_process_is_not_mistaken_for_the_server(fake_llama, tmp_path):
    import subprocess

    settings = Settings.from_env()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    server = LocalModelServer(settings, model="smollm2", model_path=fake_llama, startup_timeout_s=20)
    try:
        server.run_dir.mkdir(parents=True, exist_ok=True)
        server.state_file.write_text(
            json.dumps(
                {"pid": other.pid, "port": free_port(), "model": "smollm2", "model_path": str(fake_llama)}
            )
        )
        server.start()
        assert not server.reused and server.pid != other.pid
    finally:
        server.stop()
        other.kill()
        other.wait()
