"""Text preparation shared by training and inference, outside the saved model (so the model holds only
standard scikit-learn types and loads safely).

Bag-of-words models cannot tell 'data is shared' from 'data is not shared'. Words in the scope of a
negation (from 'not', 'no', 'never', 'without', 'unable', "n't", ... to the next punctuation mark) are
also emitted with a NEG_ prefix, so 'not shared' and 'shared' become different features.
"""

from __future__ import annotations

import re

_NEGATORS = re.compile(
    r"^(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|unable|lack|lacks|lacking|absent|"
    r"failed|fails|fail|refused|refuses|declined|declines|unwilling|reluctant|yet|little|few|hardly|barely)$|n't$",
    re.I)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*%?|[.,;:!?()]")
_STOP_SCOPE = re.compile(r"^[.,;:!?()]$|^(?:but|however|although|though|whereas|while)$", re.I)
MAX_SCOPE = 6


def mark_negation(text: str) -> str:
    out: list[str] = []
    scope = 0
    for token in _TOKEN.findall(text):
        if _STOP_SCOPE.match(token):
            scope = 0
            out.append(token)
            continue
        if _NEGATORS.search(token):
            out.append(token)
            scope = MAX_SCOPE
            continue
        if scope:
            out.append(f"{token} NEG_{token.lower()}")
            scope -= 1
        else:
            out.append(token)
    return " ".join(out)


def prepare(texts: list[str]) -> list[str]:
    return [mark_negation(t) for t in texts]
