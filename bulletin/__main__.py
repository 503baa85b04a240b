"""The ``bulletin`` console script and ``python -m bulletin``.

Newsroom scripts run ``bulletin clean page.txt``, ``bulletin split -o articles page.txt`` or
``bulletin convert --to tw page.txt`` once per file, thousands of times, and importing typer is a
third of such a run. So a *plain* run, one of the forms in :data:`PLAIN` (files, and only the
options listed there), goes straight to its function in ``bulletin.runner`` with the command's
defaults. Everything else (other options,
``--help``, ``--``, anything click would read differently) goes through the typer app in
``bulletin.cli``; tests hold the two to the same output.
"""

from __future__ import annotations

import os
import sys
from typing import Any

SPLIT_FORMATS = ("txt", "json", "jsonl", "md")  # (bulletin.render.Format's: a test holds them together)

PLAIN: dict[str, tuple[str, dict[str, tuple[str, tuple[str, ...] | None]]]] = {
    "clean": ("clean_files", {}),
    "split": (
        "split_files",
        {
            "-f": ("format", SPLIT_FORMATS),
            "--format": ("format", SPLIT_FORMATS),
            "-o": ("output_dir", None),
            "--output-dir": ("output_dir", None),
        },
    ),
    "convert": ("convert_files", {"-t": ("to", None), "--to": ("to", None)}),
}
"""command: (its function in ``bulletin.runner``, {option: (keyword, the values allowed or None
for any)}) for the options that take one string value each and may be given at most once."""


def plain_call(args: list[str]) -> tuple[str, dict[str, Any]] | None:
    """The runner function and keyword arguments ``args`` ask for, when the run is plain; else None.
    (On Windows click expands wildcards in arguments itself: there everything goes through it.)"""
    if not args or args[0] not in PLAIN or os.name != "posix" or "_BULLETIN_COMPLETE" in os.environ:
        return None
    function, options = PLAIN[args[0]]
    files: list[str] = []
    values: dict[str, Any] = {}
    rest = iter(args[1:])
    for arg in rest:
        if arg == "-" or not arg.startswith("-"):
            files.append(arg)
            continue
        option, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if option not in options:
            return None
        keyword, allowed = options[option]
        if keyword in values:
            return None
        if not equals:
            value = next(rest, "-")
        if not value or value.startswith("-") or (allowed is not None and value not in allowed):
            return None  # (click's reading of these, and its message, are its own)
        values[keyword] = value
    return function, {"files": files, **values}


def main() -> None:
    """Run ``bulletin`` with ``sys.argv`` and exit with its status."""
    plain = plain_call(sys.argv[1:])
    if plain is not None:
        from bulletin import runner

        function, values = plain
        sys.exit(runner.guarded(lambda: getattr(runner, function)(**values)))
    from bulletin.cli import cli

    sys.exit(cli())


if __name__ == "__main__":
    main()
