"""Checks that need two documents side by side: the strategy's priorities against the LAA's outcomes and
targets, issues the minutes and reports dwell on against the LAA, and partners' plans against the LAA."""

from __future__ import annotations

import re

from ..analyse.priorities import item_text
from ..analyse.similarity import similarity, terms
from ..findings import Evidence, Finding
from ..pack import AnalysedDocument, Pack
from ..settings import Settings
from .registry import detector

CONCERN = re.compile(r"\b(?:concern(?:ed|s)?|worr\w+|ris(?:en|ing)|worsen\w*|deteriorat\w+|problem\w*|"
                     r"pressure\w*|spike|surge|escalating|growing number|sharp(?:ly)? (?:increase|rise))\b", re.I)
LAA_MENTION = re.compile(r"\blocal area agreement\b|\bLAA\b")
NI_REF = re.compile(r"\bNI\s?(\d{1,3})\b")


def laa_elements(pack: Pack) -> list[str]:
    """Everything the LAA commits to: outcomes, target titles (and the National Indicator Set's titles),
    its own priorities and headings."""
    laa_ids = {d.id for d in pack.of_kind("laa")}
    texts = [item_text(e.quote) for e in pack.outcomes]
    texts += [f"{r.title} {r.national_title}" for r in pack.targets if r.document in laa_ids]
    texts += [item_text(i.quote) for p in pack.priorities if p.document in laa_ids for i in p.items]
    for d in pack.of_kind("laa"):
        texts += [b.text for b in d.doc.blocks if b.kind == "heading"]
    return [t for t in texts if terms(t)]


def _quote(ev: Evidence) -> str:
    return item_text(ev.quote)


@detector("rule:cross-document", signals=["priorities-not-translated", "key-issues-omitted", "disconnected-plans",
                                          "outcomes-in-action-plans"])
def cross_document(pack: Pack, settings: Settings):
    if not pack.of_kind("laa"):
        return  # nothing to compare against
    elements = laa_elements(pack)
    if not elements:
        return
    yield from _priorities_not_translated(pack, elements, settings)
    yield from _key_issues_omitted(pack, elements, settings)
    for plan in pack.of_kind("plan"):
        yield from _plan_against_laa(pack, plan, elements, settings)


def _priorities_not_translated(pack: Pack, elements: list[str], settings: Settings):
    strategy_ids = {d.id for d in pack.of_kind("strategy")}
    items = [i for p in pack.priorities if p.document in strategy_ids for i in p.items if terms(_quote(i))]
    if not items:
        return
    sims = similarity([_quote(i) for i in items], elements)
    for item, row in zip(items, sims):
        if row.max() < settings.translation_similarity:
            yield Finding("priorities-not-translated", "",
                          f"The community strategy's priority '{_quote(item)[:90]}' has no matching outcome, "
                          f"indicator or target in the LAA (closest match {row.max():.2f}).", [item], 0.65)


def _key_issues_omitted(pack: Pack, elements: list[str], settings: Settings):
    sentences = [s for d in pack.of_kind("minutes", "report") for s in d.sentences
                 if CONCERN.search(s.text) and len(terms(s.text)) >= 3]
    if not sentences:
        return
    sims = similarity([s.text for s in sentences], elements)
    by_issue: dict[frozenset, list] = {}
    for s, row in zip(sentences, sims):
        if row.max() < settings.translation_similarity:
            by_issue.setdefault(frozenset(terms(s.text)[:4]), []).append((row.max(), s))
    for hits in list(by_issue.values())[: settings.max_cross_document_findings]:
        score, s = min(hits, key=lambda h: h[0])
        yield Finding("key-issues-omitted", "",
                      f"An issue the {pack.document(s.document).kind} raise has no matching outcome, indicator "
                      f"or target in the LAA (closest match {score:.2f}).", [s.evidence()], 0.55)


def _plan_against_laa(pack: Pack, plan: AnalysedDocument, elements: list[str], settings: Settings):
    laa_refs = {r.reference for r in pack.targets if r.is_national}
    linked = []
    for s in plan.sentences:
        refs = {f"NI {n}" for n in NI_REF.findall(s.text)}
        if LAA_MENTION.search(s.text) or refs & laa_refs:
            linked.append(s)
    texts = [s.text for s in plan.sentences if terms(s.text)]
    sims = similarity(texts, [item_text(e.quote) for e in pack.outcomes]) if pack.outcomes and texts else None
    close = []
    if sims is not None:
        close = [s for s, row in zip([s for s in plan.sentences if terms(s.text)], sims)
                 if row.max() >= settings.outcome_link_similarity]
    evidence_sentences = (linked + [s for s in close if s not in linked])[:5]
    if evidence_sentences:
        yield Finding("outcomes-in-action-plans", "",
                      f"The plan '{plan.doc.file}' carries the LAA's outcomes or targets into its own actions.",
                      [s.evidence() for s in evidence_sentences], 0.7)
        return
    title = next((b for b in plan.doc.blocks if b.kind == "heading"), plan.doc.blocks[0])
    yield Finding("disconnected-plans", "",
                  f"The plan '{plan.doc.file}' never mentions the LAA or its targets, and none of its text "
                  "matches an LAA outcome.", [Evidence(plan.id, title.page, title.text, {"block": title.index})], 0.65)
