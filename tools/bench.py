"""`make bench`: how fast laa-review reads and reviews, measured on a long LAA-like PDF it builds.

Reports, in one run (and writes reports/bench.json):
- table reader: target rows read per second (table recognition and row normalisation over extracted
  tables), and rows per second including PDF extraction;
- full review of the long PDF: pages per second, against pdfplumber's own extract_text over the same file;
- batch: a region of 20 packs (two with a broken file) reviewed with both cores, pages per second, then
  run again unchanged to show the cache;
- peak memory (resident set) of the process and of its workers.
"""

from __future__ import annotations

import json
import random
import resource
import time
from pathlib import Path

from pipeline.settings import PROJECT_ROOT, load_settings

CACHE = PROJECT_ROOT / ".cache" / "bench"
PAGES_TARGET = 80


SENTENCES = [
    "The partnership reviewed progress against the agreement at its quarterly meeting and agreed the actions needed where indicators were off track.",
    "Each theme group reports to the board by exception, with a short commentary on the reasons for any variance and the recovery actions proposed.",
    "Data for this indicator are drawn from the annual Place Survey and are available at ward level for the twelve most deprived neighbourhoods.",
    "The community safety partnership has pooled its budgets with the drug and alcohol action team to commission a single treatment service.",
    "Residents told us in the consultation that anti-social behaviour and the condition of local streets matter most to them.",
    "Progress has been slower than planned because recruitment to the new neighbourhood teams took longer than expected.",
    "The primary care trust will lead on the health inequalities outcomes, supported by the county council's public health team.",
    "Targets for 2009/10 were reviewed in the light of the recession, and two were renegotiated with the Government Office.",
    "Young people's services have been redesigned around locality teams so that support reaches those most at risk of disengagement.",
    "The board noted that the worklessness indicators had worsened in the coastal towns, where seasonal employment dominates.",
]


def build_long_pdf(path: Path, seed: int = 7) -> Path:
    """An LAA-like document of 80+ pages: a narrative in themed sections, then an annex of target tables."""
    from tools.docbuild import write_pdf

    rng = random.Random(seed)
    items = [("title", "Benchmark Local Area Agreement 2008-2011"), ("p", "Agreed by the Board on 26 June 2008.")]
    for section in range(1, 41):
        items.append(("h", f"{section}. Theme {section}: delivering the agreement"))
        for _ in range(10):
            items.append(("p", " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 6)))))
        items.append(("list", [rng.choice(SENTENCES)[:70] for _ in range(4)]))
    head = ["NI ref", "Indicator", "Baseline (2006/07)", "Target 2008/09", "Target 2009/10", "Target 2010/11",
            "Lead partner"]
    partners = ["County Council", "Police", "PCT", "Jobcentre Plus", "District councils", "Fire and Rescue", ""]
    rows = [head]
    for n in range(300):
        base = rng.uniform(5, 80)
        step = rng.uniform(-2, 2)
        targets = [f"{base + step * k:.1f}" if rng.random() > 0.05 else "TBC" for k in range(1, 4)]
        rows.append([f"NI {rng.randint(1, 198)}", f"Indicator {n} measured across the county area",
                     f"{base:.1f}", *targets, rng.choice(partners)])
    items += [("pagebreak",), ("h", "Annex A: improvement targets"), ("table", rows)]
    return write_pdf(path, items)


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def bench_tables(pdf: Path, settings) -> dict:
    from pipeline.analyse.tables import read_targets, target_columns
    from pipeline.extract import extract

    start = time.perf_counter()
    doc = extract(pdf, "bench", settings)
    extract_s = time.perf_counter() - start
    start = time.perf_counter()
    rows = 0
    for _ in range(5):
        rows = 0
        for table in doc.tables:
            cols = target_columns(table)
            if cols is not None:
                rows += len(read_targets(doc, table, cols))
    read_s = (time.perf_counter() - start) / 5
    return {"pages": doc.pages, "tables": len(doc.tables), "target_rows": rows,
            "rows_per_second_reading": round(rows / read_s), "rows_per_second_with_extraction":
            round(rows / (extract_s + read_s), 1), "extract_seconds": round(extract_s, 2)}


def bench_review(pdf: Path, settings) -> dict:
    import pdfplumber

    from pipeline.run import review_pack

    start = time.perf_counter()
    with pdfplumber.open(pdf) as doc:
        pages = len(doc.pages)
        for page in doc.pages:
            page.extract_text()
    baseline_s = time.perf_counter() - start
    start = time.perf_counter()
    review_pack([pdf], settings, out_dir=CACHE / "review-out")
    review_s = time.perf_counter() - start
    return {"pages": pages, "pdfplumber_extract_text_seconds": round(baseline_s, 2),
            "review_seconds": round(review_s, 2), "review_pages_per_second": round(pages / review_s, 1),
            "ratio_review_to_extract_text": round(review_s / baseline_s, 2)}


def build_batch(folder: Path, packs: int = 20, seed: int = 11) -> Path:
    """A region's worth of packs: each an LAA (PDF), board minutes (PDF), a partner's plan (Word) and a
    performance report (PDF); two packs also carry a broken file."""
    from tools.docbuild import write_docx, write_pdf

    rng = random.Random(seed)
    head = ["NI ref", "Indicator", "Baseline (2006/07)", "Target 2008/09", "Target 2009/10", "Target 2010/11",
            "Lead partner"]
    for n in range(packs):
        pack = folder / f"area-{n:02d}"
        pack.mkdir(parents=True, exist_ok=True)
        rows = [head] + [[f"NI {rng.randint(1, 198)}", f"Indicator {k}", f"{rng.uniform(5, 60):.1f}",
                          *[f"{rng.uniform(5, 60):.1f}" if rng.random() > 0.1 else "TBC" for _ in range(3)],
                          rng.choice(["Police", "PCT", "County Council", ""])] for k in range(25)]
        narrative = [("p", " ".join(rng.choice(SENTENCES) for _ in range(5))) for _ in range(14)]
        write_pdf(pack / "laa.pdf", [("title", f"Area {n} Local Area Agreement 2008-2011"),
                                      ("p", "Agreed by the Partnership Board on 30 June 2008."), *narrative,
                                      ("h", "Improvement targets"), ("table", rows)])
        write_pdf(pack / "minutes.pdf", [("title", "Partnership Board: Minutes"),
                                          ("p", "Minutes of the meeting held on 11 December 2008."),
                                          *narrative[:8]])
        write_docx(pack / "plan.docx", [("title", "Community Safety Plan 2007-2010"), ("p", "Approved on 3 May 2007."),
                                        ("table", [["Action", "Lead officer", "Deadline"],
                                                   ["Extend the scheme", rng.choice(["", "DAAT"]), "March 2009"]]),
                                        *narrative[:5]])
        write_pdf(pack / "report.pdf", [("title", "Quarter 2 Performance Report 2008/09"), *narrative[4:12]])
        if n in (3, 12):
            (pack / "signed-letter.pdf").write_bytes((pack / "laa.pdf").read_bytes()[:900])  # truncated upload
    return folder


def bench_batch(folder: Path, settings) -> dict:
    import pypdfium2 as pdfium

    from pipeline.batch import review_batch

    out = CACHE / "batch-out"
    if out.exists():
        __import__("shutil").rmtree(out)
    pages = 0
    for pdf in folder.rglob("*.pdf"):
        try:
            pages += len(pdfium.PdfDocument(str(pdf)))
        except pdfium.PdfiumError:
            pass
    start = time.perf_counter()
    first = review_batch(folder, out, settings, show_progress=False)
    first_s = time.perf_counter() - start
    start = time.perf_counter()
    again = review_batch(folder, out, settings, show_progress=False)
    again_s = time.perf_counter() - start
    failed = sorted(f"{o.name}/{d['file']}" for o in first for d in o.data["pack"]["documents"] if d["status"] == "error")
    return {"packs": len(first), "documents": sum(len(o.data["pack"]["documents"]) for o in first),
            "pdf_pages": pages, "failed_documents": failed, "first_run_seconds": round(first_s, 2),
            "pages_per_second": round(pages / first_s, 1), "second_run_seconds": round(again_s, 2),
            "second_run_cached_packs": sum(o.cached for o in again),
            "speedup_second_run": round(first_s / again_s, 1)}


def main() -> None:
    settings = load_settings()
    CACHE.mkdir(parents=True, exist_ok=True)
    pdf = CACHE / "long-laa-v2.pdf"
    if not pdf.exists():
        build_long_pdf(pdf)
    batch = CACHE / "batch-v1"
    if not batch.exists():
        build_batch(batch)
    result = {"machine_cores": __import__("os").cpu_count(), "table_reader": bench_tables(pdf, settings),
              "long_pdf_review": bench_review(pdf, settings), "batch": bench_batch(batch, settings)}
    result["peak_memory_mb"] = round(peak_rss_mb(), 1)
    out = settings.reports_dir / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
    print(f"written: {out}")


if __name__ == "__main__":
    main()
