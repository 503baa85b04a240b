"""Command-line interface (stub)."""

import sys

import bulletin


def main() -> None:
    data = sys.stdin.buffer.read()
    sys.stdout.write(bulletin.clean(bulletin.decode(data).text))
