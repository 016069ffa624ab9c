"""Work started in a thread of its own, its result awaited later: SQLite lets go of Python's
lock while it works, so a query runs beside the Python that goes on meanwhile. A plain
thread: concurrent.futures would import logging, a tenth of a small `check`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")


def started(work: Callable[[], _T]) -> Callable[[], _T]:
    """Start `work` in a thread; returns what waits for its result (or raises its error)."""
    done: list[_T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(work())
        except BaseException as err:  # raised again in the thread that waits for it
            failed.append(err)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def result() -> _T:
        thread.join()
        if failed:
            raise failed[0]
        return done[0]

    return result
