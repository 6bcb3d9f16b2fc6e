"""Batch review for a Government Office: every pack of a region in one run.

Each sub-folder of the batch folder is one pack; a loose file at the top is a pack of its own. Documents
of all packs are read in parallel by the worker pool; a pack is judged and written as soon as its last
document is in. A pack whose files, tool, models, framework and settings are unchanged since its last run
is not reviewed again (its outputs carry a cache key), so an interrupted or extended batch picks up where
it was. One bad document is recorded with its reason and never stops the batch.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .errors import LaaReviewError
from .models import models_in_use
from .pack import AnalysedDocument
from .report.batch import write_summaries
from .run import CACHE_FILE, PackJob, cache_key, cached_result, collect_files, finish_pack, slug
from .settings import Settings
from .workers import Job, run_jobs


@dataclass
class PackOutcome:
    name: str
    out_dir: Path
    data: dict
    seconds: float
    cached: bool


def discover_packs(folder: Path, out: Path) -> list[PackJob]:
    folder = Path(folder)
    if not folder.is_dir():
        raise LaaReviewError(f"no such folder: {folder}")
    jobs, used = [], set()
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.resolve() == Path(out).resolve():
            continue
        try:
            files = collect_files([entry])
        except LaaReviewError:
            continue  # an empty sub-folder is no pack
        name = entry.name if entry.is_dir() else entry.stem
        base = slug(name, "pack")
        folder_name, n = base, 2
        while folder_name in used:
            folder_name, n = f"{base}-{n}", n + 1
        used.add(folder_name)
        jobs.append(PackJob(name, files, Path(out) / folder_name))
    if not jobs:
        raise LaaReviewError(f"no documents found in {folder}")
    return jobs


def review_batch(folder: Path, out: Path, settings: Settings, show_progress: bool = True) -> list[PackOutcome]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    packs = discover_packs(folder, out)
    models = models_in_use(settings)
    outcomes: dict[int, PackOutcome] = {}
    todo: list[tuple[int, PackJob, str]] = []
    for i, pack in enumerate(packs):
        key = cache_key(pack.files, settings, models)
        data = cached_result(pack.out_dir, key)
        if data is not None:
            outcomes[i] = PackOutcome(pack.name, pack.out_dir, data, _cached_seconds(pack.out_dir), True)
        else:
            (pack.out_dir / CACHE_FILE).unlink(missing_ok=True)
            todo.append((i, pack, key))

    jobs = [Job((i, d), f, doc_id) for i, pack, _ in todo for d, (f, doc_id) in enumerate(zip(pack.files, pack.doc_ids))]
    analysed: dict[int, list[AnalysedDocument | None]] = {i: [None] * len(p.files) for i, p, _ in todo}
    started: dict[int, float] = {}
    by_index = {i: (pack, key) for i, pack, key in todo}
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        disable=not show_progress, transient=False)
    with progress:
        pack_task = progress.add_task("packs", total=len(packs), completed=len(outcomes))
        doc_task = progress.add_task("documents", total=len(jobs))
        t0 = time.perf_counter()
        for job, ad in run_jobs(jobs, settings):
            i, d = job.key
            started.setdefault(i, t0)
            analysed[i][d] = ad
            progress.advance(doc_task)
            if all(a is not None for a in analysed[i]):
                pack, key = by_index[i]
                t = time.perf_counter()
                result = finish_pack(pack, analysed.pop(i), settings, key)
                seconds = round(time.perf_counter() - started[i], 2)
                (pack.out_dir / "timing.json").write_text(json.dumps({"seconds": seconds}), encoding="utf-8")
                outcomes[i] = PackOutcome(pack.name, pack.out_dir, result.data, seconds, False)
                progress.advance(pack_task)
                t0 = t
    ordered = [outcomes[i] for i in range(len(packs))]
    write_summaries(ordered, out)
    return ordered


def _cached_seconds(out_dir: Path) -> float:
    try:
        return json.loads((out_dir / "timing.json").read_text())["seconds"]
    except (OSError, ValueError, KeyError):
        return 0.0


def all_ok(outcomes: list[PackOutcome]) -> bool:
    return all(d["status"] == "ok" for o in outcomes for d in o.data["pack"]["documents"])
