"""Every export casetrack writes imports back, deadlines included: a deadline whose trigger
is not in the file (erased, in the trash, filtered out, moved to a case not exported) is
written with its rule and working and no trigger, and imports as such a deadline."""

from __future__ import annotations

import csv
import json
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.conftest import Cli
from tests.test_deadlines import deadline, judgment
from tests.test_format_schema import DOCUMENT, _problems

LINKS = (
    "SELECT m.uid, t.uid, d.rule, d.service, d.working, d.done_at FROM deadlines d"
    " JOIN milestones m ON m.id = d.milestone_id LEFT JOIN milestones t ON t.id = d.trigger_id"
    " ORDER BY m.uid"
)
LEFT_OUT = "1 deadline counted from a milestone this export leaves out"
NOT_FOUND = "1 deadline counted from a milestone neither in the file nor in the store"


WORKING = "30 days from Fri 14 Jun 2024 → Sun 14 Jul 2024, a Sunday → Mon 15 Jul 2024"


def _imported(path: Path, tmp_path: Path, name: str, working: str | None = WORKING) -> Cli:
    """A new store holding the file: its deadline has its rule and working (none once the
    trigger was erased), and no trigger."""
    other = Cli(tmp_path / name)
    other("import", str(path))
    ((uid, trigger, rule, _, kept, _),) = [r for r in other.query(LINKS) if r[2] is not None]
    assert (trigger, rule, kept) == (None, "us-frap-4a1a", working)
    (deadline_id,) = other.query("SELECT id FROM milestones WHERE uid = ?", (uid,))[0]
    said = "(trigger erased)" if working is None else "(trigger not in this store)"
    assert f"counted from  {said}" in other("show", str(deadline_id)).stdout
    other("check")
    return other


def test_a_deadline_whose_trigger_was_erased_exports_and_imports(cli: Cli, tmp_path: Path) -> None:
    deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    cli("purge", "1", "--yes")
    result = cli("export", "-o", "all.json")
    assert "warning" not in result.stderr  # nothing left out: the trigger is gone
    _imported(tmp_path / "all.json", tmp_path, "other.db", working=None)


def _move_apart(cli: Cli, trigger: int, case: str) -> None:
    """Put a trigger in another case than its deadlines: `edit --case` refuses to part them
    now, but a store written before it did holds such pairs, and exports them."""
    with sqlite3.connect(cli.db_path) as conn:
        conn.execute(
            "UPDATE milestones SET case_id = (SELECT id FROM cases WHERE slug = ?) WHERE id = ?",
            (case, trigger),
        )
    conn.close()


def test_a_filtered_or_trashed_trigger_is_left_out_of_the_link_with_one_warning(
    cli: Cli, tmp_path: Path
) -> None:
    trigger = judgment(cli, "2024-06-14")
    deadline(cli, "us-frap-4a1a", trigger)
    cli("case", "add", "other", "--title", "Other")
    exports = {
        "sel.json": ["acme", "--since", "2024-07-01"],
        "kind.jsonl": ["--kind", "deadline"],
    }
    for name, filters in exports.items():
        result = cli("export", *filters, "-o", name)
        assert result.stderr.splitlines()[0].startswith(f"warning: {LEFT_OUT}")
        _imported(tmp_path / name, tmp_path, f"{name}.db")
    cli("rm", str(trigger))
    assert LEFT_OUT in cli("export", "-o", "trash.json").stderr
    _imported(tmp_path / "trash.json", tmp_path, "trash.db")
    cli("restore", str(trigger))
    _move_apart(cli, trigger, "other")
    assert LEFT_OUT in cli("export", "acme", "-o", "moved.json").stderr
    _imported(tmp_path / "moved.json", tmp_path, "moved.db")
    # Back into the store it came from, the deadline keeps the trigger it has there.
    before = cli.query(LINKS)
    assert "warning" not in cli("import", "moved.json").stderr
    assert cli.query(LINKS) == before


def test_a_trigger_the_import_cannot_find_is_dropped_with_one_warning(
    cli: Cli, tmp_path: Path
) -> None:
    """Files written before (or by hand) name a trigger that is not in them."""
    deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    document = json.loads(cli("export", "--kind", "deadline").stdout)
    (record,) = document["milestones"]
    record["deadline"]["trigger"] = cli.query("SELECT uid FROM milestones WHERE id = 1")[0][0]
    (tmp_path / "old.json").write_text(json.dumps(document), encoding="utf-8")
    other = Cli(tmp_path / "other.db")
    result = other("import", "old.json")
    assert f"warning: old.json: {NOT_FOUND}" in result.stderr
    assert other.query("SELECT trigger_id, rule FROM deadlines") == [(None, "us-frap-4a1a")]
    # A trigger without its rule is still refused, and writes nothing.
    del record["deadline"]["rule"]
    assert _problems(DOCUMENT, document)
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    refused = Cli(tmp_path / "refused.db")
    refused("init")
    result = refused("import", "bad.json", code=1)
    assert "a deadline link that names its trigger names its rule too" in result.stderr
    assert refused.query("SELECT count(*) FROM milestones") == [(0,)]


_TRIGGER_DAYS = st.sampled_from(["2024-06-14", "2024-06-04", "2024-01-31", "2024-11-27"])
_RULES = st.sampled_from(["us-frap-4a1a", "us-frap-4b1a", "fr-cpc-538", "ny-5513"])
_SERVED = ("fr-cpc-538", "ny-5513")  # a user's rule does not say what it runs from
_STEPS = st.lists(
    st.tuples(
        st.sampled_from(["acme", "beta"]),
        _TRIGGER_DAYS,
        st.lists(st.tuples(_RULES, st.booleans()), max_size=2),
        st.sampled_from(["keep", "purge", "trash", "trash-empty", "move", "done"]),
    ),
    min_size=1,
    max_size=4,
)
_FILTERS = st.sampled_from(
    [[], ["acme"], ["beta"], ["--since", "2024-07-01"], ["--until", "2024-06-30"],
     ["--kind", "deadline"], ["acme", "--kind", "judgment"], ["--key"]]
)  # fmt: skip


@settings(max_examples=examples(10), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(steps=_STEPS, filters=_FILTERS, fmt=st.sampled_from(["json", "jsonl"]))
def test_every_export_of_a_store_with_deadlines_imports_and_exports_again_the_same(
    steps: list[tuple[str, str, list[tuple[str, bool]], str]], filters: list[str], fmt: str
) -> None:
    """Random stores with deadlines, triggers erased, trashed, moved and done, and random
    filters: the export imports into a new store, whose whole export is the same file."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        cli = Cli(tmp / "store.db")
        cli("case", "add", "acme", "--title", "Acme", "--court", "S.D.N.Y.")
        cli("case", "add", "beta", "--title", "Beta", "--court", "Tribunal judiciaire de Paris")
        cli("closure", "add", "S.D.N.Y.", "2024-07-16")
        cli("rule", "add", "ny-5513", "--days", "30", "--holidays", "US-NY",
            "--citation", "CPLR 5513(a)")  # fmt: skip
        for case, day, rules, fate in steps:
            trigger = judgment(cli, day, case=case)
            # --service only where the period runs from service (refused on entry rules)
            made = [deadline(cli, rule, trigger, *(["--service", "mail"] if mail and rule in
                             _SERVED else []), "--another", case=case)
                    for rule, mail in rules]  # fmt: skip
            if fate == "purge":
                cli("purge", str(trigger), "--yes")
            elif fate.startswith("trash"):
                cli("rm", str(trigger))
                if fate == "trash-empty":
                    cli("trash", "empty", "--yes")
            elif fate == "move":
                _move_apart(cli, trigger, "beta" if case == "acme" else "acme")
            elif fate == "done" and made:
                cli("edit", str(made[0]), "--done")
        path = tmp / f"out.{fmt}"
        cli("export", *filters, "-o", str(path))
        other = Cli(tmp / "other.db")
        other("import", str(path))
        other("check")
        again = tmp / f"again.{fmt}"
        other("export", "-o", str(again))
        assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_export_ics_says_a_deadlines_rule_and_working_as_upcoming_does(cli: Cli) -> None:
    """One deadline is one calendar event (one UID) in `export -f ics` and `upcoming -f ics`:
    both describe it with its rule and working, so a calendar holding either reads the same."""
    import icalendar

    cli("case", "add", "bettencourt", "--title", "Corruption prosecution", "--court", "Paris")
    cli("add", "bettencourt", "2023-05-18", "Ruling upheld", "--kind", "judgment")
    cli("deadline", "add", "bettencourt", "--rule", "fr-cpp-498", "--from", "1")

    def described(*args: str) -> dict[str, str]:
        calendar = icalendar.Calendar.from_ical(cli(*args).stdout)
        return {str(e["uid"]): str(e["description"]) for e in calendar.walk("VEVENT")}

    exported = described("export", "bettencourt", "-f", "ics")
    due = described("upcoming", "--as-of", "2023-05-20", "-f", "ics")
    (uid,) = due
    assert exported[uid] == due[uid]
    assert exported[uid].endswith(
        "fr-cpp-498: CPP art. 498, 10 days after (fr-cpc-641)\n10 days from Thu 18 May 2023"
        " → Sun 28 May 2023, a Sunday; Mon 29 May 2023, Pentecost Monday → Tue 30 May 2023"
    )


def test_a_deadline_met_stays_met_through_a_csv_sheet(cli: Cli, tmp_path: Path) -> None:
    """A deadline marked done is done in the sheet (its `done` cell) and in the store the
    sheet is imported into, not listed there as overdue; one still open stays open."""
    met = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    deadline(cli, "us-frcp-59b", 1)
    cli("edit", str(met), "--done")
    (done_at,) = cli.query("SELECT done_at FROM deadlines WHERE milestone_id = ?", (met,))[0]
    cli("export", "acme", "-o", "acme.csv")
    with open(tmp_path / "acme.csv") as sheet:
        rows = {r["title"]: r["done"] for r in csv.DictReader(sheet)}
    assert rows["Notice of appeal (civil) due"] == done_at
    assert rows["Motion for a new trial due"] == rows["Judgment entered"] == ""
    other = Cli(tmp_path / "other.db")
    other("import", str(tmp_path / "acme.csv"))
    assert other.query(
        "SELECT m.title, d.done_at FROM deadlines d JOIN milestones m ON m.id = d.milestone_id"
    ) == [("Notice of appeal (civil) due", done_at)]
    due = other("upcoming", "--as-of", "2024-07-01").stdout
    assert "Motion for a new trial" in due and "Notice of appeal" not in due
    other("undo")
    assert other.query("SELECT count(*) FROM deadlines") == [(0,)]


def test_a_hand_made_sheet_marks_a_deadline_done_with_yes(cli: Cli, tmp_path: Path) -> None:
    """`yes` in a sheet's done cell marks the deadline done now; a word that says neither
    is refused in one line and nothing is written."""
    sheet = tmp_path / "due.csv"
    sheet.write_text(
        "case,date,title,kind,done\nacme,2024-07-15,Appeal due,deadline,yes\n"
        "acme,2024-07-16,Reply due,deadline,\n"
    )
    cli("import", str(sheet))
    assert [r[0] for r in cli.query("SELECT milestone_id FROM deadlines")] == [1]
    due = cli("upcoming", "--as-of", "2024-07-01").stdout
    assert "Reply due" in due and "Appeal due" not in due
    sheet.write_text("case,date,title,kind,done\nacme,2024-08-15,Brief due,deadline,soon\n")
    result = cli("import", str(sheet), code=1)
    assert "done" in result.stderr and "'soon'" in result.stderr
    assert cli.query("SELECT count(*) FROM milestones") == [(2,)]


def test_a_deadline_met_is_said_done_wherever_a_person_reads_it(cli: Cli, tmp_path: Path) -> None:
    """`edit --done` shows beside the deadline, in the same words, in the timeline, search,
    Markdown, Word, PDF, HTML, SVG and the calendar (whose event raises no alarm); an open
    one says nothing, and JSON and CSV keep the timestamp alone."""
    import docx
    import icalendar
    import pypdf

    met = deadline(cli, "us-frap-4a1a", judgment(cli, "2024-06-14"))
    deadline(cli, "us-frcp-59b", 1)
    cli("edit", str(met), "--done")
    ((stamp,),) = cli.query("SELECT done_at FROM deadlines WHERE milestone_id = ?", (met,))
    day = date.fromisoformat(str(stamp)[:10])
    said = f"done {day.day} {day:%b} {day.year}"
    rows = [line for line in cli("timeline", "acme").stdout.splitlines() if " due" in line]
    assert [said in line for line in rows] == [False, True]  # the motion's first, open
    assert f"[{said}]" in cli("search", "appeal").stdout
    assert f"Notice of appeal (civil) due *({said})* |" in cli("export", "acme", "-f", "md").stdout
    cli("export", "acme", "-o", "acme.docx")
    cells = [c.text for t in docx.Document(str(tmp_path / "acme.docx")).tables
             for r in t.rows for c in r.cells]  # fmt: skip
    assert f"Notice of appeal (civil) due\n{said}\ndeadline" in cells
    assert sum(said in c for c in cells) == 1
    cli("export", "acme", "-o", "acme.pdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "acme.pdf").pages)
    assert text.count(said) == 1
    cli("export", "acme", "-o", "acme.html")
    assert f'<span class="badge">{said}</span>' in (tmp_path / "acme.html").read_text()
    cli("export", "acme", "-o", "acme.svg")
    assert f"Notice of appeal (civil) due ({said})" in (tmp_path / "acme.svg").read_text()
    calendar = icalendar.Calendar.from_ical(cli("export", "acme", "-f", "ics").stdout)
    summaries = sorted(str(e["summary"]) for e in calendar.walk("VEVENT"))
    assert summaries == [
        "[acme] Judgment entered",
        "[acme] Motion for a new trial due",
        f"[acme] Notice of appeal (civil) due ({said})",
    ]
    assert not calendar.walk("VALARM")
    due = icalendar.Calendar.from_ical(cli("upcoming", "--as-of", "2024-06-20", "-f", "ics").stdout)
    assert [str(e["summary"]) for e in due.walk("VEVENT")] == ["[acme] Motion for a new trial due"]
    assert len(due.walk("VALARM")) == 1
    exported = json.loads(cli("timeline", "acme", "-f", "json").stdout)
    assert said not in json.dumps(exported)
    cli("export", "acme", "-o", "acme.csv")
    assert said not in (tmp_path / "acme.csv").read_text()
