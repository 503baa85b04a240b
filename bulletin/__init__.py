"""bulletin: clean Chinese newspaper text out of PDFs, then split, count, summarize and convert it.

The library API needs no CLI::

    import bulletin
    text, encoding = bulletin.decode(open("page.txt", "rb").read())
    print(bulletin.clean(text))

Nothing heavy is imported here: jieba, opencc and charset-normalizer load only where needed.
"""

from bulletin.clean import CleanConfig, Step, apply_steps, clean, clean_and_explain
from bulletin.decode import decode
from bulletin.errors import BinaryInputError, BulletinError, DecodeError, UsageError
from bulletin.model import Article, Block, Page


def __getattr__(name: str):
    """``bulletin.split``, ``bulletin.summarize`` and ``bulletin.count`` load their modules only when
    asked for: clean never pays for them."""
    if name == "split":
        from bulletin.segment import split

        return split
    if name == "summarize":
        from bulletin.summary import summarize

        return summarize
    if name in ("count", "Counts"):  # counting and its regexes load on first use too
        from bulletin import counts

        return getattr(counts, name)
    if name == "convert":  # OpenCC itself loads on the first conversion
        from bulletin.convert import convert

        globals()["convert"] = convert  # importing the module bound its name here; the function wins
        return convert
    raise AttributeError(f"module 'bulletin' has no attribute {name!r}")


def __dir__() -> list[str]:
    """What ``dir(bulletin)`` lists: the public API, not the names modules leave behind."""
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "Article",
    "BinaryInputError",
    "Block",
    "BulletinError",
    "CleanConfig",
    "Counts",
    "DecodeError",
    "Page",
    "Step",
    "UsageError",
    "__version__",
    "apply_steps",
    "clean",
    "clean_and_explain",
    "count",
    "convert",
    "decode",
    "split",
    "summarize",
]
