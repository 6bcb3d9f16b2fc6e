"""`make bench`: how fast laa-review reads and reviews, measured on a long LAA-like PDF it builds.

Reports, in one run (and writes reports/bench.json):
- table reader: target rows read per second (table recognition and row normalisation over extracted
  tables), and rows per second including PDF extraction;
- full review of the long PDF: pages per second, against pdfplumber's own extract_text over the same file;
- peak memory (resident set) of the process.
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


def build_long_pdf(path: Path, seed: int = 7) -> Path:
    from tools.docbuild import write_pdf

    rng = random.Random(seed)
    head = ["NI ref", "Indicator", "Baseline (2006/07)", "Target 2008/09", "Target 2009/10", "Target 2010/11",
            "Lead partner"]
    partners = ["County Council", "Police", "PCT", "Jobcentre Plus", "District councils", "Fire and Rescue", ""]
    prose = ("The partnership reviewed progress against the agreement at its quarterly meeting and agreed the "
             "actions needed where indicators were off track, with each theme group reporting by exception. ")
    items = [("title", "Benchmark Local Area Agreement 2008-2011"), ("p", "Agreed by the Board on 26 June 2008.")]
    for section in range(1, 23):
        items.append(("h", f"{section}. Theme {section}"))
        for _ in range(6):
            items.append(("p", prose * rng.randint(2, 4)))
        rows = [head]
        for n in range(40):
            base = rng.uniform(5, 80)
            step = rng.uniform(-2, 2)
            targets = [f"{base + step * k:.1f}" if rng.random() > 0.05 else "TBC" for k in range(1, 4)]
            rows.append([f"NI {rng.randint(1, 198)}", f"Indicator {section}.{n} measured across the county area",
                         f"{base:.1f}", *targets, rng.choice(partners)])
        items.append(("table", rows))
    return write_pdf(path, items)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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


def main() -> None:
    settings = load_settings()
    CACHE.mkdir(parents=True, exist_ok=True)
    pdf = CACHE / "long-laa.pdf"
    if not pdf.exists():
        build_long_pdf(pdf)
    result = {"machine_cores": __import__("os").cpu_count(), "table_reader": bench_tables(pdf, settings),
              "long_pdf_review": bench_review(pdf, settings)}
    result["peak_memory_mb"] = round(peak_rss_mb(), 1)
    out = settings.reports_dir / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
    print(f"written: {out}")


if __name__ == "__main__":
    main()
