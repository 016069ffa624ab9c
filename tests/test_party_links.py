"""Linking parties by the name typed: no silent second party, names with colons, roles."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.drafts import parse_party_spec, party_spec_text
from casetrack.models import ROLES
from casetrack.parties import TITLES
from casetrack.text import clean_text, name_key, shell_word
from tests.budget import examples
from tests.conftest import Cli


@pytest.fixture
def case(cli: Cli) -> Cli:
    cli("case", "add", "c", "--title", "C")
    cli("party", "add", "Maryam Rajavi", "--kind", "person", "--alias", "M. Rajavi")
    cli("party", "add", "Acme Shipping B.V.", "--kind", "organization")
    return cli


def _parties(cli: Cli, milestone_id: str) -> list[dict[str, object]]:
    shown = json.loads(cli("show", milestone_id, "-f", "json").stdout)
    return list(shown["parties"])


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Rajavi:detainee", "'Maryam Rajavi' (aka 'M. Rajavi') is close"),  # a subset of words
        ("Rajavi Maryam", "'Maryam Rajavi'"),  # the same words in another order
        ("Mrs Maryam Rajavi", "'Maryam Rajavi'"),  # more words around them
        ("Maryam Rajavy", "'Maryam Rajavi'"),  # a typo
        ("ACME Shipping B V:subject", "'Acme Shipping B.V.'"),  # its letters, spaced otherwise
        ("Acme-Shipping BV:subject", "'Acme Shipping B.V.'"),  # two words made one
    ],
)
def test_a_name_close_to_a_known_party_is_refused_and_nothing_written(
    case: Cli, typed: str, suggested: str
) -> None:
    before = case.records()
    result = case("add", "c", "2003", "Raid", "--party", typed, code=1)
    assert result.stderr.count("\n") == 1
    assert f"but {suggested}" in result.stderr
    assert f"or --new-party {shell_word(typed)} if it is another party" in result.stderr
    assert case.records() == before


def test_a_party_close_by_its_alias_is_named_by_its_name(case: Cli, tmp_path: Path) -> None:
    """'Acme Widgts' is close to the alias 'Acme' before the name 'Acme Widgets, Inc.': the
    refusal names the party by its name, the alias as what matched, and the alias line it
    gives for a file names the party so too."""
    case("party", "add", "Acme Widgets, Inc.", "--alias", "Acme")
    before = case.records()
    result = case("add", "c", "2003", "Filed", "--party", "Acme Widgts", code=1)
    assert result.stderr == (
        "casetrack: no party named 'Acme Widgts', but 'Acme Widgets, Inc.' (aka 'Acme') is"
        ' close: write that name to link it, or --new-party "Acme Widgts" if it is another'
        " party\n"
    )
    sheet = tmp_path / "rows.csv"
    sheet.write_text("case,date,title,parties\nc,2004,Hearing,Acm:plaintiff\n", "utf-8")
    result = case("import", str(sheet), code=1)
    assert "but 'Acme Widgets, Inc.' (aka 'Acme') is close" in result.stderr
    assert "'casetrack party alias \"Acme Widgets, Inc.\" Acm'" in result.stderr
    assert case.records() == before
    case("add", "c", "2003", "Filed", "--party", "Acme Widgets, Inc.:plaintiff")
    assert case.query("SELECT party_id, role FROM milestone_parties") == [(3, "plaintiff")]


def test_close_names_are_refused_by_edit_and_by_a_typed_import(case: Cli, tmp_path: Path) -> None:
    milestone_id = case("add", "c", "2003", "Raid").stdout.strip()
    before = case.records()
    result = case("edit", milestone_id, "--title", "Dawn raid", "--party", "rajavi", code=1)
    assert "but 'Maryam Rajavi'" in result.stderr
    sheet = tmp_path / "rows.csv"
    sheet.write_text("case,date,title,parties\nc,2004,Hearing,Rajavi:detainee\n", "utf-8")
    result = case("import", str(sheet), code=1)
    assert "rows.csv:2: no party named 'Rajavi', but 'Maryam Rajavi'" in result.stderr
    assert (
        "'casetrack party alias \"Maryam Rajavi\" Rajavi' if it names that party too, or add it"
        " first with 'casetrack party add Rajavi' if it is another party"
    ) in result.stderr
    assert case.records() == before
    case("party", "alias", "Maryam Rajavi", "Rajavi")  # the line given, run as it is
    case("import", str(sheet))
    assert case.query(
        "SELECT p.name, mp.role FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id"
        " JOIN milestones m ON m.id = mp.milestone_id WHERE m.title = 'Hearing'"
    ) == [("Maryam Rajavi", "detainee")]


def test_case_and_accents_link_the_known_party_and_a_new_name_is_announced(case: Cli) -> None:
    result = case("add", "c", "2003", "Raid", "--party", "MARYAM RAJAVÍ:subject",
                  "--party", "Omar Haddad:witness")  # fmt: skip
    assert result.stderr == "new party: Omar Haddad\n"
    assert _parties(case, result.stdout.strip()) == [
        {"name": "Maryam Rajavi", "role": "subject"},
        {"name": "Omar Haddad", "role": "witness"},
    ]


def test_letters_without_an_accent_to_drop_match_their_plain_letter(case: Cli) -> None:
    """Turkish dotless i, Polish l, Danish o, ... are typed as i, l, o on most keyboards."""
    case("party", "add", "Yarg\u0131tay", "--kind", "court", "--alias", "Court of Cassation")
    case("party", "add", "Łódź Regional Court", "--kind", "court")
    case("party", "add", "Søren Æbelø", "--kind", "person")
    added = case("add", "c", "2021-03-12", "Conviction upheld", "--party", "Yargitay:court",
                 "--party", "LODZ regional court", "--party", "Soren Aebelo:witness")  # fmt: skip
    assert added.stderr == ""  # linked, no near miss refused, no new party
    assert [p["name"] for p in _parties(case, added.stdout.strip())] == [
        "Yarg\u0131tay",
        "Łódź Regional Court",
        "Søren Æbelø",
    ]
    shown = json.loads(case("timeline", "--party", "YARGITAY", "-f", "json").stdout)
    assert [m["title"] for m in shown] == ["Conviction upheld"]
    case("check")


def test_an_older_store_gets_the_folded_keys_and_a_clash_is_left_for_check(case: Cli) -> None:
    case("party", "add", "Yarg\u0131tay", "--kind", "court")
    case("party", "add", "Kad\u0131köy Court", "--kind", "court", "--alias", "Kad\u0131köy")
    case("party", "add", "Sq", "--kind", "person")  # "Sø" once the store is old
    case("party", "add", "So", "--kind", "person")
    case("closure", "add", "Kad\u0131köy Court", "2024-07-15")
    conn = sqlite3.connect(case.db_path)
    with conn:  # the keys as casetrack wrote them before m020
        conn.execute("UPDATE parties SET name_key = replace(name_key, 'i', '\u0131')"
                     " WHERE name IN ('Yarg\u0131tay', 'Kad\u0131köy Court')")  # fmt: skip
        conn.execute("UPDATE parties SET name = 'Sø', name_key = 'sø' WHERE name = 'Sq'")
        conn.execute(
            "UPDATE party_aliases SET alias_key = 'kad\u0131koy' WHERE alias_key = 'kadikoy'"
        )
        conn.execute("UPDATE closures SET court_key = 'kad\u0131koy court'")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm020_names_fold_letters'")
        conn.execute("PRAGMA user_version = 19")
    conn.close()
    history = case.query("SELECT count(*) FROM history")
    assert json.loads(case("party", "show", "yargitay", "-f", "json").stdout)["id"] == 3
    assert json.loads(case("party", "show", "kadikoy", "-f", "json").stdout)["id"] == 4
    assert case.query("SELECT court_key FROM closures") == [("kadikoy court",)]
    assert case.query("SELECT count(*) FROM history") == history  # no change of the user's
    # "Sø" folds to the key "So" holds: it keeps its old one, and check names it.
    assert case.query("SELECT name_key FROM parties WHERE name = 'Sø'") == [("sø",)]
    assert "party 5 ('Sø') has a stale lookup key" in case("check", code=1).stdout


def test_new_party_and_party_add_create_a_close_name_on_purpose(case: Cli) -> None:
    result = case("add", "c", "2003", "Raid", "--new-party", "Rajavi:detainee")
    assert "new party: Rajavi" in result.stderr
    assert _parties(case, result.stdout.strip()) == [{"name": "Rajavi", "role": "detainee"}]
    case("party", "add", "Acme Shipping")
    names = {r[0] for r in case.query("SELECT name FROM parties")}
    assert {"Rajavi", "Acme Shipping", "Acme Shipping B.V."} <= names
    # --new-party for a name that exists links it rather than failing a rerun.
    again = case("add", "c", "2004", "Hearing", "--new-party", "rajavi")
    assert "new party" not in again.stderr
    assert case.query("SELECT count(*) FROM parties WHERE name_key = 'rajavi'") == [(1,)]


def test_a_name_holding_a_colon_ends_with_one(case: Cli) -> None:
    first = case("add", "c", "2003", "Charges", "--party", "Ministère public: Paris:prosecutor")
    assert first.stderr == "new party: Ministère public: Paris\n"
    assert _parties(case, first.stdout.strip()) == [
        {"name": "Ministère public: Paris", "role": "prosecutor"}
    ]
    no_role = case("add", "c", "2004", "Appeal", "--party", "Ministère public: Lyon:")
    assert _parties(case, no_role.stdout.strip()) == [
        {"name": "Ministère public: Lyon", "role": None}
    ]
    # Once known, the name typed whole (colon included) links that party.
    again = case("add", "c", "2005", "Ruling", "--party", "ministère public: paris")
    assert "new party" not in again.stderr
    assert _parties(case, again.stdout.strip()) == [
        {"name": "Ministère public: Paris", "role": None}
    ]
    assert "Ministère public: Paris:" in case("add", "--help").stdout


def test_an_unknown_role_on_a_new_party_says_how_to_write_a_colon_name(case: Cli) -> None:
    result = case("add", "c", "2003", "Charges", "--party", "Parquet: Nanterre")
    assert "new party: Parquet" in result.stderr
    assert "with the role 'nanterre', not a known role" in result.stderr
    assert "write --party 'Parquet: Nanterre:'" in result.stderr


def test_a_role_in_use_on_a_new_party_is_no_name_with_a_colon(case: Cli) -> None:
    """Once the store's links use a role, another new party given it is told as any new
    party is: the role is plainly a role, not the end of a name."""
    case("add", "c", "2019", "Probe", "--party", "Istanbul Police:investigating agency")
    again = case("add", "c", "2020", "Probe", "--party", "Gendarmerie:investigating agency")
    assert again.stderr == "new party: Gendarmerie\n"
    assert _parties(case, again.stdout.strip()) == [
        {"name": "Gendarmerie", "role": "investigating agency"}
    ]


def test_edit_changes_the_role_of_a_linked_party(case: Cli) -> None:
    milestone_id = case("add", "c", "2003", "Raid", "--party", "Maryam Rajavi:subject",
                        "--party", "Acme Shipping B.V.:witness").stdout.strip()  # fmt: skip
    case("edit", milestone_id, "--party", "m. rajavi:detainee")
    assert _parties(case, milestone_id) == [
        {"name": "Maryam Rajavi", "role": "detainee"},
        {"name": "Acme Shipping B.V.", "role": "witness"},
    ]
    case("edit", milestone_id, "--party", "Maryam Rajavi")  # no role: keeps the one it has
    assert _parties(case, milestone_id)[0] == {"name": "Maryam Rajavi", "role": "detainee"}
    assert case.query("SELECT count(*) FROM milestone_parties") == [(2,)]


def test_remove_party_with_or_without_a_role(case: Cli) -> None:
    milestone_id = case("add", "c", "2003", "Raid", "--party", "Maryam Rajavi:subject",
                        "--party", "Acme Shipping B.V.:witness").stdout.strip()  # fmt: skip
    result = case("edit", milestone_id, "--remove-party", "Acme Shipping B.V.:subject", code=1)
    assert "is linked to milestone 1 as witness, not as 'subject'" in result.stderr
    case("edit", milestone_id, "--remove-party", "Acme Shipping B.V.:witness")
    case("edit", milestone_id, "--remove-party", "M. Rajavi")
    assert _parties(case, milestone_id) == []


def test_csv_keeps_a_name_holding_a_colon(case: Cli, tmp_path: Path) -> None:
    case("add", "c", "2003", "Charges", "--party", "Ministère public: Paris:")
    sheet = tmp_path / "c.csv"
    case("export", "c", "--format", "csv", "-o", str(sheet))
    other = Cli(tmp_path / "other.db")
    other("import", str(sheet))
    assert other.query("SELECT name FROM parties") == [("Ministère public: Paris",)]


_names = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=12).map(
    clean_text
)


@settings(max_examples=200)
@given(_names.filter(lambda n: name_key(n) != ""), st.sampled_from((None, *ROLES)))
def test_party_spec_text_reads_back_as_the_name_and_role(name: str, role: str | None) -> None:
    spec = parse_party_spec(party_spec_text(name, role))
    assert (spec.name, spec.role) == (name, role)


def test_a_one_word_party_inside_a_longer_name_is_not_a_near_miss(case: Cli) -> None:
    """A short name of one common word or acronym ('USA') would make a near miss of every
    name that holds it; a name begins or ends with what a typo or a fork drops."""
    case("party", "add", "USA", "--kind", "organization")
    result = case("add", "c", "2003", "Complaint", "--party", "HETERO USA, INC.:plaintiff")
    assert result.stderr == "new party: HETERO USA, INC.\n"
    refused = case("add", "c", "2004", "Answer", "--party", "Hetero:defendant", code=1)
    assert "but 'HETERO USA, INC.' is close" in refused.stderr  # its distinctive first word
    refused = case("add", "c", "2004", "Answer", "--party", "Shipping B.V.", code=1)
    assert "but 'Acme Shipping B.V.' is close" in refused.stderr  # the words it ends with
    case("party", "add", "John Fitzgerald Smith")
    refused = case("add", "c", "2004", "Answer", "--party", "John Smith", code=1)
    assert "but 'John Fitzgerald Smith' is close" in refused.stderr  # its first and last


@settings(max_examples=examples(100), deadline=None)
@given(
    st.lists(st.text("abcdefghijklmnop", min_size=3, max_size=8).filter(
        lambda word: word not in TITLES), min_size=3, max_size=5, unique=True),
    st.data(),
)  # fmt: skip
def test_a_name_is_a_near_miss_only_by_the_words_another_begins_or_ends_with(
    tmp_path_factory: pytest.TempPathFactory, words: list[str], data: st.DataObject
) -> None:
    from casetrack.parties import close_names, create_party
    from casetrack.store import Store

    one = data.draw(st.integers(0, len(words) - 1))
    known, typed = " ".join(words).title(), words[one].upper()
    # A middle word one typo from a word the name begins or ends with is that word mistyped.
    near = one in (0, len(words) - 1) or (
        len(words[one]) >= 5 and any(_typos(words[one], words[end]) == 1 for end in (0, -1))
    )
    if data.draw(st.booleans()):  # the name without some of its middle words
        cut = data.draw(st.integers(1, len(words) - 2))
        typed, near = " ".join(words[:cut] + words[-1:]), True
    if data.draw(st.booleans()):  # either may be the one known first
        known, typed = typed, known
    store = Store.open(tmp_path_factory.getbasetemp() / "never-written.db", create=True)
    try:
        with store.write(record=False) as conn:  # kept in memory: never saved
            create_party(conn, known)
        assert bool(close_names(store.conn, typed)) == near
    finally:
        store.close()


@pytest.mark.parametrize(
    ("known", "typed"),
    [
        ("John Smith", "J. Smith"),
        ("J. Smith", "John Smith"),  # either may be the one known first
        ("John Fitzgerald Smith", "J Smith"),  # the initial, then the words it ends with
        ("John Fitzgerald Smith", "J. F. Smith"),
    ],
)
def test_an_initial_for_the_first_name_is_a_near_miss(
    case: Cli, tmp_path: Path, known: str, typed: str
) -> None:
    case("party", "add", known, "--kind", "person")
    before = case.records()
    refused = case("add", "c", "2004", "Hearing", "--party", f"{typed}:defendant", code=1)
    assert refused.stderr == (
        f"casetrack: no party named {typed!r}, but {known!r} is close: write that name to link"
        f' it, or --new-party "{typed}:defendant" if it is another party\n'
    )
    sheet = tmp_path / "rows.csv"
    sheet.write_text(f"case,date,title,parties\nc,2004,Hearing,{typed}:defendant\n", "utf-8")
    refused = case("import", str(sheet), code=1)
    assert f"rows.csv:2: no party named {typed!r}, but {known!r} is close" in refused.stderr
    assert case.records() == before
    case("add", "c", "2004", "Hearing", "--new-party", f"{typed}:defendant")
    assert case.query("SELECT name FROM parties WHERE kind = 'other'") == [(typed,)]


@pytest.mark.parametrize("typed", ["K. Smith", "J. Smithson", "J. Jones"])
def test_an_initial_of_another_first_name_or_surname_is_another_party(
    case: Cli, typed: str
) -> None:
    case("party", "add", "John Smith", "--kind", "person")
    result = case("add", "c", "2004", "Hearing", "--party", typed)
    assert result.stderr == f"new party: {typed}\n"
    assert case.query("SELECT count(*) FROM parties WHERE name = ?", [typed]) == [(1,)]


def test_a_partys_close_aliases_are_said_as_its_names_not_as_other_parties(cli: Cli) -> None:
    cli("case", "add", "harlan", "--title", "People v. Harlan")
    cli("party", "add", "Thomas Harlan", "--alias", "Tom Harlan", "--alias", "Councilman Harlan")
    refused = cli("add", "harlan", "2021", "Indictment", "--party", "Harlan:defendant", code=1)
    said = refused.stderr.split(", but ")[1].split(" to link it")[0]
    assert said.endswith("is close: write that name")
    (name, aka) = said.removesuffix(" is close: write that name").split(" (aka ")
    assert {name, *aka.rstrip(")").split(", ")} == {
        "'Thomas Harlan'", "'Tom Harlan'", "'Councilman Harlan'"}  # fmt: skip
    cli("party", "add", "Harlan Industries", "--kind", "organization")
    refused = cli("add", "harlan", "2021", "Indictment", "--party", "Harlan", code=1).stderr
    assert "'Harlan Industries'" in refused and " are close: write one" in refused
    assert refused.count(" or ") == 2  # two parties, then --new-party


@pytest.mark.parametrize(
    ("known", "typed"),
    [
        ("Hon. Lorna G. Schofield", "Judge Lorna G. Schofield"),  # another title before the name
        ("Judge Lorna G. Schofield", "Hon. Lorna G. Schofield"),
        ("Acme Widgets Corporation", "Acme Widgets Corp"),  # the legal form short
        ("Acme Widgets Corp.", "Acme Widgets Corporation"),  # or in full
        ("Bolt Logistics Incorporated", "Bolt Logistics, Inc."),
    ],
)
def test_a_title_or_a_legal_form_written_otherwise_is_a_near_miss(
    case: Cli, known: str, typed: str
) -> None:
    """A judge is 'Hon.' on the docket and 'Judge' in the order, a company 'Corp' in one
    pleading and 'Corporation' in the next: each was a second party, silently."""
    case("party", "add", known)
    before = case.records()
    refused = case("add", "c", "2027-01-05", "Complaint", "--party", f"{typed}:defendant", code=1)
    assert f"but {known!r} is close: write that name to link it" in refused.stderr
    assert case.records() == before


def test_a_name_that_is_only_titles_or_differs_by_more_than_its_title_is_another_party(
    case: Cli,
) -> None:
    case("party", "add", "Hon. Lorna G. Schofield")
    for typed in ("Judge Lorna G. Smith", "The Judge", "Acme Widgets Company Holdings"):
        added = case("add", "c", "2027", f"Order naming {typed}", "--party", typed)
        assert added.stderr == f"new party: {typed}\n"


def _typos(word: str, other: str) -> int:
    """Letters dropped, added, changed or swapped to make one word the other (optimal
    string alignment distance), written out plainly as a check of the store's own rule."""
    rows = [list(range(len(other) + 1))]
    for i, letter in enumerate(word, 1):
        row = [i]
        for j, theirs in enumerate(other, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (letter != theirs))
            if i > 1 and j > 1 and letter == other[j - 2] and word[i - 2] == theirs:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


@pytest.mark.parametrize(
    ("known", "typed"),
    [
        ("Moses Ssenyonjo", "Senyonjo"),  # a letter dropped from its first three
        ("Moses Ssenyonjo", "Ssenyonjo"),  # the surname alone
        ("Moses Ssenyonjo", "Ssenyonjoo"),  # a letter added at its end
        ("Moses Ssenyonjo", "Moses Senyonjo"),
        ("Moses Ssenyonjo", "Senyonjo Moses"),  # the words in another order, one mistyped
        ("Maryam Rajavi", "Rajavy"),  # a letter changed at its end
        ("Maryam Rajavi", "Arjavi"),  # two letters swapped at its start
        ("Maryam Rajavi", "Maryan"),  # the first name mistyped
        ("José Ángel Quiñónez", "Quinones"),
    ],
)
def test_a_typo_in_a_word_a_known_name_begins_or_ends_with_is_refused_and_nothing_written(
    cli: Cli, tmp_path: Path, known: str, typed: str
) -> None:
    """A surname typed with a letter less ('Senyonjo' for 'Moses Ssenyonjo') was a new party,
    silently: its first three letters found no known name to compare it with."""
    cli("case", "add", "c", "--title", "C")
    cli("party", "add", known)
    before = cli.records()
    refused = cli("add", "c", "2019", "Arrest", "--party", typed, code=1)
    assert refused.stderr == (
        f"casetrack: no party named {typed!r}, but {known!r} is close: write that name to link"
        f" it, or --new-party {shell_word(typed)} if it is another party\n"
    )
    sheet = tmp_path / "rows.csv"
    sheet.write_text(f"case,date,title,parties\nc,2019,Arrest,{typed}\n", "utf-8")
    refused = cli("import", str(sheet), code=1)
    assert f"rows.csv:2: no party named {typed!r}, but {known!r} is close" in refused.stderr
    assert cli.records() == before
    # A read command suggests the party the add refused the name as close to.
    shown = cli("timeline", "--party", typed, code=1)
    assert shown.stderr == f"casetrack: no party named {typed!r} (did you mean {known!r}?)\n"
    cli("add", "c", "2019", "Arrest", "--new-party", typed)
    assert cli.query("SELECT count(*) FROM parties") == [(2,)]


@pytest.mark.parametrize(
    ("known", "typed"),
    [
        ("Jo Lee", "Leo"),  # short words are too often other words
        ("Jo Lee", "Jo Leo"),
        ("Acme Shipping B.V.", "Acne"),  # four letters
        ("Party 1", "Party 2"),  # numbered parties
        ("Smith Holdings 12345", "Smith Holdings 12346"),
        ("Maryam Rajavi", "Marcel Rajavi"),  # two letters changed and one added
        ("Anna Karenina Dostoevsky", "Karenin"),  # a typo of a word in the middle
        ("Moses Ssenyonjo", "Ssenyo"),  # three letters less
    ],
)
def test_a_short_word_a_number_or_a_word_more_than_a_typo_away_is_another_party(
    cli: Cli, known: str, typed: str
) -> None:
    cli("case", "add", "c", "--title", "C")
    cli("party", "add", known)
    added = cli("add", "c", "2019", "Arrest", "--party", typed)
    assert added.stderr == f"new party: {typed}\n"
    assert cli.query("SELECT count(*) FROM parties WHERE name = ?", (typed,)) == [(1,)]


_EDITS = st.sampled_from(("drop", "add", "change", "swap"))


@settings(max_examples=examples(100), deadline=None)
@given(
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=5, max_size=10),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=5, max_size=10),
    _EDITS,
    st.data(),
)
def test_a_surname_with_one_typo_anywhere_is_close_to_the_name_it_ends(
    tmp_path_factory: pytest.TempPathFactory, first: str, last: str, edit: str, data: st.DataObject
) -> None:
    """Whatever letter of a surname is mistyped, its first three too, the name it ends is
    found close, among other parties, and a read command suggests it."""
    from casetrack.errors import NotFoundError
    from casetrack.parties import close_names, create_party, require_party_id
    from casetrack.store import Store

    at = data.draw(st.integers(0, len(last) - (2 if edit == "swap" else 1)))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    typed = {
        "drop": last[:at] + last[at + 1 :],
        "add": last[:at] + letter + last[at:],
        "change": last[:at] + letter + last[at + 1 :],
        "swap": last[:at] + last[at + 1 : at + 2] + last[at] + last[at + 2 :],
    }[edit]
    known = f"{first} {last}".title()
    if typed == last or len(typed) < 5 or first in (typed, last):
        return
    store = Store.open(tmp_path_factory.getbasetemp() / "never-written.db", create=True)
    try:
        with store.write(record=False) as conn:  # kept in memory: never saved
            for other in ("Ann Lee", "Lee Holdings", f"{last[:3]}ton Rivers", "Jo Smith"):
                if name_key(other) != name_key(known):
                    create_party(conn, other)
            create_party(conn, known)
            near = close_names(conn, typed)
            assert known in [names[0] for names in near]
            with pytest.raises(NotFoundError, match="did you mean") as refused:
                require_party_id(conn, typed, addable=False)
            assert repr(known) in str(refused.value)
    finally:
        store.close()


@settings(max_examples=examples(100), deadline=None)
@given(
    st.lists(st.text("abcdeilmnorst", min_size=2, max_size=7), min_size=1, max_size=3).map(
        " ".join
    ),
    st.lists(st.text("abcdeilmnorst", min_size=2, max_size=7), min_size=1, max_size=3).map(
        " ".join
    ),
)
def test_a_read_command_suggests_every_party_an_add_would_refuse_the_name_as_close_to(
    tmp_path_factory: pytest.TempPathFactory, known: str, typed: str
) -> None:
    from casetrack.errors import NotFoundError
    from casetrack.parties import close_names, create_party, require_party_id
    from casetrack.store import Store

    if name_key(known) == name_key(typed):
        return
    store = Store.open(tmp_path_factory.getbasetemp() / "never-written.db", create=True)
    try:
        with store.write(record=False) as conn:  # kept in memory: never saved
            create_party(conn, known)
            near = close_names(conn, typed)
            with pytest.raises(NotFoundError) as refused:
                require_party_id(conn, typed, addable=False)
            for names in near:
                assert f"did you mean {names[0]!r}" in str(refused.value)
    finally:
        store.close()


def test_a_party_first_named_with_a_role_gets_the_kind_the_role_implies(case: Cli) -> None:
    """A judge, a prosecutor, defence counsel or a witness is a person, a court or tribunal
    a court; a role that says nothing of it (defendant) leaves 'other'; a party already
    known keeps its kind whatever role it is given."""
    case("add", "c", "2020-01-10", "Hearing",
         "--party", "Jane Roe:judge", "--party", "John Doe:prosecutor",
         "--party", "Ann Lee:defence counsel", "--party", "Bob Witt:witness",
         "--party", "Paris Court of Appeal:court", "--party", "Tribunal de Paris:tribunal",
         "--party", "Acme Shipping B.V.:judge", "--party", "Nova Ltd:defendant",
         "--party", "Marie Curie:juge d'instruction")  # fmt: skip
    case("edit", "1", "--party", "Jane Roe:court")  # known: a role never changes a kind
    kinds = dict(case.query("SELECT name, kind FROM parties"))
    assert kinds == {
        "Maryam Rajavi": "person",
        "Acme Shipping B.V.": "organization",
        "Jane Roe": "person",
        "John Doe": "person",
        "Ann Lee": "person",
        "Bob Witt": "person",
        "Paris Court of Appeal": "court",
        "Tribunal de Paris": "court",
        "Nova Ltd": "organization",  # a company's legal form says it, whatever the role
        "Marie Curie": "person",
    }


def test_a_new_party_named_with_a_companys_legal_form_is_an_organization(
    case: Cli, tmp_path: Path
) -> None:
    """'Acme Widgets, Inc.' (Ltd, LLC, S.A., GmbH, SARL, plc, Corp.) is an organization, added
    by `party add`, linked by a new name (a firm of lawyers as counsel too) or imported; a
    short form that is also a surname ('Sa', 'Co') only with its dots or in capitals; a kind
    the user gives wins."""
    named = ["Acme Widgets, Inc.", "Nova Ltd", "Zeta LLC", "Total S.A.", "Bosch GmbH",
             "Icauna SARL", "Barclays plc", "Big Corp.", "Anne Sa", "Benjamin Co"]  # fmt: skip
    for name in named:
        case("party", "add", name)
    case("party", "add", "Omega Inc", "--kind", "person")
    firm, company = "Smith & Jones LLP:counsel", "Kappa Holdings Ltd.:defendant"
    case("add", "c", "2020-01-10", "Appearance", "--party", firm, "--party", company)
    sheet = tmp_path / "more.csv"
    sheet.write_text("case,date,title,parties\nc,2020-01-11,Reply,Fiat S.p.A.:respondent\n")
    case("import", str(sheet))
    kinds = dict(case.query("SELECT name, kind FROM parties WHERE id > 2"))
    companies = {name: "organization" for name in named[:-2]}
    assert kinds == {
        **companies, "Anne Sa": "other", "Benjamin Co": "other", "Omega Inc": "person",
        "Smith & Jones LLP": "organization", "Kappa Holdings Ltd.": "organization",
        "Fiat S.p.A.": "organization",
    }  # fmt: skip


def test_a_new_party_named_as_a_public_body_is_an_agency_whatever_its_role(case: Cli) -> None:
    """A prosecutor's office is no prosecutor: a name with a word that names a public body
    (Office, Department, Ministry, Police, Commission, Authority, Ministère, Parquet,
    Gendarmerie) is an agency; a person given such a role stays a person, and a kind the
    user gives wins."""
    case("add", "c", "2021-06-15", "Indictment",
         "--party", "US Attorney's Office N.D. Cal.:prosecutor",
         "--party", "Department of Justice:prosecutor", "--party", "Jane Hall:prosecutor",
         "--party", "Ministère de l'Intérieur:respondent", "--party", "Gendarmerie:witness",
         "--party", "Financial Conduct Authority:complainant",
         "--party", "Law Office of Jane Roe:counsel",
         "--party", "New Direction Films:plaintiff")  # fmt: skip
    case("party", "add", "Parquet national financier")
    case("party", "add", "Police Federation", "--kind", "organization")
    kinds = dict(case.query("SELECT name, kind FROM parties WHERE id > 2"))
    assert kinds == {
        "US Attorney's Office N.D. Cal.": "agency", "Department of Justice": "agency",
        "Jane Hall": "person", "Ministère de l'Intérieur": "agency", "Gendarmerie": "agency",
        "Financial Conduct Authority": "agency", "Parquet national financier": "agency",
        "Police Federation": "organization", "Law Office of Jane Roe": "organization",
        "New Direction Films": "other",
    }  # fmt: skip


def test_the_roles_of_a_us_civil_motion_are_known(cli: Cli) -> None:
    """A movant, an intervenor, an amicus curiae and a third-party defendant are linked with
    no warning to check their spelling (the intervenor as the one role 'intervener'), and a
    slip in one is refused naming it."""
    cli("case", "add", "smith", "--title", "Smith v. Acme")
    typed = ["movant", "intervenor", "amicus curiae", "third-party defendant"]
    for number, role in enumerate(typed):
        result = cli(
            "add", "smith", "2021-05-03", f"Filing {number}", "--party", f"P{number}:{role}"
        )
        assert "new role" not in result.stderr, result.stderr
    stored = [r for (r,) in cli.query("SELECT role FROM milestone_parties ORDER BY rowid")]
    assert stored == ["movant", "intervener", "amicus curiae", "third-party defendant"]
    found = cli("search", "intervenor", "-f", "json").stdout  # the spelling typed finds it
    assert [row["title"] for row in json.loads(found)] == ["Filing 1"]
    refused = cli("add", "smith", "2021-05-04", "Reply", "--party", "P0:movent", code=1)
    assert "did you mean 'movant'?" in refused.stderr
    assert cli.query("SELECT count(*) FROM milestones") == [(4,)]


def test_intervenor_is_a_spelling_of_the_role_intervener(cli: Cli, tmp_path: Path) -> None:
    """Typed, imported or already stored (an older store's links are moved on opening,
    m031), 'intervenor' is the role 'intervener': one role, whose links every filter by
    either spelling finds."""
    cli("case", "add", "smith", "--title", "Smith v. Acme")
    cli("add", "smith", "2021-05-03", "Motion to intervene", "--party", "Gamma Co:Intervenor")
    cli("add", "smith", "2021-05-04", "Brief", "--party", "Delta:intervener")
    cli("add", "smith", "2021-05-05", "Reply", "--party", "Delta:intervener")
    sheet = tmp_path / "more.csv"
    sheet.write_text("date,title,parties\n2021-05-06,Joinder,Gamma Co:intervenor\n")
    cli("import", str(sheet), "--case", "smith")
    assert cli.query("SELECT DISTINCT role FROM milestone_parties") == [("intervener",)]
    # A store written before: the links given 'intervenor', one of a party linked under both.
    conn = sqlite3.connect(cli.db_path)
    with conn:
        conn.execute("UPDATE milestone_parties SET role = 'intervenor' WHERE milestone_id = 2")
        conn.execute("INSERT INTO milestone_parties VALUES (3, 2, 'intervenor')")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm031_one_intervener_role'")
        conn.execute("PRAGMA user_version = 30")
    conn.close()
    history = cli.query("SELECT count(*) FROM history")
    for spelt in ("intervenor", "intervener", "Intervenor"):
        listed = json.loads(cli("timeline", "smith", "--role", spelt, "-f", "json").stdout)
        titles = [m["title"] for m in listed]
        assert titles == ["Motion to intervene", "Brief", "Reply", "Joinder"]
    assert cli.query("SELECT milestone_id, role FROM milestone_parties ORDER BY 1") == [
        (1, "intervener"), (2, "intervener"), (3, "intervener"), (4, "intervener"),
    ]  # fmt: skip
    assert cli.query("SELECT count(*) FROM history") == history  # no change of the user's
    assert "intervenor" not in cli("party", "show", "Delta").stdout
    cli("check")  # no role left that today's rules would store otherwise
