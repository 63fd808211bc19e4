"""``precedent eval real_plans`` plans from the configured index: with none built it says so, in one line."""

from __future__ import annotations

from foi_precedent.cli import main


def test_an_empty_index_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRECEDENT_HOME", str(tmp_path / "home"))
    assert main(["eval", "real_plans", "--part", "tuning"]) == 2
    err = capsys.readouterr().err
    assert "holds no letters" in err and "make index" in err and "Traceback" not in err
