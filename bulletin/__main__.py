"""The ``bulletin`` console script and ``python -m bulletin``.

``bulletin clean`` with files and nothing else (``bulletin clean page.txt``, ``... | bulletin clean``)
is what newsroom scripts run once per file, thousands of times: it goes straight to
:func:`bulletin.runner.clean_files` with the command's defaults, and never imports typer (a third
of such a run's time). Everything else, options, ``--help`` and errors included, goes through the
typer app in ``bulletin.cli``; tests hold the two to the same output.
"""

from __future__ import annotations

import os
import sys


def is_plain_clean(args: list[str]) -> bool:
    """``clean`` then only FILE operands (``-`` is stdin); no option, no ``--``. On Windows click
    expands wildcards in arguments itself, so there everything goes through it."""
    return (
        bool(args)
        and args[0] == "clean"
        and all(arg == "-" or not arg.startswith("-") for arg in args[1:])
        and os.name == "posix"
        and "_BULLETIN_COMPLETE" not in os.environ
    )


def main() -> None:
    """Run ``bulletin`` with ``sys.argv`` and exit with its status."""
    args = sys.argv[1:]
    if is_plain_clean(args):
        from bulletin import runner

        sys.exit(runner.guarded(lambda: runner.clean_files(args[1:])))
    from bulletin.cli import cli

    sys.exit(cli())


if __name__ == "__main__":
    main()
