"""Language analysis with spaCy: sentences and entities (dates, quantities) over every prose block.

The pipeline is loaded once per process with only the components the detectors use, and blocks are
streamed through `nlp.pipe`.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

from ..documents import Document
from ..errors import LaaReviewError
from ..pack import Sentence
from ..settings import Settings

KEPT_ENTITIES = {"DATE", "TIME", "PERCENT", "CARDINAL", "QUANTITY", "MONEY", "ORDINAL", "ORG", "PERSON", "GPE"}


@lru_cache(maxsize=2)
def load_nlp(model: str, components: tuple[str, ...]):
    import spacy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            base = spacy.load(model, exclude=["lemmatizer", "attribute_ruler", "tagger"])
        except OSError:
            raise LaaReviewError(f"the spaCy pipeline '{model}' is not installed; run `make setup`") from None
    names = base.component_names
    for name in names:
        if name not in components:
            base.remove_pipe(name)
    for name in components:
        if name in base.disabled:
            base.enable_pipe(name)
    return base


def sentences(doc: Document, settings: Settings) -> list[Sentence]:
    nlp = load_nlp(settings.spacy_model, tuple(settings.spacy_components))
    blocks = [b for b in doc.blocks if b.kind != "table" and b.text.strip()]
    out: list[Sentence] = []
    for parsed, block in nlp.pipe(((b.text, b) for b in blocks), as_tuples=True,
                                  batch_size=settings.spacy_batch_size):
        spans = list(parsed.sents) if parsed.has_annotation("SENT_START") else [parsed[:]]
        for span in spans:
            text = span.text.strip()
            if not text:
                continue
            start = span.start_char + (len(span.text) - len(span.text.lstrip()))
            ents = tuple((e.label_, e.text) for e in span.ents if e.label_ in KEPT_ENTITIES)
            out.append(Sentence(document=doc.id, block=block.index, page=block.page, start=start,
                                end=start + len(text), text=text, entities=ents, ocr=block.ocr))
    return out
