"""Build PDF and Word files from a simple content list, for the sample pack, the tests and the benchmark.

Content is a list of items:
  ("title", text) ("h", text) ("p", text) ("list", [texts]) ("table", [[cells]...]) ("pagebreak",)
  ("scan", [lines])  -- a page that is only a picture of text, as a scanner makes it (PDF only)
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

Item = tuple


def write_pdf(path: Path, items: list[Item], title: str = "") -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import (Image, ListFlowable, ListItem, PageBreak, Paragraph, SimpleDocTemplate,
                                    Spacer, Table, TableStyle)

    styles = getSampleStyleSheet()
    cell_style = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    head_style = styles["BodyText"].clone("head", fontSize=8, leading=10, fontName="Helvetica-Bold")
    story = []
    for item in items:
        kind = item[0]
        if kind == "title":
            story += [Paragraph(escape(item[1]), styles["Title"]), Spacer(1, 0.4 * cm)]
        elif kind == "h":
            story.append(Paragraph(escape(item[1]), styles["Heading2"]))
        elif kind == "p":
            story += [Paragraph(escape(item[1]), styles["BodyText"]), Spacer(1, 0.2 * cm)]
        elif kind == "list":
            story.append(ListFlowable([ListItem(Paragraph(escape(t), styles["BodyText"])) for t in item[1]],
                                      bulletType="bullet", start="\u2022",
                                      bulletFontName="Helvetica"))
        elif kind in ("table", "table-unruled"):
            # an unruled table is laid out in columns with no lines, as many LAAs were typed
            rows = item[1]
            data = [[Paragraph(escape(str(c)), head_style if r == 0 else cell_style) for c in row]
                    for r, row in enumerate(rows)]
            table = Table(data, repeatRows=1)
            lines = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if kind == "table" else []
            table.setStyle(TableStyle(lines + [("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [table, Spacer(1, 0.3 * cm)]
        elif kind == "pagebreak":
            story.append(PageBreak())
        elif kind == "scan":
            story += ([PageBreak()] if story else []) + [Image(io.BytesIO(_scan_image(item[1])), width=A4[0] - 4 * cm,
                                         height=(A4[0] - 4 * cm) * 1.3), PageBreak()]
        else:
            raise ValueError(f"unknown item {kind}")
    # Drop a trailing page break so the file has no blank last page.
    while story and isinstance(story[-1], PageBreak):
        story.pop()
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, leftMargin=2 * cm, rightMargin=2 * cm,
                            invariant=1)
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return path


def _footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawRightString(doc.pagesize[0] - 56, 30, f"Page {doc.page}")
    canvas.restoreState()


def _scan_image(lines: list[str]) -> bytes:
    """A greyish bitmap of typed lines, slightly noisy, like a scanned sheet."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = 1654, 2150
    img = Image.new("L", (width, height), 245)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=34)
    y = 140
    for line in lines:
        draw.text((120, y), line, fill=20, font=font)
        y += 58
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def write_docx(path: Path, items: list[Item], page_breaks: bool = True) -> Path:
    import docx

    document = docx.Document()
    for item in items:
        kind = item[0]
        if kind == "title":
            document.add_heading(item[1], level=0)
        elif kind == "h":
            document.add_heading(item[1], level=1)
        elif kind == "p":
            document.add_paragraph(item[1])
        elif kind == "list":
            for text in item[1]:
                document.add_paragraph(text, style="List Bullet")
        elif kind == "table-unruled":
            # a table typed as lines with tabs between the columns
            for row in item[1]:
                document.add_paragraph("\t".join(str(c) for c in row))
        elif kind == "table":
            rows = item[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = str(value)
        elif kind == "pagebreak":
            if page_breaks:
                document.add_page_break()
        else:
            raise ValueError(f"unknown item {kind} for docx")
    document.core_properties.title = ""
    document.save(str(path))
    return path
