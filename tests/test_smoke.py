"""A first end-to-end check: the demo loads and its timeline is in order."""

import csv
import io

from tests.conftest import Cli


def test_demo_timeline_is_in_date_order(demo: Cli) -> None:
    rows = demo.query("SELECT sort_start FROM milestones ORDER BY id")
    assert len(rows) == 8
    result = demo("timeline", "nec-2003", "--format", "csv")
    dates = [row["date"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert dates == ["2001", "2003-06", "2003-06-17", "2003-06-17", "2003-07-03",
                     "2006-05-11", "2011-12", "2014-09-16"]  # fmt: skip
