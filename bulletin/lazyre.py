"""Regular expressions compiled on first use.

``re`` compiles a character class by walking each of its code points in Python: a class of the Han
blocks costs about 1.5 ms, and the rule modules hold some forty of them. Compiled at import, they
were a third of a page's start-up whether a command used them or not. ``lazy(pattern)`` stands for
``re.compile(pattern)`` and compiles on the first use (``.match``, ``.sub``, ``.pattern``...).
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
