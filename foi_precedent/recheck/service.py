"""The re-check use case, shared by the CLI and the app page: run, report, write the files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from foi_precedent.recheck.engine import RecheckOptions, RecheckRun, index_for_paths, recheck_index
from foi_precedent.recheck.report import build_report, flags_csv, load_ground_truth, render_html, report_json


@dataclass
class RecheckOutcome:
    run: RecheckRun
    report: dict
    html_path: Path
    csv_path: Path
    json_path: Path
    ingest: object | None = None

    @property
    def html(self) -> str:
        return self.html_path.read_text(encoding="utf-8")


def run_recheck(
    settings,
    index=None,
    paths=None,
    options: RecheckOptions | None = None,
    progress=None,
    ground_truth: str | Path | None = None,
    embedding_function=None,
    ingest_progress=None,
    label: str | None = None,
) -> RecheckOutcome:
    """Re-check ``index`` (or the letters at ``paths``, ingested into their own index) and write the report
    (HTML, CSV, JSON) into the run's folder under ``settings.recheck_dir``."""
    ingest = None
    own_index = None
    if paths:
        own_index, ingest = index_for_paths(settings, paths, embedding_function, ingest_progress)
        index = own_index
        label = label or f"{len(list(paths))} path(s): " + ", ".join(str(p) for p in list(paths)[:3])
    try:
        run = recheck_index(index, settings, options, progress, label=label or "the precedent index")
    finally:
        if own_index is not None:
            own_index.close()
    truth = load_ground_truth(ground_truth)
    meta = {
        "run_id": run.run_id,
        "label": run.meta.get("label"),
        "mode": run.mode,
        "workers": run.workers,
        "generated": datetime.now().isoformat(timespec="seconds"),
        "elapsed_s": round(run.elapsed, 2),
        "checked": run.checked,
        "resumed": run.resumed,
        "letters_per_s": round(run.rate, 2),
    }
    report = build_report(run.records, truth, meta)
    html_path = run.folder / "report.html"
    csv_path = run.folder / "flags.csv"
    json_path = run.folder / "report.json"
    html_path.write_text(render_html(report), encoding="utf-8")
    csv_path.write_text(flags_csv(report), encoding="utf-8")
    json_path.write_text(report_json(report), encoding="utf-8")
    return RecheckOutcome(run, report, html_path, csv_path, json_path, ingest)


def save_uploads(settings, files: list[tuple[str, bytes]]) -> Path:
    """Uploaded letters into their own folder under ``recheck_dir`` (named by their content), for ingesting.

    Each file keeps its name (a letter's reference is made from it, and the report shows it: not
    '0000-aberdeen-public-toilets-2016-e26dbaa1'), in a numbered folder of its own, so that two uploads of one
    name do not meet and the letters are read in the order they were uploaded (ingest walks folders in name
    order): the first of two identical files is the letter, the second its duplicate."""
    import hashlib

    h = hashlib.sha256(b"one folder a file\0")  # not a folder of an earlier version, which numbered its files
    for name, data in sorted(files):
        h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    folder = Path(settings.recheck_dir) / f"uploads-{h.hexdigest()[:12]}"
    for i, (name, data) in enumerate(files):
        # a name starting with a dot would be a hidden file, which ingest passes over
        safe = Path(name).name.lstrip(".") or f"letter-{i + 1}.txt"
        (folder / UPLOAD_FOLDER.format(i)).mkdir(parents=True, exist_ok=True)
        (folder / UPLOAD_FOLDER.format(i) / safe).write_bytes(data)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


#: the folder of each uploaded file in the folder ``save_uploads`` writes
UPLOAD_FOLDER = "{:04d}"


def app_options(workers: int | None = None) -> RecheckOptions:
    """In the app, worker threads (never forked processes: the server is multi-threaded)."""
    return RecheckOptions(workers=workers, executor="thread")
