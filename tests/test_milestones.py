"""Adding, showing, editing and removing milestones, checked against the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli


@pytest.fixture
def case(cli: Cli) -> Cli:
    cli("case", "add", "acme", "--title", "State v. Acme")
    return cli


def test_add_records_everything_in_one_line(case: Cli) -> None:
    result = case(
        "add", "acme", "2003-06-17", "Police raid on the head office", "--kind", "raid",
        "--party", "Acme Ltd:subject", "--party", "Judicial Police:raiding authority",
        "--source", "https://example.org/raid", "--quote", "officers searched the building",
        "--page", "3", "--location", "Lyon", "--note", "dawn raid", "--tag", "Fraud",
        "--status", "disputed", "--key",
    )  # fmt: skip
    milestone_id = int(result.stdout.strip())
    assert "new party: Acme Ltd" in result.stderr
    assert "new source: https://example.org/raid" in result.stderr
    row = case.query(
        "SELECT date, date_start, date_end, precision, kind, title, location, note, status, key"
        " FROM milestones WHERE id = ?",
        (milestone_id,),
    )
    expected = ("2003-06-17", "2003-06-17", "2003-06-17", "day", "raid",
                "Police raid on the head office", "Lyon", "dawn raid", "disputed", 1)  # fmt: skip
    assert row == [expected]
    links = case.query(
        "SELECT p.name, mp.role FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id"
        " ORDER BY p.name"
    )
    assert links == [("Acme Ltd", "subject"), ("Judicial Police", "raiding authority")]
    assert case.query("SELECT quote, page FROM milestone_sources") == [
        ("officers searched the building", "3")
    ]
    assert case.query("SELECT tag FROM milestone_tags") == [("fraud",)]


@pytest.mark.parametrize(
    ("date", "start", "end", "precision"),
    [
        ("2003", "2003-01-01", "2003-12-31", "year"),
        ("2003-06", "2003-06-01", "2003-06-30", "month"),
        ("2004-02", "2004-02-01", "2004-02-29", "month"),
        ("2003-06-17", "2003-06-17", "2003-06-17", "day"),
    ],
)
def test_partial_dates_keep_their_precision(
    case: Cli, date: str, start: str, end: str, precision: str
) -> None:
    case("add", "acme", date, "Something happened")
    assert case.query("SELECT date, date_start, date_end, precision FROM milestones") == [
        (date, start, end, precision)
    ]


@pytest.mark.parametrize(
    ("date", "told"),
    [
        ("2003-13-01", "there is no month 13: write 2003-01-13 if you mean 13 Jan 2003"),
        ("June", "2003-06-17"),  # the accepted forms are shown
        ("", "2003-06-17"),
        ("next week", "2003-06-17"),
    ],
)
def test_invalid_dates_are_refused_with_accepted_forms(case: Cli, date: str, told: str) -> None:
    result = case("add", "acme", date, "x", code=1)
    assert told in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert case.query("SELECT count(*) FROM milestones") == [(0,)]


@pytest.mark.parametrize("date", ["2003-02-30", "", " "])
def test_add_and_edit_refuse_a_date_alike(case: Cli, date: str) -> None:
    """One check of a milestone's date (drafts.checked_date) for both."""
    milestone_id = case("add", "acme", "2003", "Arrest").stdout.strip()
    refused = case("add", "acme", date, "x", code=1).stderr
    assert case("edit", milestone_id, "--date", date, code=1).stderr == refused
    assert case.query("SELECT date FROM milestones") == [("2003",)]


def test_unknown_kind_and_bad_party_are_refused_with_suggestions(case: Cli) -> None:
    assert (
        "did you mean 'raid'" in case("add", "acme", "2003", "x", "--kind", "riad", code=1).stderr
    )
    result = case("add", "acme", "2003", "x", "--party", ":witness", code=1)
    assert "malformed --party" in result.stderr
    result = case("add", "acme", "2003", "x", "--party", "Acme:defendent", code=1)
    assert "did you mean 'defendant'" in result.stderr
    result = case("add", "acme", "2003", "x", "--quote", "words", code=1)
    assert "--source" in result.stderr
    assert case.query("SELECT count(*) FROM milestones") == [(0,)]
    assert case.query("SELECT count(*) FROM parties") == [(0,)]


def test_a_role_that_differs_by_a_whole_word_is_another_role_not_a_typo(case: Cli) -> None:
    """Roles are free text: only misspellings of a known role are refused, with a way to keep
    one as typed (--new-party, as for a name close to a known party's)."""
    roles = ["investigating magistrate", "investigating authority", "investigating officer",
             "raiding police"]  # fmt: skip
    for role in roles:
        case("add", "acme", "2003", role, "--party", f"Paris police:{role}")
    result = case("add", "acme", "2003", "x", "--party", "Acme:investigatin judge", code=1)
    assert result.stderr == (
        "casetrack: unknown role 'investigatin judge' in --party 'Acme:investigatin judge':"
        " did you mean 'investigating judge'? To keep it as typed: --new-party"
        ' "Acme:investigatin judge"\n'
    )
    assert (
        "did you mean 'counter defendant'"
        in case("add", "acme", "2003", "x", "--party", "Acme:counter defendent", code=1).stderr
    )
    case("add", "acme", "2003", "kept", "--new-party", "Acme:investigatin judge")
    assert case.query("SELECT DISTINCT role FROM milestone_parties ORDER BY rowid") == [
        (role,) for role in [*roles, "investigatin judge"]
    ]
    assert case("check").exit_code == 0
    exported = case("export", "-f", "json").stdout
    other = Cli(case.db_path.with_name("other.db"))
    other("import", "-", input=exported)
    assert other.query("SELECT count(*) FROM milestone_parties") == [(5,)]


def test_french_roles_are_roles_and_their_misspellings_are_caught(case: Cli) -> None:
    """A French user types the roles of French procedure; "juge d'instruction" was refused as a
    misspelling of "judge" and "juge" suggested "judge"."""
    for role in [
        "juge d'instruction",
        "juge",
        "partie civile",
        "prévenu",
        "avocat de la partie civile",
    ]:
        case("add", "acme", "2003", role, "--party", f"Marie Roux:{role}")
    result = case("add", "acme", "2003", "x", "--party", "Marie Roux:juge d'instrution", code=1)
    assert 'did you mean "juge d\'instruction"' in result.stderr
    assert "did you mean 'prévenu'" in case("add", "acme", "2003", "x", "--party",
                                            "Marie Roux:prévnu", code=1).stderr  # fmt: skip
    case("add", "acme", "2003", "x", "--party", "Marie Roux:prevenu")  # no accents: the role
    assert case.query("SELECT role FROM milestone_parties ORDER BY rowid") == [
        ("juge d'instruction",), ("juge",), ("partie civile",), ("prévenu",),
        ("avocat de la partie civile",), ("prévenu",),
    ]  # fmt: skip


def test_party_names_and_aliases_link_to_one_party(case: Cli) -> None:
    case("party", "add", "People's Mojahedin Organization of Iran", "--alias", "PMOI",
         "--alias", "MEK", "--kind", "organization")  # fmt: skip
    first = case("add", "acme", "2003", "x", "--party", "pmoi:subject")
    second = case("add", "acme", "2004", "y", "--party", "  Mek ")
    assert "new party" not in first.stderr + second.stderr
    assert case.query("SELECT count(*) FROM parties") == [(1,)]
    assert case.query("SELECT count(*) FROM milestone_parties") == [(2,)]


def test_custom_kind_can_be_added_and_used(case: Cli) -> None:
    case("kind", "add", "Extradition")
    case("add", "acme", "2005", "Extradition request", "--kind", "extradition")
    kinds = json.loads(case("kind", "list", "-f", "json").stdout)
    assert {"name": "extradition", "builtin": False, "milestones": 1} in kinds
    assert "already exists" in case("kind", "add", "raid", code=1).stderr


def test_a_kind_is_named_in_any_case_and_accents_and_not_added_twice(case: Cli) -> None:
    """Kinds are matched as every other name is: `--kind "garde a vue"` is the kind `garde à
    vue`, wherever a kind is given, and a second kind that differs only by its accents is
    refused rather than splitting the milestones between two kinds."""
    case("kind", "add", "Garde à vue")
    case("add", "acme", "2021-03-03", "Arrest", "--kind", "garde a vue")
    case("add", "acme", "2021-03-04", "Custody extended", "--kind", "GARDE À VUE")
    assert case.query("SELECT kind FROM milestones ORDER BY id") == [("garde à vue",)] * 2
    case("edit", "1", "--kind", "garde a vue")
    listed = json.loads(case("timeline", "--kind", "garde a vue", "-f", "json").stdout)
    assert [m["id"] for m in listed] == [1, 2]
    refused = case("kind", "add", "garde a vue", code=1)
    assert refused.stderr == (
        "casetrack: kind 'garde a vue' is the kind 'garde à vue' already: give it as you like,"
        " or rename it with 'casetrack kind rename'\n"
    )
    case("rule", "add", "fr-cpp-63", "--hours", "24", "--citation", "CPP art. 63",
         "--trigger", "garde a vue")  # fmt: skip
    rule = json.loads(case("rule", "show", "fr-cpp-63", "-f", "json").stdout)
    assert rule["triggers"] == ["garde à vue"]
    assert case.query("SELECT count(*) FROM kinds WHERE name LIKE 'garde%'") == [(1,)]


def test_the_feminine_french_roles_are_known_roles(case: Cli) -> None:
    """`avocate` is not a misspelling of `avocat`, nor `mise en examen` of `mis en examen`."""
    for role in ("avocate", "mise en examen", "mise en cause", "procureure"):
        added = case("add", "acme", "2021", "x", "--party", f"Sophie Nguyễn:{role}")
        assert "not a known role" not in added.stderr
    assert case.query("SELECT DISTINCT role FROM milestone_parties ORDER BY role") == [
        ("avocate",), ("mise en cause",), ("mise en examen",), ("procureure",)
    ]  # fmt: skip


def test_show_returns_the_documented_json(case: Cli) -> None:
    milestone_id = case(
        "add", "acme", "2003-06", "Accounts frozen", "--party", "Acme Ltd:subject",
        "--source", "Le Monde, 18 June 2003", "--quote", "accounts were frozen", "--tag", "bank",
    ).stdout.strip()  # fmt: skip
    record = json.loads(case("show", milestone_id, "-f", "json").stdout)
    assert record == {
        "id": int(milestone_id), "uid": record["uid"], "case": "acme", "date": "2003-06",
        "start": "2003-06-01", "end": "2003-06-30", "precision": "month",
        "approximate": False, "uncertain": False, "kind": "other", "title": "Accounts frozen",
        "parties": [{"name": "Acme Ltd", "role": "subject"}],
        "sources": [{"id": 1, "url": "Le Monde, 18 June 2003", "title": None,
                     "quote": "accounts were frozen", "page": None, "paragraph": None,
                     "document": None, "sha256": None, "page_index": None,
                     "quote_found": None}],
        "location": None, "note": None, "tags": ["bank"], "status": "undisputed", "key": False,
    }  # fmt: skip
    table = case("show", milestone_id).stdout
    assert "Jun 2003 (2003-06)" in table and "Acme Ltd (subject)" in table


def test_edit_changes_fields_and_links(case: Cli) -> None:
    milestone_id = case(
        "add", "acme", "2003", "Arrest", "--party", "John Roe:detainee", "--tag", "a",
        "--source", "https://example.org/1",
    ).stdout.strip()  # fmt: skip
    case("case", "add", "other", "--title", "Other")
    case(
        "edit", milestone_id, "--date", "2003-06-18", "--title", "Arrest of John Roe",
        "--kind", "arrest", "--party", "Jane Roe:witness", "--remove-party", "john roe",
        "--remove-tag", "a", "--tag", "b", "--remove-source", "https://example.org/1",
        "--source", "https://example.org/2", "--quote", "she saw it", "--key",
        "--case", "other",
    )  # fmt: skip
    record = json.loads(case("show", milestone_id, "-f", "json").stdout)
    assert (record["date"], record["precision"], record["title"], record["kind"]) == (
        "2003-06-18",
        "day",
        "Arrest of John Roe",
        "arrest",
    )
    assert record["parties"] == [{"name": "Jane Roe", "role": "witness"}]
    assert record["tags"] == ["b"]
    assert [(s["url"], s["quote"]) for s in record["sources"]] == [
        ("https://example.org/2", "she saw it")
    ]
    assert record["key"] is True and record["case"] == "other"


def test_failed_edit_changes_nothing(case: Cli) -> None:
    milestone_id = case("add", "acme", "2003", "Arrest", "--party", "John Roe").stdout.strip()
    result = case("edit", milestone_id, "--title", "Changed", "--remove-party", "Nobody", code=1)
    assert "no party named 'Nobody'" in result.stderr
    assert case.query("SELECT title FROM milestones") == [("Arrest",)]
    assert "no milestone with id 999" in case("edit", "999", "--title", "x", code=1).stderr


@pytest.mark.parametrize("option", ["--quote", "--page", "--paragraph"])
def test_a_quote_page_or_paragraph_is_not_given_to_two_sources(case: Cli, option: str) -> None:
    two = ("--source", "https://example.org/1", "--source", "https://example.org/2", option, "12")
    records = case.records()
    message = case("add", "acme", "2003", "Arrest", *two, code=1).stderr
    assert message.startswith(f"casetrack: {option} describes one source, not 2")
    assert f"'casetrack edit ID --source https://example.org/2 {option} ...'" in message
    assert message.count("\n") == 1 and case.records() == records
    milestone_id = case("add", "acme", "2003", "Arrest").stdout.strip()
    records = case.records()
    message = case("edit", milestone_id, *two, code=1).stderr
    assert f"'casetrack edit {milestone_id} --source https://example.org/2 {option} ...'" in message
    assert case.records() == records


def test_add_edit_and_filters_read_a_status_alike(case: Cli) -> None:
    """One check of a milestone's status: add, edit and --status take the same words."""
    milestone_id = case("add", "acme", "2003", "Arrest", "--status", "Disputed").stdout.strip()
    case("edit", milestone_id, "--status", "UNSURE")
    assert case.query("SELECT status FROM milestones") == [("unsure",)]
    assert "Arrest" in case("timeline", "--status", "Unsure").stdout
    refusal = "casetrack: unknown status 'unsre' (did you mean 'unsure'"
    for args in (["add", "acme", "2004", "Trial"], ["edit", milestone_id], ["timeline"]):
        assert case(*args, "--status", "unsre", code=1).stderr.startswith(refusal)
    assert case.query("SELECT status FROM milestones") == [("unsure",)]


def test_edit_without_options_is_refused(demo: Cli) -> None:
    changes = demo.query("SELECT count(*) FROM changes")
    message = demo("edit", "4", code=1).stderr
    assert message == (
        "casetrack: nothing to change: give an option such as --title,"
        " see 'casetrack edit --help'\n"
    )
    assert demo.query("SELECT count(*) FROM changes") == changes


def test_edit_that_changes_nothing_writes_nothing(demo: Cli) -> None:
    title, updated_at = demo.query("SELECT title, updated_at FROM milestones WHERE id = 4")[0]
    party, role = demo.query(
        "SELECT p.name, mp.role FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id"
        " WHERE mp.milestone_id = 4 AND mp.role != '' LIMIT 1"
    )[0]
    with_rows = (
        "SELECT count(*) FROM changes c"
        " WHERE EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)"
    )
    changes = demo.query(with_rows)
    for args in (["--title", str(title)], ["--party", f"{party}:{role}"]):
        result = demo("edit", "4", *args)
        assert result.stderr == "milestone 4 already says that\n"
    assert demo.query(with_rows) == changes
    assert demo.query("SELECT updated_at FROM milestones WHERE id = 4") == [(updated_at,)]
    assert demo("edit", "4", "--title", "Changed").stderr == "updated milestone 4\n"
    assert demo.query(with_rows) != changes


def test_rm_hides_the_milestone_but_keeps_it_recoverable(case: Cli) -> None:
    milestone_id = case("add", "acme", "2003", "Arrest", "--party", "John Roe").stdout.strip()
    case("rm", milestone_id)
    assert "no milestones match" in case("timeline", "acme").stderr
    assert case.query("SELECT deleted_at IS NOT NULL FROM milestones") == [(1,)]
    assert case.query("SELECT count(*) FROM milestone_parties") == [(1,)]
    assert "in the trash" in case("show", milestone_id, code=1).stderr


def test_ambiguous_numeric_date_is_refused_not_guessed(case: Cli) -> None:
    result = case("add", "acme", "03/07/2003", "x", code=1)
    assert "ambiguous" in result.stderr and "2003-07-03 (3 Jul) or 2003-03-07" in result.stderr
    assert case.query("SELECT count(*) FROM milestones") == [(0,)]


def test_english_roles_close_to_french_ones_are_their_own(case: Cli) -> None:
    """'accused' is what English-language courts call a defendant; it was refused as a
    misspelling of the French 'accusé', sending an English-speaking user to the French list."""
    for role in ("accused", "suspect", "petitioner", "intervener"):
        case("add", "acme", "2003", role, "--party", f"Jane Doe:{role}")
    assert case.query("SELECT role FROM milestone_parties ORDER BY rowid") == [
        ("accused",), ("suspect",), ("petitioner",), ("intervener",)
    ]  # fmt: skip
    refused = case("add", "acme", "2003", "x", "--party", "Jane Doe:acused", code=1).stderr
    assert "did you mean 'accused'?" in refused


def test_a_role_in_use_is_known_and_its_misspellings_refused(case: Cli) -> None:
    """A role the store's links use is a known role for the next link: 'deponent', kept once
    with --new-party (it is close to 'respondent'), links as typed after; 'deponant' is then
    refused naming it (it would split the role's links, and `timeline --role deponent` would
    miss it); a role new to the store and close to none is written and told, and one in use
    typed without its accents is that role."""
    refused = case("add", "acme", "2021-08-10", "x", "--party", "Jane Smith:deponent", code=1)
    assert refused.stderr == (
        "casetrack: unknown role 'deponent' in --party 'Jane Smith:deponent': did you mean"
        " 'respondent'? To keep it as typed: --new-party \"Jane Smith:deponent\"\n"
    )
    kept = case("add", "acme", "2021-08-10", "Deposition", "--new-party", "Jane Smith:deponent")
    assert "new role" not in kept.stderr
    case("add", "acme", "2021-08-11", "Second day", "--party", "Jane Smith:Deponent")
    refused = case("add", "acme", "2021-08-12", "y", "--party", "Jane Smith:deponant", code=1)
    assert "did you mean 'deponent'?" in refused.stderr
    refused = case("edit", "1", "--party", "Jane Smith:deponant", code=1)
    assert "did you mean 'deponent'?" in refused.stderr
    told = case("add", "acme", "2021-08-13", "Objection", "--party", "Jane Smith:objector")
    assert told.stderr == (
        "new role: objector (not a known role, nor one in use: check its spelling)\n"
    )
    case("add", "acme", "2021-08-14", "Ruling", "--party", "Jane Smith:objector")
    case("add", "acme", "2021-08-15", "Audience", "--party", "Paul Ndong:témoin assisté")
    case("add", "acme", "2021-08-16", "Audience", "--party", "Paul Ndong:Temoin Assiste")
    assert case.query("SELECT milestone_id, role FROM milestone_parties ORDER BY milestone_id") == [
        (1, "deponent"),
        (2, "deponent"),
        (3, "objector"),
        (4, "objector"),
        (5, "témoin assisté"),
        (6, "témoin assisté"),
    ]
    listed = case("timeline", "acme", "--role", "deponent", "--format", "csv").stdout
    assert [line.split(",")[0] for line in listed.splitlines()[1:]] == ["1", "2"]


def test_a_known_role_typed_without_its_accents_is_that_role(case: Cli) -> None:
    """`intime` is the French role `intimé` typed on a keyboard without accents: it links
    as that role, as a name or a kind would; a real misspelling of a French role is refused
    naming the French roles, among which the suggestion is."""
    case("add", "acme", "2023", "x", "--party", "Karim Benali:intime", "--party", "PNAT:Prevenu")
    assert case.query("SELECT role FROM milestone_parties ORDER BY rowid") == [
        ("intimé",), ("prévenu",)
    ]  # fmt: skip
    refused = case("add", "acme", "2023", "y", "--party", "Karim Benali:intimmé", code=1).stderr
    assert "did you mean 'intimé'?" in refused


def test_adding_a_milestone_again_is_said_with_the_one_it_repeats(case: Cli) -> None:
    """A command run twice from the shell's history adds a second, identical milestone: it is
    added (two facts may share a day and a title) but the one it repeats is named."""
    first = case("add", "acme", "20 Nov 2019", "Held in Evin prison", "--kind", "detention")
    assert first.stderr == "" and first.stdout == "1\n"
    again = case("add", "acme", "2019-11-20", "Held in  evin prison", "--kind", "arrest")
    assert again.stdout == "2\n"
    assert again.stderr == (
        "warning: milestone 1 of acme has the same date and title: if this one repeats it,"
        " 'casetrack undo' takes it back\n"
    )
    assert case.query("SELECT id, kind FROM milestones WHERE deleted_at IS NULL") == [
        (1, "detention"),
        (2, "arrest"),
    ]
    case("rm", "1", "2")
    assert case("add", "acme", "2019-11-20", "Held in Evin prison").stderr == ""
    case("case", "add", "other", "--title", "Another case")
    assert case("add", "other", "2019-11-20", "Held in Evin prison").stderr == ""
    assert case("add", "acme", "c. 2019-11-20", "Held in Evin prison").stderr == ""


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("1399", "if it is a Solar Hijri or Islamic year, type the Gregorian date (1399 SH ≈ 2020,"
         " 1399 AH ≈ 1978)"),
        ("1445-03", "if it is an Islamic (Hijri) year, type the Gregorian date (1445 AH ≈ 2023)"),
        ("c. 1475", "if it is a year of another calendar, type the Gregorian date"),
    ],
)  # fmt: skip
def test_a_year_of_another_calendar_is_warned_of_not_refused(
    demo: Cli, typed: str, said: str
) -> None:
    """1399 typed from a Persian source was taken silently as a year of the Middle Ages."""
    year = typed.removeprefix("c. ")[:4]
    warning = f"warning: {year} is read as the year {year} of the Gregorian calendar; {said}\n"
    added = demo("add", "nec-2003", typed, "Hearing")
    assert added.stderr == warning
    (milestone,) = demo.query("SELECT id, date FROM milestones WHERE title = 'Hearing'")
    assert str(milestone[1]).startswith(year)
    assert demo("edit", str(milestone[0]), "--date", typed).stderr.startswith(warning)
    assert "warning" not in demo("edit", str(milestone[0]), "--title", "Hearing held").stderr
    assert "warning" not in demo("edit", str(milestone[0]), "--date", "2020").stderr
    for modern in ("2003", "1500", "1299-12-31"):
        assert "warning" not in demo("add", "nec-2003", modern, "Other").stderr


def test_an_import_warns_once_of_its_years_of_another_calendar(demo: Cli, tmp_path: Path) -> None:
    """add and edit warned of 1399, import took a sheet of them silently: one line says how
    many, with the first, however many rows have one; rows already stored say nothing."""
    sheet = tmp_path / "dates.csv"
    sheet.write_text(
        "case,date,title\nnec-2003,2003,Raid\nnec-2003,1399,Hearing\nnec-2003,1445-03,Appeal\n"
    )
    said = demo("import", str(sheet)).stderr.splitlines()
    assert said == [
        f"warning: {sheet}: 2 milestones have a year from 1300 to 1499 (e.g. line 3, 1399): 1399"
        " is read as the year 1399 of the Gregorian calendar; if it is a Solar Hijri or Islamic"
        " year, type the Gregorian date (1399 SH ≈ 2020, 1399 AH ≈ 1978)",
        "imported: milestones: 3 added",
    ]
    assert demo.query("SELECT date FROM milestones WHERE id > 8 ORDER BY id") == [
        ("2003",),
        ("1399",),
        ("1445-03",),
    ]
    export = tmp_path / "all.jsonl"
    demo("export", "-f", "jsonl", "-o", str(export))
    assert "warning" not in demo("import", str(export)).stderr
    other = Cli(tmp_path / "other.db")
    assert other("import", str(export)).stderr.startswith(
        f"warning: {export}: 2 milestones have a year from 1300 to 1499 (e.g. line "
    )
