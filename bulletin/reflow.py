"""Lines -> paragraphs (stub)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bulletin.clean import CleanOptions


def columns(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def reflow(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0
