"""Command-line interface. Every content mistake ends as `path:line:col: error: ...`, exit 1."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.errors import BuildError

ROOT = Path(__file__).resolve().parent.parent


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the annotated bilingual edition.")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only problems")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    sub = parser.add_subparsers(dest="command")
    b = sub.add_parser("build", help="build output/ (the default)")
    b.add_argument("--out", type=Path, default=None, help="output folder (default: ROOT/output)")
    b.add_argument("--no-search", action="store_true", help="skip the search index (faster)")
    sub.add_parser("check", help="prove every source line is accounted for; list what needs an editor")
    c = sub.add_parser("cut", help="cut a page's raw source into its content files (never overwrites a file)")
    c.add_argument("page", nargs="?", type=Path, default=None, help="a page folder (default: every page folder)")
    s = sub.add_parser("serve", help="live preview: rebuild on save, reload the browser")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--search", action="store_true", help="also rebuild the search index on every save (slower)")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    root: Path = args.root.resolve()
    log = (lambda _m: None) if args.quiet else (lambda m: print(m, file=sys.stderr))
    command = args.command or "build"
    try:
        if command == "build":
            from edition.pipeline import build

            out = (getattr(args, "out", None) or root / "output").resolve()
            result = build(root, out, log, args.strict, search=not getattr(args, "no_search", False))
            for warning in result.warnings:
                print(warning, file=sys.stderr)
            return 0
        if command == "check":
            from edition.check import run_check

            return int(run_check(root, args.strict))
        if command == "cut":
            from edition.cutcmd import run_cut

            page = args.page if args.page is None or args.page.is_absolute() else root / args.page
            return run_cut(root, page)
        if command == "serve":
            from edition.serve import serve

            return serve(root, args.host, args.port, search=args.search)
    except BuildError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic, file=sys.stderr)
        print(f"build failed: {len(exc.diagnostics)} error(s); output/ was not changed", file=sys.stderr)
        return 1
    return 2
