"""Five small submission packs for judging a pack as a whole: absences, cross-document checks, ratings.
Each pack has three or four documents in PDF and Word; one has scanned pages; one cannot be read at all."""

from __future__ import annotations

from pathlib import Path

from tools.docbuild import write_docx, write_pdf

HEAD = ["NI ref", "Indicator", "Baseline 2006/07", "Target 2008/09", "Target 2009/10", "Target 2010/11", "Lead partner"]


def ashby(folder: Path) -> Path:
    """A well-run pack: clear outcomes, trajectories, tracking, a ladder, plans that carry the LAA."""
    folder.mkdir(parents=True)
    write_pdf(folder / "ashby-laa.pdf", [
        ("title", "Ashby Local Area Agreement 2008-2011"),
        ("p", "Agreed by the Ashby Partnership Board on 24 June 2008."),
        ("h", "Our outcomes"),
        ("list", ["Less crime and safer neighbourhoods", "Healthier lives and narrower health inequalities",
                  "More residents in work and fewer on out of work benefits"]),
        ("h", "Targets"),
        ("table", [HEAD, ["NI 16", "Serious acquisitive crime rate", "15.1", "14.5", "13.9", "13.2", "Ashby Police"],
                   ["NI 120", "All-age all cause mortality rate", "720", "705", "690", "675", "Ashby PCT"],
                   ["NI 152", "Working age people on out of work benefits", "12.1%", "11.8%", "11.5%", "11.1%",
                    "Jobcentre Plus"]]),
        ("h", "Managing performance"),
        ("p", "Performance will be reported quarterly to the Partnership Board through a single scorecard."),
        ("p", "Where an indicator is red-rated for two quarters it is escalated to the Executive, which agrees a "
              "recovery plan with the lead partner."),
    ])
    write_docx(folder / "ashby-community-strategy.docx", [
        ("title", "Ashby Sustainable Community Strategy 2008-2020"), ("p", "Adopted by the Partnership on 4 March 2008."),
        ("h", "Our priorities"),
        ("list", ["Reducing crime in our neighbourhoods", "Tackling health inequalities and early deaths",
                  "Getting residents into work"]),
    ])
    write_pdf(folder / "ashby-board-minutes.pdf", [
        ("title", "Ashby Partnership Board: Minutes"), ("p", "Minutes of the meeting held on 11 December 2008."),
        ("p", "Members were concerned that serious acquisitive crime had risen in the town centre over the autumn."),
        ("p", "Agreed: the Police to bring a recovery plan for the town centre to the next meeting."),
    ])
    write_docx(folder / "ashby-police-delivery-plan.docx", [
        ("title", "Ashby Police Delivery Plan 2008-2011"), ("p", "Approved by the Police Authority on 2 September 2008."),
        ("p", "This plan sets out how the force will deliver the LAA outcome of less crime and safer neighbourhoods, "
              "including its contribution to NI 16."),
        ("table", [["Action", "Lead officer", "Deadline"], ["Target burglary hotspots", "Chief Inspector", "March 2009"]]),
    ])
    return folder


def brindley(folder: Path) -> Path:
    """An LAA of activities with no outcomes, targets, tracking or ladder; a partner's plan older than it."""
    folder.mkdir(parents=True)
    write_docx(folder / "brindley-laa.docx", [
        ("title", "Brindley Local Area Agreement 2008-2011"), ("p", "Signed on behalf of the partners on 30 June 2008."),
        ("h", "Introduction"),
        ("p", "The partners will hold a series of workshops, refresh the partnership's website and commission a "
              "review of the voluntary sector compact."),
        ("p", "A new partnership newsletter will be published and the board's terms of reference updated."),
    ])
    write_pdf(folder / "brindley-strategy.pdf", [
        ("title", "Brindley Community Strategy 2007-2017"), ("p", "Adopted on 10 October 2007."),
        ("h", "Our priorities"), ("list", ["Stronger voluntary sector", "Better partnership communication"]),
    ])
    write_pdf(folder / "brindley-minutes.pdf", [
        ("title", "Brindley Partnership Board: Minutes"), ("p", "Minutes of the meeting held on 5 November 2008."),
        ("p", "The chair welcomed the new members and thanked officers for the newsletter."),
    ])
    write_docx(folder / "brindley-youth-service-plan.docx", [
        ("title", "Brindley Youth Service Plan 2006-2009"),
        ("p", "Approved by the Youth Service Management Team on 9 March 2006."),
        ("table", [["Action", "Lead", "By"], ["Open a second youth cafe in Oxley Green", "Youth Service Manager",
                                              "September 2006"]]),
    ])
    return folder


def corbridge(folder: Path) -> Path:
    """Strategy priorities and minuted issues that never reach the LAA; end-point targets; a plan apart."""
    folder.mkdir(parents=True)
    write_pdf(folder / "corbridge-laa.pdf", [
        ("title", "Corbridge Local Area Agreement 2008-2011"), ("p", "Agreed by the Corbridge Board on 20 June 2008."),
        ("h", "Outcomes"), ("list", ["Safer streets with less violent crime", "Cleaner and greener neighbourhoods"]),
        ("table", [["NI ref", "Indicator", "Target 2010/11", "Lead partner"],
                   ["NI 20", "Assault with injury crime rate", "7.2", "Corbridge Police"],
                   ["NI 195", "Improved street and environmental cleanliness", "8%", "District councils"]]),
        ("p", "Progress is reported quarterly to the Board."),
        ("p", "Indicators off track for two quarters trigger a review by the Executive and, if needed, escalation."),
    ])
    write_docx(folder / "corbridge-strategy.docx", [
        ("title", "Corbridge Sustainable Community Strategy 2008-2018"), ("p", "Adopted on 12 February 2008."),
        ("h", "Our priorities"),
        ("list", ["Safer streets with less violent crime", "Tackling rural isolation and access to transport",
                  "Affordable housing for young families"]),
    ])
    write_pdf(folder / "corbridge-minutes.pdf", [
        ("title", "Corbridge Partnership Board: Minutes"), ("p", "Minutes of the meeting held on 15 January 2009."),
        ("p", "Members expressed serious concern that teenage conceptions in the coastal wards were rising sharply "
              "for the third year running."),
    ])
    write_docx(folder / "corbridge-leisure-business-plan.docx", [
        ("title", "Corbridge Leisure Trust Business Plan 2008-2011"), ("p", "Approved by the Trustees on 3 July 2008."),
        ("table", [["Action", "Owner", "Deadline"], ["Refurbish the swimming pool changing rooms", "Facilities Manager",
                                                    "June 2009"], ["Launch a new membership scheme", "Marketing Lead",
                                                                   "April 2009"]]),
    ])
    return folder


def dunmere(folder: Path) -> Path:
    """Scanned papers: an LAA with a scanned page and board minutes that are entirely a scan."""
    folder.mkdir(parents=True)
    write_pdf(folder / "dunmere-laa.pdf", [
        ("title", "Dunmere Local Area Agreement 2008-2011"), ("p", "Agreed by the Dunmere Board on 27 June 2008."),
        ("h", "Outcomes"), ("list", ["Fewer young people not in education, employment or training"]),
        ("table", [HEAD, ["NI 117", "16-18 year olds who are NEET", "8.0%", "7.6%", "7.2%", "6.8%", "Connexions"]]),
        ("scan", ["SIGNED FOR THE PARTNERS OF DUNMERE", "Dunmere County Council   27/06/2008"]),
    ])
    write_pdf(folder / "dunmere-minutes-scan.pdf", [
        ("scan", ["DUNMERE PARTNERSHIP BOARD", "MINUTES OF THE MEETING HELD ON 9 OCTOBER 2008", "",
                  "Performance reports come to the Board every quarter.", "Agreed steps for slipping targets:",
                  "amber goes first to its theme group; red for a", "second quarter goes up to the Executive, which",
                  "then commissions a recovery plan."]),
    ])
    write_docx(folder / "dunmere-connexions-plan.docx", [
        ("title", "Connexions Dunmere Operational Plan 2008-2011"), ("p", "Approved on 1 October 2008."),
        ("p", "Our actions support the LAA target for NI 117 on young people not in education, employment or training."),
    ])
    return folder


def easton(folder: Path, good_pdf: Path) -> Path:
    """Nothing can be read: an encrypted PDF and a half-uploaded Word file."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True)
    c = canvas.Canvas(str(folder / "easton-laa.pdf"), encrypt=pdfencrypt.StandardEncryption("secret"))
    c.drawString(72, 720, "Easton Local Area Agreement 2008-2011")
    c.save()
    (folder / "easton-plan.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    (folder / "easton-minutes.pdf").write_bytes(good_pdf.read_bytes()[:700])
    return folder
