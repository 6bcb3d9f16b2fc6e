"""Each rule detector on positive cases and on near misses that must stay silent."""

from pipeline.analyse import analyse_document, build_pack
from pipeline.detectors import run_detectors
from pipeline.extract import extract
from pipeline.framework import load_framework

HEAD = ["NI ref", "Indicator", "Baseline 2006/07", "Target 2008/09", "Target 2009/10", "Target 2010/11", "Lead partner"]


def findings_for(paths, settings, *detectors):
    analysed = [analyse_document(extract(p, p.stem, settings), settings) for p in paths]
    pack = build_pack("t", analysed, settings)
    return run_detectors(pack, load_framework(), settings, only=detectors)


def signals(findings, signal):
    return [f for f in findings if f.signal == signal]


# --- unquantified-target -------------------------------------------------------------------------------

def test_unquantified_target_cells(make_pdf, settings):
    rows = [HEAD,
            ["NI 20", "Assault with injury", "8.1", "TBC", "TBC", "TBC", "Police"],
            ["NI 56", "Obesity in Year 6", "17.9%", "Improve", "Improve", "Improve", "PCT"],
            ["NI 195", "Street cleanliness", "9%", "", "", "", "Districts"],
            ["NI 8", "Adult participation in sport", "19.8%", "20.5%", "21.5%", "22.5%", "Sport Trust"],
            ["NI 117", "NEET", "7.4%", "7.0%", "6.6%", "To be confirmed", "Connexions"]]
    found = signals(findings_for([make_pdf([("table", rows)])], settings, "rule:target-table"), "unquantified-target")
    assert sorted(f.evidence[0].quote for f in found) == ["NI 117", "NI 195", "NI 20", "NI 56"]
    tbc = next(f for f in found if f.evidence[0].quote == "NI 20")
    assert "2008/09: TBC" in tbc.explanation and tbc.evidence[0].page == 1
    assert tbc.evidence[0].location["row"] == 1 and tbc.evidence[1].quote == "TBC"


def test_quantified_targets_and_intermediate_gap_are_not_unquantified(make_pdf, settings):
    # 'improve' inside a quantified cell, and a final-year figure with an earlier blank, are near misses
    rows = [HEAD, ["NI 8", "Adult participation", "19.8%", "improve to 20.5%", "21.5%", "22.5%", "Trust"],
            ["NI 16", "Serious acquisitive crime", "14.2", "", "13.0", "12.3", "Police"]]
    found = findings_for([make_pdf([("table", rows)])], settings, "rule:target-table")
    assert signals(found, "unquantified-target") == []


def test_target_with_a_figure_but_no_year(make_docx, settings):
    rows = [["Indicator", "Target", "Lead"], ["NI 192 Household waste recycled", "40%", "County Council"]]
    found = signals(findings_for([make_docx([("table", rows)])], settings, "rule:target-table"), "unquantified-target")
    assert len(found) == 1 and "no year" in found[0].explanation


def test_prose_intentions_without_figures(make_pdf, settings):
    path = make_pdf([("title", "Local Area Agreement 2008-2011"),
                     ("p", "We will improve the quality of life of older people."),
                     ("p", "We will reduce assault with injury by 8% by March 2011."),
                     ("p", "The partnership aims to increase recycling to 40% of household waste."),
                     ("p", "Residents told us they want to improve their neighbourhoods.")])
    found = findings_for([path], settings, "rule:prose-target")
    assert [f.evidence[0].quote for f in found] == ["We will improve the quality of life of older people."]


# --- missing-owner -------------------------------------------------------------------------------------

def test_missing_owner_in_target_and_action_tables(make_pdf, make_docx, settings):
    targets = [HEAD, ["NI 39", "Alcohol admissions", "1,912", "1,950", "1,980", "2,000", ""],
               ["NI 32", "Repeat domestic violence", "31%", "29%", "28%", "27%", "Community Safety Partnership"]]
    actions = [["Action", "Owner", "Deadline"], ["Commission advocacy", "TBC", "Sept 2007"],
               ["Review CCTV", "Head of Community Safety", "Dec 2007"]]
    found = signals(findings_for([make_pdf([("table", targets)], "laa.pdf"), make_docx([("table", actions)])],
                                 settings, "rule:target-table", "rule:action-table"), "missing-owner")
    quotes = sorted(f.evidence[0].quote for f in found)
    assert quotes == ["Commission advocacy", "NI 39"]


def test_owners_everywhere_give_an_accountability_map(make_pdf, settings):
    rows = [HEAD] + [[f"NI {n}", f"Indicator {n}", "10%", "11%", "12%", "13%", f"Partner {n}"] for n in range(1, 7)]
    found = findings_for([make_pdf([("table", rows)])], settings, "rule:target-table")
    assert signals(found, "missing-owner") == []
    assert len(signals(found, "accountability-map")) == 1


# --- everything-a-priority -----------------------------------------------------------------------------

def test_long_priority_list_and_all_equal_statement(make_pdf, settings):
    items = [f"Priority theme number {n}" for n in range(1, 15)]
    path = make_pdf([("h", "Our priorities"), ("list", items),
                     ("p", "All of these themes are equally important to the Partnership.")])
    found = findings_for([path], settings, "rule:priorities")
    assert len(found) == 2
    long_list = next(f for f in found if "14 priorities" in f.explanation)
    assert len(long_list.evidence) == 15 and long_list.evidence[1].quote.endswith("Priority theme number 1")


def test_short_priority_list_and_ranked_priorities_are_fine(make_pdf, settings):
    path = make_pdf([("h", "Our priorities"), ("list", ["Reducing crime", "Health inequalities", "Worklessness"]),
                     ("p", "Not all of these areas are equally important: crime comes first."),
                     ("h", "Other services"), ("list", [f"Service {n}" for n in range(1, 15)])])
    assert findings_for([path], settings, "rule:priorities") == []


def test_every_target_flagged_priority(make_docx, settings):
    head = ["NI ref", "Indicator", "Target 2010/11", "Priority"]
    rows = [head] + [[f"NI {n}", f"Indicator {n}", "50%", "High"] for n in range(1, 10)]
    found = findings_for([make_docx([("table", rows)])], settings, "rule:priorities")
    assert len(found) == 1 and "9 of the 9" in found[0].explanation


# --- plan-predates-laa ---------------------------------------------------------------------------------

def _laa(make_pdf):
    return make_pdf([("title", "Northmoor Local Area Agreement 2008-2011"),
                     ("p", "Agreed by the Partnership Board on 26 June 2008.")], "laa.pdf")


def test_old_plan_not_reviewed(make_pdf, make_docx, settings):
    plan = make_docx([("title", "Community Safety Action Plan 2006-2009"),
                      ("p", "Approved by the CDRP Executive Group on 14 November 2006.")], "plan.docx")
    found = findings_for([_laa(make_pdf), plan], settings, "rule:plan-dates")
    assert len(found) == 1
    assert found[0].evidence[0].quote == "Approved by the CDRP Executive Group on 14 November 2006."
    assert "14 November 2006" in found[0].explanation


def test_old_plan_reviewed_since_and_new_plan_are_fine(make_pdf, make_docx, settings):
    reviewed = make_docx([("title", "Community Safety Action Plan 2006-2009"),
                          ("p", "Approved by the CDRP Executive Group on 14 November 2006."),
                          ("p", "The plan was reviewed and refreshed by the Executive on 3 September 2008.")], "a.docx")
    planned = make_docx([("title", "Housing Service Plan 2007-2010"), ("p", "Approved on 2 May 2007."),
                         ("p", "It will be reviewed in June 2008.")], "b.docx")
    new = make_docx([("title", "Children's Services Business Plan 2008-2011"), ("p", "Approved on 12 May 2008.")], "c.docx")
    found = findings_for([_laa(make_pdf), reviewed, planned, new], settings, "rule:plan-dates")
    assert [f.evidence[0].document for f in found] == ["b"]  # a future review is not a review
