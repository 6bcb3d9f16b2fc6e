"""The text classifiers on a pack written for this test alone, in words the corpus has never seen: each
planted passage should come back as a finding of its signal, quoting that passage."""

import pytest

from pipeline.run import review_pack
from tools.docbuild import write_docx, write_pdf

PLANTED = {
    "reticence-to-contribute": "The Fire Authority's representative said it would not release any prevention staff to "
                               "the joint hub this year and would keep its incident data to itself.",
    "spend-as-allocation-consumed": "At month nine, 1.34 million pounds of the 1.8 million pound Performance Reward "
                                    "Grant had been spent, which is 74% of the year's budget.",
    "area-averages-only": "All figures in this report are county-wide rates; results for individual wards and estates "
                          "are not shown.",
    "member-involvement": "The Leader of the Council chairs the Performance Board in person, and the portfolio holder "
                          "for adult care questioned the lead officer on every red indicator.",
    "no-data-quality-assurance": "Officers warned that the youth service's attendance figures have never been checked "
                                 "and may count the same young person several times.",
    "infrequent-data": "Because the Place Survey runs only every other year, the partnership will have no new reading "
                       "on NI 4 until the autumn of 2010.",
    "pooled-budgets": "The PCT and the County Council have put 3.2 million pounds into a single section 75 fund for "
                      "intermediate care, spent by one commissioning manager.",
    "unresolved-conflict": "The two district councils still dispute the county's share-out of new housing, and no way "
                           "of settling the disagreement has been found.",
    "staff-unaware": "A survey of front-line housing officers found that four out of five had never heard of the LAA "
                     "or any of its targets.",
    "early-variance-reporting": "Any indicator that slips more than five per cent behind its trajectory is flagged to "
                                "every partner within a fortnight, well before the quarterly report.",
    "value-for-money-assessed": "The report sets the 420,000 pounds spent on the alcohol pathway against the 310 "
                                "admissions it prevented, about 1,350 pounds for each admission avoided.",
    "ladder-agreed": "Partners signed up to a four-step escalation: theme group review, a recovery plan from the lead "
                     "officer, challenge by the Executive and, last, referral to the Government Office.",
}


@pytest.fixture(scope="module")
def review(tmp_path_factory, settings):
    root = tmp_path_factory.mktemp("unseen")
    pack = root / "harwell"
    pack.mkdir()
    items = list(PLANTED.items())
    write_pdf(pack / "harwell-board-minutes.pdf", [
        ("title", "Harwell Partnership Board: Minutes"), ("p", "Minutes of the meeting held on 3 March 2009."),
        ("p", "Present: Cllr P. Ames (Chair), Ms R. Okafor (Harwell PCT), Supt J. Lowe (Police)."),
        *[("p", text) for _, text in items[:6]]])
    write_docx(pack / "harwell-q3-performance-report.docx", [
        ("title", "Harwell LAA Performance Report: Quarter 3 2008/09"), ("p", "Published 20 February 2009."),
        *[("p", text) for _, text in items[6:]]])
    return review_pack([pack], settings, out_dir=root / "out").data


def found_planted(data):
    hits = {}
    for signal, text in PLANTED.items():
        hits[signal] = any(f["signal"] == signal and f["detector"].startswith("model:")
                           and any(e["quote"] and e["quote"] in text for e in f["evidence"])
                           for f in data["findings"])
    return hits


def test_planted_text_signals_are_found_with_their_passages(review):
    hits = found_planted(review)
    found = [s for s, ok in hits.items() if ok]
    missed = [s for s, ok in hits.items() if not ok]
    print(f"planted signals found {len(found)}/{len(hits)}; missed: {missed}")
    assert len(found) >= MIN_FOUND, f"missed: {missed}"


def test_planted_passages_are_not_taken_for_their_opposites(review):
    opposite = {"area-averages-only": "sub-local-data", "unresolved-conflict": "conflicts-resolved",
                "reticence-to-contribute": "transparent-data-sharing", "staff-unaware": "outcomes-in-action-plans"}
    for signal, other in opposite.items():
        wrong = [f for f in review["findings"] if f["signal"] == other
                 and any(e["quote"] and e["quote"] in PLANTED[signal] for e in f["evidence"])]
        assert not wrong, (signal, other)


MIN_FOUND = 9  # of 12; measured with the shipped model and reported on issue 4
