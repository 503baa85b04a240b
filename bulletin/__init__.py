"""bulletin: clean Chinese newspaper text out of PDFs, then split, count, summarize and convert it.

The library API needs no CLI::

    import bulletin
    text, encoding = bulletin.decode(open("page.txt", "rb").read())
    print(bulletin.clean(text))

Nothing heavy is imported here: jieba, opencc and charset-normalizer load only where needed.
"""

from __future__ import annotations

from bulletin.clean import CleanOptions, clean, clean_report
from bulletin.decode import decode
from bulletin.errors import BinaryInputError, BulletinError, DecodeError, UsageError
from bulletin.model import Article, Block, Page
from bulletin.segment import split

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BinaryInputError",
    "Block",
    "BulletinError",
    "CleanOptions",
    "DecodeError",
    "Page",
    "UsageError",
    "__version__",
    "clean",
    "clean_report",
    "decode",
    "split",
]
