"""Repair UTF-8 text that was once read as GBK and saved again (鍙戝睍 -> 发展).

The damage is reversible because the GBK reader kept the bytes: encoding a garbled run back to
GB18030 gives the original UTF-8. Only runs of non-ASCII characters are tried (ASCII survives the
misreading and splits the runs), and a run is replaced only when the repair is unambiguous: its
bytes decode as UTF-8, the result is common Chinese, and the run was far less common. Normal
Chinese text never gets past the first test (its GB18030 bytes are not valid UTF-8).

A run that does not repair whole may hold mojibake between real characters (经济鍙戝睍迅速, a
garbled phrase pasted into good text): stretches inside it whose GB18030 bytes have the shape of
UTF-8 Chinese are tried the same way (see ``_sub_runs``), and only they are replaced.

A reader that wrote U+FFFD for a byte it could not pair (the last byte of an odd-length run, 0x80,
user-defined GBK areas) lost just that byte: the character that held it becomes one U+FFFD and its
neighbours are still recovered, provided every byte that is there fits around the gap.
"""

from __future__ import annotations

import re
from functools import cache

from bulletin import hanzi
from bulletin.chars import class_of, is_unified

# A run: maximal non-ASCII characters, so never across a line end.
RUN = re.compile(r"[^\x00-\x7f]{2,}")
LOST = "\ufffd"

# A repair is taken when at least this share of its Han characters is common (real text: 0.998;
# mojibake, counting GB2312 level 1 only: median 0.13, 99th percentile 0.43) ...
MIN_REPAIRED_SHARE = 0.75
# ... and that share is this much higher than the run's.
MIN_SHARE_GAIN = 0.3
# A stretch inside a run is tried only when at most this share of its Han is GB2312 level 1 (the
# first of each three characters never is; a real word that has the byte shape by chance mostly is).
MAX_STRETCH_SHARE = 0.5


def repair(text: str) -> tuple[str, int]:
    """Replace each run of UTF-8-read-as-GBK mojibake by what it was; return the text and the count."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        run = match.group()
        repaired = _repair_run(run)
        if repaired is None:
            return run
        count += 1
        return repaired

    def fix_inside(match: re.Match[str]) -> str:
        nonlocal count
        stretch = match.group()
        if hanzi.simplified_share(stretch) > MAX_STRETCH_SHARE:
            return stretch
        repaired = _repair_run(stretch)
        if repaired is None or not _is_all_chinese(repaired):
            return stretch
        count += 1
        return repaired

    # Then stretches inside the runs left (one pass over the text: a pass per run costs more).
    return _sub_runs().sub(fix_inside, _runs().sub(fix, text)), count


@cache
def _runs() -> re.Pattern[str]:
    """RUN, but only the runs whose first character can start UTF-8 read as GBK: a lead byte
    C2-F4, then a continuation byte (or a lost byte). Most runs of real text cannot, and are
    skipped without a call. Written to open with its first character, (?<![^ASCII])(?=[first])RUN
    as [first](?<![^ASCII].)[^ASCII]+: re finds a class at C speed, where a pattern that opens with
    a look-behind is tried at every character of the text."""
    first = class_of(_chars_of(range(0xC2, 0xF5), range(0x80, 0xC0)))
    return re.compile(f"[{first}{LOST}](?<![^\\x00-\\x7f].)[^\\x00-\\x7f]+")


@cache
def _sub_runs() -> re.Pattern[str]:
    """Mojibake of whole Chinese characters inside a run of real ones (经济鍙戝睍迅速).

    UTF-8 Chinese is lead, continuation, continuation (E4-E9 80-BF 80-BF, full-width punctuation
    EF BC xx); read as GBK, two such characters make three of the forms lead+continuation,
    continuation+lead and continuation+continuation (鍙 = E5 8F, 戝 = 91 E5, 睍 = B1 95). A stretch
    of those triples, maybe ending with the first half of one more character and the U+FFFD of its
    lonely last byte, is the only thing tried: real text rarely follows that byte pattern for even
    three characters, and what it decodes to must still pass the run's tests.
    """
    continuations = range(0x80, 0xC0)
    leads = range(0xE0, 0xF0)
    forms = (
        (leads, continuations),
        (continuations, leads),
        (continuations, continuations),
    )
    first, second, third = (_chars_of(firsts, seconds) for firsts, seconds in forms)
    # ，（）！：；？ are continuation pairs too (A3 AC...), but far likelier the real text's own
    third = "".join(ch for ch in third if is_unified(ch) or hanzi.char_class(ch) != hanzi.PUNCT)
    first, second, third = map(class_of, (first, second, third))
    return re.compile(f"(?:[{first}][{second}][{third}])+(?:[{first}]{LOST})?")


def _chars_of(firsts: range, seconds: range) -> str:
    """The GB18030 two-byte characters with these first and second bytes."""
    chars = []
    for a in firsts:
        try:  # a whole row at once: one character a pair, or the row is done pair by pair
            row = hanzi.byte_pairs((a,), seconds).decode("gb18030")
            if len(row) == len(seconds):
                chars.append(row)
                continue
        except UnicodeDecodeError:
            pass
        for b in seconds:
            try:
                chars.append(bytes((a, b)).decode("gb18030"))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(set("".join(chars))))


def _repair_run(run: str) -> str | None:
    """The run as it was before the GBK misreading, or None when that is not certain."""
    try:
        pieces = [part.encode("gb18030") for part in run.split(LOST)]
    except UnicodeEncodeError:  # lone surrogates: not decoder output
        return None
    try:
        repaired = pieces[0].decode("utf-8") if len(pieces) == 1 else _decode_with_losses(pieces)
    except UnicodeDecodeError:
        return None
    return repaired if _is_clear_repair(run, repaired) else None


def _sequence_length(lead: int) -> int:
    """Bytes in the UTF-8 sequence that ``lead`` starts (0: not a lead byte)."""
    return 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0


def _is_continuation(byte: int) -> bool:
    return 0x80 <= byte <= 0xBF


def _decode_with_losses(pieces: list[bytes]) -> str:
    """UTF-8 of byte pieces with one lost byte between each two; a broken character is one U+FFFD.

    Every byte that is there must fit: whole characters decode strictly, and a character that
    lost bytes must still have its lead (or have lost it) and only continuation bytes after it.
    Raises UnicodeDecodeError otherwise.
    """
    seq: list[int | None] = []  # None: a lost byte
    for i, piece in enumerate(pieces):
        if i:
            seq.append(None)
        seq.extend(piece)
    out: list[str] = []
    i = 0
    while i < len(seq):
        lead = seq[i]
        if lead is None:  # the lead itself was lost: its continuation bytes follow, if any survived
            j = i + 1
            while j < len(seq) and j - i < 4 and ((b := seq[j]) is None or _is_continuation(b)):
                j += 1
            if j == i + 1:
                raise _invalid(i)
            out.append(LOST)
            i = j
            continue
        size = _sequence_length(lead) if lead >= 0x80 else 1
        chunk = seq[i : i + size]
        if not size or len(chunk) < size or any(b is not None and not _is_continuation(b) for b in chunk[1:]):
            raise _invalid(i)
        out.append(LOST if None in chunk else bytes(chunk).decode("utf-8"))  # type: ignore[arg-type]
        i += size
    return "".join(out)


def _invalid(position: int) -> UnicodeDecodeError:
    return UnicodeDecodeError("utf-8", b"", 0, 0, f"not UTF-8 around byte {position}")


def _is_all_chinese(repaired: str) -> bool:
    """Nothing but common Han and punctuation: what a stretch inside good text must give back."""
    kept = repaired.replace(LOST, "")
    counts = hanzi.profile(kept)
    common = counts[hanzi.COMMON_SIMPLIFIED] + counts[hanzi.COMMON_TRADITIONAL]
    return common >= 2 and common + counts[hanzi.PUNCT] == len(kept)


def _is_clear_repair(run: str, repaired: str) -> bool:
    """The repair is common Chinese (or full-width digits), and the run was far less common.

    Shares are measured in the script of the repair: mojibake is full of Big5-level-1 characters
    (戝 鏂 澹), which are common in Traditional text but not in Simplified text.
    """
    kept = repaired.replace(LOST, "")
    garbled = run.replace(LOST, "")
    if not kept or hanzi.bad_count(kept):
        return False
    share = (
        hanzi.simplified_share if hanzi.simplified_share(kept) >= MIN_REPAIRED_SHARE else hanzi.common_share
    )
    if hanzi.has_han(kept):
        return share(kept) >= MIN_REPAIRED_SHARE and share(kept) - share(garbled) >= MIN_SHARE_GAIN
    # １９９２ read as 锛戯紮锛欙紥: nothing but full-width forms and CJK punctuation, from rare
    # characters (not any digits: 侃侃 is D9 A9 D9 A9, Arabic-Indic ٩٩ in UTF-8)
    return (
        hanzi.is_punctuation(kept)
        and all("\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" for ch in kept)
        and hanzi.simplified_share(garbled) <= 1 - MIN_SHARE_GAIN
    )
