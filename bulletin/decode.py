"""bytes -> (text, encoding), for the encodings Chinese text really comes in.

Cheap and certain first, guessing last:

1. magic numbers: a PDF, image or archive is refused with a message that says what it is;
2. byte-order marks (UTF-32 before UTF-16: FF FE 00 00 also starts with the UTF-16 LE mark);
3. NUL bytes: BOM-less UTF-16 (ASCII newlines and digits put NULs on one side of each code unit,
   一 and 开, U+4E00 and U+5F00, on the other: when the sides do not tell, both byte orders compete)
   or UTF-32; otherwise binary data;
4. strict UTF-8. Long legacy text never passes it by accident, short text can: 2.7 % of the
   two-character GBK strings of the corpus are valid UTF-8 (通讯员 reads as ͨѶԱ), 0.4 % of the
   three-character ones. So valid UTF-8 with at most a few dozen multi-byte characters and no Han
   is also read as GB18030, and that reading wins when it is common Chinese and the UTF-8 one is
   no words of any language (scripts mixed in a word, dead letters, stray marks and signs);
   Ελληνικά, Привет and café stay UTF-8. Longer input is not examined, and charset-normalizer
   is not even imported. A few two-character words stay misread, whose UTF-8 reading is as good
   a word (些小 = ЩС, 抓住 = Hebrew ץס): about 1 % of the accidents, 0.03 % of all such strings;
5. charset-normalizer restricted to GB18030, Big5 and BOM-less UTF-16 proposes, and the
   Chinese-plausibility score of ``hanzi`` decides between its close candidates, so that four bytes
   of GBK are not taken for Big5, Korean or UTF-16 (a reading that fails on a few bytes competes
   too: GBK with one bad byte is reported as such, not returned as a clean Big5 misreading);
6. line by line when UTF-8 lines and legacy lines are mixed (two files concatenated).

A byte-order mark is never part of the text. Errors name the source, the byte and its offset.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from bulletin import hanzi
from bulletin.errors import BinaryInputError, DecodeError, UsageError

ERRORS = ("strict", "replace", "ignore")

# (byte-order mark, codec for the rest, name reported). UTF-32 first: its LE mark starts like UTF-16's.
BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# File signatures of what users feed us by mistake, and what to tell them.
MAGIC = (
    (b"%PDF-", "a PDF file", " (bulletin.document.read reads a PDF's pages; the commands take it as it is)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF87a", "a GIF image", ""),
    (b"GIF89a", "a GIF image", ""),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)", " (save or export it as plain text first)"),
    (b"PK\x05\x06", "an empty ZIP archive", ""),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)", " (save it as text first)"),
    (b"\x1f\x8b", "gzip-compressed data", " (decompress it first, e.g. with gunzip)"),
    (b"\xfd7zXZ\x00", "xz-compressed data", " (decompress it first, e.g. with unxz)"),
    (b"\x7fELF", "an ELF executable", ""),
)

# Legacy candidates, as Python codec -> name reported.
# Big5 is decoded with cp950, Microsoft's Big5, because that is what real Big5 files are: written
# on Windows, they use its extensions (裏 恒 碁 銹 墻 粧 嫺 at F9D6-F9DC, €, box drawing), which
# Python's plain "big5" cannot decode at all; where the two differ on shared code points cp950
# picks the forms Traditional text means (～ ￥ ‧ rather than ∼ ¥ •).
# GB18030 decodes everything GB2312 and GBK do, plus the four-byte rest of Unicode.
LEGACY = {"gb18030": "gb18030", "cp950": "big5"}
UTF16 = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
TRIED = "utf-8, gb18030, big5"

# Names asked for with ``encoding=`` that are decoded with a superset (the name asked is reported).
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "cp950"}
UNICODE_CODECS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "utf-32-be",
)

# charset-normalizer's candidates within this much "chaos" of its best are all re-ranked by our score.
CHAOS_MARGIN = 0.2
# UTF-16 text without a single NUL byte (no newline, digit or space) is rare: a BOM-less UTF-16
# reading must beat the legacy ones by this many score points (about two common characters).
UTF16_WITHOUT_NUL_PENALTY = 2.0
# A BOM-less wide (UTF-16/32) reading is text when the mean score per character reaches this and
# almost no character is a control, private-use or unassigned one; else the NULs mean binary.
WIDE_MIN_PLAUSIBILITY = 0.2
WIDE_MAX_BAD_SHARE = 0.02
# For UTF-16 LE the NULs are the high bytes of ASCII, at odd offsets; even-offset NULs come only
# from the few characters U+xx00 (一 is U+4E00). One side must outnumber the other this much.
NUL_SKEW = 2


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the normalised name of the encoding it was in."""

    text: str
    encoding: str
    replaced: int = 0  # U+FFFD written with errors="replace"

    def __iter__(self):  # allows ``text, encoding = decode(data)``
        return iter((self.text, self.encoding))


def decode(
    data: bytes, encoding: str | None = None, errors: str = "strict", source: str = "<stdin>"
) -> Decoded:
    """Decode newspaper text whose encoding is unknown (or given by ``encoding``).

    ``errors="strict"`` raises DecodeError at the first byte the best reading cannot decode;
    ``"replace"`` writes U+FFFD there (and counts it), ``"ignore"`` drops it. Binary input (NULs
    that are not UTF-16, PDF/image/archive signatures) raises BinaryInputError.
    """
    if errors not in ERRORS:
        raise UsageError(f"unknown errors mode {errors!r} (use {', '.join(ERRORS)})")
    data = bytes(data)
    _refuse_magic(data, source)
    if encoding is not None:
        return _decode_as(data, encoding, errors, source)
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            found = _decode_bom(data, len(bom), codec, name, errors, source)
            if found is not None:
                return found
    if b"\x00" in data:
        return _decode_wide(data, errors, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data, errors, source)
    if _is_gbk_by_accident(data, text):
        return Decoded(data.decode("gb18030"), "gb18030")
    return Decoded(text, "utf-8")


def _refuse_magic(data: bytes, source: str) -> None:
    for magic, what, advice in MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"{source}: looks like {what}, not text{advice}")


def _error(source: str, byte: int, offset: int, tried: str = TRIED) -> DecodeError:
    return DecodeError(
        f"{source}: cannot decode byte 0x{byte:02x} at offset {offset} (tried {tried})", offset=offset
    )


def _first_bad(data: bytes, codec: str) -> int:
    """Offset of the first byte ``codec`` cannot decode (``len(data)`` if none)."""
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return exc.start
    return len(data)


def _decode_with(data: bytes, codec: str, errors: str) -> tuple[str, int]:
    """Decode; also return how many U+FFFD the decoder wrote (not those already in the text)."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        if errors == "strict":
            raise
    text = data.decode(codec, errors)
    if errors != "replace":
        return text, 0
    return text, text.count("\ufffd") - data.decode(codec, "ignore").count("\ufffd")


def _decode_as(data: bytes, encoding: str, errors: str, source: str) -> Decoded:
    """``encoding=NAME``: no detection; GBK/GB2312 and Big5 through their supersets."""
    try:
        name = codecs.lookup(encoding).name
        codec = SUPERSETS.get(name, name)
        text, replaced = _decode_with(data, codec, errors)
    except LookupError:  # unknown, or not a text encoding (base64, rot13...)
        raise UsageError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise _error(source, data[exc.start], exc.start, name) from None
    if name in UNICODE_CODECS and text.startswith("\ufeff"):
        text = text[1:]  # the byte-order mark is not part of the text
    return Decoded(text, name, replaced)


def _decode_bom(data: bytes, skip: int, codec: str, name: str, errors: str, source: str) -> Decoded | None:
    body = data[skip:]
    try:
        text, replaced = _decode_with(body, codec, errors)
    except UnicodeDecodeError as exc:
        if codec == "utf-8":  # a UTF-8 file with a BOM, then lines in GBK: decode line by line
            return _decode_legacy(body, errors, source, offset=skip)
        if codec == "utf-32-le":  # FF FE 00 00 can be a UTF-16 LE mark and U+0000: let it try
            return None
        raise _error(source, body[exc.start], skip + exc.start, name) from None
    return Decoded(text, name, replaced)


def _decode_wide(data: bytes, errors: str, source: str) -> Decoded:
    """Input with NUL bytes: BOM-less UTF-16 or UTF-32 if it reads as text, else binary.

    When the NUL positions do not tell the byte order (a short line can have as many NULs from
    U+xx00 characters, 一 开 万, as from ASCII), both orders compete and the more Chinese wins.
    """
    for group in _wide_candidates(data):
        readings = {codec: data.decode(codec, "replace") for codec in group}
        texts = [codec for codec in group if _wide_is_text(readings[codec])]
        if not texts:
            continue
        codec = max(texts, key=lambda codec: hanzi.score(readings[codec]))
        try:
            text, replaced = _decode_with(data, codec, errors)
        except UnicodeDecodeError as exc:
            raise _error(source, data[exc.start], exc.start, codec) from None
        return Decoded(text, codec, replaced)
    raise BinaryInputError(f"{source}: binary data (NUL bytes), not text")


def _wide_is_text(text: str) -> bool:
    """A UTF-16/32 reading is text, not binary data seen through the wrong glasses."""
    bad = hanzi.bad_count(text)  # U+FFFD for undecodable code units included
    return bad <= WIDE_MAX_BAD_SHARE * len(text) and hanzi.plausibility(text) >= WIDE_MIN_PLAUSIBILITY


def _wide_candidates(data: bytes) -> list[tuple[str, ...]]:
    """Groups of UTF-32 and UTF-16 byte orders to try, likeliest first, as the positions of the
    NUL bytes suggest; the codecs of one group compete (both UTF-16 orders when the NULs are on
    both sides alike)."""
    found: list[tuple[str, ...]] = []
    if len(data) % 4 == 0:
        quarter = len(data) // 4
        if data[3::4].count(0) == quarter and data[2::4].count(0) * 2 > quarter:
            found.append(("utf-32-le",))
        if data[0::4].count(0) == quarter and data[1::4].count(0) * 2 > quarter:
            found.append(("utf-32-be",))
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > NUL_SKEW * even:  # the other order is a fallback: a line of 一 and 开 skews it wrong
        found += [("utf-16-le",), ("utf-16-be",)]
    elif even > NUL_SKEW * odd:
        found += [("utf-16-be",), ("utf-16-le",)]
    else:
        found.append(("utf-16-le", "utf-16-be"))
    return found


# Short GBK can be valid UTF-8 by accident (通讯员 = CD A8 D1 B6 D4 B1 reads as ͨѶԱ): each
# character must then happen to fit UTF-8, 1 chance in 37 for two, 240 for three, 1,100 for four
# (measured on the corpus), a few times less for each more. Input with more bytes than this in
# multi-byte sequences is UTF-8 for certain, and is not examined.
ACCIDENT_MAX_EXTRA_BYTES = 64
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# The GB18030 reading must have at least this share of its Han in GB2312 level 1 (the words of a
# page have a rare character now and then: 濮阳, 荻港).
GB_MIN_COMMON_SHARE = 0.5
# Letters that no living orthography writes but GBK-as-UTF-8 often yields (ƽ ɽ ͼ ѧ Ϣ): C1
# controls, Latin Extended-B and IPA, modifier letters, archaic Greek and Coptic, Church Slavonic.
RARE_LETTERS = (
    (0x0080, 0x009F),
    (0x0180, 0x02FF),
    (0x0370, 0x0385),
    (0x03CF, 0x03FF),
    (0x0460, 0x0489),
    (0x1D00, 0x1DBF),
)
# Combining marks that decomposed Latin, Greek and Cyrillic text uses (acute to caron, horn,
# dot below, cedilla, ogonek, Greek breathings, perispomeni, ypogegrammeni).
COMMON_MARKS = frozenset((*range(0x300, 0x30D), 0x31B, 0x323, 0x327, 0x328, 0x313, 0x314, 0x342, 0x345))
MARK_BASES = ("LATIN", "GREEK", "CYRILLIC")
# Latin-1 signs that sit inside words (no-break space, guillemets, soft hyphen); the others (¡ ± ¼ ·...) stand
# alone, next to digits or spaces, never glued to a non-ASCII letter.
IN_WORD_SIGNS = "\xa0\xab\xad\xbb"
SCRIPT_ALIASES = {"EXTENDED": "ARABIC", "ARABIC-INDIC": "ARABIC"}  # Persian digits


def _is_gbk_by_accident(data: bytes, text: str) -> bool:
    """Whether valid UTF-8 ``text`` is really short GBK (then ``data`` is valid GB18030).

    Cheap for real UTF-8: ASCII, and anything with more than a few dozen multi-byte characters,
    is not examined; a reading with Han characters (even rare ones: 踽踽) wins before GB18030 is
    tried, for GBK read as UTF-8 gives letters and signs, seldom Han.
    """
    if text.isascii() or len(data) - len(text) > ACCIDENT_MAX_EXTRA_BYTES:
        return False
    utf8 = "".join(NON_ASCII.findall(text))
    if hanzi.has_han(utf8):
        return False
    try:
        gb = "".join(NON_ASCII.findall(data.decode("gb18030")))
    except UnicodeDecodeError:
        return False
    if hanzi.bad_count(gb) or hanzi.score(gb) <= hanzi.score(utf8):
        return False
    if hanzi.bad_count(utf8) or any(unicodedata.category(c) in ("Co", "Cn") for c in utf8):
        return True  # private-use or unassigned characters: no text has them
    if hanzi.simplified_share(gb) < GB_MIN_COMMON_SHARE:
        return False
    return not all(_reads_as_words(text, run.start(), run.end()) for run in NON_ASCII.finditer(text))


def _script(ch: str) -> str | None:
    """Script of a letter, mark or script-specific digit or sign (``""``: shared by all; None:
    a letter no living language writes)."""
    cp = ord(ch)
    if any(first <= cp <= last for first, last in RARE_LETTERS):
        return None
    if (
        0xA0 <= cp <= 0xBF
        or cp in (0xD7, 0xF7)
        or 0x300 <= cp <= 0x36F
        or (cp >= 0x2000 and not ch.isalpha())
    ):
        return ""
    name = unicodedata.name(ch, "")
    if not name:
        return None
    word = name.split()[0]
    return SCRIPT_ALIASES.get(word, word)


def _reads_as_words(text: str, start: int, end: int) -> bool:
    """Whether the non-ASCII run ``text[start:end]`` is plausible foreign text (Ελληνικά, Привет,
    the é of café, 25°C) rather than GBK bytes read as UTF-8 (ͨѶԱ, ƽң, ͼΪ־Ը).

    Words are written in one script, in living letters, with marks on base letters, capitals
    only first; a run of non-ASCII Latin letters is part of a word with ASCII letters; a run of
    signs is one sign (or one repeated: ···), and one letter is never the whole run twice over.
    """
    run = text[start:end]
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    scripts = set()
    previous, lower, letters = before, False, 0
    for ch in run:
        category = unicodedata.category(ch)
        script = _script(ch)
        if script is None or category[0] == "C" and category != "Cf":
            return False
        if category[0] == "M" and not _mark_fits(ch, script, previous):
            return False
        if category[0] == "L":
            letters += 1
            if ch.isupper() and lower:
                return False
            lower = ch.islower()
        if script:
            scripts.add(script)
        previous = ch
    if not letters:
        return len(set(run)) == 1
    if len(scripts) > 1 or len(run) > 1 and len(set(run)) == 1:
        return False
    if any(0x80 <= ord(ch) <= 0xFF and not ch.isalpha() and ch not in IN_WORD_SIGNS for ch in run):
        return False
    extended = sum(0x48A <= ord(ch) <= 0x52F for ch in run)  # Kazakh, Abkhaz... with basic letters
    if extended and extended >= sum(0x400 <= ord(ch) <= 0x45F for ch in run):
        return False
    return not (scripts == {"LATIN"} and letters > 1 and not before.isalpha() and not after.isalpha())


def _mark_fits(mark: str, script: str, previous: str) -> bool:
    """A combining mark follows a base letter of its script (or another mark)."""
    if previous and unicodedata.category(previous)[0] == "M":
        return True
    if not previous.isalpha():
        return False
    if 0x300 <= ord(mark) <= 0x36F:  # generic marks: only the common ones, on undecorated letters
        return (
            ord(mark) in COMMON_MARKS
            and not unicodedata.decomposition(previous)
            and _script(previous) in MARK_BASES
        )
    return _script(previous) == script


def _split_lines(data: bytes) -> list[bytes]:
    """Lines with their b"\\n" (CRLF stays whole: only b"\\n" splits)."""
    parts = data.split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _choose(part: bytes, allow_utf16: bool) -> tuple[str, bool]:
    """The codec that reads ``part`` best, and whether it reads all of it (else it is the best
    reading with U+FFFD for the bytes it cannot decode, whose first bad byte an error points at).

    charset-normalizer, restricted to the Chinese encodings, proposes the codecs that decode and
    are not chaotic; those within CHAOS_MARGIN of its best are ranked by the Chinese-plausibility
    score (which knows 发展 from 楷桯 or ꊷ맕, rated alike on four bytes). A legacy codec that fails
    only on a few bytes competes with its lossy reading (each U+FFFD costs as much as three
    characters gain), so GBK with one bad byte is GBK with one error, not a clean Big5 misreading.
    """
    from charset_normalizer import from_bytes  # only here: UTF-8 input never pays for the import

    names = [*LEGACY, *(UTF16 if allow_utf16 else ())]
    matches = [m for m in from_bytes(part, cp_isolation=names) if m.encoding in names]
    best_chaos = min((m.chaos for m in matches), default=0.0)
    proposed = [m.encoding for m in matches if m.chaos <= best_chaos + CHAOS_MARGIN]
    if not matches:  # too short or too odd for it to judge: every codec that decodes competes
        proposed = [codec for codec in names if _first_bad(part, codec) == len(part)]
    scores: dict[tuple[str, bool], float] = {}
    for codec in proposed:
        text = part.decode(codec)
        if codec in UTF16:
            if _wide_is_text(text):
                scores[codec, True] = hanzi.score(text) - UTF16_WITHOUT_NUL_PENALTY
        else:
            scores[codec, True] = hanzi.score(text)
    for codec in LEGACY:
        whole = _first_bad(part, codec) == len(part)
        if not whole or not scores and codec not in proposed:  # lossy, or the only readings left
            scores[codec, whole] = hanzi.score(part.decode(codec, "replace"))
    return max(scores, key=lambda key: (scores[key], -names.index(key[0])))


def _decode_legacy(data: bytes, errors: str, source: str, offset: int = 0) -> Decoded:
    """Input that is not UTF-8: GB18030, Big5 or BOM-less UTF-16, or UTF-8 lines mixed with one of them.

    ``offset`` is where ``data`` starts in the input (after a BOM), for error messages.
    """
    lines = _split_lines(data)
    utf8_lines = {i for i, line in enumerate(lines) if not line.isascii() and _is_utf8(line)}
    legacy_part = b"".join(line for i, line in enumerate(lines) if i not in utf8_lines)
    allow_utf16 = not utf8_lines and len(data) % 2 == 0 and offset == 0
    codec, whole = _choose(legacy_part, allow_utf16)
    if codec in UTF16:
        return Decoded(data.decode(codec), UTF16[codec])
    if whole and not utf8_lines:
        return Decoded(data.decode(codec), LEGACY[codec])

    pieces: list[str] = []
    used: set[str] = set()
    replaced = 0
    start = offset
    for i, line in enumerate(lines):
        chosen, text, n = _decode_line(line, codec, i in utf8_lines, errors)
        if text is None:  # strict, and the best reading of this line has a bad byte
            bad = _first_bad(line, chosen)
            raise _error(source, line[bad], start + bad)
        if not line.isascii():
            used.add(chosen)
        pieces.append(text)
        replaced += n
        start += len(line)
    text = "".join(pieces)
    if used == {"utf-8"}:
        return Decoded(text, "utf-8", replaced)
    if "utf-8" in used:
        return Decoded(text, f"utf-8+{LEGACY[codec]}", replaced)
    return Decoded(text, LEGACY[codec], replaced)


def _decode_line(line: bytes, legacy: str, is_utf8: bool, errors: str) -> tuple[str, str | None, int]:
    """Read one line as UTF-8 or as the file's legacy encoding, whichever looks more Chinese.

    Returns (codec, text, replaced); in strict mode a line whose best reading needs replacement
    returns (codec, None, 0) so the caller can point at its first bad byte.
    """
    if line.isascii():
        return "ascii", line.decode("ascii"), 0
    if is_utf8:
        utf8 = line.decode("utf-8")
        try:
            other = line.decode(legacy)
        except UnicodeDecodeError:
            return "utf-8", utf8, 0
        # A short GBK line can be valid UTF-8 by accident; it then reads as rare or non-Han letters.
        return ("utf-8", utf8, 0) if hanzi.score(utf8) >= hanzi.score(other) else (legacy, other, 0)
    readings = {codec: _decode_with(line, codec, "replace") for codec in (legacy, "utf-8")}
    best = max(readings, key=lambda codec: hanzi.score(readings[codec][0]))
    text, n = readings[best]
    if n == 0:
        return best, text, 0
    if errors == "strict":
        return best, None, 0
    if errors == "ignore":
        return best, line.decode(best, "ignore"), 0
    return best, text, n
