"""The command line: one-line errors and exit statuses a script can rely on."""

from pipeline.cli import main


def test_missing_path_is_one_line_error(capsys, tmp_path):
    code = main(["review", str(tmp_path / "nope.pdf"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "no such file" in err


def test_unreadable_single_document_exits_non_zero(capsys, tmp_path):
    bad = tmp_path / "laa.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage that is not a pdf")
    code = main(["review", str(bad), "--out", str(tmp_path / "o")])
    captured = capsys.readouterr()
    assert code == 2 and "Traceback" not in captured.err + captured.out
    assert (tmp_path / "o" / "review.json").exists()  # the review still says why


def test_review_writes_outputs(capsys, make_docx, tmp_path):
    path = make_docx([("title", "Housing Action Plan 2007-2010"), ("p", "Approved on 2 May 2007."),
                      ("table", [["Action", "Owner", "Deadline"], ["Build homes", "", "2009"]])])
    assert main(["review", str(path), "--out", str(tmp_path / "o")]) == 0
    for name in ("review.json", "review.html", "targets.csv"):
        assert (tmp_path / "o" / name).exists()
    out = capsys.readouterr().out
    assert "LAA review" in out and "review.html" in out
