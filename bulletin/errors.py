"""Error types. Each becomes one line on stderr naming the file, and an exit code."""

from __future__ import annotations


class BulletinError(Exception):
    """Base of every error the library raises on purpose; ``str()`` is the one-line message."""

    exit_code = 1


class DecodeError(BulletinError):
    """Bytes that no candidate encoding decodes."""

    def __init__(self, message: str, offset: int | None = None):
        super().__init__(message)
        self.offset = offset


class BinaryInputError(BulletinError):
    """Input that is not text at all (NUL bytes, images, archives)."""


class UsageError(BulletinError):
    """A bad option value or combination."""

    exit_code = 2
