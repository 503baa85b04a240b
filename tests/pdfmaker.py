"""A small PDF writer for the tests: pages of Chinese text set in a made-up Type3 font.

No font file and no library: each glyph of the font is a filled square (a "tofu" box, one em
wide), and a ToUnicode map tells PDF readers which character each code stands for, so PDFium
extracts the text, with the positions and sizes it was set at. The font has at most 255 codes;
a page with more characters uses more fonts. Coordinates are given from the top-left corner, in
points, as a page is read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A run of text set from ``(x, y)`` (top-left of its first glyph), in type of ``size`` points,
    each glyph one em wide plus ``spacing`` em (letter-spacing)."""

    x: float
    y: float
    text: str
    size: float = 10.0
    spacing: float = 0.0


@dataclass(frozen=True)
class Rule:
    """A filled rectangle (a rule, or a photo: a scanned page is one big picture)."""

    x: float
    y: float
    w: float
    h: float


FONT_CODES = 255


def column(x: float, y: float, lines: list[str], size: float = 10.0, leading: float = 1.5) -> list[Text]:
    """Lines set one under another, ``leading`` times the type size apart."""
    return [Text(x, y + n * size * leading, line, size) for n, line in enumerate(lines)]


def make_pdf(
    pages: list[list[Text | Rule]], size: tuple[float, float] = (595.0, 842.0), founder: bool = False
) -> bytes:
    """A PDF of ``pages``. With ``founder``, every glyph is set at font size 1 and the text matrix
    is scaled instead, as Founder (方正) systems do: the type size is then in the matrix only."""
    chars = sorted(
        {ch for page in pages for item in page if isinstance(item, Text) for ch in item.text if ch != " "}
    )
    code = {ch: (n // FONT_CODES, n % FONT_CODES + 1) for n, ch in enumerate(chars)}
    fonts = max(1, (len(chars) + FONT_CODES - 1) // FONT_CODES)
    width, height = size
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    glyph = add(_stream(b"1000 0 0 -120 1000 880 d1 60 -100 880 960 re f"))
    font_ids = []
    for f in range(fonts):
        mine = [ch for ch in chars if code[ch][0] == f]
        names = b" ".join(b"/g%d" % code[ch][1] for ch in mine)
        procs = b" ".join(b"/g%d %d 0 R" % (code[ch][1], glyph) for ch in mine)
        cmap = add(_stream(_to_unicode({code[ch][1]: ch for ch in mine})))
        font_ids.append(
            add(
                b"<< /Type /Font /Subtype /Type3 /FontBBox [0 -120 1000 880]"
                b" /FontMatrix [0.001 0 0 0.001 0 0]"
                b" /CharProcs << "
                + procs
                + b" >> /Encoding << /Type /Encoding /Differences [1 "
                + names
                + b"] >>"
                b" /FirstChar 1 /LastChar %d /Widths [%s] /Resources << >> /ToUnicode %d 0 R >>"
                % (len(mine), b" ".join(b"1000" for _ in mine), cmap)
            )
        )
    resources = (
        b"<< /Font << " + b" ".join(b"/F%d %d 0 R" % (f, i) for f, i in enumerate(font_ids)) + b" >> >>"
    )
    page_ids = []
    parent = len(objects) + 2 * len(pages) + 1
    for page in pages:
        content = add(_stream(_content(page, code, height, founder)))
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources %s /Contents %d 0 R >>"
                % (parent, width, height, resources, content)
            )
        )
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    add(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % parent)
    return _file(objects, catalog)


def _content(
    page: list[Text | Rule], code: dict[str, tuple[int, int]], height: float, founder: bool
) -> bytes:
    ops: list[bytes] = []
    for item in page:
        if isinstance(item, Rule):
            ops.append(b"%g %g %g %g re f" % (item.x, height - item.y - item.h, item.w, item.h))
            continue
        x = item.x
        baseline = height - item.y - 0.88 * item.size
        for ch in item.text:
            if ch != " ":
                font, n = code[ch]
                size, k = (1, item.size) if founder else (item.size, 1)
                ops.append(
                    b"BT /F%d %g Tf %g 0 0 %g %g %g Tm <%02x> Tj ET" % (font, size, k, k, x, baseline, n)
                )
            x += item.size * (1 + item.spacing) if ch != " " else item.size * 0.5
    return b"\n".join(ops)


def _to_unicode(codes: dict[int, str]) -> bytes:
    lines = [
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        b"/CMapName /Tofu def /CMapType 2 def",
        b"1 begincodespacerange <01> <ff> endcodespacerange",
    ]
    items = sorted(codes.items())
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        lines += [b"<%02x> <%s>" % (n, ch.encode("utf-16-be").hex().encode()) for n, ch in chunk]
        lines.append(b"endbfchar")
    lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(lines)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _file(objects: list[bytes], root: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def wrap(paragraphs: list[str], width: int) -> list[str]:
    """Paragraphs set in a column ``width`` characters wide, each opened by a two-character indent
    (ideographic spaces, which the PDF leaves as white space)."""
    lines: list[str] = []
    for paragraph in paragraphs:
        text = "\u3000\u3000" + paragraph
        lines += [text[i : i + width] for i in range(0, len(text), width)]
    return lines
