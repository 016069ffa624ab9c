"""Work measured in steps, not seconds: how many lines of casetrack's own code a call runs.

A step count is the same on a busy machine as on a quiet one, so a test can hold an
algorithm to linear growth (three times the input, about three times the steps; nine times
if quadratic) without asserting a timing, which the benchmark alone measures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import casetrack

_ROOT = str(Path(casetrack.__file__).parent)


def steps(work: Callable[[], object]) -> int:
    """The number of lines of casetrack's code that `work()` runs (other code is not traced)."""
    count = 0

    def in_casetrack(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        if event == "line":
            count += 1
        return in_casetrack

    def on_call(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return in_casetrack if frame.f_code.co_filename.startswith(_ROOT) else None

    sys.settrace(on_call)
    try:
        work()
    finally:
        sys.settrace(None)
    return count
