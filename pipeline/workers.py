"""Per-document work (extract, analyse, score sentences with the text model) run in parallel.

Each worker process loads spaCy and the trained model once, at start, and then takes documents one at a
time. A document gets a wall-clock limit; a document that breaks its worker is reported, and the pool is
restarted for the rest, so one bad file never stops a pack or a batch.
"""

from __future__ import annotations

import resource
import signal
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .analyse import analyse_document
from .documents import Document
from .errors import DocumentTimeout
from .extract import extract
from .pack import AnalysedDocument
from .settings import Settings


@dataclass(frozen=True)
class Job:
    key: tuple  # caller's handle, e.g. (pack index, document index)
    path: Path
    doc_id: str


def _on_alarm(signum, frame):
    raise DocumentTimeout()


def process_document(path: Path, doc_id: str, settings: Settings) -> AnalysedDocument:
    """Extract and analyse one document within the time limit. Never raises for a bad file."""
    from .models import score_sentences

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, settings.doc_timeout_s)
    try:
        doc = extract(path, doc_id, settings)
        ad = analyse_document(doc, settings)
        score_sentences(ad, settings)
        return ad
    except DocumentTimeout:
        return _failed(path, doc_id, f"reading took longer than the {settings.doc_timeout_s:g} s limit")
    except MemoryError:
        return _failed(path, doc_id, "reading needed more memory than the limit allows")
    except Exception as exc:  # a fault in analysis on one strange document must not stop its pack
        return _failed(path, doc_id, f"the document could not be analysed ({type(exc).__name__})")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failed(path: Path, doc_id: str, reason: str) -> AnalysedDocument:
    from .extract import sha256_of

    try:
        digest = sha256_of(path)
    except OSError:
        digest = "0" * 64
    doc = Document(id=doc_id, file=Path(path).name, sha256=digest, format="txt", status="error", error=reason)
    return AnalysedDocument(doc=doc, kind_reason="not read")


_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    """Pay for loading spaCy and the model once per worker, and bound the worker's memory."""
    global _SETTINGS
    _SETTINGS = settings
    if settings.worker_memory_mb > 0:
        limit = settings.worker_memory_mb * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):
            pass
    from .analyse.language import load_nlp
    from .models import load_model

    load_nlp(settings.spacy_model, tuple(settings.spacy_components))
    load_model(settings)


def _work(path: Path, doc_id: str) -> AnalysedDocument:
    return process_document(path, doc_id, _SETTINGS)


def run_jobs(jobs: Iterable[Job], settings: Settings) -> Iterator[tuple[Job, AnalysedDocument]]:
    """Yield (job, analysed document) as each finishes: in parallel when there is more than one job."""
    jobs = list(jobs)
    if settings.workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield job, process_document(job.path, job.doc_id, settings)
        return
    pending = list(jobs)
    while pending:
        with ProcessPoolExecutor(max_workers=min(settings.workers, len(pending)), initializer=_init_worker,
                                 initargs=(settings,)) as pool:
            futures = {pool.submit(_work, job.path, job.doc_id): job for job in pending}
            suspects: list[Job] = []
            while futures and not suspects:
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                for future in done:
                    job = futures.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        suspects.append(job)
                        continue
                    pending.remove(job)
                    yield job, result
        # A worker died (a crash in a parser, or the memory limit): try each file that was running alone,
        # so only the file that really kills its worker is reported; the rest go on in a fresh pool.
        for job in suspects:
            pending.remove(job)
            yield job, _run_alone(job, settings)


def _run_alone(job: Job, settings: Settings) -> AnalysedDocument:
    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(settings,)) as pool:
        try:
            return pool.submit(_work, job.path, job.doc_id).result()
        except BrokenProcessPool:
            return _failed(job.path, job.doc_id, "the file made the reader crash or run out of memory")
