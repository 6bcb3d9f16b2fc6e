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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="laa-review",
                                     description="Evidence-linked review of Local Area Agreement submission packs.")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("review", help="review one pack: files and/or folders, reviewed together")
    p.add_argument("paths", nargs="*", help="documents or folders (default: the sample pack)")
    p.add_argument("--out", help="output folder (default: reports/<pack name>/)")
    p.add_argument("--set", action="append", metavar="FIELD=VALUE", help="override a setting")
    p.set_defaults(func=cmd_review)
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
