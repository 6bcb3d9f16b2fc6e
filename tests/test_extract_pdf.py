from pipeline.extract import extract

LONG_TABLE = [["NI ref", "Indicator", "Target 2010/11", "Lead partner"]] + [
    [f"NI {n}", f"Indicator number {n} measured across the whole county area", f"{n}.5%", f"Partner {n}"]
    for n in range(1, 61)
]


def test_text_keeps_pages_headings_and_lists(make_pdf, settings):
    path = make_pdf([("title", "Northmoor Local Area Agreement 2008-2011"), ("p", "First page paragraph about crime."),
                     ("pagebreak",), ("h", "Second page heading"), ("list", ["one item", "another item"]),
                     ("p", "Closing paragraph on page two.")])
    doc = extract(path, "d1", settings)
    assert doc.status == "ok" and doc.pages == 2
    kinds = [(b.kind, b.text, b.page) for b in doc.blocks]
    assert kinds == [
        ("heading", "Northmoor Local Area Agreement 2008-2011", 1),
        ("paragraph", "First page paragraph about crime.", 1),
        ("heading", "Second page heading", 2),
        ("list-item", "\u2022 one item", 2),
        ("list-item", "\u2022 another item", 2),
        ("paragraph", "Closing paragraph on page two.", 2),
    ]


def test_table_rows_and_cells_with_wrapping(make_pdf, settings):
    rows = [["NI ref", "Indicator", "Lead partner"],
            ["NI 20", "Assault with injury crime rate per 1,000 population in the county", "Northmoor Police"]]
    doc = extract(make_pdf([("p", "Targets:"), ("table", rows)]), "d1", settings)
    assert len(doc.tables) == 1
    assert [[c.text for c in r] for r in doc.tables[0].rows] == rows
    assert doc.tables[0].rows[1][1].page == 1 and doc.tables[0].rows[1][1].bbox is not None


def test_table_across_pages_is_joined_and_repeated_header_dropped(make_pdf, settings):
    doc = extract(make_pdf([("p", "The improvement targets."), ("table", LONG_TABLE)]), "d1", settings)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert len(table.pages) >= 2
    assert [[c.text for c in r] for r in table.rows] == LONG_TABLE
    # each row keeps the page it is printed on
    assert table.rows[-1][0].page == table.pages[-1]


def test_page_numbers_are_not_content(make_pdf, settings):
    doc = extract(make_pdf([("p", "Some text."), ("pagebreak",), ("p", "More text.")]), "d1", settings)
    assert all(not b.text.startswith("Page ") for b in doc.blocks)


SCAN = [("p", "A typed first page with enough text to count as read."),
        ("scan", ["Signed for Northmoor Police", "Date 26/06/2008"])]


def test_scanned_page_without_ocr_is_reported_not_read(make_pdf, settings):
    doc = extract(make_pdf(SCAN), "d1", settings.replace(ocr=False))
    assert doc.status == "partial"
    assert 2 in doc.unread_pages and "scanned" in doc.unread_pages[2] and "OCR is switched off" in doc.error


def test_scanned_page_is_read_by_ocr_and_marked(make_pdf, settings):
    doc = extract(make_pdf(SCAN), "d1", settings)
    assert doc.status == "ok" and doc.ocr and not doc.unread_pages
    scanned = [b for b in doc.blocks if b.page == 2]
    assert all(b.ocr and 0.5 < b.ocr_confidence <= 1 for b in scanned)
    assert "Signed for Northmoor Police" in " ".join(b.text for b in scanned)
    assert not any(b.ocr for b in doc.blocks if b.page == 1)


def test_ocr_rejoins_a_sentence_tesseract_split_across_paragraphs():
    from pipeline.documents import Block
    from pipeline.extract.ocr import _rejoin_wrapped

    def block(text, top, bottom, confidence=0.9):
        return Block(index=-1, kind="paragraph", text=text, page=1, bbox=(72, top, 400, bottom), ocr=True,
                     ocr_confidence=confidence), 12.0

    blocks = _rejoin_wrapped([block("Red for a", 100, 112), block("second quarter goes to the Executive.", 118, 130, 0.7),
                              block("next item opens lower case", 134, 146),  # after a full stop: a new paragraph
                              block("far below, after a gap", 200, 212)])  # a gap of over a line: not run on
    assert [b.text for b in blocks] == ["Red for a second quarter goes to the Executive.",
                                        "next item opens lower case", "far below, after a gap"]
    assert blocks[0].bbox == (72, 100, 400, 130) and blocks[0].ocr_confidence == 0.739  # weighted by length: (9 x 0.9 + 37 x 0.7) / 46


def test_broken_files_get_plain_reasons(tmp_path, make_pdf, settings):
    good = make_pdf([("p", "Text.")])
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[:300])
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    for path, words in ((truncated, "PDF"), (empty, "empty")):
        doc = extract(path, "x", settings)
        assert doc.status == "error"
        assert words in doc.error and "\n" not in doc.error


def test_scanned_page_without_tesseract_says_so(make_pdf, settings, monkeypatch):
    from pipeline.extract import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    doc = extract(make_pdf(SCAN), "d1", settings)
    assert doc.status == "partial" and "OCR is not available (install Tesseract" in doc.unread_pages[2]


def test_fast_grid_reader_matches_pdfplumber(make_pdf, settings, tmp_path):
    """pdfium reads plain ruled grids; the result must be pdfplumber's, block for block and cell for cell.
    A grid with a merged cell is not plain, and goes to pdfplumber."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    merged = tmp_path / "merged.pdf"
    table = Table([["Indicator", "Targets", ""], ["", "2009/10", "2010/11"], ["NI 8", "21%", "22%"]])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (1, 0), (2, 0))]))
    SimpleDocTemplate(str(merged), pagesize=A4).build([table])
    for path in (make_pdf([("p", "The improvement targets."), ("table", LONG_TABLE), ("p", "After.")]), merged):
        fast, slow = extract(path, "f", settings), extract(path, "s", settings.replace(pdf_fast_text=False))
        assert [(b.kind, b.text, b.page) for b in fast.blocks] == [(b.kind, b.text, b.page) for b in slow.blocks]
        assert [[[c.text for c in r] for r in t.rows] for t in fast.tables] == \
            [[[c.text for c in r] for r in t.rows] for t in slow.tables]
