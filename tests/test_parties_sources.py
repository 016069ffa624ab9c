"""Parties with aliases, merging duplicates, and sources with the milestones citing them."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import Cli


def test_party_add_alias_list_show(cli: Cli) -> None:
    cli("party", "add", "National Council of Resistance of Iran", "--kind", "organization",
        "-a", "NCRI")  # fmt: skip
    result = cli("party", "alias", "ncri", "CNRI", "Conseil national de la Résistance iranienne")
    assert "CNRI" in result.stderr
    assert cli.query("SELECT alias FROM party_aliases ORDER BY id") == [
        ("NCRI",),
        ("CNRI",),
        ("Conseil national de la Résistance iranienne",),
    ]
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2003-06-17", "Raid", "--party", "CNRI:subject")
    cli("add", "c", "2014", "Dismissal", "--party", "conseil national de la resistance iranienne")
    listed = json.loads(cli("party", "list", "-f", "json").stdout)
    assert listed[0]["name"] == "National Council of Resistance of Iran"
    assert (listed[0]["milestones"], listed[0]["cases"]) == (2, 1)
    shown = json.loads(cli("party", "show", "NCRI", "-f", "json").stdout)
    assert shown["aliases"] == ["NCRI", "CNRI", "Conseil national de la Résistance iranienne"]
    assert shown["cases"] == [{"case": "c", "roles": ["subject"], "milestones": 2}]
    assert shown["first"]["date"] == "2003-06-17" and shown["last"]["date"] == "2014"


def test_party_names_cannot_be_shared(cli: Cli) -> None:
    cli("party", "add", "Acme Ltd", "-a", "ACME")
    cli("party", "add", "Acme Holdings")
    assert "already names party 'Acme Ltd'" in cli("party", "add", "acme", code=1).stderr
    result = cli("party", "alias", "Acme Holdings", "ACME", code=1)
    assert "party merge" in result.stderr
    assert "did you mean 'person'" in cli("party", "add", "X", "--kind", "persn", code=1).stderr
    assert cli.query("SELECT count(*) FROM party_aliases") == [(1,)]


def test_party_add_and_edit_read_a_kind_alike(cli: Cli) -> None:
    """One check of a party's kind: any case, and the British spelling, on add and edit."""
    cli("party", "add", "Acme Ltd", "--kind", "Organisation")
    cli("party", "add", "FIOD", "--kind", "organization")
    cli("party", "edit", "FIOD", "--kind", "AGENCY")
    cli("party", "edit", "FIOD", "--kind", "organisation")
    assert cli.query("SELECT kind FROM parties ORDER BY name") == [("organization",)] * 2
    for args in (["add", "X"], ["edit", "FIOD"]):
        refusal = cli("party", *args, "--kind", "agncy", code=1).stderr
        assert refusal.startswith("casetrack: unknown party kind 'agncy' (did you mean 'agency'")


def test_merge_moves_links_and_names(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2003", "Raid", "--party", "Mojahedin:subject")
    cli("add", "c", "2004", "Ruling", "--party", "PMOI:appellant", "--party", "Mojahedin:subject")
    cli("party", "add", "MEK")
    cli("party", "alias", "PMOI", "People's Mojahedin")
    cli("party", "merge", "PMOI", "mojahedin")
    assert cli.query("SELECT name FROM parties ORDER BY name") == [("MEK",), ("PMOI",)]
    aliases = {r[0] for r in cli.query("SELECT alias FROM party_aliases")}
    assert aliases == {"People's Mojahedin", "Mojahedin"}
    records = json.loads(cli("timeline", "--party", "Mojahedin", "-f", "json").stdout)
    assert [sorted(p["role"] for p in r["parties"]) for r in records] == [
        ["subject"],
        ["appellant", "subject"],
    ]
    assert "already the same party" in cli("party", "merge", "PMOI", "Mojahedin", code=1).stderr


def test_merge_of_a_party_named_by_an_alias_says_which_party_went(cli: Cli) -> None:
    """Named by an alias, the duplicate is said by its name, with the alias (as stored) and the
    milestones whose links moved: 'Orion' folded the defendant into the plaintiff."""
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2021-03-03", "Complaint", "--party", "Jane Smith:plaintiff",
        "--party", "Orion Corp.:defendant")  # fmt: skip
    cli("add", "c", "2021-04-12", "Motion", "--party", "Orion Corp.:defendant")
    cli("party", "alias", "Orion Corp.", "Orion")
    said = cli("party", "merge", "Jane Smith", "orion").stderr
    assert said == (
        "merged 'Orion Corp.' (named by its alias 'Orion'; linked to 2 milestones) into Jane"
        " Smith (aka Orion Corp., Orion)\n"
    )
    cli("undo")
    said = cli("party", "merge", "Orion Corp.", "jane smith").stderr
    assert said.startswith("merged 'Jane Smith' (linked to 1 milestone) into Orion Corp.")


def test_merge_of_a_variant_of_a_name_of_the_party_kept_says_so(cli: Cli) -> None:
    """'J. Smyth' is close to 'J. Smith', an alias of the party kept: merging it is refused
    saying it is already one of its names, not suggesting the party kept as the duplicate
    ('J Smith', the alias but for punctuation, is the party kept itself); a variant of
    another party's name still names that party."""
    cli("party", "add", "Jane Smith", "--alias", "J. Smith")
    cli("party", "add", "Acme Widgets, Inc.")
    before = cli.query("SELECT count(*) FROM history")
    refused = cli("party", "merge", "Jane Smith", "J. Smyth", code=1).stderr
    assert refused == (
        "casetrack: no party named 'J. Smyth'; it is close to a name of 'Jane Smith' (aka"
        " 'J. Smith'), the party kept: nothing to merge\n"
    )
    itself = cli("party", "merge", "Jane Smith", "J Smith", code=1).stderr
    assert itself == "casetrack: 'Jane Smith' and 'J Smith' are already the same party\n"
    other = cli("party", "merge", "Jane Smith", "Acme Widgts", code=1).stderr
    assert "did you mean 'Acme Widgets, Inc.'?" in other
    assert cli.query("SELECT count(*) FROM history") == before
    assert cli.query("SELECT count(*) FROM parties") == [(2,)]


def test_merge_keeps_the_kind_the_duplicate_was_known_to_have(cli: Cli) -> None:
    """A typo made on the fly is kind other; merged into the right one, the kept party keeps
    what the other was known to be, and a kind the kept party has is never changed."""
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2021-03-03", "Complaint", "--party", "Jean Dupond")
    cli("party", "add", "Jean Dupont", "--kind", "person")
    cli("party", "merge", "Jean Dupond", "Jean Dupont")
    assert cli.query("SELECT name, kind FROM parties") == [("Jean Dupond", "person")]
    cli("undo")
    assert cli.query("SELECT name, kind FROM parties ORDER BY name") == [
        ("Jean Dupond", "other"),
        ("Jean Dupont", "person"),
    ]
    cli("party", "add", "Acme", "--kind", "organization")
    cli("party", "add", "Acme SA", "--kind", "agency")
    cli("party", "merge", "Acme", "Acme SA")
    assert cli.query("SELECT kind FROM parties WHERE name = 'Acme'") == [("organization",)]


def test_sources_add_list_show(cli: Cli) -> None:
    source_id = cli("source", "add", "https://example.org/raid", "--title", "Offices raided",
                    "--publisher", "AFP", "--published", "2003-06-18").stdout.strip()  # fmt: skip
    assert source_id == "1"
    assert "already exists" in cli("source", "add", "https://example.org/raid", code=1).stderr
    assert "bare number" in cli("source", "add", "42", code=1).stderr
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2003-06-17", "Raid", "--source", "1", "--quote", "dawn raid", "--page", "2")
    cli("add", "c", "2003-06-18", "Detention", "--source", "https://example.org/raid")
    listed = json.loads(cli("source", "list", "-f", "json").stdout)
    assert [(s["title"], s["milestones"]) for s in listed] == [("Offices raided", 2)]
    shown = json.loads(cli("source", "show", "1", "-f", "json").stdout)
    assert shown["published"] == "2003-06-18"
    assert [(m["title"], m["quote"], m["page"]) for m in shown["milestones"]] == [
        ("Raid", "dawn raid", "2"),
        ("Detention", None, None),
    ]
    table = cli("source", "show", "https://example.org/raid").stdout
    assert "Offices raided" in table and "dawn raid" in table
    assert "no source with id 7" in cli("add", "c", "2003", "x", "--source", "7", code=1).stderr


def test_long_links_are_folded_not_cut_and_a_close_alias_points_at_the_name(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns, a file path or sha256: source is folded over lines like a URL (joined
    back, the whole link), never cut with '…'; 'party show zola' names the party, not the
    alias 'E. Zola' nearest the typed name."""
    path = "/home/someone/cases/acme/exhibits/a-long-folder-name/another/level/exhibit-5.pdf"
    digest = "sha256:" + "b61b90a185d5c708" * 4
    for link in (path, digest):
        cli("source", "add", link)
    monkeypatch.setenv("COLUMNS", "80")
    listed = cli("source", "list").stdout
    assert "\u2026" not in listed
    header, rule, *rows = listed.splitlines()
    start = header.index("url")
    end = rule.index(" ", start)
    column = [row[start:end].strip() for row in rows]
    assert "".join(column) == path + digest
    cli("party", "add", "Émile Zola", "--alias", "E. Zola")
    assert cli("party", "show", "zola", code=1).stderr == (
        "casetrack: no party named 'zola' (did you mean 'Émile Zola'?)\n"
    )


def test_a_url_in_another_case_of_scheme_or_host_or_with_a_final_slash_is_the_same_source(
    cli: Cli,
) -> None:
    """Scheme and host are case-blind (stored in lower case), a trailing slash names the same
    page; the path's case is kept and matters, as it does to servers."""
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2003", "a", "--source", "HTTPS://Example.ORG/News/1/")
    cli("add", "c", "2004", "b", "--source", "https://example.org/News/1")
    cli("add", "c", "2005", "c", "--source", "https://EXAMPLE.org/News/1/")
    cli("add", "c", "2006", "d", "--source", "https://example.org/news/1")
    assert cli.query("SELECT id, url FROM sources ORDER BY id") == [
        (1, "https://example.org/News/1/"),
        (2, "https://example.org/news/1"),
    ]
    assert cli.query("SELECT source_id FROM milestone_sources ORDER BY milestone_id") == [
        (1,), (1,), (1,), (2,)
    ]  # fmt: skip
    result = cli("source", "add", "https://Example.org/News/1", code=1)
    assert "already exists" in result.stderr
    lines = [{"format": "casetrack/1"}, {"type": "source", "url": "https://EXAMPLE.ORG/News/1"}]
    sheet = "".join(json.dumps(line) + "\n" for line in lines)
    assert "sources: 1 unchanged" in cli("import", "-", "-f", "jsonl", input=sheet).stderr
    assert cli.query("SELECT count(*) FROM sources") == [(2,)]


def test_a_citation_in_another_case_accents_or_spacing_is_the_same_source(cli: Cli) -> None:
    """A free citation is a name: typed again with another case, accents or spaces it
    names the source already there (as a party name does), so the milestones citing it are
    not split between two records; a path or URL keeps the case it has."""
    cli("case", "add", "c", "--title", "C")
    cli("source", "add", "Libération, 4 mars 2021, p. 12", "--title", "Un militant interpellé")
    result = cli("add", "c", "2021-03-03", "Arrest", "--source", "liberation,  4 MARS 2021, p. 12")
    assert "new source" not in result.stderr
    cli("add", "c", "2021-03-05", "Charge")
    edited = cli("edit", "2", "--source", " LIBÉRATION, 4 mars 2021, p. 12")
    assert "new source" not in edited.stderr
    assert cli.query("SELECT id, url FROM sources") == [(1, "Libération, 4 mars 2021, p. 12")]
    assert cli.query("SELECT source_id FROM milestone_sources ORDER BY milestone_id") == [
        (1,), (1,)
    ]  # fmt: skip
    shown = json.loads(cli("source", "show", "liberation, 4 mars 2021, p. 12", "-f", "json").stdout)
    assert [m["id"] for m in shown["milestones"]] == [1, 2]
    assert "already exists" in cli("source", "add", "LIBERATION, 4 mars 2021, p. 12", code=1).stderr
    listed = cli("timeline", "--source", "libération, 4 mars 2021, P. 12", "-f", "json")
    assert [m["id"] for m in json.loads(listed.stdout)] == [1, 2]
    cli("source", "edit", "1", "--url", "Libération, 4 Mars 2021, p. 12")  # its own, recased
    assert cli.query("SELECT url FROM sources") == [("Libération, 4 Mars 2021, p. 12",)]


def test_source_merge_folds_a_duplicate_into_the_source_kept(cli: Cli) -> None:
    """Two records of one source (made before citations were matched in any case, or typed
    'p.12' for 'p. 12' with --new-source) are folded into one, as parties are: the citations
    move, fields the kept source lacks come from the other, and one undo puts both back."""
    cli("case", "add", "c", "--title", "C")
    cli("source", "add", "Le Monde, 4 mars 2021, p. 12", "--title", "Un militant interpellé")
    cli("add", "c", "2021-03-03", "Arrest", "--source", "1", "--quote", "placé en garde à vue")
    cli("add", "c", "2021-03-05", "Charge", "--new-source", "Le Monde, 4 mars 2021, p.12",
        "--quote", "mis en examen")  # fmt: skip
    cli("source", "edit", "2", "--publisher", "Le Monde")
    cli("add", "c", "2021-03-06", "Both", "--source", "1", "--quote", "q")
    cli("edit", "3", "--source", "2", "--quote", "q")  # the same place, cited through each
    before = cli.records()
    merged = cli("source", "merge", "1", "Le Monde, 4 mars 2021, p.12")
    assert merged.stderr == (
        "merged source 2 into source 1 (Le Monde, 4 mars 2021, p. 12): 2 citations moved\n"
    )
    assert cli.query("SELECT id, url, title, publisher FROM sources") == [
        (1, "Le Monde, 4 mars 2021, p. 12", "Un militant interpellé", "Le Monde")
    ]
    assert cli.query(
        "SELECT milestone_id, source_id, quote FROM milestone_sources ORDER BY milestone_id"
    ) == [(1, 1, "placé en garde à vue"), (2, 1, "mis en examen"), (3, 1, "q")]
    found = json.loads(cli("search", "interpellé", "-f", "json").stdout)  # the kept title
    assert sorted(m["id"] for m in found) == [1, 2, 3]
    cli("undo")
    assert cli.records() == before
    cli("edit", "3", "--remove-source", "2", "--source", "2", "--quote", "another place")
    before = cli.records()
    refused = cli("source", "merge", "1", "2", code=1).stderr
    assert refused == (
        "casetrack: milestone 3 cites sources 1 and 2 at different places (a milestone keeps"
        " one pinpoint per source): remove one first ('casetrack edit 3 --remove-source 2')\n"
    )
    assert cli("source", "merge", "1", "1", code=1).stderr == (
        "casetrack: '1' and '1' are already the same source\n"
    )
    assert cli.records() == before


def test_a_source_not_found_names_the_closest_citation_or_url(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2023", "Non-lieu", "--source", "https://www.example.fr/non-lieu-benali.pdf")
    cli("source", "add", "Le Monde, 4 mars 2021, p. 12")
    shown = cli("source", "show", "Le Monde 4 mars 2021 p 12", code=1).stderr
    assert shown == (
        "casetrack: no source 'Le Monde 4 mars 2021 p 12' (did you mean 'Le Monde, 4 mars 2021,"
        " p. 12'?): see 'casetrack source list'\n"
    )
    listed = cli("timeline", "--source", "www.example.fr/non-lieu-benali.pdf", code=1).stderr
    assert "(did you mean 'https://www.example.fr/non-lieu-benali.pdf'?)" in listed


def test_source_show_gives_a_paragraph_pinpoint_and_fits_80_columns(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A citation at a paragraph shows its paragraph (as `show` does: '¶ 4'), in the
    table at 80 columns and in CSV; a narrower terminal lets the case column go first."""
    import csv
    import io

    cli("case", "add", "bettencourt", "--title", "Corruption prosecution, Paris")
    url = "https://www.lemonde.fr/societe/article/2011/03/14/long-titre-de-l-affaire_1234_3224.html"
    cli("add", "bettencourt", "2011-03-14", "Indictment", "--kind", "indictment",
        "--source", url, "--quote", "mis en examen", "--paragraph", "4")  # fmt: skip
    monkeypatch.setenv("COLUMNS", "80")
    table = cli("source", "show", "1").stdout
    header = next(line for line in table.splitlines() if line.startswith("id    case"))
    assert header.split() == ["id", "case", "date", "title", "quote", "page", "paragraph"]
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "14 Mar 2011" in table and table.rstrip().endswith("4")
    monkeypatch.setenv("COLUMNS", "60")
    narrow = cli("source", "show", "1").stdout
    assert "bettencourt" not in narrow and re.search(r"mis en +4\n", narrow)
    sheet = cli("source", "show", "1", "-f", "csv").stdout
    (row,) = [r for r in csv.DictReader(io.StringIO(sheet.split("\n\n")[-1])) if r.get("id")]
    assert (row["page"], row["paragraph"]) == ("", "4")


def test_an_unknown_party_is_refused_saying_how_to_fix_it(demo: Cli) -> None:
    """The refusal named the closest party but not what to do: use it, or add the party."""
    demo("party", "add", "Ministry of Intelligence", "--kind", "agency")
    before = demo.records()
    typo = demo("timeline", "nec-2003", "--party", "Ministry of Inteligence", code=1).stderr
    assert typo == (
        "casetrack: no party named 'Ministry of Inteligence' (did you mean 'Ministry of"
        " Intelligence'?)\n"
    )
    unknown = demo("party", "show", "MOSI", code=1).stderr
    assert unknown == "casetrack: no party named 'MOSI': see 'casetrack party list'\n"
    assert demo.records() == before


def test_a_citation_close_to_a_known_one_is_refused_unless_new_source(demo: Cli) -> None:
    """Other case and punctuation once made a second source silently (only a 'new source:'
    line said so), splitting the milestones that cite one ruling: refused as a close party
    name is, with --new-source to create it all the same. URLs stay exact."""
    demo("add", "nec-2003", "2004", "Appeal", "--source", "Appeal ruling no. 88/1234")
    (stored,) = demo.query("SELECT id FROM sources WHERE url = 'Appeal ruling no. 88/1234'")
    before = demo.records()
    for command in (("add", "nec-2003", "2005", "Ruling"), ("edit", "1")):
        refused = demo(*command, "--source", "appeal ruling no 88/1234", code=1).stderr
        assert refused == (
            "casetrack: no source 'appeal ruling no 88/1234', but 'Appeal ruling no. 88/1234'"
            f" (source {stored[0]}) is close: write that citation to cite it, or --new-source"
            ' "appeal ruling no 88/1234" if it is another source\n'
        )
    assert demo.records() == before
    demo("edit", "1", "--new-source", "appeal ruling no 88/1234")
    demo("add", "nec-2003", "2005", "Ruling", "--source", "Appeal ruling no. 88/12345")
    demo("add", "nec-2003", "2005", "Page", "--source", "https://example.org/Ruling")
    demo("add", "nec-2003", "2005", "Page", "--source", "https://example.org/ruling")
    new = demo.query("SELECT url FROM sources WHERE id > ? ORDER BY id", (stored[0],))
    assert new == [
        ("appeal ruling no 88/1234",),
        ("Appeal ruling no. 88/12345",),
        ("https://example.org/Ruling",),
        ("https://example.org/ruling",),
    ]
    cited = demo.query("SELECT source_id FROM milestone_sources WHERE milestone_id = 1")
    assert (stored[0] + 1,) in cited


def test_source_edit_refuses_a_citation_close_to_another_unless_new_source(demo: Cli) -> None:
    """source edit --url made a near twin of a stored citation that source add, add and edit
    refuse: now refused the same way, naming it, and --new-source sets it all the same; a
    source respelling its own citation is no twin."""
    demo("source", "add", "Appeal ruling no. 88/1234")
    demo("source", "add", "Notes from the hearing")
    before = demo.records()
    refused = demo("source", "edit", "4", "--url", "appeal ruling no 88/1234", code=1).stderr
    assert refused == (
        "casetrack: no source 'appeal ruling no 88/1234', but 'Appeal ruling no. 88/1234'"
        " (source 3) is close: merge them with 'casetrack source merge 3 4' if they are one"
        " source, or 'casetrack source edit 4 --new-source \"appeal ruling no 88/1234\"' if it is"
        " another source\n"
    )
    both = demo("source", "edit", "4", "--url", "a", "--new-source", "b", code=2).stderr
    assert "give --url or --new-source, not both" in both
    assert demo.records() == before
    demo("source", "edit", "3", "--url", "Appeal ruling no 88/1234")
    demo("source", "edit", "4", "--new-source", "appeal ruling, no. 88/1234")
    assert demo.query("SELECT id, url FROM sources WHERE id > 2 ORDER BY id") == [
        (3, "Appeal ruling no 88/1234"),
        (4, "appeal ruling, no. 88/1234"),
    ]


def test_a_command_on_a_party_there_is_does_not_say_to_add_an_unknown_one(demo: Cli) -> None:
    """Unlinking, merging, renaming, removing or erasing a party that is not there is a slip
    for one that is: 'add the party with casetrack party add' was no answer to it."""
    before = demo.records()
    for args in (
        ("edit", "1", "--remove-party", "Anne Morl"),
        ("party", "merge", "Anne Morl", "Northern Exile Council"),
        ("party", "merge", "Northern Exile Council", "Anne Morl"),
        ("party", "rename", "Anne Morl", "Judge Anne Morel"),
        ("party", "rm", "Anne Morl"),
        ("purge", "--party", "Anne Morl", "--yes"),
    ):
        refused = demo(*args, code=1).stderr
        assert refused == "casetrack: no party named 'Anne Morl' (did you mean 'Anne Morel'?)\n"
    assert demo("party", "merge", "Anne Morel", "Qwvz", code=1).stderr == (
        "casetrack: no party named 'Qwvz': see 'casetrack party list'\n"
    )
    assert demo.records() == before


def test_alias_and_edit_of_an_unknown_party_suggest_the_closest_name(demo: Cli) -> None:
    """party alias and party edit said to add the party even when a known name was close,
    as no other party command does: the closest name is the answer, and adding the party is
    suggested only when no name is close."""
    before = demo.records()
    for args in (("party", "alias", "Anne Morl", "A. Morel"),
                 ("party", "edit", "Anne Morl", "--kind", "person")):  # fmt: skip
        refused = demo(*args, code=1).stderr
        assert refused == "casetrack: no party named 'Anne Morl' (did you mean 'Anne Morel'?)\n"
    for args in (("party", "alias", "Qwvz", "Q"), ("party", "edit", "Qwvz", "--kind", "person")):
        assert demo(*args, code=1).stderr == (
            "casetrack: no party named 'Qwvz': see 'casetrack party list', or add the party with"
            " 'casetrack party add Qwvz'\n"
        )
    assert demo.records() == before


def test_a_filter_or_show_of_an_unknown_party_does_not_say_to_add_it(demo: Cli) -> None:
    """Filtering by a party or showing one looks for a party there is: adding one is no answer."""
    before = demo.records()
    for args in (
        ("timeline", "--party", "Anne Morl"),
        ("export", "--party", "Anne Morl"),
        ("party", "show", "Anne Morl"),
    ):
        refused = demo(*args, code=1).stderr
        assert refused == "casetrack: no party named 'Anne Morl' (did you mean 'Anne Morel'?)\n"
    assert demo.records() == before


def test_unlinking_an_unknown_party_suggests_the_milestones_own(demo: Cli) -> None:
    """Milestone 3 links the council and the directorate, not Anne Morel: her name was suggested
    all the same, and unlinking it would only be refused again."""
    before = demo.records()
    theirs = "'National Counter-Terrorism Directorate', 'Northern Exile Council'"
    assert demo("edit", "3", "--remove-party", "Anne Morl", code=1).stderr == (
        f"casetrack: no party named 'Anne Morl': milestone 3's parties are {theirs}\n"
    )
    assert demo("edit", "3", "--remove-party", "Anne Morel", code=1).stderr == (
        f"casetrack: party 'Anne Morel' is not linked to milestone 3: milestone 3's parties are"
        f" {theirs}\n"
    )
    assert demo("edit", "4", "--remove-party", "L. Farahan", code=1).stderr == (
        "casetrack: no party named 'L. Farahan' (did you mean 'Leïla Farahani'?)\n"
    )
    demo("edit", "6", "--remove-party", "Northern Exile Council")
    demo("edit", "6", "--remove-party", "Paris Court of Appeal")
    after = demo.records()
    assert demo("edit", "6", "--remove-party", "Paris Court", code=1).stderr == (
        "casetrack: no party named 'Paris Court': milestone 6 has no parties\n"
    )
    assert demo.records() == after != before


def test_source_add_refuses_a_citation_close_to_a_known_one_unless_new_source(demo: Cli) -> None:
    """source add refused only the same citation (in any case and spacing), so the citation
    add and edit refuse (other punctuation) it made a second source of the same ruling."""
    (stored,) = demo("source", "add", "Appeal ruling no. 88/1234").stdout.split()
    before = demo.records()
    refused = demo("source", "add", "appeal ruling no 88/1234", "--publisher", "CA", code=1)
    assert refused.stderr == (
        "casetrack: no source 'appeal ruling no 88/1234', but 'Appeal ruling no. 88/1234'"
        f" (source {stored}) is close: write that citation to cite it, or 'casetrack source add"
        ' --new-source "appeal ruling no 88/1234"\' if it is another source\n'
    )
    assert refused.stdout == "" and demo.records() == before
    same = demo("source", "add", "--new-source", "APPEAL RULING NO. 88/1234", code=1).stderr
    assert "already exists" in same  # the same citation is never made twice
    assert "not both" in demo("source", "add", "x", "--new-source", "y", code=2).stderr
    assert demo.records() == before
    added = demo("source", "add", "--new-source", "appeal ruling no 88/1234", "--publisher", "CA")
    assert demo.query("SELECT url, publisher FROM sources WHERE id = ?", (int(added.stdout),)) == [
        ("appeal ruling no 88/1234", "CA")
    ]
    demo("source", "add", "https://example.org/Ruling")
    demo("source", "add", "https://example.org/ruling")  # URLs stay exact: never close


def test_every_command_refuses_a_close_citation_in_one_message(cli: Cli) -> None:
    """source add and source edit worded their refusals themselves, add and edit quoted the
    citation to retype as Python does ("..." around an apostrophe): one message now, the
    citation quoted for the shell, so the line given can be run as it is."""
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2003", "Ruling", "--source", "Cour d'appel de Paris, arrêt 12")
    cli("source", "add", "Notes")
    before = cli.records()
    typed = "cour d'appel de Paris arrêt 12"
    retyped = '--new-source "cour d\'appel de Paris arrêt 12"'
    start = (
        f'casetrack: no source {typed!r}, but "Cour d\'appel de Paris, arrêt 12" (source 1) is'
        " close: "
    )
    cite = "write that citation to cite it"
    for args, same, instead in (
        (("add", "c", "2004", "Appeal", "--source", typed), cite, retyped),
        (("edit", "1", "--source", typed), cite, retyped),
        (("source", "add", typed), cite, f"'casetrack source add {retyped}'"),
        (
            ("source", "edit", "2", "--url", typed),
            "merge them with 'casetrack source merge 1 2' if they are one source",
            f"'casetrack source edit 2 {retyped}'",
        ),
    ):
        refused = cli(*args, code=1)
        assert refused.stderr == f"{start}{same}, or {instead} if it is another source\n"
    assert cli.records() == before
    cli("source", "add", "--new-source", typed)  # the retyped option does what it says
    assert cli.query("SELECT url FROM sources WHERE id = 3") == [(typed,)]


def test_new_source_is_shown_taking_a_citation(cli: Cli) -> None:
    """source add --help showed '--new-source URL', though the option is for a citation (a
    URL is never close to another): source add, source edit, add and edit say CITATION."""
    for command in (("source", "add"), ("source", "edit"), ("add",), ("edit",)):
        shown = cli(*command, "--help").stdout
        assert re.search(r"--new-source CITATION +\S", shown), command
        assert "--new-source URL" not in shown
    shown = cli("source", "add", "--help").stdout
    assert "Usage: casetrack source add [OPTIONS] [URL|CITATION]" in shown
    assert "Instead of URL|CITATION: add this citation as a new" in shown
    refused = cli("source", "add", code=2).stderr
    assert "Invalid value for URL|CITATION: give the source's URL or citation" in refused
