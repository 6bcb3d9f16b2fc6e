"""review.html: one self-contained page (no scripts or files from elsewhere) a reviewer reads in a
browser or prints. Every piece of document text goes through Jinja2's autoescaping."""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..findings import Evidence
from ..review import RATING_ORDER, Review

CONTEXT_CHARS = 220


@lru_cache(maxsize=1)
def template_environment() -> Environment:
    """One environment per process, so templates are compiled once, not once per pack."""
    env = Environment(loader=PackageLoader("pipeline.report", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    return env


def quote_context(review: Review, ev: Evidence) -> dict:
    """The quote with what surrounds it in the document: the sentence's paragraph, or the table row."""
    try:
        doc = review.pack.document(ev.document).doc
    except StopIteration:
        return {"before": "", "quote": ev.quote, "after": "", "cells": None}
    loc = ev.location
    if "table" in loc and loc["table"] < len(doc.tables):
        table = doc.tables[loc["table"]]
        row = loc.get("row")
        if row is not None and row < len(table.rows):
            header = [c.text for c in table.rows[0]]
            cells = [{"text": c.text, "header": header[i] if i < len(header) else "",
                      "hit": i == loc.get("cell")} for i, c in enumerate(table.rows[row])]
            return {"before": "", "quote": ev.quote, "after": "", "cells": cells}
    if "block" in loc and loc["block"] < len(doc.blocks):
        text = doc.blocks[loc["block"]].text
        start = loc.get("char_start")
        if start is None:
            start = max(text.find(ev.quote), 0)
        end = loc.get("char_end", start + len(ev.quote))
        before = text[max(0, start - CONTEXT_CHARS):start]
        after = text[end:end + CONTEXT_CHARS]
        return {"before": ("\u2026" if start > CONTEXT_CHARS else "") + before, "quote": text[start:end] or ev.quote,
                "after": after + ("\u2026" if end + CONTEXT_CHARS < len(text) else ""), "cells": None}
    return {"before": "", "quote": ev.quote, "after": "", "cells": None}


def render_html(review: Review, review_data: dict, themes_by_id: dict[str, str],
                links: dict[str, str] | None = None) -> str:
    """links: document id -> relative link to the source file, so a quote opens at its page."""
    env = template_environment()
    docs = {d["id"]: d for d in review_data["pack"]["documents"]}
    findings = {f["id"]: f for f in review_data["findings"]}
    contexts = {(f.id, i): quote_context(review, ev) for f in review.findings for i, ev in enumerate(f.evidence)}
    themes = []
    for theme_id, title in themes_by_id.items():
        themes.append({"id": theme_id, "title": title,
                       "characteristics": [c for c in review_data["characteristics"] if c["theme"] == theme_id]})
    act_on = sorted((c for c in review_data["characteristics"] if c["rating"] in ("red", "amber")),
                    key=lambda c: RATING_ORDER[c["rating"]])
    worst = sorted((f for f in review_data["findings"] if f["polarity"] == "worst"),
                   key=lambda f: -f["confidence"])
    template = env.get_template("review.html.j2")
    return template.render(review=review_data, themes=themes, docs=docs, findings=findings, contexts=contexts,
                           act_on=act_on, worst=worst, links=links or {},
                           generated=datetime.now(timezone.utc).strftime("%d %B %Y %H:%M UTC"))


def write_html(review: Review, review_data: dict, path: Path, themes_by_id: dict[str, str],
               links: dict[str, str] | None = None) -> None:
    path.write_text(render_html(review, review_data, themes_by_id, links), encoding="utf-8")
