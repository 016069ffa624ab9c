"""How many examples each property test draws, scaled by the Hypothesis profile in use.

Each test states the count it needs for a thorough run (the `ci` profile, which `.ci/run`
selects with `--hypothesis-profile=ci`). Everyday runs use the `dev` profile, a fifth of that,
so the whole default suite stays within a couple of minutes on a 2-core machine. The
profiles are registered in tests/conftest.py, before pytest's `--hypothesis-profile` is read.
"""

from __future__ import annotations

from hypothesis import settings

# Hypothesis's own default example count: the `ci` profile keeps it, so counts stay as written.
FULL = 100


def examples(full: int) -> int:
    """`full` examples under the `ci` profile, proportionally fewer under `dev` (at least 5)."""
    return max(5, full * settings().max_examples // FULL)
