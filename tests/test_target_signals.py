"""Issue 3: target tables in both formats, the hard cases, and every structural signal with its near misses."""

import pytest

from pipeline.analyse import analyse_document, build_pack
from pipeline.detectors import run_detectors
from pipeline.extract import extract
from pipeline.framework import load_framework

HEAD2 = [["NI ref", "Indicator", "Baseline", "Track record", "Track record", "Targets", "Targets", "Targets", "Lead partner"],
         ["", "", "2006/07", "2004/05", "2005/06", "2008/09", "2009/10", "2010/11", ""]]


def pack_of(path, settings):
    ad = analyse_document(extract(path, path.stem, settings), settings)
    return build_pack("t", [ad], settings)


def run(pack, *detectors):
    return run_detectors(pack, load_framework(), settings_for_run, only=detectors)


settings_for_run = None


@pytest.fixture(autouse=True)
def _settings(settings):
    global settings_for_run
    settings_for_run = settings


def by_signal(findings, signal):
    return sorted(f.evidence[0].quote for f in findings if f.signal == signal)


HARD_ROWS = [
    # a gentle straight line, +0.15 a year from the baseline, while the record fell: straight-line-trajectory
    ["NI 8", "Adult participation in sport", "10.0", "10.2", "10.1", "10.3", "10.45", "10.6", "Sport Trust"],
    # unequal steps: a near miss for the straight line
    ["NI 16", "Serious acquisitive crime rate per 1,000", "14.2", "15.0", "14.6", "13.9", "13.5", "12.3", "Police"],
    # steep improvement against a worsening record: implausible-target
    ["NI 152", "Working age people on out of work benefits", "11.9%", "11.0%", "11.5%", "9.0%", "7.0%", "5.0%", "Jobcentre Plus"],
    # end point only: no-trajectory
    ["NI 192", "Household waste recycled", "31%", "27%", "29%", "", "", "40%", "County Council"],
    # no baseline: missing-baseline
    ["L 01", "Older people helped to live at home", "TBC", "", "", "2,300", "2,450", "2,600", "Adult Social Care"],
    # owner given only in a footnote: not missing
    ["NI 39", "Alcohol-related hospital admissions per 100,000", "1,912", "1,800", "1,870", "1,950", "1,980", "2,000", "See note 1"],
    # a statutory indicator with figures every year
    ["NI 75", "5 A*-C GCSE including English and Maths", "44.1%", "41.0%", "42.5%", "46.0%", "48.0%", "50.0%", "Children's Services"],
]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_two_row_header_table_read_whole(fmt, make_pdf, make_docx, settings):
    items = [("title", "Local Area Agreement 2008-2011"), ("table", HEAD2 + HARD_ROWS),
             ("p", "1 NHS Northmoor, with the Drug and Alcohol Action Team.")]
    pack = pack_of(make_pdf(items) if fmt == "pdf" else make_docx(items), settings)
    rows = {r.reference: r for r in pack.targets}
    assert list(rows) == ["NI 8", "NI 16", "NI 152", "NI 192", "L 01", "NI 39", "NI 75"]
    r = rows["NI 16"]
    assert (r.title, r.baseline.number, r.baseline_year) == ("Serious acquisitive crime rate per 1,000", 14.2, 2006)
    assert {y: v.number for y, v in r.actuals.items()} == {2004: 15.0, 2005: 14.6}
    assert {y: v.number for y, v in r.targets.items()} == {2008: 13.9, 2009: 13.5, 2010: 12.3}
    assert r.lead == "Police" and r.direction == -1
    assert rows["NI 39"].lead_footnote == "NHS Northmoor, with the Drug and Alcohol Action Team."
    assert rows["NI 152"].national_title == "Working age people on out of work benefits"
    assert rows["NI 75"].statutory and not rows["NI 8"].statutory


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_structural_signals_where_they_hold_and_not_elsewhere(fmt, make_pdf, make_docx, settings):
    items = [("title", "Local Area Agreement 2008-2011"), ("table", HEAD2 + HARD_ROWS),
             ("p", "1 NHS Northmoor, with the Drug and Alcohol Action Team.")]
    pack = pack_of(make_pdf(items) if fmt == "pdf" else make_docx(items), settings)
    found = run(pack, "rule:target-table", "rule:target-numbers")
    assert by_signal(found, "straight-line-trajectory") == ["NI 8"]
    assert by_signal(found, "implausible-target") == ["NI 152"]
    assert by_signal(found, "no-trajectory") == ["NI 192"]
    assert by_signal(found, "missing-baseline") == ["L 01"]
    assert by_signal(found, "missing-owner") == []  # the footnote names the owner
    assert by_signal(found, "unquantified-target") == []
    assert by_signal(found, "accountability-map") == ["NI 8"]
    assert by_signal(found, "mandatory-indicators-addressed") == ["NI 75"]
    assert by_signal(found, "local-targets-supplement") == ["L 01"]
    straight = next(f for f in found if f.signal == "straight-line-trajectory")
    assert "+0.15 a year" in straight.explanation and "2004/05: 10.2" in straight.explanation


def test_unruled_target_table_in_pdf_and_tab_typed_table_in_word(make_pdf, make_docx, settings):
    rows = [["NI ref", "Indicator", "Baseline 2006/07", "Target 08/09", "Target 09/10", "Target 10/11", "Lead partner"],
            ["NI 16", "Serious acquisitive crime rate", "14.2", "13.6", "13.0", "12.3", "Police"],
            ["NI 20", "Assault with injury crime rate", "8.1", "TBC", "TBC", "TBC", "Police"],
            ["NI 39", "Alcohol admissions", "1,912", "1,950", "1,980", "2,000", ""],
            ["NI 195", "Street cleanliness", "9%", "8%", "7%", "6%", "Districts"]]
    for path in (make_pdf([("p", "Prose first."), ("table-unruled", rows), ("p", "After.")]),
                 make_docx([("p", "Prose first."), ("table-unruled", rows), ("p", "After.")])):
        pack = pack_of(path, settings)
        got = [[r.reference, r.title, r.baseline.raw, *[v.raw for v in r.targets.values()], r.lead] for r in pack.targets]
        assert got == rows[1:], path.suffix
        found = run(pack, "rule:target-table")
        assert by_signal(found, "unquantified-target") == ["NI 20"]
        assert by_signal(found, "missing-owner") == ["NI 39"]


def test_action_table_milestones(make_docx, settings):
    rows = [["Action", "Owner", "Milestone", "Deadline"],
            ["Commission advocacy service", "DV Co-ordinator", "", "TBC"],
            ["Extend arrest referral", "DAAT Co-ordinator", "Scheme operating", ""],
            ["Review CCTV", "Head of Community Safety", "", ""]]
    found = run(pack_of(make_docx([("table", rows)]), settings), "rule:action-table")
    assert by_signal(found, "missing-milestones") == ["Commission advocacy service", "Review CCTV"]


def test_owner_footnote_that_names_no_one_is_still_missing(make_pdf, settings):
    rows = [["NI ref", "Indicator", "Target 2010/11", "Lead partner"], ["NI 39", "Alcohol admissions", "2,000", "*"],
            ["NI 40", "Drug users in effective treatment", "1,200", "DAAT"]]
    found = run(pack_of(make_pdf([("table", rows), ("p", "* To be confirmed.")]), settings), "rule:target-table")
    assert by_signal(found, "missing-owner") == ["NI 39"]
