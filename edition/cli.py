"""Command-line interface. Every content mistake ends as `path:line:col: error: ...`, exit 1."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from edition.errors import CHECK_THE_MACHINE, BuildError

ROOT = Path(__file__).resolve().parent.parent


def _project() -> Path:
    """The project a command works on when --root is not given: the site the folder it is run
    in belongs to (the nearest with a site.toml: usage walk 8, run in a new site's folder, it
    built the generator's own edition into the output folder given), else the generator's."""
    try:
        here = Path.cwd()
    except OSError:  # a folder deleted under the shell
        return ROOT
    return next((folder for folder in (here, *here.parents) if (folder / "site.toml").is_file()), ROOT)


def _common(suppress: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after the command's name (``./run build
    --strict`` passes them after it). On a subcommand their default is 'not given', so that
    one given before the command is not reset by the subcommand's own default."""
    common = argparse.ArgumentParser(add_help=False)

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    common.add_argument(
        "--root",
        type=Path,
        default=default(None),
        help="project folder (default: the site the current folder is in, else the generator's own)",
    )
    common.add_argument("--quiet", "-q", action="store_true", default=default(False), help="print only problems")
    common.add_argument("--strict", action="store_true", default=default(False), help="treat warnings as errors")
    return common


def _build_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """The build's own options: also accepted with no command (`build.py --out DIR`)."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument("--out", type=Path, default=default(None), help="output folder (default: ROOT/output)")
    parser.add_argument(
        "--no-search", action="store_true", default=default(False), help="skip the search index (faster)"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Build the annotated bilingual edition.", parents=[_common(False)]
    )
    _build_options(parser, False)
    common = [_common(True)]
    sub = parser.add_subparsers(dest="command")
    b = sub.add_parser("build", help="build output/ (the default)", parents=common)
    _build_options(b, True)
    sub.add_parser("check", help="prove every source line is accounted for; list what needs an editor", parents=common)
    c = sub.add_parser(
        "cut", help="cut a page's raw source into its content files (never overwrites a file)", parents=common
    )
    c.add_argument("page", nargs="?", type=Path, default=None, help="a page folder (default: every page folder)")
    s = sub.add_parser("serve", help="live preview: rebuild on save, reload the browser", parents=common)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--search", action="store_true", help="also rebuild the search index on every save (slower)")
    return parser


def main(argv: list[str]) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C: the staging folder is gone, output/ as it was
        print("interrupted; the output folder was not changed", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `./run check | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # the machine's (a full disk, a permission), not the editor's: no traceback
        # where it was raised, for the rare OSError that is a bug of the generator
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        at = f" (raised at {Path(where.filename).name}:{where.lineno})" if where else ""
        print(
            f"could not read or write a file: {exc}{at}; {CHECK_THE_MACHINE}, then run it again",
            file=sys.stderr,
        )
        return 1


def _main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    found = args.root is None  # the project of the folder it is run in, not one given
    root: Path = (args.root or _project()).resolve()
    log: Callable[[str], None] = (lambda _m: None) if args.quiet else (lambda m: print(m, file=sys.stderr))
    command = args.command or "build"
    try:
        if command == "build":
            from edition.buildlock import project_lock
            from edition.outguard import check_out_dir
            from edition.pipeline import build

            out = (args.out or root / "output").resolve()
            check_out_dir(root, out)
            if found and root != ROOT:  # say which project was found, and where it goes
                log(f"project    {root} -> {out}")
            with project_lock(root, "build"):
                result = build(root, out, log, args.strict, search=not args.no_search)
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
        if command == "cut":  # it builds nothing; it stops before its first write (cutcmd.run_cut)
            print(f"cut failed: {len(exc.diagnostics)} error(s); no file was written", file=sys.stderr)
            return 1
        out = f"{args.out}" if args.out is not None else "output/"  # the folder as the editor named it
        print(f"build failed: {len(exc.diagnostics)} error(s); {out} was not changed", file=sys.stderr)
        return 1
    return 2
