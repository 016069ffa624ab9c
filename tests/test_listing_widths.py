"""`party show` and `upcoming` fit the terminal as the other listings do: no line wider than
it, and no word cut short while a column could wrap instead."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Cli


def _widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


@pytest.mark.parametrize("columns", [80, 60])
def test_party_show_wraps_its_roles(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    cli("case", "add", "castelnau-2003", "--title", "Castelnau")
    cli("party", "add", "Karim Benali", "--kind", "person")
    roles = ["detainee", "détenu", "gardé à vue", "mis en examen", "trésorier", "witness"]
    for day, role in enumerate(roles, 10):
        cli("add", "castelnau-2003", f"2003-06-{day}", "Step", "--new-party",
            f"Karim Benali:{role}")  # fmt: skip
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = cli("party", "show", "Karim Benali").stdout
    assert _widest(shown) <= columns
    assert "trésorier" in shown and "…" not in shown


@pytest.mark.parametrize("columns", [80, 60])
def test_upcoming_fits_without_cutting_words(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """Long due dates (a day in a range) and overdue counts wrap as the title does."""
    cli("case", "add", "castelnau-2003", "--title", "Castelnau")
    cli("case", "add", "usa-v-benali", "--title", "USA v. Benali")
    cli("add", "castelnau-2003", "mid Sep 2008", "Ordonnance de non-lieu", "--kind", "order")
    cli("add", "castelnau-2003", "2009-03-01", "Arrêt", "--kind", "judgment")
    cli("add", "usa-v-benali", "2014-02-11", "Sentenced", "--kind", "sentencing")
    cli("deadline", "add", "castelnau-2003", "--rule", "fr-cpp-498", "--from", "1",
        "--any-trigger")  # fmt: skip
    cli("deadline", "add", "castelnau-2003", "--rule", "fr-cpc-538", "--from", "2")
    cli("deadline", "add", "usa-v-benali", "--rule", "us-frap-4b1a", "--from", "3")
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = cli("upcoming", "--as-of", "2026-12-06").stdout
    assert _widest(shown) <= columns
    assert "…" not in shown and "correctionnel" in shown and "contentieuse)" in shown
    assert "OVERDUE" in shown and "between" in shown
    assert "30 Sep 2008" in shown  # a range folds between its days, never inside one


def test_a_partys_timeline_across_cases_gives_the_title_room_at_80_columns(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the case and role columns beside them, elapsed and kind go before the title is
    squeezed to a dozen letters a line; the role stays (it is what a party's view is for)."""
    cli("case", "add", "jones-v-bolt-logistics", "--title", "Jones v. Bolt")
    cli("case", "add", "smith-v-acme-widgets", "--title", "Smith v. Acme")
    cli("add", "jones-v-bolt-logistics", "2026-11-20", "Smith deposed as a witness in Jones",
        "--kind", "investigation", "--party", "John Smith:witness")  # fmt: skip
    cli("add", "smith-v-acme-widgets", "2027-01-05", "Complaint filed against Acme Widgets",
        "--kind", "complaint", "--party", "John Smith:plaintiff")  # fmt: skip
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli("timeline", "--party", "John Smith").stdout
    header, rule, *_ = shown.splitlines()
    assert _widest(shown) <= 80
    assert header.split() == ["id", "case", "date", "role", "title"]
    assert len(rule.split()[-1]) >= 20  # the title's column (it was 10 wide)
    assert "…" not in shown and "Smith deposed as a witness" in shown
    one_case = cli("timeline", "smith-v-acme-widgets").stdout.splitlines()[0].split()
    assert one_case == ["id", "date", "elapsed", "kind", "title"]


def test_source_list_keeps_a_url_whole_at_80_columns_when_other_columns_give_way(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sources with no title, publisher or date: those empty columns (then the count of
    milestones) give way before a URL that fits the terminal is folded over three lines."""
    url = "https://example.org/news/2003/06/18/exile-council-offices-raided"
    cited = "Order of dismissal (non-lieu), Paris investigating judges, 16 Sept 2014"
    cli("source", "add", url)
    cli("source", "add", cited)
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli("source", "list").stdout
    assert _widest(shown) <= 80
    assert f"1     {url}\n" in shown and f"2     {cited}\n" in shown
    assert shown.splitlines()[0].split() == ["id", "url"]
    monkeypatch.setenv("COLUMNS", "100")  # room for the count: only the empty columns go
    assert cli("source", "list").stdout.splitlines()[0].split() == ["id", "url", "milestones"]
    cli("source", "edit", "1", "--publisher", "AFP")
    monkeypatch.setenv("COLUMNS", "120")  # room for all: none goes
    wide = cli("source", "list").stdout.splitlines()
    assert wide[0].split() == ["id", "title", "url", "publisher", "published", "milestones"]
    monkeypatch.setenv("COLUMNS", "40")  # no room for the URL anyway: it folds, words stay
    narrow = cli("source", "list").stdout
    assert _widest(narrow) <= 40 and "…" not in narrow


def test_upcoming_at_80_columns_keeps_a_count_of_days_whole(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'OVERDUE 2030 days' beside a long case slug folds to 'OVERDUE' and '2030 days',
    never '2030' and 'days'; the rule gives way before the title is a word a line."""
    cli("case", "add", "orion-logistics-v-harbor-2021", "--title", "Orion")
    cli("add", "orion-logistics-v-harbor-2021", "2021-04-01", "Judgment", "--kind", "judgment")
    cli("deadline", "add", "orion-logistics-v-harbor-2021", "--rule", "us-frap-4a1a", "--from",
        "1")  # fmt: skip
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli("upcoming", "--as-of", "2026-11-23").stdout
    lines = shown.splitlines()
    assert _widest(shown) <= 80
    assert any("OVERDUE" in line for line in lines)
    assert any(re.search(r"(OVERDUE|^ +) 2030 days ", line) for line in lines), shown
    assert "us-frap-4a1a" not in shown and "Notice of" in shown


@pytest.mark.parametrize("columns", [60, 70])
def test_upcoming_at_narrow_widths_keeps_each_due_date_on_a_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """At 60 columns beside a case slug of 20 characters, '31 Dec 2026' folded to '31 Dec'
    above '2026' while the title kept two words a line: the date keeps its line while the
    other columns keep their words whole, and the count of days stays with its unit."""
    cli("case", "add", "acme-widget-holdings", "--title", "Acme")
    cli("add", "acme-widget-holdings", "2021-04-01", "Judgment", "--kind", "judgment")
    cli("deadline", "add", "acme-widget-holdings", "--rule", "us-frap-4a1a", "--from", "1")
    cli("add", "acme-widget-holdings", "2026-12-01", "Judgment entered", "--kind", "judgment")
    cli("deadline", "add", "acme-widget-holdings", "--rule", "us-frap-4a1a", "--from", "3")
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = cli("upcoming", "--as-of", "2026-11-23", "--days", "60").stdout
    assert _widest(shown) <= columns
    rows = [line for line in shown.splitlines()[2:] if line[:1].isdigit()]
    assert [re.split(" {2,}", row)[1] for row in rows] == ["3 May 2021", "31 Dec 2026"], shown
    assert re.search(r"^ +2030 days ", shown, re.MULTILINE), shown
    assert "…" not in shown and "appeal" in shown
    monkeypatch.setenv("COLUMNS", "40")  # no room for the date whole: it folds, words stay
    narrow = cli("upcoming", "--as-of", "2026-11-23", "--days", "60").stdout
    assert "2026" in narrow and "Notice" in narrow


def test_undo_folds_a_long_working_to_the_terminal(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undoing a recount says the working before and after, each over lines of at most 80
    columns, the new one on a line of its own; to a pipe (no width) a line stays whole."""
    cli("case", "add", "orion-2021", "--title", "Orion")
    cli("add", "orion-2021", "2021-05-20", "Judgment entered", "--kind", "judgment")
    cli("deadline", "add", "orion-2021", "--rule", "us-frap-4a1a", "--from", "1")
    cli("edit", "1", "--date", "2021-05-21")
    monkeypatch.setenv("COLUMNS", "80")
    undone = cli("undo", "--dry-run").stderr
    assert _widest(undone) <= 80
    assert "  deadline 2, working: '30 days from Fri 21 May 2021" in undone
    assert "\n      → '30 days from Thu 20 May 2021" in undone
    monkeypatch.delenv("COLUMNS")
    whole = cli("undo").stderr
    assert len(max(whole.splitlines(), key=len)) > 200


@pytest.mark.parametrize("columns", [80, 60, 50])
def test_a_date_is_never_split_over_lines(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """A long case slug gives way (cut with "…") and the title wraps before a due date, a
    timeline's or a search's date is split; a range folds between its days, never in one."""
    slug = "a-very-long-case-slug-for-testing-2021"
    cli("case", "add", slug, "--title", "Long")
    cli("case", "add", "nec-2003", "--title", "NEC")
    cli("add", slug, "2026-12-07", "Judgment entered in the matter of the long slug",
        "--kind", "judgment")  # fmt: skip
    cli("add", "nec-2003", "2026-12-07", "Another judgment", "--kind", "judgment")
    cli("add", slug, "first week of March 2021", "A week-long hearing of some kind")
    cli("deadline", "add", slug, "--rule", "us-frap-4a1a", "--from", "1")
    cli("deadline", "add", "nec-2003", "--rule", "fr-cpp-498", "--from", "2")
    monkeypatch.setenv("COLUMNS", str(columns))
    days = {
        ("upcoming", "--as-of", "2026-12-07"): ["17 Dec 2026", "6 Jan 2027"],
        ("timeline",): ["7 Mar 2021", "7 Dec 2026", "17 Dec 2026", "6 Jan 2027"],
        ("search", "judgment"): ["7 Dec 2026"],
        ("search", "hearing"): ["7 Mar 2021"],
    }
    for args, said in days.items():
        shown = cli(*args).stdout
        assert _widest(shown) <= columns, shown
        for day in said:
            assert day in shown, f"{day!r} split in:\n{shown}"
    assert cli.query("SELECT count(*) FROM deadlines") == [(2,)]


@pytest.mark.parametrize("columns", [80, 60])
def test_case_list_never_splits_a_first_or_last_date(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """`case list` keeps its first and last dates whole, as every listing does: the long slug
    is cut and the title wraps first."""
    slug = "a-very-long-case-slug-for-testing-2021"
    cli("case", "add", slug, "--title", "The People of the State against a long-named company")
    cli("add", slug, "first week of March 2021", "A week-long hearing of some kind")
    cli("add", slug, "2026-12-07", "Judgment entered", "--kind", "judgment")
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = cli("case", "list").stdout
    assert _widest(shown) <= columns, shown
    assert "7 Mar 2021" in shown and "7 Dec 2026" in shown, shown
    assert cli.query("SELECT count(*) FROM milestones") == [(2,)]


@pytest.mark.parametrize("columns", [80, 60])
def test_the_trash_keeps_the_day_and_the_time_of_its_deleted_at_whole(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """A time folds only between its day and its time of day ('2026-12-07' above
    '22:03:09 UTC'), as a date of two ends folds at its break, never inside either."""
    cli("case", "add", "acme-2019", "--title", "Acme")
    for title in ("Notice of appeal (civil) due", "Hearing on the motion to dismiss the complaint"):
        cli("add", "acme-2019", "2024-02-01", title)
    cli("rm", "1", "2")
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = cli("trash").stdout
    assert _widest(shown) <= columns
    days = re.findall(r"\d{4}-\d{2}-\d{2}(?: |$)", shown, re.MULTILINE)
    times = re.findall(r"\d{2}:\d{2}:\d{2} UTC", shown)
    if columns == 80:  # at 60 the fixed columns leave no room for a whole time: it wraps
        assert len(days) == len(times) == 2 and "1 Feb 2024" in shown
    assert cli.query("SELECT count(*) FROM milestones WHERE deleted_at IS NOT NULL") == [(2,)]


def test_undo_folds_a_rule_edit_and_a_working_keeping_dates_whole(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns undo's text is folded at spaces but never inside a date ('Mon 15 Jul
    2024'), and a short field's new value stays beside its old one ('none' → 'US')."""
    cli("case", "add", "hale", "--title", "US v. Hale")
    cli("add", "hale", "2024-06-14", "Judgment entered", "--kind", "judgment")
    cli("deadline", "add", "hale", "--rule", "us-frap-4a1a", "--from", "1")
    cli("edit", "1", "--date", "2024-06-20")
    cli("rule", "add", "my-rule", "--days", "10", "--citation", "L.R. 7")
    cli("rule", "edit", "my-rule", "--court-days", "5", "--before", "--runs-from", "service",
        "--trigger", "ruling", "--method", "echr", "--holidays", "none")  # fmt: skip
    monkeypatch.setenv("COLUMNS", "80")
    rule = cli("undo").stderr
    cli("undo")  # the rule's adding
    for undone in (rule, cli("undo").stderr):
        assert _widest(undone) <= 80
        for line in undone.splitlines():
            assert not re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|\d{1,2}|\d{1,2} \w{3})$", line)
            assert not re.match(r"\s*(\w{3} \d{4}|\d{4}\b)", line)
    assert "'none' → 'US'" in rule and "'echr' → 'us-frcp-6a'" in rule
    assert cli.query("SELECT date FROM milestones WHERE id = 1") == [("2024-06-14",)]
