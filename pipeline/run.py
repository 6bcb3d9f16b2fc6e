"""The review of one pack, end to end: files -> Documents -> Pack -> Findings -> Review -> reports."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__
from .analyse import build_pack
from .detectors import run_detectors
from .errors import LaaReviewError
from .extract import sha256_of
from .framework import load_framework
from .models import models_in_use
from .pack import AnalysedDocument
from .report.html import write_html
from .report.json_report import write_json
from .report.tables import write_targets_csv
from .review import Review, build_review
from .settings import DATA_DIR, Settings
from .workers import Job, run_jobs

SKIPPED_NAMES = re.compile(r"^(?:\.|~\$|thumbs\.db$|desktop\.ini$)", re.I)


@dataclass
class PackResult:
    review: Review
    data: dict
    out_dir: Path
    outputs: list[Path]

    @property
    def all_failed(self) -> bool:
        return all(d["status"] == "error" for d in self.data["pack"]["documents"])


def collect_files(paths: list[Path]) -> list[Path]:
    """The files of a pack: files as given, and every file inside a folder (recursively, in name order)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and not SKIPPED_NAMES.match(p.name)
                         and not any(SKIPPED_NAMES.match(part) for part in p.relative_to(path).parts))
        elif path.is_file():
            files.append(path)
        else:
            raise LaaReviewError(f"no such file or folder: {path}")
    if not files:
        raise LaaReviewError("no documents to review: " + ", ".join(str(p) for p in paths))
    return files


def slug(text: str, fallback: str = "document") -> str:
    """A safe, readable name: letters, digits and dashes only, so it can never leave an output folder."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]
    return s or fallback


def document_ids(files: list[Path]) -> list[str]:
    ids, seen = [], set()
    for f in files:
        base = slug(f.stem)
        candidate, n = base, 2
        while candidate in seen:
            candidate, n = f"{base}-{n}", n + 1
        seen.add(candidate)
        ids.append(candidate)
    return ids


def pack_name(paths: list[Path]) -> str:
    first = Path(paths[0]).resolve()
    return first.name if first.is_dir() else first.stem


def tool_info(settings: Settings, models: dict[str, str]) -> dict:
    return {"name": "laa-review", "version": __version__, "models": models, "spacy_model": settings.spacy_model}


def cache_key(files: list[Path], settings: Settings, models: dict[str, str]) -> str:
    """What a pack's review depends on: its files' content, the tool, the models, the framework and the
    settings. Any change to one of them gives a new key, so a cached review is never stale."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + b"\0" + sha256_of(f).encode())
    digest.update(json.dumps(tool_info(settings, models), sort_keys=True).encode())
    digest.update((DATA_DIR / "framework.yaml").read_bytes())
    digest.update(repr(sorted((k, str(v)) for k, v in asdict(settings).items()
                              if k not in {"reports_dir", "samples_dir", "workers"})).encode())
    return digest.hexdigest()


CACHE_FILE = ".laa-review-cache.json"


def cached_result(out_dir: Path, key: str) -> dict | None:
    """The review.json of an earlier run with the same key, if it is complete."""
    try:
        manifest = json.loads((out_dir / CACHE_FILE).read_text(encoding="utf-8"))
        if manifest.get("key") == key:
            return json.loads((out_dir / "review.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    return None


@dataclass
class PackJob:
    """One pack to review: its files, the ids their documents get, where its outputs go."""

    name: str
    files: list[Path]
    out_dir: Path
    doc_ids: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.doc_ids = self.doc_ids or document_ids(self.files)


def finish_pack(job: PackJob, analysed: list[AnalysedDocument], settings: Settings, key: str = "") -> PackResult:
    """Analysed documents -> Pack -> findings -> review -> reports written to job.out_dir."""
    framework = load_framework()
    pack = build_pack(job.name, analysed, settings)
    findings = run_detectors(pack, framework, settings)
    review = build_review(pack, findings, framework, tool_info(settings, models_in_use(settings)))
    out_dir = job.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    links = {doc_id: os.path.relpath(f.resolve(), out_dir.resolve()) for doc_id, f in zip(job.doc_ids, job.files)}
    json_path, html_path, csv_path = out_dir / "review.json", out_dir / "review.html", out_dir / "targets.csv"
    data = write_json(review, json_path)
    write_html(review, data, html_path, framework.themes, links)
    write_targets_csv(pack, csv_path)
    if key:
        (out_dir / CACHE_FILE).write_text(json.dumps({"key": key}), encoding="utf-8")
    return PackResult(review, data, out_dir, [json_path, html_path, csv_path])


def review_pack(paths: list[Path], settings: Settings, out_dir: Path | None = None,
                name: str | None = None) -> PackResult:
    files = collect_files(paths)
    name = name or pack_name(paths)
    job = PackJob(name, files, Path(out_dir) if out_dir else settings.reports_dir / slug(name, "pack"))
    jobs = [Job((0, i), f, doc_id) for i, (f, doc_id) in enumerate(zip(files, job.doc_ids))]
    analysed: list[AnalysedDocument | None] = [None] * len(files)
    for done, ad in run_jobs(jobs, settings):
        analysed[done.key[1]] = ad
    return finish_pack(job, analysed, settings)
