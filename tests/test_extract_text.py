from pipeline.extract import extract


def test_markdown_headings_lists_and_tables(tmp_path, settings):
    path = tmp_path / "notes.md"
    path.write_text("# Priorities\n\n- one\n- two\n\n| Action | Owner |\n|---|---|\n| Do it | Ann |\n\nPlain text.\n")
    doc = extract(path, "m", settings)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Priorities"), ("list-item", "- one"), ("list-item", "- two"),
        ("table", "Action | Owner\nDo it | Ann"), ("paragraph", "Plain text.")]


def test_windows_1252_text_and_form_feed_pages(tmp_path, settings):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 strategy \u2013 page one.\f\u00a3200,000 pooled budget.".encode("cp1252"))
    doc = extract(path, "t", settings)
    assert doc.pages == 2
    assert [(b.text, b.page) for b in doc.blocks] == [("Caf\u00e9 strategy \u2013 page one.", 1),
                                                      ("\u00a3200,000 pooled budget.", 2)]


def test_wrapped_and_hyphen_broken_lines_are_joined():
    from pipeline.extract.cleanup import join_lines

    assert join_lines("Northmoor Respon-\nsible Authority") == "Northmoor Responsible Authority"
    assert join_lines("Drug and Alcohol\n  Action Team") == "Drug and Alcohol Action Team"
    assert join_lines("Anti-\nSocial Behaviour") == "Anti-Social Behaviour"  # a capital: a real hyphen, kept
