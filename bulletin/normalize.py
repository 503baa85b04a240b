"""Character and punctuation rules (stub: filled in by the normalize work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bulletin.clean import CleanOptions


def newlines(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def invisible(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def nfc(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def lookalikes(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def fullwidth(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def mojibake(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def punct(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def ellipsis(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def quotes(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0


def spacing(text: str, options: CleanOptions) -> tuple[str, int]:
    return text, 0
