"""What ``--explain`` prints on stderr (clean's rules, convert's phrases): a table on a terminal, else
lines for scripts."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def explain_table(
    name: str | None, columns: tuple[str, ...], rows: Sequence[tuple[str, ...]], none: str
) -> None:
    """A file's rows (``name``, or None for the only one): on a terminal a table titled with the
    name, ``none`` and the name when there are no rows; else a ``# name`` line and tab-separated
    rows."""
    if not sys.stderr.isatty():
        header = [f"# {name}"] if name else []
        sys.stderr.write("".join(line + "\n" for line in header + ["\t".join(row) for row in rows]))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(*columns, title=escape(name) if name else None)
    for row in rows:
        table.add_row(*map(escape, row))
    Console(stderr=True).print(table if rows else f"{none} {escape(name or 'the text')}")
