"""review.json: the Review as the output contract (data/review.schema.json) describes it, validated
before it is written."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema

from ..findings import Evidence, Finding
from ..pack import AnalysedDocument
from ..review import Review
from ..settings import DATA_DIR


@lru_cache(maxsize=1)
def _validator():
    schema = json.loads((DATA_DIR / "review.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def evidence_dict(ev: Evidence) -> dict:
    out = {"document": ev.document, "page": ev.page, "quote": ev.quote, "location": dict(ev.location)}
    if ev.ocr:
        out["ocr"] = True
    return out


def finding_dict(f: Finding) -> dict:
    return {"id": f.id, "signal": f.signal, "characteristic": f.characteristic, "polarity": f.polarity,
            "confidence": round(float(f.confidence), 3), "detector": f.detector, "explanation": f.explanation,
            "evidence": [evidence_dict(e) for e in f.evidence]}


def document_dict(ad: AnalysedDocument) -> dict:
    doc = ad.doc
    return {
        "id": doc.id, "file": doc.file, "sha256": doc.sha256, "format": doc.format, "kind": ad.kind,
        "kind_reason": ad.kind_reason,
        "date": ad.date.value.isoformat() if ad.date else None,
        "date_evidence": evidence_dict(ad.date.evidence) if ad.date else None,
        "pages": doc.pages, "ocr": doc.ocr, "status": doc.status, "error": doc.error,
        "unread_pages": {str(k): v for k, v in sorted(doc.unread_pages.items())},
    }


def review_dict(review: Review) -> dict:
    pack = review.pack
    return {
        "schema_version": "1",
        "tool": review.tool,
        "pack": {"name": pack.name, "documents": [document_dict(d) for d in pack.documents],
                 "laa_period": [d.isoformat() for d in pack.laa_period] if pack.laa_period else None},
        "characteristics": [
            {"id": c.id, "theme": c.theme, "title": c.title, "rating": c.rating, "summary": c.summary,
             "findings": c.findings,
             "questions": [{"text": q.text, "answered": q.answered, "findings": q.findings} for q in c.questions]}
            for c in review.characteristics],
        "findings": [finding_dict(f) for f in review.findings],
    }


def validate(data: dict) -> None:
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.path)
        raise ValueError(f"review.json does not match the schema at '{where}': {first.message}")


def write_json(review: Review, path: Path) -> dict:
    data = review_dict(review)
    validate(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return data
