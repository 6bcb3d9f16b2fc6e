"""Language analysis with spaCy: sentences over every prose block, and entities (dates, quantities,
percentages, money) for the sentences that state targets or intentions, the only ones whose figures and
dates the detectors reason over.

The pipeline is loaded once per process with only the components that are used: the rule-based
sentencizer for sentence boundaries (fast, and right on committee prose: 'Cllr J. Hartley' stays whole)
and the statistical NER, which runs only on target-like sentences. Blocks are streamed through `nlp.pipe`.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

from ..documents import Document
from ..errors import LaaReviewError
from ..pack import Sentence
from ..settings import Settings

KEPT_ENTITIES = {"DATE", "TIME", "PERCENT", "CARDINAL", "QUANTITY", "MONEY", "ORDINAL", "ORG", "PERSON", "GPE"}

# Sentences that commit to a change ('we will reduce...', 'the aim is to raise...', 'Target: ...'): the
# ones whose figures and dates matter, so the ones NER reads.
COMMITMENT = re.compile(
    r"\b(?:we|the partnership|partners|the council|the board)\s+(?:will|shall|intend to|aim to|plan to|are committed to|commit to)\b"
    r"|\b(?:aims?|seeks?|targets?|ambition|objective|goal)\s+(?:is\s+)?to\b|^\s*targets?\s*:", re.I)
CHANGE = re.compile(r"\b(?:improv|increas|reduc|rais|lower|decreas|boost|narrow|enhanc|maximis|minimis|cut|halv|grow)\w*",
                    re.I)


def is_target_like(text: str) -> bool:
    m = COMMITMENT.search(text)
    return bool(m and CHANGE.search(text, m.start()))


@lru_cache(maxsize=2)
def load_nlp(model: str, components: tuple[str, ...]):
    import spacy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            nlp = spacy.load(model, exclude=[c for c in ("lemmatizer", "attribute_ruler", "tagger", "parser",
                                                         "senter", "tok2vec") if c not in components])
        except OSError:
            raise LaaReviewError(f"the spaCy pipeline '{model}' is not installed; run `make setup`") from None
    for name in list(nlp.component_names):
        if name not in components:
            nlp.remove_pipe(name)
    for name in components:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
        elif name not in nlp.component_names:
            nlp.add_pipe(name, first=name in ("sentencizer", "senter"))
    return nlp


MAX_PIECE_CHARS = 100_000  # far below spaCy's own limit; a block longer than this is read in pieces


def _pieces(blocks):
    """(text, (block, offset)) for nlp.pipe; an enormous block is cut at whitespace into pieces."""
    for block in blocks:
        text, offset = block.text, 0
        while len(text) - offset > MAX_PIECE_CHARS:
            cut = text.rfind(" ", offset, offset + MAX_PIECE_CHARS)
            cut = cut if cut > offset else offset + MAX_PIECE_CHARS
            yield text[offset:cut], (block, offset)
            offset = cut
        yield text[offset:], (block, offset)


def sentences(doc: Document, settings: Settings) -> list[Sentence]:
    nlp = load_nlp(settings.spacy_model, tuple(settings.spacy_components))
    entity_pipes = [n for n in nlp.pipe_names if n == "ner"]
    sentence_pipes = [n for n in nlp.pipe_names if n not in entity_pipes]
    blocks = [b for b in doc.blocks if b.kind != "table" and b.text.strip()]
    out: list[Sentence] = []
    with nlp.select_pipes(enable=sentence_pipes):
        for parsed, (block, offset) in nlp.pipe(_pieces(blocks), as_tuples=True, batch_size=settings.spacy_batch_size):
            spans = list(parsed.sents) if parsed.has_annotation("SENT_START") else [parsed[:]]
            for span in spans:
                text = span.text.strip()
                if not text:
                    continue
                start = offset + span.start_char + (len(span.text) - len(span.text.lstrip()))
                out.append(Sentence(document=doc.id, block=block.index, page=block.page, start=start,
                                    end=start + len(text), text=text, ocr=block.ocr,
                                    ocr_confidence=block.ocr_confidence))
    if entity_pipes:
        targets = [s for s in out if is_target_like(s.text)]
        with nlp.select_pipes(enable=entity_pipes):
            for parsed, sentence in nlp.pipe(((s.text, s) for s in targets), as_tuples=True,
                                             batch_size=settings.spacy_batch_size):
                sentence.entities = tuple((e.label_, e.text) for e in parsed.ents if e.label_ in KEPT_ENTITIES)
    return out
