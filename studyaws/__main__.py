"""Entry point: `studyaws due` and `studyaws remind run` take a stdlib-only fast path; everything else goes
through the click CLI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["due"] and not {"-h", "--help"} & set(args):
        from studyaws.fastdue import run

        code = run(args[1:])
        if code is not None:
            sys.exit(code)
    elif args[:2] == ["remind", "run"] and not {"-h", "--help"} & set(args):
        from studyaws.fastremind import run as remind_run

        code = remind_run(args[2:])
        if code is not None:
            sys.exit(code)
    if args in ([], ["review"]):
        from studyaws.launch import main as tui

        code = tui("review" if args else "dashboard")
        if code is not None:
            sys.exit(code)
    # Imported here, not at the top: click and friends cost ~30 ms the fast path does not pay.
    from studyaws.cli.main import run_cli

    run_cli(args)


if __name__ == "__main__":
    main()
