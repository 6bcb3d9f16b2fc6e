from pipeline.extract import extract


def test_docx_reading_order_and_kinds(make_docx, settings):
    path = make_docx([("title", "Community Safety Plan 2006-2009"), ("p", "Approved on 14 November 2006."),
                      ("h", "Actions"), ("list", ["first bullet", "second bullet"]),
                      ("table", [["Action", "Lead officer"], ["Roll out teams", "Chief Inspector"]]),
                      ("pagebreak",), ("p", "After the break.")])
    doc = extract(path, "d1", settings)
    assert doc.format == "docx" and doc.status == "ok"
    got = [(b.kind, b.text, b.page) for b in doc.blocks]
    assert got == [
        ("heading", "Community Safety Plan 2006-2009", 1),
        ("paragraph", "Approved on 14 November 2006.", 1),
        ("heading", "Actions", 1),
        ("list-item", "first bullet", 1),
        ("list-item", "second bullet", 1),
        ("table", "Action | Lead officer\nRoll out teams | Chief Inspector", 1),
        ("paragraph", "After the break.", 2),
    ]
    assert doc.pages == 2
    assert [[c.text for c in r] for r in doc.tables[0].rows] == [["Action", "Lead officer"],
                                                                 ["Roll out teams", "Chief Inspector"]]


def test_docx_without_page_information_has_no_pages(make_docx, settings):
    doc = extract(make_docx([("p", "One."), ("pagebreak",), ("p", "Two.")], page_breaks=False), "d1", settings)
    assert doc.pages is None and all(b.page is None for b in doc.blocks)


def test_docx_merged_header_cell_heads_each_column(tmp_path, settings):
    import docx

    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 1).merge(t.cell(0, 2)).text = "Targets"
    t.cell(0, 0).text = "Indicator"
    for c, v in enumerate(["", "2009/10", "2010/11"]):
        t.cell(1, c).text = v
    for c, v in enumerate(["NI 8", "21%", "22%"]):
        t.cell(2, c).text = v
    path = tmp_path / "merged.docx"
    d.save(path)
    doc = extract(path, "d", settings)
    assert [c.text for c in doc.tables[0].rows[0]] == ["Indicator", "Targets", "Targets"]


def test_word_file_renamed_to_pdf_is_read_as_word(make_docx, tmp_path, settings):
    path = make_docx([("p", "Content of a Word file.")])
    renamed = tmp_path / "actually-word.pdf"
    renamed.write_bytes(path.read_bytes())
    doc = extract(renamed, "d", settings)
    assert doc.format == "docx" and doc.blocks[0].text == "Content of a Word file."
