"""Analysis: Documents -> Pack. Language analysis, document kind and date, target and action tables,
priority lists, and the LAA's period."""

from __future__ import annotations

from datetime import date

from ..documents import Document
from ..indicators import national_indicators
from ..pack import AnalysedDocument, Pack
from ..settings import Settings
from . import language
from .dating import date_document
from .kinds import classify
from .outcomes import find_outcomes
from .priorities import find_priority_lists
from .tables import action_columns, read_actions, read_targets, target_columns


def analyse_document(doc: Document, settings: Settings) -> AnalysedDocument:
    """Everything that depends on one document only (so it can run in a worker and be cached)."""
    ad = AnalysedDocument(doc=doc)
    if not doc.readable:
        return ad
    ad.kind, ad.kind_reason = classify(doc)
    date_document(ad)
    ad.sentences = language.sentences(doc, settings)
    return ad


def build_pack(name: str, analysed: list[AnalysedDocument], settings: Settings) -> Pack:
    """Put the pack together: tables read as data, priorities listed, the LAA's period settled."""
    pack = Pack(name=name, documents=analysed)
    for ad in pack.readable():
        for table in ad.doc.tables:
            cols = target_columns(table)
            if cols is not None:
                pack.targets.extend(read_targets(ad.doc, table, cols))
                continue
            cols = action_columns(table)
            if cols is not None:
                pack.actions.extend(read_actions(ad.doc, table, cols))
        pack.priorities.extend(find_priority_lists(ad.doc))
        if ad.kind == "laa":
            pack.outcomes.extend(find_outcomes(ad.doc))
    nis = national_indicators()
    for row in pack.targets:
        indicator = nis.get(row.reference)
        if indicator is not None:
            row.national_title, row.statutory, row.better = indicator.title, indicator.statutory, indicator.better
    laa = [d for d in pack.of_kind("laa") if d.period]
    if laa:
        pack.laa_period, pack.laa_period_evidence = laa[0].period, laa[0].period_evidence
    else:
        pack.laa_period = (date.fromisoformat(settings.laa_start), date.fromisoformat(settings.laa_end))
    return pack
