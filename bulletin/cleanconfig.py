"""``CleanConfig``: everything that decides what ``clean`` makes of a text, in one frozen value.

The style options (how quotes, spacing and paragraphs come out) and the rule switches (which of
``clean.RULES`` run) travel together: the command builds one from its options and sends it to its
workers (it pickles), the library takes one, and every rule reads the options it needs from it.
It lives apart from ``clean`` so that the rule modules can name it without importing the pipeline
that imports them. Rule names are checked against ``clean.RULES`` when the pipeline selects them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

from bulletin.errors import UsageError

Quotes = Literal["keep", "curly", "corner"]
Spacing = Literal["newspaper", "pangu", "keep"]
ParagraphSep = Literal["line", "blank"]


@dataclass(frozen=True)
class CleanConfig:
    """``bulletin.clean``'s choices: ``CleanConfig(quotes="corner", skip=("reflow",))``.

    ``rules``: only these rules run (``--rules a,b``; None: all of them); ``skip``: these do not
    (``--no-RULE``). Either way the rules run in pipeline order. Lists are kept as tuples."""

    quotes: Quotes = "keep"
    spacing: Spacing = "newspaper"
    paragraph_sep: ParagraphSep = "line"
    indent: bool = False
    rules: tuple[str, ...] | None = None
    skip: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name, allowed in (("quotes", Quotes), ("spacing", Spacing), ("paragraph_sep", ParagraphSep)):
            value = getattr(self, name)
            if value not in get_args(allowed):
                raise UsageError(f"{name} must be one of {', '.join(get_args(allowed))}, not {value!r}")
        if self.rules is not None:
            object.__setattr__(self, "rules", _names("rules", self.rules))
        object.__setattr__(self, "skip", _names("skip", self.skip))

    def runs(self, name: str) -> bool:
        """Whether the rule called ``name`` is switched on."""
        return (self.rules is None or name in self.rules) and name not in self.skip


def _names(field: str, names: Iterable[str]) -> tuple[str, ...]:
    if isinstance(names, str):
        raise UsageError(f"{field} takes a list of rule names, not a string")
    return tuple(names)
