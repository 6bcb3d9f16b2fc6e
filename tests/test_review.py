"""The rating rule, merging, questions, and the review of the sample pack end to end."""

import json

import pytest

from pipeline.findings import Evidence, Finding
from pipeline.framework import load_framework
from pipeline.pack import Pack
from pipeline.report.json_report import validate
from pipeline.review import build_review, merge, rate
from tests.conftest import SAMPLE_PACK, normalise, page_texts


@pytest.mark.parametrize("worst,best,rating", [(0, 0, "grey"), (2, 0, "red"), (0, 1, "green"), (1, 3, "amber")])
def test_rating_rule(worst, best, rating):
    assert rate(worst, best) == rating


def _finding(signal, detector, quote, block=1, conf=0.5):
    ev = Evidence("d", 1, quote, {"block": block, "char_start": 0, "char_end": len(quote)})
    return Finding(signal, detector, f"{detector} says so.", [ev], conf).resolve(load_framework())


def test_rule_and_model_at_one_place_merge_into_one_finding():
    merged = merge([_finding("unquantified-target", "rule:prose-target", "We will improve.", conf=0.7),
                    _finding("unquantified-target", "model:text@1", "We will improve.", conf=0.9),
                    _finding("unquantified-target", "rule:prose-target", "Another place.", block=2)])
    assert len(merged) == 2
    both = next(f for f in merged if f.evidence[0].quote == "We will improve.")
    assert both.detector == "rule:prose-target + model:text@1" and both.confidence == 0.9
    assert len(both.evidence) == 1  # quoted once


def test_ratings_and_questions_follow_findings():
    fw = load_framework()
    findings = [_finding("missing-owner", "rule:x", "A"), _finding("unquantified-target", "rule:x", "B"),
                _finding("trend-based-target", "model:y", "C", block=3)]
    review = build_review(Pack("p", []), findings, fw, {"name": "laa-review", "version": "t", "models": {}})
    by_id = {c.id: c for c in review.characteristics}
    assert len(review.characteristics) == 16
    assert by_id["operational-plans"].rating == "red"
    assert by_id["smart-targets"].rating == "amber"
    assert by_id["trajectories"].rating == "grey"
    q = by_id["smart-targets"].questions[0]
    assert q.answered and q.findings == [f.id for f in review.findings if f.signal == "unquantified-target"]


def test_sample_review_is_valid_and_every_quote_is_on_its_page(sample_review):
    data = json.loads((sample_review.out_dir / "review.json").read_text())
    validate(data)
    assert [c["id"] for c in data["characteristics"]] == [c.id for c in load_framework().characteristics]
    files = {d["id"]: SAMPLE_PACK / d["file"] for d in data["pack"]["documents"]}
    pdf_pages = {doc_id: page_texts(path) for doc_id, path in files.items() if path.suffix == ".pdf"}
    checked = 0
    for f in data["findings"]:
        assert f["evidence"], f
        for ev in f["evidence"]:
            if ev["document"] in pdf_pages and ev["quote"]:
                assert normalise(ev["quote"].replace("\u2022", "")) in normalise(pdf_pages[ev["document"]][ev["page"]]), ev
                checked += 1
    assert checked >= 10


def test_sample_review_finds_the_planted_signals(sample_review):
    data = sample_review.data
    found = {(f["signal"], f["evidence"][0]["quote"]) for f in data["findings"]}
    assert ("unquantified-target", "NI 20") in found
    assert ("unquantified-target", "NI 56") in found
    assert ("missing-owner", "NI 39") in found
    assert ("missing-owner", "Commission a domestic violence advocacy service") in found
    assert ("plan-predates-laa", "Approved by the CDRP Executive Group on 14 November 2006.") in found
    assert any(s == "everything-a-priority" for s, _ in found)
    ratings = {c["id"]: c["rating"] for c in data["characteristics"]}
    assert ratings["smart-targets"] in ("red", "amber") and ratings["operational-plans"] in ("red", "amber")


def test_scanned_signature_sheet_is_read_by_ocr(sample_review):
    scan = next(d for d in sample_review.data["pack"]["documents"] if d["file"] == "signature-sheet-scan.pdf")
    assert scan["status"] == "ok" and scan["ocr"] is True and scan["date"] == "2008-06-26"


def test_unreadable_document_yields_no_findings(tmp_path, settings):
    from pipeline.run import review_pack

    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "scan.pdf").write_bytes((SAMPLE_PACK / "signature-sheet-scan.pdf").read_bytes())
    result = review_pack([tmp_path / "pack"], settings.replace(ocr=False), out_dir=tmp_path / "out")
    doc = result.data["pack"]["documents"][0]
    assert doc["status"] == "error" and "no page could be read" in doc["error"]
    assert result.data["findings"] == []
    assert all(c["rating"] == "grey" for c in result.data["characteristics"])
    assert "no document of the pack could be read" in result.data["characteristics"][0]["summary"]
