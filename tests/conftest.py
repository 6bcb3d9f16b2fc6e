"""Shared fixtures: settings that write into a temporary folder, builders for PDF and Word files, and a
review of the sample pack run once per session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.settings import PROJECT_ROOT, load_settings
from tools.docbuild import write_docx, write_pdf

SAMPLE_PACK = PROJECT_ROOT / "corpora" / "samples" / "northmoor"


@pytest.fixture(scope="session")
def settings(tmp_path_factory):
    return load_settings().replace(reports_dir=tmp_path_factory.mktemp("reports"))


@pytest.fixture
def make_pdf(tmp_path):
    def make(items, name="doc.pdf"):
        return write_pdf(tmp_path / name, items)
    return make


@pytest.fixture
def make_docx(tmp_path):
    def make(items, name="doc.docx", page_breaks=True):
        return write_docx(tmp_path / name, items, page_breaks=page_breaks)
    return make


@pytest.fixture(scope="session")
def sample_review(settings, tmp_path_factory):
    from pipeline.run import review_pack

    return review_pack([SAMPLE_PACK], settings, out_dir=tmp_path_factory.mktemp("sample-review"))


def normalise(text: str) -> str:
    """Whitespace- and hyphenation-insensitive form used to find a quote in a page's text."""
    return re.sub(r"\s+", "", text.replace("-\n", ""))


def page_texts(path: Path) -> dict[int, str]:
    """Each page's text as pdfplumber reads it, independently of the pipeline's own extraction."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return {i: page.extract_text() or "" for i, page in enumerate(pdf.pages, start=1)}
