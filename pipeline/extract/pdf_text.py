"""The fast text path for PDF pages: pdfium (through pypdfium2) gives every character with its box, size
and weight far faster than pdfminer. Lines are rebuilt in the same form pdfplumber's extract_text_lines
gives, so both paths share the grouping into headings, paragraphs and list items.

`needs_layout` says when a page must go to pdfplumber instead: ruling lines drawn on it (a grid table),
or several lines that open with an indicator reference (a table typed in columns).
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from .cleanup import INDICATOR_REF, fix_unmapped_glyphs

MIN_RULING_PATHS = 6
GUTTER = 2.5  # a horizontal gap wider than this many type sizes separates columns  # a grid table draws many path objects; a logo or one rule draws few


def page_lines(page: pdfium.PdfPage) -> list[dict]:
    """Text lines of a page, top to bottom, as dicts with text, x0, x1, top, bottom and chars.

    pdfium already cuts a page's text into runs, one per line segment; each run is read whole, and its
    type size, weight and baseline come from its first character. Runs on one baseline (a bullet and its
    text) are joined into one line."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        runs = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = fix_unmapped_glyphs(textpage.get_text_bounded(left, bottom, right, top))
            text = text.replace("\r", "").replace("\n", " ")
            text = text.replace("\ufffe", "").replace("\x02", "")
            if not text.strip():
                continue
            index = raw.FPDFText_GetCharIndexAtPos(textpage, left + 0.5, (top + bottom) / 2, 2.0, 2.0)
            size = raw.FPDFText_GetFontSize(textpage, index) if index >= 0 else 0.0
            size = size if size > 0 else max(top - bottom, 1.0)
            bold = index >= 0 and raw.FPDFText_GetFontWeight(textpage, index) >= 600
            baseline = height - bottom
            if index >= 0 and raw.FPDFText_GetCharOrigin(textpage, index, origin_x, origin_y):
                baseline = height - origin_y.value
            runs.append({"text": text.strip(), "x0": left, "x1": right, "baseline": baseline, "size": size,
                         "bold": bold})
    finally:
        textpage.close()
    runs.sort(key=lambda r: r["baseline"])
    clusters: list[list[dict]] = []
    for run in runs:
        if clusters and abs(run["baseline"] - clusters[-1][0]["baseline"]) <= 0.5 * max(clusters[-1][0]["size"], 1.0):
            clusters[-1].append(run)
        else:
            clusters.append([run])
    # a wide gap on one baseline is a gutter between columns: the runs either side are separate lines
    split: list[list[dict]] = []
    for cluster in clusters:
        cluster.sort(key=lambda r: r["x0"])
        split.append([cluster[0]])
        for prev, run in zip(cluster, cluster[1:]):
            if run["x0"] - prev["x1"] > GUTTER * max(prev["size"], 1.0):
                split.append([run])
            else:
                split[-1].append(run)
    lines: list[dict] = []
    for cluster in split:
        text = cluster[0]["text"]
        for prev, run in zip(cluster, cluster[1:]):
            text += (" " if run["x0"] - prev["x1"] > 0.15 * prev["size"] else "") + run["text"]
        body = max(cluster, key=lambda r: len(r["text"]))  # the line's text run, not its bullet
        lines.append({"text": text, "x0": cluster[0]["x0"], "x1": max(r["x1"] for r in cluster),
                      "top": body["baseline"] - 0.8 * body["size"], "bottom": body["baseline"] + 0.2 * body["size"],
                      "chars": [_pseudo_char(r) for r in cluster]})
    lines.sort(key=lambda ln: (round(ln["top"]), ln["x0"]))
    return lines


def _pseudo_char(run: dict) -> dict:
    """One stand-in 'char' per run, carrying what line grouping reads: size, weight, text."""
    return {"text": run["text"], "size": run["size"], "fontname": "Bold" if run["bold"] else "Regular"}


def ruling_paths(page: pdfium.PdfPage) -> int:
    return sum(1 for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2))


def has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def needs_layout(page: pdfium.PdfPage) -> bool:
    if ruling_paths(page) >= MIN_RULING_PATHS:
        return True
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    return sum(bool(INDICATOR_REF.match(line)) for line in text.splitlines()) >= 3


def _segments(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """Straight strokes and thin rectangles drawn on the page, as (x0, y0, x1, y1) in page space."""
    out = []
    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = raw.FS_MATRIX()
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2):
        handle = obj.raw
        if not raw.FPDFPageObj_GetMatrix(handle, matrix):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        points = []
        for i in range(raw.FPDFPath_CountSegments(handle)):
            seg = raw.FPDFPath_GetPathSegment(handle, i)
            if raw.FPDFPathSegment_GetType(seg) == raw.FPDF_SEGMENT_BEZIERTO:
                return []  # curves: not a plain grid, leave the page to pdfplumber
            raw.FPDFPathSegment_GetPoint(seg, x, y)
            px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
            if raw.FPDFPathSegment_GetType(seg) == raw.FPDF_SEGMENT_MOVETO:
                points = [(px, py)]
                continue
            if points:
                out.append((points[-1][0], points[-1][1], px, py))
            points.append((px, py))
            if raw.FPDFPathSegment_GetClose(seg) and len(points) > 2:
                out.append((px, py, points[0][0], points[0][1]))
    return out


def _cluster(values: list[float], tolerance: float = 1.5) -> list[float]:
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tolerance:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def ruled_grid(page: pdfium.PdfPage):
    """A page's one ruled table, read from its drawn lines and pdfium's text, when the page holds exactly
    one plain grid (every cell closed on all four sides). Returns (bbox, rows of cell texts and bboxes) in
    top-down coordinates, or None: then pdfplumber reads the page."""
    segments = _segments(page)
    horizontal = [(min(x0, x1), max(x0, x1), (y0 + y1) / 2) for x0, y0, x1, y1 in segments
                  if abs(y0 - y1) < 0.5 and abs(x1 - x0) > 2]
    vertical = [(min(y0, y1), max(y0, y1), (x0 + x1) / 2) for x0, y0, x1, y1 in segments
                if abs(x0 - x1) < 0.5 and abs(y1 - y0) > 2]
    if len(horizontal) < 3 or len(vertical) < 3:
        return None
    ys = _cluster([h[2] for h in horizontal])
    xs = _cluster([v[2] for v in vertical])
    if len(ys) < 2 or len(xs) < 2:
        return None

    def covered(spans, lo, hi):
        spans = sorted(spans)
        reach = lo
        for a, b in spans:
            if a > reach + 1.5:
                break
            reach = max(reach, b)
        return reach >= hi - 1.5

    for y in ys:  # every row line must run the full width, every column line the full height
        if not covered([(a, b) for a, b, yy in horizontal if abs(yy - y) <= 1.5], xs[0], xs[-1]):
            return None
    for x in xs:
        if not covered([(a, b) for a, b, xx in vertical if abs(xx - x) <= 1.5], ys[0], ys[-1]):
            return None
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        rows = []
        for top, bottom in zip(sorted(ys, reverse=True), sorted(ys, reverse=True)[1:]):
            row = []
            for left, right in zip(xs, xs[1:]):
                text = textpage.get_text_bounded(left, bottom, right, top)
                row.append((text.replace("\r\n", "\n").replace("\r", "\n"),
                            (left, height - top, right, height - bottom)))
            rows.append(row)
    finally:
        textpage.close()
    return (xs[0], height - max(ys), xs[-1], height - min(ys)), rows
