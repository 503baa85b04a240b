"""``--jobs N``: one command's files spread over worker processes, the results back in input order.

A command's job turns each file into an outcome (the bytes for stdout, the stderr lines, an exit
status) with ``job.work``, which pickles with its job (see ``bulletin.commands``); :func:`ordered`
maps it over the files, in this process for
one job or few files (starting processes costs more than a page takes), else over a pool of forked
workers. The command then writes outcome after outcome, so stdout and stderr read exactly as with
``--jobs 1``. Workers ignore Ctrl-C: the command handles it once, and ends the pool.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_FILES = 3
"""Fewer files than this run in-process whatever ``--jobs`` says: 1-2 files never pay for workers."""

CHUNKS_PER_WORKER = 8
"""Files are handed out in chunks, about this many per worker: big enough to keep the messages
between processes few, small enough that a slow file does not leave the other workers idle."""


def default_jobs() -> int:
    """The cores this process may run on (what ``--jobs`` defaults to)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def workers(jobs: int | None, files: int) -> int:
    """How many processes ``files`` files get with ``--jobs jobs`` (1: in this process)."""
    jobs = default_jobs() if jobs is None else jobs
    return 1 if files < MIN_FILES else max(1, min(jobs, files))


@contextlib.contextmanager
def ordered(work: Callable[[T], R], items: Sequence[T], jobs: int | None = None) -> Iterator[Iterator[R]]:
    """``work(item)`` for each item, in input order, over ``workers(jobs, len(items))`` processes.

    ``work`` must pickle (a module-level function, or a ``functools.partial`` of one). Leaving the
    ``with`` block ends the workers at once, early too (an error, Ctrl-C, a closed stdout).
    """
    n = workers(jobs, len(items))
    if n == 1:
        yield map(work, items)
        return
    import multiprocessing  # here: a command on one file never pays for it

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = context.Pool(n, initializer=_ignore_ctrl_c)
    chunk = max(1, len(items) // (n * CHUNKS_PER_WORKER))
    try:
        yield pool.imap(work, items, chunksize=chunk)
    finally:  # every result read by now, or none wanted any more
        pool.terminate()
        pool.join()


def _ignore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
