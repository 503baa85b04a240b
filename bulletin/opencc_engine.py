"""The one place that talks to OpenCC: a configuration name in, a ``str -> str`` function out.

Everything else in ``bulletin`` sees only :func:`converter`, so the engine could change without
touching the rest. It is the official ``opencc`` binding (``pip install opencc``): measured on
OpenCC's own conversion test cases it passes all of them, and a pure-Python port that also installs
a module named ``opencc`` supports 10 of the 16 configurations with 2022 dictionaries; that one is
refused with a message saying so. ``opencc`` is imported here only, on the first conversion.

Each converter is built once per process and configuration (about 10 ms) and kept. OpenCC keeps
every character it has no entry for, line breaks included, so the output has the input's lines.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bulletin.errors import BulletinError

# Lone surrogates (from JSON "\ud800" escapes) cannot go to OpenCC as UTF-8; they are kept as they are.
_SURROGATES = re.compile("[\ud800-\udfff]+")


@functools.cache
def converter(config: str) -> Callable[[str], str]:
    """The conversion function of OpenCC's configuration ``config`` (``s2t``, ``tw2sp``...).

    OpenCC's dictionaries that may give characters some fonts lack (its "tofu risk" ones, used by
    t2s and the other *2s configurations) are included, as OpenCC's library does by default and
    as its test cases expect.
    """
    try:
        import opencc
    except ImportError:
        raise BulletinError("convert: the opencc package is not installed (pip install opencc)") from None
    if not hasattr(opencc, "CONFIGS"):  # opencc-python-reimplemented installs a module of that name too
        raise BulletinError(
            "convert: the installed opencc module is not the official OpenCC binding "
            "(pip uninstall opencc-python-reimplemented; pip install opencc)"
        )
    convert = opencc.OpenCC(config + ".json").convert

    def run(text: str) -> str:
        if "\x00" in text:  # OpenCC's chained configurations stop at a NUL: convert around it
            return "\x00".join(run(piece) for piece in text.split("\x00"))
        try:
            return convert(text)
        except UnicodeEncodeError:  # lone surrogates: convert what lies between them
            return _around_surrogates(text, convert)

    return run


def _around_surrogates(text: str, convert: Callable[[str], str]) -> str:
    pieces, start = [], 0
    for match in _SURROGATES.finditer(text):
        pieces += [convert(text[start : match.start()]), match.group()]
        start = match.end()
    pieces.append(convert(text[start:]))
    return "".join(pieces)


def available() -> tuple[str, ...]:
    """The configuration names the installed OpenCC ships, sorted (``s2t``, ``t2s``...)."""
    import opencc

    return tuple(sorted(name.removesuffix(".json") for name in opencc.CONFIGS))


def version() -> str:
    """The OpenCC library's version (``1.4.2``)."""
    import opencc

    return opencc.__version__
