"""Coverage-guided fuzzing of the library with atheris (libFuzzer for Python); not run in CI.

``tests/test_fuzz.py`` runs a fixed budget of Hypothesis examples on every test run; this target is
for long sessions that let coverage steer the inputs into corners no strategy thought of. One input
is bytes: decoded (``errors="replace"`` and strict), then cleaned, split, counted, summarized and,
where it exists, converted, with the promises checked (no exception but a ``BulletinError``, clean
idempotent, every Han character kept by clean and by split).

    pip install atheris        # wheels for Linux and macOS; elsewhere it needs clang
    python bench/fuzz_atheris.py -max_total_time=600 -max_len=4096 corpus/

A crash leaves ``crash-<sha1>`` with the input; replay it with ``python bench/fuzz_atheris.py
crash-<sha1>``. libFuzzer's options (``-jobs``, ``-dict``, ``-timeout``) all apply.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

import atheris

with atheris.instrument_imports(include=["bulletin"]):
    import bulletin
    from bulletin.counts import count_file
    from bulletin.errors import BulletinError
    from bulletin.render import FORMATS, render

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

try:
    convert = bulletin.convert
except AttributeError:  # not implemented in this checkout
    convert = None


def parts(page: bulletin.Page) -> list[str]:
    out = list(page.notes)
    for a in page.articles:
        out += [a.kicker or "", a.title, a.subtitle or "", a.dateline or "", a.byline or ""]
        out += a.paragraphs + a.captions
    return out


def check(text: str) -> None:
    once = bulletin.clean(text)
    assert bulletin.clean(once) == once, "clean is not idempotent"
    page = bulletin.split(text)
    assert Counter(HAN.findall("\n".join(parts(page)))) == Counter(HAN.findall(once)), "split lost Han"
    for fmt in FORMATS:
        render(page, fmt)
    count_file(text, by="article")
    bulletin.summarize(text, chars=40)
    for article in page.articles:
        bulletin.summarize(article, sentences=2)
    if convert is not None:
        for config in ("s2t", "t2s", "s2twp"):
            assert convert(text, config).count("\n") == text.count("\n"), f"{config} lost a line"


def test_one_input(data: bytes) -> None:
    for errors in ("strict", "replace"):
        try:
            decoded = bulletin.decode(data, errors=errors)
        except BulletinError:
            continue
        check(decoded.text)
    fdp = atheris.FuzzedDataProvider(data)
    check(fdp.ConsumeUnicodeNoSurrogates(len(data)))  # text that no decoder would give


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
