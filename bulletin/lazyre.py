"""Regular expressions compiled on first use.

``lazy(pattern)`` stands for ``re.compile(pattern)`` and compiles on the first use (``.match``,
``.sub``, ``.pattern``...): a command pays only for the patterns of the rules it runs. A pattern
with a class of the Han blocks costs ``re`` about 1.5 ms to compile (``chars`` puts the astral
ideographs first in each class: last, they cost 17 ms); a page's clean compiles some forty
patterns, a few tens of milliseconds, measured by ``bench/perf.py``'s start-up rows. (An earlier
cache kept ``re``'s compiled code on disk between runs; it needed ``re``'s private modules and
saved less than it cost to keep once the classes compiled this fast.)
"""

from __future__ import annotations

import re
from typing import Any, cast


class LazyPattern:
    """A ``re.Pattern`` made when first asked for an attribute; each attribute is kept on the
    instance after that, so later calls cost what the compiled pattern's own do."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_args":  # (copy and pickle ask before __init__ ran)
            raise AttributeError(name)
        value = getattr(re.compile(*self._args), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled on first use."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
