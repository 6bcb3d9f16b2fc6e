"""Target and action tables read as records, in PDF and Word."""

import pytest

from pipeline.analyse import analyse_document, build_pack
from pipeline.extract import extract

TARGETS = [
    ["NI ref", "Indicator", "Baseline (2006/07)", "Target 08/09", "Target 09/10", "Target 10/11", "Lead partner"],
    ["NI 16", "Serious acquisitive crime rate per 1,000 population", "14.2", "13.6", "13.0", "12.3*", "Northmoor Police"],
    ["NI 20", "Assault with injury crime rate", "8.1", "TBC", "TBC", "TBC", "Northmoor Police"],
    ["NI 154", "Net additional homes provided", "1,040", "1,100", "1,150", "1,200", ""],
    ["L 01", "Older people helped to live at home", "n/a", "2,300", "2,450", "2,600", "Adult Social Care"],
]


def _pack(path, settings):
    ad = analyse_document(extract(path, "laa", settings), settings)
    return build_pack("t", [ad], settings)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_target_rows_are_read_as_whole_records(fmt, make_pdf, make_docx, settings):
    items = [("title", "Local Area Agreement 2008-2011"), ("table", TARGETS)]
    path = make_pdf(items) if fmt == "pdf" else make_docx(items)
    pack = _pack(path, settings)
    records = [(r.reference, r.title, r.baseline.raw, r.baseline.number, r.baseline_year,
                {y: (v.raw, v.number, v.kind) for y, v in r.targets.items()}, r.lead) for r in pack.targets]
    assert records == [
        ("NI 16", "Serious acquisitive crime rate per 1,000 population", "14.2", 14.2, 2006,
         {2008: ("13.6", 13.6, "number"), 2009: ("13.0", 13.0, "number"), 2010: ("12.3*", 12.3, "number")},
         "Northmoor Police"),
        ("NI 20", "Assault with injury crime rate", "8.1", 8.1, 2006,
         {2008: ("TBC", None, "tbc"), 2009: ("TBC", None, "tbc"), 2010: ("TBC", None, "tbc")}, "Northmoor Police"),
        ("NI 154", "Net additional homes provided", "1,040", 1040.0, 2006,
         {2008: ("1,100", 1100.0, "number"), 2009: ("1,150", 1150.0, "number"), 2010: ("1,200", 1200.0, "number")}, ""),
        ("L 01", "Older people helped to live at home", "n/a", None, 2006,
         {2008: ("2,300", 2300.0, "number"), 2009: ("2,450", 2450.0, "number"), 2010: ("2,600", 2600.0, "number")},
         "Adult Social Care"),
    ]
    assert all(r.page == 1 for r in pack.targets) if fmt == "pdf" else True


def test_action_table_rows(make_docx, settings):
    rows = [["Action", "Lead officer", "Milestone", "Deadline"],
            ["Commission advocacy service", "", "Contract let", "September 2007"],
            ["Extend arrest referral", "DAAT Co-ordinator", "Scheme operating", "April 2008"]]
    pack = _pack(make_docx([("title", "Community Safety Action Plan"), ("table", rows)]), settings)
    assert [(a.action, a.owner, a.milestone, a.deadline) for a in pack.actions] == [
        ("Commission advocacy service", "", "Contract let", "September 2007"),
        ("Extend arrest referral", "DAAT Co-ordinator", "Scheme operating", "April 2008")]
    assert pack.targets == []


def test_a_table_that_is_neither_is_ignored(make_pdf, settings):
    pack = _pack(make_pdf([("table", [["Name", "Organisation"], ["J. Hartley", "County Council"]])]), settings)
    assert pack.targets == [] and pack.actions == []
