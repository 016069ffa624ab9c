"""casetrack.bulk.add_many: the same checks and the same records as `casetrack add`, all or none."""

from __future__ import annotations

import csv
import io

import pytest

from casetrack.bulk import add_many
from casetrack.drafts import Citation, Draft, PartySpec
from casetrack.errors import CasetrackError
from casetrack.store import Store
from tests.conftest import Cli

COLUMNS = (
    "case_id, date, date_start, date_end, precision, sort_start, sort_end, kind, title,"
    " location, note, status, key"
)


def _store(cli: Cli) -> Store:
    return Store.open(cli.db_path)


def test_rows_are_stored_as_add_stores_them(demo: Cli) -> None:
    demo("add", "nec-2003", "2015-03", "Appeal  lodged ", "--kind", "appeal", "--party",
         "NEC:appellant", "--party", "New Counsel:counsel", "--source", "https://example.org/x",
         "--quote", "lodged", "--tag", "Final  Stage", "--location", "Paris", "--key")  # fmt: skip
    store = _store(demo)
    report = add_many(store, [Draft(
        "nec-2003", "2015-03", "Appeal  lodged ", kind="appeal",
        parties=[PartySpec("NEC", "appellant"), PartySpec("new counsel", "counsel")],
        sources=[Citation("https://example.org/x", quote="lodged")], tags=["Final  Stage"],
        location="Paris", key=True,
    )])  # fmt: skip
    store.close()
    assert (report.milestones, report.first_id, report.last_id) == (1, 10, 10)
    assert report.new_parties == [] and report.new_sources == []
    by_add, by_bulk = (demo.query(f"SELECT {COLUMNS} FROM milestones WHERE id = ?", (i,))
                       for i in (9, 10))  # fmt: skip
    assert by_add == by_bulk
    for table in ("milestone_parties", "milestone_sources", "milestone_tags"):
        rows = demo.query(f"SELECT * FROM {table} WHERE milestone_id IN (9, 10)")
        assert [r[1:] for r in rows if r[0] == 9] == [r[1:] for r in rows if r[0] == 10]
    assert demo.query("SELECT position FROM milestones WHERE id = 10") == [(10.0,)]


def test_new_parties_and_sources_are_created_once(demo: Cli) -> None:
    rows = [
        Draft("nec-2003", f"2016-0{i}", f"Hearing {i}",
                     parties=[PartySpec("Jane Roe", "witness"), PartySpec("JANE  ROE")],
                     sources=[Citation("Le Monde, 3 May 2016")])
        for i in range(1, 4)
    ]  # fmt: skip
    store = _store(demo)
    report = add_many(store, rows, batch=2)
    store.close()
    assert report.new_parties == ["Jane Roe"]
    assert report.new_sources == ["Le Monde, 3 May 2016"]
    assert demo.query("SELECT count(*) FROM parties WHERE name = 'Jane Roe'") == [(1,)]
    out = demo("timeline", "--party", "jane roe", "--format", "csv").stdout
    dates = [row["date"] for row in csv.DictReader(io.StringIO(out))]
    assert dates == ["2016-01", "2016-02", "2016-03"]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (Draft("nec-2003", "2016-13", "Bad month"), "not a real date"),
        (Draft("nec-2003", "2016", "  "), "needs a title"),
        (Draft("nec-2003", "2016", "Raid", kind="raids"), "did you mean 'raid'"),
        (Draft("nec-2003", "2016", "Raid", status="sure"), "unknown status"),
        (Draft("nec-2030", "2016", "Raid"), "did you mean 'nec-2003'"),
    ],
)
def test_a_refused_row_writes_nothing(demo: Cli, bad: Draft, message: str) -> None:
    good = Draft("nec-2003", "2016", "Fine", parties=[PartySpec("Someone New")])
    store = _store(demo)
    with pytest.raises(CasetrackError) as caught:
        add_many(store, [good, good, bad, good], batch=2)
    store.close()
    assert str(caught.value).startswith("milestone 3 (2016")
    assert message in str(caught.value)
    assert demo.query("SELECT count(*) FROM milestones") == [(8,)]
    assert demo.query("SELECT count(*) FROM parties WHERE name = 'Someone New'") == [(0,)]
