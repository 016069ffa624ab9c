"""benchmarks/merge.py keeps working: the merge by uid docs/guide/several-writers.md measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.merge import run


@pytest.mark.slow
def test_the_merge_by_uid_takes_their_changes_and_lists_the_conflicts(tmp_path: Path) -> None:
    result = run(tmp_path / "merge", 1000, 2003)  # checks the merged store milestone by milestone
    assert result["conflicts (ours kept)"] == {
        "changed on both sides": 8,
        "changed by us, deleted by them": 2,
        "deleted by us, changed by them": 2,
    }
    assert result["applied"] == {"added": 50, "updated": 38, "trashed": 16}
    # Ours: 1,000 + 50 added - 20 deleted; then their 50 additions, less their 16 deletions.
    assert result["merged"] == 1000 + 50 - 20 + 50 - 16
