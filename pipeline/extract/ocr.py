"""OCR for PDF pages that have no usable text layer (scans, pictures of text), with Tesseract through
pytesseract. Only such pages are OCR'd; their blocks are marked as OCR and carry Tesseract's confidence."""

from __future__ import annotations

import shutil
from dataclasses import replace
from functools import lru_cache

from ..documents import Block
from .cleanup import is_page_furniture, join_lines

MIN_WORD_CONFIDENCE = 30  # Tesseract's 0-100; lower is usually speckle read as letters


@lru_cache(maxsize=1)
def available() -> bool:
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return True


def read_page(page, number: int, dpi: int, timeout_s: float) -> list[Block]:
    """Blocks (one per paragraph Tesseract finds) of a pdfium page, in reading order, bbox in PDF points."""
    import pytesseract

    scale = dpi / 72
    image = page.render(scale=scale).to_pil()
    data = pytesseract.image_to_data(image, output_type=pytesseract.Output.DICT, timeout=timeout_s)
    paragraphs: dict[tuple[int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip() and float(data["conf"][i]) >= MIN_WORD_CONFIDENCE:
            paragraphs.setdefault((data["block_num"][i], data["par_num"][i]), []).append(i)
    blocks = []
    for words in paragraphs.values():
        lines: dict[int, list[str]] = {}
        for i in words:
            lines.setdefault(data["line_num"][i], []).append(data["text"][i])
        text = join_lines("\n".join(" ".join(ws) for _, ws in sorted(lines.items())))
        if not text or is_page_furniture(text):
            continue
        left = min(data["left"][i] for i in words) / scale
        top = min(data["top"][i] for i in words) / scale
        right = max(data["left"][i] + data["width"][i] for i in words) / scale
        bottom = max(data["top"][i] + data["height"][i] for i in words) / scale
        confidence = sum(float(data["conf"][i]) for i in words) / len(words) / 100
        blocks.append((Block(index=-1, kind="paragraph", text=text, page=number, bbox=(left, top, right, bottom),
                             ocr=True, ocr_confidence=round(confidence, 3)), (bottom - top) / len(lines)))
    blocks.sort(key=lambda b: (b[0].bbox[1], b[0].bbox[0]))
    return _rejoin_wrapped(blocks)


def _rejoin_wrapped(blocks: list[tuple[Block, float]]) -> list[Block]:
    """Tesseract sometimes ends a paragraph at a line that the sentence runs on from ('...theme group; red for
    a' / 'second quarter goes up...'). A reader joins a block that opens in lower case to the block just above
    it when that one has no closing full stop and the gap between them is under one of its lines' height."""
    joined: list[Block] = []
    for block, line_height in blocks:
        prev = joined[-1] if joined else None
        if (prev is not None and block.text[:1].islower() and not prev.text.rstrip().endswith((".", "!", "?"))
                and block.bbox[1] - prev.bbox[3] < line_height):
            total = len(prev.text) + len(block.text)
            confidence = (prev.ocr_confidence * len(prev.text) + block.ocr_confidence * len(block.text)) / total
            joined[-1] = replace(prev, text=join_lines(prev.text + "\n" + block.text),
                                 bbox=(min(prev.bbox[0], block.bbox[0]), prev.bbox[1], max(prev.bbox[2], block.bbox[2]),
                                       block.bbox[3]), ocr_confidence=round(confidence, 3))
        else:
            joined.append(block)
    return joined
