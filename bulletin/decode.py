"""bytes -> (text, encoding). Stub: strict UTF-8 only (filled in by the decode work)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0

    def __iter__(self):  # allows ``text, encoding = decode(data)``
        return iter((self.text, self.encoding))


def decode(data: bytes, encoding: str | None = None, errors: str = "strict", source: str = "<stdin>") -> Decoded:
    return Decoded(data.decode(encoding or "utf-8"), encoding or "utf-8")
