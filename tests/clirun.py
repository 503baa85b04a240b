"""The ``bulletin`` command run in this process through its real entry point, ``bulletin.cli.main``:
``run("clean", "x.txt", input=...)`` gives its exit status and what it wrote (typer's Result)."""

from __future__ import annotations

import sys

from typer.testing import CliRunner, Result

from bulletin.cli import main


def run(*args: str, input: str | bytes | None = None) -> Result:
    """``bulletin ARGS`` with ``input`` on stdin."""
    runner = CliRunner()
    with runner.isolation(input=input) as (stdout, stderr, both):
        status = main(list(args))
        sys.stdout.flush(), sys.stderr.flush()
        written = stdout.getvalue(), stderr.getvalue(), both.getvalue()
    return Result(runner, *written, status, status, None)
