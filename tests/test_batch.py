"""Batch review: every pack reviewed, broken files reported, summaries written, reruns served from cache."""

import json
import shutil

from openpyxl import load_workbook

from pipeline.batch import review_batch
from pipeline.cli import main
from tests.conftest import SAMPLE_PACK


def _region(tmp_path, make_pdf):
    region = tmp_path / "region"
    shutil.copytree(SAMPLE_PACK, region / "northmoor")
    other = region / "southdale"
    other.mkdir()
    good = make_pdf([("title", "Southdale Local Area Agreement 2008-2011"),
                     ("table", [["NI ref", "Indicator", "Target 2010/11", "Lead partner"],
                                ["NI 16", "Serious acquisitive crime", "TBC", "Police"]])], "laa.pdf")
    shutil.move(good, other / "laa.pdf")
    (other / "upload.pdf").write_bytes((other / "laa.pdf").read_bytes()[:400])  # a half-uploaded file
    (other / "notes.docx").write_bytes(b"PK\x03\x04 not really a zip")
    shutil.copy(other / "laa.pdf", region / "loose-letter.pdf")  # a loose file is a pack of its own
    return region


def test_batch_reviews_every_pack_and_reports_broken_files(tmp_path, make_pdf, settings):
    region = _region(tmp_path, make_pdf)
    out = tmp_path / "out"
    outcomes = review_batch(region, out, settings, show_progress=False)
    assert [o.name for o in outcomes] == ["loose-letter", "northmoor", "southdale"]
    south = next(o for o in outcomes if o.name == "southdale").data
    status = {d["file"]: (d["status"], d["error"]) for d in south["pack"]["documents"]}
    assert status["laa.pdf"] == ("ok", None)
    assert status["upload.pdf"][0] == "error" and "damaged or truncated" in status["upload.pdf"][1]
    assert status["notes.docx"][0] == "error" and "\n" not in status["notes.docx"][1]
    assert any(f["signal"] == "unquantified-target" for f in south["findings"])  # the good file was reviewed
    for name in ("summary.csv", "summary.xlsx", "summary.html", "batch.log"):
        assert (out / name).exists()
    sheet = load_workbook(out / "summary.xlsx").active
    header = [c.value for c in sheet[1]]
    assert "smart-targets" in header and "documents_failed" in header and sheet.max_row == 4
    html = (out / "summary.html").read_text()
    assert 'href="northmoor/review.html#smart-targets"' in html
    log = (out / "batch.log").read_text()
    assert "southdale\tupload.pdf\terror: the PDF is damaged or truncated" in log


def test_rerun_uses_the_cache_and_new_packs_only_are_reviewed(tmp_path, make_pdf, settings):
    region = _region(tmp_path, make_pdf)
    out = tmp_path / "out"
    review_batch(region, out, settings, show_progress=False)
    again = review_batch(region, out, settings, show_progress=False)
    assert all(o.cached for o in again)
    extra = region / "westshire"
    extra.mkdir()
    shutil.copy(region / "southdale" / "laa.pdf", extra / "laa.pdf")
    third = review_batch(region, out, settings, show_progress=False)
    assert {o.name: o.cached for o in third} == {"loose-letter": True, "northmoor": True, "southdale": True,
                                                 "westshire": False}
    # a changed setting invalidates every cached review
    fourth = review_batch(region, out, settings.replace(max_priorities=12), show_progress=False)
    assert not any(o.cached for o in fourth)


def test_batch_exit_status(tmp_path, make_pdf, settings, capsys):
    region = _region(tmp_path, make_pdf)
    assert main(["batch", str(region), "--out", str(tmp_path / "o"), "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "southdale/upload.pdf: the PDF is damaged or truncated" in out
    ok = tmp_path / "ok"
    (ok / "one").mkdir(parents=True)
    shutil.copy(region / "southdale" / "laa.pdf", ok / "one" / "laa.pdf")
    assert main(["batch", str(ok), "--out", str(tmp_path / "o2"), "--quiet"]) == 0
    assert json.loads((tmp_path / "o2" / "one" / "review.json").read_text())["pack"]["name"] == "one"
