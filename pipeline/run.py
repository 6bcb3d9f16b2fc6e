"""The review of one pack, end to end: files -> Documents -> Pack -> Findings -> Review -> reports."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .analyse import analyse_document, build_pack
from .detectors import run_detectors
from .errors import LaaReviewError
from .extract import extract
from .framework import load_framework
from .report.html import write_html
from .report.json_report import write_json
from .report.tables import write_targets_csv
from .review import Review, build_review
from .settings import Settings

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


def review_pack(paths: list[Path], settings: Settings, out_dir: Path | None = None,
                name: str | None = None) -> PackResult:
    files = collect_files(paths)
    name = name or pack_name(paths)
    out_dir = Path(out_dir) if out_dir else settings.reports_dir / slug(name, "pack")
    out_dir.mkdir(parents=True, exist_ok=True)

    framework = load_framework()
    documents = [extract(f, doc_id, settings) for f, doc_id in zip(files, document_ids(files))]
    analysed = [analyse_document(d, settings) for d in documents]
    pack = build_pack(name, analysed, settings)
    findings = run_detectors(pack, framework, settings)
    from .models import models_in_use
    review = build_review(pack, findings, framework, tool_info(settings, models_in_use(settings)))

    links = {d.id: os.path.relpath(f.resolve(), out_dir.resolve()) for d, f in zip(documents, files)}
    json_path, html_path, csv_path = out_dir / "review.json", out_dir / "review.html", out_dir / "targets.csv"
    data = write_json(review, json_path)
    write_html(review, data, html_path, framework.themes, links)
    write_targets_csv(pack, csv_path)
    return PackResult(review, data, out_dir, [json_path, html_path, csv_path])
