"""`party list`, `source list` and `kind list` count in grouped passes over the store; what
they count is what a count per row says (the queries they replaced, kept here as the
reference), trashed milestones, unused names and repeated roles included."""

from __future__ import annotations

from casetrack.milestones import list_kinds
from casetrack.parties import list_parties
from casetrack.sources import list_sources
from casetrack.store import Store
from tests.conftest import Cli

PER_PARTY = """SELECT p.id, count(DISTINCT m.id), count(DISTINCT m.case_id) FROM parties p
               LEFT JOIN milestone_parties mp ON mp.party_id = p.id
               LEFT JOIN milestones m ON m.id = mp.milestone_id AND m.deleted_at IS NULL
               GROUP BY p.id ORDER BY p.name_key"""
PER_SOURCE = """SELECT s.id, (SELECT count(*) FROM milestone_sources ms
                JOIN milestones m ON m.id = ms.milestone_id AND m.deleted_at IS NULL
                WHERE ms.source_id = s.id) FROM sources s ORDER BY s.id"""
PER_KIND = """SELECT k.name, (SELECT count(*) FROM milestones m
              WHERE m.kind = k.name AND m.deleted_at IS NULL) FROM kinds k ORDER BY k.name"""


def test_grouped_list_counts_equal_the_counts_per_row(demo: Cli) -> None:
    cli = demo
    cli("case", "add", "other", "--title", "Other case")
    cli("party", "add", "Nobody Yet", "--kind", "person")
    cli("source", "add", "https://example.org/unused")
    cli("kind", "add", "extradition")
    src = "https://example.org/shared"
    for day in (1, 2, 3):
        cli("add", "other", f"2004-05-0{day}", f"Step {day}", "--kind", "ruling",
            "--party", "Anne Morel:witness", "--party", "Anne Morel:defendant",
            "--party", "Lone Party", "--source", src)  # fmt: skip
    cli("add", "other", "2004-06", "Trashed later", "--kind", "extradition",
        "--party", "Trashed Only", "--party", "Anne Morel", "--source", src)  # fmt: skip
    trashed = cli.query("SELECT max(id) FROM milestones")[0][0]
    cli("rm", str(trashed))
    store = Store.open(cli.db_path)
    try:
        parties = [(p["id"], p["milestones"], p["cases"]) for p in list_parties(store)]
        sources = [(s["id"], s["milestones"]) for s in list_sources(store)]
        kinds = [(k["name"], k["milestones"]) for k in list_kinds(store)]
    finally:
        store.close()
    assert parties == cli.query(PER_PARTY)
    assert sources == cli.query(PER_SOURCE)
    assert kinds == cli.query(PER_KIND)
    # The figures the reference gives are the interesting ones, not all zeros.
    assert ("Trashed Only" in cli("party", "list").stdout) and (0, 0) in [p[1:] for p in parties]
    assert any(n == 3 for _, n in sources) and ("extradition", 0) in kinds
    assert any(m > 3 and c == 2 for _, m, c in parties)  # Anne Morel: the sample case and other
