"""Write the sample pack in corpora/samples/northmoor/: an invented area's LAA submission.

It is a realistic small pack: the agreement (PDF, a target table that runs over two pages), the
community safety partnership's plan (Word, dated before the LAA), the partnership board's minutes
(PDF) and a scanned signature sheet (an image-only PDF). Run `make samples` to rebuild it.
"""

from __future__ import annotations

from pathlib import Path

from tools.docbuild import write_docx, write_pdf

OUT = Path(__file__).resolve().parent.parent / "corpora" / "samples" / "northmoor"

TARGETS = [
    ["NI ref", "Indicator", "Baseline (2006/07)", "Target 2008/09", "Target 2009/10", "Target 2010/11", "Lead partner"],
    ["NI 1", "% of people who believe people from different backgrounds get on well together", "71%", "73%", "75%", "77%", "Northmoor County Council"],
    ["NI 8", "Adult participation in sport and active recreation", "19.8%", "20.5%", "21.5%", "22.5%", "Northmoor Sport and Leisure Trust"],
    ["NI 16", "Serious acquisitive crime rate per 1,000 population", "14.2", "13.6", "13.0", "12.3", "Northmoor Police"],
    ["NI 20", "Assault with injury crime rate per 1,000 population", "8.1", "TBC", "TBC", "TBC", "Northmoor Police"],
    ["NI 39", "Rate of hospital admissions per 100,000 for alcohol related harm", "1,912", "1,950", "1,980", "2,000", ""],
    ["NI 56", "Obesity among primary school age children in Year 6", "17.9%", "Improve", "Improve", "Improve", "Northmoor PCT"],
    ["NI 117", "16 to 18 year olds who are not in education, training or employment (NEET)", "7.4%", "7.0%", "6.6%", "6.2%", "Connexions Northmoor"],
    ["NI 152", "Working age people on out of work benefits", "11.9%", "11.6%", "11.3%", "11.0%", "Jobcentre Plus"],
    ["NI 154", "Net additional homes provided", "1,040", "1,100", "1,150", "1,200", "District councils (joint)"],
    ["NI 186", "Per capita reduction in CO2 emissions in the LA area", "8.4 t", "3.5% reduction", "7% reduction", "11% reduction", "Northmoor County Council"],
    ["NI 192", "Percentage of household waste sent for reuse, recycling and composting", "31%", "35%", "38%", "40%", ""],
    ["L 01", "Number of older people helped to live at home (local)", "", "2,300", "2,450", "2,600", "Adult Social Care"],
    ["NI 195", "Improved street and environmental cleanliness (litter)", "9%", "", "", "", "District councils (joint)"],
    ["NI 32", "Repeat incidents of domestic violence", "31%", "29%", "28%", "27%", "Northmoor Community Safety Partnership"],
]

PRIORITIES = [
    "Safer and stronger communities", "Reducing crime and the fear of crime", "Tackling anti-social behaviour",
    "Health and well-being for all", "Reducing health inequalities", "Children and young people achieving their potential",
    "Older people living independently", "A thriving local economy", "Skills and worklessness",
    "Affordable and decent housing", "Climate change and a cleaner environment", "Better transport and access",
    "Culture, leisure and sport", "Community cohesion and volunteering",
]

LAA = [
    ("title", "Northmoor Local Area Agreement 2008-2011"),
    ("p", "Agreed by the Northmoor Partnership Board on 26 June 2008 and signed on behalf of all partners."),
    ("h", "1. Introduction"),
    ("p", "This agreement sets out the improvement targets that the partners of the Northmoor Partnership will "
          "deliver between April 2008 and March 2011. It builds on the Sustainable Community Strategy "
          "'Northmoor 2020', refreshed in 2007 after a county-wide consultation with residents and the voluntary sector."),
    ("h", "2. Our priorities"),
    ("p", "The Partnership has identified the following priorities for the period of this agreement:"),
    ("list", PRIORITIES),
    ("p", "All of these themes are equally important to the Partnership and each will receive the same attention."),
    ("h", "3. Improvement targets"),
    ("p", "The table below lists the designated improvement targets and the local targets agreed with the "
          "Government Office. Figures for 2008/09 onwards are targets."),
    ("table", TARGETS),
    ("h", "4. Performance management"),
    ("p", "Performance against these targets will be reported quarterly to the Partnership Board, with an "
          "exception report on any indicator more than 5% off its trajectory."),
    ("p", "Each theme partnership will agree an action plan by September 2008 setting out how it will contribute "
          "to the targets."),
    ("p", "We will improve the quality of life of older people and reduce the harm caused by alcohol."),
]

PLAN = [
    ("title", "Northmoor Community Safety Partnership: Community Safety Plan 2006-2009"),
    ("p", "Approved by the CDRP Executive Group on 14 November 2006."),
    ("h", "Purpose of this plan"),
    ("p", "This plan sets out how the Community Safety Partnership will reduce crime, disorder and substance "
          "misuse in Northmoor over the three years from April 2006."),
    ("h", "Action plan"),
    ("table", [
        ["Action", "Lead officer", "Milestone", "Deadline"],
        ["Roll out neighbourhood policing teams to all wards", "Chief Inspector, Northmoor Police", "All teams in post", "March 2007"],
        ["Commission a domestic violence advocacy service", "", "Contract let", "September 2007"],
        ["Extend the alcohol arrest referral scheme to Eastfield", "DAAT Co-ordinator", "Scheme operating", "April 2008"],
        ["Review CCTV coverage in town centres", "TBC", "Report to Executive", "December 2007"],
    ]),
    ("pagebreak",),
    ("h", "Monitoring"),
    ("p", "Progress will be reported to the CDRP Executive Group twice a year."),
]

MINUTES = [
    ("title", "Northmoor Partnership Board: Minutes"),
    ("p", "Minutes of the meeting held on 18 September 2008 at County Hall, Northmoor."),
    ("p", "Present: Cllr J. Hartley (Chair, Leader of Northmoor County Council), Cllr R. Singh (Eastfield District "
          "Council), Dr A. Moss (Chief Executive, Northmoor PCT), Supt K. Blake (Northmoor Police), "
          "Ms L. Carter (Northmoor Voluntary Action), Mr D. Evans (Jobcentre Plus)."),
    ("p", "Apologies: Chief Fire Officer P. Dunn."),
    ("h", "1. LAA performance: first quarter"),
    ("p", "The Performance Manager presented the first quarterly report. Eleven of the fourteen indicators were on "
          "track. The Board noted that the rate of alcohol-related hospital admissions had risen again."),
    ("p", "Dr Moss said the PCT could not release ward-level admissions data until its information governance "
          "review had concluded, and declined to second an analyst to the joint team."),
    ("p", "The district councils stated that the housing numbers had been imposed by the county and they did not "
          "accept them; no way forward was agreed and the item will return to a future meeting."),
    ("h", "2. Operational plans"),
    ("p", "Theme partnerships were reminded that their action plans should show how each LAA outcome will be "
          "delivered. The Community Safety Plan 2006-2009 has not yet been revised."),
    ("p", "Action: the Performance Manager to circulate the quarterly report to all partners one week before each meeting."),
]

SCAN = [
    "NORTHMOOR LOCAL AREA AGREEMENT 2008-2011",
    "SIGNATURES OF THE PARTNERS",
    "",
    "Signed for Northmoor County Council ...........  Date 26/06/2008",
    "Signed for Northmoor Primary Care Trust .......  Date 26/06/2008",
    "Signed for Northmoor Police ...................  Date 27/06/2008",
    "Signed for Jobcentre Plus .....................  Date 30/06/2008",
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write_pdf(OUT / "northmoor-laa-2008-11.pdf", LAA, title="Northmoor Local Area Agreement 2008-2011")
    write_docx(OUT / "community-safety-plan-2006-09.docx", PLAN)
    write_pdf(OUT / "partnership-board-minutes-2008-09-18.pdf", MINUTES, title="Minutes")
    write_pdf(OUT / "signature-sheet-scan.pdf", [("scan", SCAN)], title="")
    print(f"wrote the sample pack to {OUT}")


if __name__ == "__main__":
    main()
