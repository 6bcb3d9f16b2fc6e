"""The command line: parse arguments, call the pipeline, print. Errors a user can cause come out as one
plain line and a non-zero exit status, never a stack trace."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import LaaReviewError
from .settings import load_settings


def _settings(args):
    overrides = dict(kv.split("=", 1) for kv in (args.set or []))
    return load_settings(overrides)


def cmd_review(args) -> int:
    from .report.terminal import print_summary
    from .run import review_pack

    settings = _settings(args)
    paths = [Path(p) for p in args.paths] or [settings.samples_dir / "northmoor"]
    result = review_pack(paths, settings, out_dir=Path(args.out) if args.out else None)
    print_summary(result.data, [str(p) for p in result.outputs])
    if result.all_failed:
        print("error: no document of the pack could be read", file=sys.stderr)
        return 2
    return 0


def cmd_batch(args) -> int:
    from .batch import all_ok, review_batch

    settings = _settings(args)
    folder = Path(args.dir)
    out = Path(args.out) if args.out else settings.reports_dir / f"batch-{folder.resolve().name}"
    outcomes = review_batch(folder, out, settings, show_progress=not args.quiet)
    failed = [(o.name, d["file"], d["error"]) for o in outcomes for d in o.data["pack"]["documents"]
              if d["status"] != "ok"]
    cached = sum(o.cached for o in outcomes)
    print(f"{len(outcomes)} pack(s) reviewed ({cached} unchanged since the last run), "
          f"{sum(len(o.data['pack']['documents']) for o in outcomes)} document(s), {len(failed)} not fully read.")
    for name, file, error in failed:
        print(f"  {name}/{file}: {error}")
    print(f"written: {out / 'summary.html'}, summary.csv, summary.xlsx, batch.log and one folder per pack")
    return 0 if all_ok(outcomes) else 1


def cmd_train(args) -> int:
    from .train import CORPUS_DIR, train

    train(_settings(args), Path(args.corpus) if args.corpus else CORPUS_DIR)
    return 0


def cmd_evaluate(args) -> int:
    from rich.console import Console
    from rich.table import Table

    from .evaluate import evaluate
    from .train import CORPUS_DIR

    settings = _settings(args)
    out = Path(args.out) if args.out else settings.reports_dir
    result = evaluate(settings, Path(args.corpus) if args.corpus else CORPUS_DIR, out)
    m = result["metrics"]
    table = Table(title=f"{result['model']} on the test split ({result['test_passages']} passages)")
    for col in ("signal", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "signal" else "right")
    for s, r in sorted(m["per_signal"].items(), key=lambda kv: kv[1]["f1"]):
        table.add_row(s, f"{r['precision']:.2f}", f"{r['recall']:.2f}", f"{r['f1']:.2f}", str(r["support"]))
    table.add_row("macro", f"{m['macro']['precision']:.3f}", f"{m['macro']['recall']:.3f}", f"{m['macro']['f1']:.3f}", "")
    table.add_row("micro", f"{m['micro']['precision']:.3f}", f"{m['micro']['recall']:.3f}", f"{m['micro']['f1']:.3f}", "")
    Console().print(table)
    print("most confused (labelled -> predicted): " + "; ".join(
        f"{c['labelled']} -> {c['predicted']} ({c['count']})" for c in result["confusions"][:8]))
    print(f"written: {out / 'evaluation.json'}, {out / 'evaluation.md'}")
    return 0


def cmd_feedback_import(args) -> int:
    from .feedback import import_feedback
    from .train import CORPUS_DIR

    feedback = Path(args.file)
    if not feedback.is_file():
        raise LaaReviewError(f"no such feedback file: {feedback}")
    review_json = Path(args.review) if args.review else feedback.with_name("review.json")
    if not review_json.is_file():
        raise LaaReviewError(f"no review.json beside {feedback}; give it with --review")
    added, skipped = import_feedback(feedback, review_json, Path(args.corpus) if args.corpus else CORPUS_DIR)
    print(f"added {added} labelled passage(s) to corpora/text/feedback.jsonl; run `make train` to learn from them")
    for note in skipped:
        print(f"skipped {note}")
    return 0


def _command(sub, name: str, help: str, func):
    """A subcommand; every one takes --set to override a setting."""
    p = sub.add_parser(name, help=help)
    p.add_argument("--set", action="append", metavar="FIELD=VALUE", help="override a setting (pipeline/settings.py)")
    p.set_defaults(func=func)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="laa-review",
                                     description="Evidence-linked review of Local Area Agreement submission packs.")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True)
    corpus_help = "folder of labelled .jsonl passages (default: corpora/text)"

    p = _command(sub, "review", "review one pack: files and/or folders, reviewed together", cmd_review)
    p.add_argument("paths", nargs="*", help="documents or folders (default: the sample pack)")
    p.add_argument("--out", help="output folder (default: reports/<pack name>/)")

    p = _command(sub, "batch", "review every pack in a folder: each sub-folder (or loose file) is one pack", cmd_batch)
    p.add_argument("dir", help="folder of packs")
    p.add_argument("--out", help="output folder (default: reports/batch-<folder name>/)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = _command(sub, "train", "train the text-signal classifiers from corpora/text into models/", cmd_train)
    p.add_argument("--corpus", help=corpus_help)

    p = _command(sub, "evaluate", "score the shipped model on the fixed test split", cmd_evaluate)
    p.add_argument("--corpus", help=corpus_help)
    p.add_argument("--out", help="where to write evaluation.json and evaluation.md (default: reports/)")

    p = sub.add_parser("feedback", help="reviewers' corrections")
    fsub = p.add_subparsers(dest="feedback_command", required=True)
    q = _command(fsub, "import", "turn a feedback.jsonl into labelled passages in corpora/text", cmd_feedback_import)
    q.add_argument("file", help="feedback.jsonl written beside a review.json")
    q.add_argument("--review", help="the review.json it refers to (default: the one beside the file)")
    q.add_argument("--corpus", help="corpus folder (default: corpora/text)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except LaaReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyError as exc:  # an unknown --set field
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the trace with --debug
        if args.debug:
            raise
        print(f"error: internal error ({type(exc).__name__}: {exc}); run with --debug for details", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
