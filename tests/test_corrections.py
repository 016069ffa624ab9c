"""Everything typed can be corrected: parties, sources, kinds and case slugs, each change in
the history and undone back to the exact store before it."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Cli


def _undo_restores(cli: Cli, *args: str) -> str:
    """Run a command, check it is recorded and that undo puts every row back; its stderr."""
    before = cli.records()
    done = cli(*args).stderr
    assert cli.records() != before
    latest = json.loads(cli("history", "--limit", "1", "-f", "json").stdout)[0]
    assert latest["command"] == f"{args[0]} {args[1]}"  # a group's command, e.g. party rename
    cli("check")
    cli("undo")
    assert cli.records() == before
    cli("check")
    return done


def _search_ids(cli: Cli, text: str) -> list[int]:
    return [r["id"] for r in json.loads(cli("search", text, "-f", "json").stdout)]


def test_party_rename_keeps_the_old_name_as_alias_and_search_follows(demo: Cli) -> None:
    raid = _search_ids(demo, "NCTD")
    done = demo("party", "rename", "NCTD", "Direction nationale antiterroriste").stderr
    assert done == (
        "renamed party 'National Counter-Terrorism Directorate' (named by its alias 'NCTD')"
        " to 'Direction nationale antiterroriste' (aka 'NCTD', 'National Counter-Terrorism"
        " Directorate')\n"
    )
    shown = json.loads(demo("party", "show", "NCTD", "-f", "json").stdout)
    assert shown["name"] == "Direction nationale antiterroriste"
    assert "National Counter-Terrorism Directorate" in shown["aliases"]
    assert _search_ids(demo, "antiterroriste") == raid
    demo("check")
    demo("undo")
    assert _search_ids(demo, "antiterroriste") == []
    _undo_restores(demo, "party", "rename", "Leïla Farahani", "Leila Farahani-Haddad")
    demo("party", "rename", "Anne Morel", "Judge Anne Morel", "--drop-old")
    names = json.loads(demo("party", "show", "Judge Anne Morel", "-f", "json").stdout)
    assert names["aliases"] == ["Judge Morel"]
    assert "no party named 'Anne Morel'" in demo("party", "show", "Anne Morel", code=1).stderr


def test_party_rename_by_an_alias_names_the_name_it_replaced(cli: Cli) -> None:
    """Named by an alias, the rename says which name it replaced, here one that differs from
    the new one by its accents only (so it is not kept as an alias: it is the same name)."""
    cli("party", "add", "Anne Lefèvre", "--alias", "Mme Lefèvre")
    done = cli("party", "rename", "mme lefèvre", "Anne Lefevre").stderr
    assert done == (
        "renamed party 'Anne Lefèvre' (named by its alias 'Mme Lefèvre') to 'Anne Lefevre'"
        " (aka 'Mme Lefèvre')\n"
    )
    assert cli.query("SELECT name FROM parties") == [("Anne Lefevre",)]
    done = cli("party", "rename", "Anne Lefevre", "Judge Anne Lefèvre").stderr
    assert done.startswith("renamed party 'Anne Lefevre' to 'Judge Anne Lefèvre' (aka ")


def test_party_rename_to_an_alias_or_another_partys_name(demo: Cli) -> None:
    demo("party", "rename", "Northern Exile Council", "NEC")
    shown = json.loads(demo("party", "show", "NEC", "-f", "json").stdout)
    assert (shown["name"], shown["aliases"]) == (
        "NEC",
        ["Conseil de l'exil du Nord", "Northern Exile Council"],
    )
    before = demo.records()
    result = demo("party", "rename", "NEC", "NCTD", code=1)
    assert "'NCTD' already names party 'National Counter-Terrorism Directorate'" in result.stderr
    assert "party merge" in result.stderr
    assert demo.records() == before


def test_party_rename_by_an_alias_with_drop_old_never_drops_the_name_not_typed(cli: Cli) -> None:
    cli("party", "add", "Mehmet Kaya", "--kind", "person", "--alias", "Av. Mehmet Kaya")
    cli("party", "rename", "Mehmet Kaya", "Av. Mehmet Kaya")
    before = cli.records()
    refused = cli("party", "rename", "mehmet kaya", "Mehmet Kaya (lawyer)", "--drop-old", code=1)
    assert refused.stderr.count("\n") == 1
    assert "'Mehmet Kaya' is an alias of 'Av. Mehmet Kaya'" in refused.stderr
    assert '(casetrack party rename "Av. Mehmet Kaya" "Mehmet Kaya (lawyer)" --drop-old)' in (
        refused.stderr
    )
    assert cli.records() == before
    cli("party", "rename", "av. mehmet kaya", "Mehmet Kaya (lawyer)", "--drop-old")
    shown = json.loads(cli("party", "show", "Mehmet Kaya", "-f", "json").stdout)
    assert (shown["name"], shown["aliases"]) == ("Mehmet Kaya (lawyer)", ["Mehmet Kaya"])


def test_party_alias_rm_edit_kind_and_rm(demo: Cli) -> None:
    done = _undo_restores(demo, "party", "alias", "rm", "NEC", "Conseil de l'exil du Nord")
    assert "removed 1 alias of Northern Exile Council (aka NEC)" in done
    before = demo.records()
    result = demo("party", "alias", "rm", "NEC", "NEC", "Conseil", code=1)
    assert "'Conseil' is not an alias of 'Northern Exile Council'" in result.stderr
    assert demo.records() == before  # the alias named before it stays too
    result = demo("party", "alias", "rm", "NEC", code=2)
    assert "casetrack party alias rm PARTY ALIAS" in result.stderr
    result = demo("party", "alias", "rm", "NEC", "northern exile council", code=1)
    assert (
        "the party's name, not an alias: change it with 'casetrack party rename'" in result.stderr
    )
    _undo_restores(demo, "party", "edit", "NEC", "--kind", "agency")
    assert "did you mean 'agency'" in demo("party", "edit", "NEC", "--kind", "agncy", code=1).stderr
    result = demo("party", "rm", "NEC", code=1)
    assert "is linked to 6 milestones" in result.stderr
    assert "'casetrack party merge KEEP \"Northern Exile Council\"'" in result.stderr
    demo("party", "add", "Acme Shiping", "--alias", "Acme")
    _undo_restores(demo, "party", "rm", "acme shiping")
    demo("party", "rm", "ACME")
    assert demo.query("SELECT count(*) FROM parties WHERE name LIKE 'Acme%'") == [(0,)]
    assert demo.query("SELECT count(*) FROM party_aliases WHERE alias = 'Acme'") == [(0,)]


def test_party_rm_counts_links_of_trashed_milestones(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2003", "Raid", "--party", "Omar Haddad")
    cli("rm", "1")
    result = cli("party", "rm", "Omar Haddad", code=1)
    assert "is linked to 1 milestone in the trash (1)" in result.stderr


def test_party_rm_names_the_milestones_it_is_linked_to(cli: Cli) -> None:
    """A refusal says which milestones to edit: their ids, the first five, then how many
    more; those in the trash apart; the one milestone in the edit to run."""
    cli("case", "add", "c", "--title", "C")
    for month in range(1, 9):
        cli("add", "c", f"2003-{month:02}-01", f"Hearing {month}", "--party", "Hon. Ana Ruiz:judge")
    cli("rm", "3")
    result = cli("party", "rm", "Hon. Ana Ruiz", code=1)
    assert "is linked to 8 milestones (1, 2, 4, 5, 6 and 2 more; in the trash: 3)" in (
        result.stderr
    )
    assert "unlink it from each with 'casetrack edit ID --remove-party \"Hon. Ana Ruiz\"'" in (
        result.stderr
    )
    cli("add", "c", "2004", "Ruling", "--party", "Omar Haddad")
    result = cli("party", "rm", "Omar Haddad", code=1)
    assert "linked to 1 milestone (9)" in result.stderr
    assert "'casetrack edit 9 --remove-party \"Omar Haddad\"'" in result.stderr
    cli("edit", "9", "--remove-party", "Omar Haddad")
    cli("party", "rm", "Omar Haddad")
    assert cli.query("SELECT count(*) FROM parties WHERE name = 'Omar Haddad'") == [(0,)]


def test_source_edit_and_rm(demo: Cli) -> None:
    url = "https://example.org/news/2003/06/18/exile-council-offices-raided"
    cited = _search_ids(demo, "Zeppelin")
    assert cited == []
    done = _undo_restores(demo, "source", "edit", url, "--title", "Zeppelin report",
                          "--publisher", "AFP", "--published", "June 2003")  # fmt: skip
    assert done == "updated source 2\n"
    demo("source", "edit", "2", "--title", "Zeppelin report", "--published", "18 June 2003")
    shown = json.loads(demo("source", "show", "2", "-f", "json").stdout)
    assert (shown["title"], shown["published"]) == ("Zeppelin report", "2003-06-18")
    assert len(_search_ids(demo, "Zeppelin")) == len(shown["milestones"]) > 0
    demo("source", "edit", "2", "--title", "")
    assert json.loads(demo("source", "show", "2", "-f", "json").stdout)["title"] is None
    demo("source", "edit", "2", "--url", "https://example.org/raid")
    assert demo.query("SELECT url FROM sources WHERE id = 2") == [("https://example.org/raid",)]
    before = demo.records()
    result = demo("source", "edit", "2", "--url", "https://example.org/raid2", "--published",
                  "03/07/2003", code=1)  # fmt: skip
    assert "ambiguous" in result.stderr
    (first_url,) = demo.query("SELECT url FROM sources WHERE id = 1")[0]
    result = demo("source", "edit", "2", "--url", str(first_url), code=1)
    assert "source 1 already has the URL" in result.stderr
    assert "nothing to change" in demo("source", "edit", "2", code=1).stderr
    result = demo("source", "rm", "2", code=1)
    assert "source 2 is cited by 2 milestones" in result.stderr
    assert "--remove-source 2" in result.stderr
    assert demo.records() == before
    demo("source", "add", "Le Monde, 18 June 2003, p. 3")
    done = _undo_restores(demo, "source", "rm", "Le Monde, 18 June 2003, p. 3")
    assert "removed source 3" in done
    assert "no source with id 9" in demo("source", "rm", "9", code=1).stderr


def test_kind_rename_merge_and_rm(demo: Cli) -> None:
    raids = demo.query("SELECT id FROM milestones WHERE kind = 'raid' ORDER BY id")
    (other,) = demo.query("SELECT min(id) FROM milestones WHERE kind != 'raid'")[0]
    demo("kind", "add", "riad")
    demo("edit", str(other), "--kind", "riad")
    done = _undo_restores(demo, "kind", "rename", "riad", "Dawn Raid")
    assert "renamed kind 'riad' to 'dawn raid'" in done
    done = _undo_restores(demo, "kind", "rename", "riad", "raid")
    assert "merged kind 'riad' into 'raid' (1 milestone)" in done
    demo("kind", "rename", "riad", "raid")
    assert demo.query("SELECT id FROM milestones WHERE kind = 'raid' ORDER BY id") == sorted(
        [*raids, (other,)]
    )
    assert demo.query("SELECT count(*) FROM kinds WHERE name = 'riad'") == [(0,)]
    assert "did you mean 'raid'" in demo("kind", "rm", "riad", code=1).stderr
    assert "cannot be removed" in demo("kind", "rm", "other", code=1).stderr
    assert "cannot be renamed" in demo("kind", "rename", "other", "misc", code=1).stderr
    demo("kind", "add", "Misc")
    assert "removed kind 'misc'" in _undo_restores(demo, "kind", "rm", "misc")


def test_a_built_in_kind_extract_and_the_rules_use_is_not_renamed_or_removed(demo: Cli) -> None:
    """Renamed, 'trial' would break extract --apply and 'judgment' the deadline rules that run
    from it: refused in one line saying what to do instead."""
    before = demo.records()
    result = demo("kind", "rename", "trial", "hearing-trial", code=1)
    assert result.stderr == (
        "casetrack: kind 'trial' is built in (extract and the court rules use it): it cannot be"
        " renamed; add your own with 'casetrack kind add hearing-trial' and give it to"
        " milestones with 'casetrack edit ID --kind hearing-trial'\n"
    )
    assert "built in" in demo("kind", "rename", "judgment", "jugement", code=1).stderr
    assert "cannot be removed" in demo("kind", "rm", "Settlement", code=1).stderr
    assert "is used by" not in demo("kind", "rm", "raid", code=1).stderr
    assert demo.records() == before


def test_case_rename(demo: Cli) -> None:
    done = _undo_restores(demo, "case", "rename", "nec-2003", "nec-2001")
    assert done == "renamed case nec-2003 to nec-2001\n"
    demo("case", "rename", "nec-2003", "nec-2001")
    assert len(json.loads(demo("timeline", "nec-2001", "-f", "json").stdout)) == 8
    assert "no case 'nec-2003'" in demo("timeline", "nec-2003", code=1).stderr
    demo("case", "add", "other", "--title", "Other")
    before = demo.records()
    assert (
        "case 'OTHER' already exists" in demo("case", "rename", "nec-2001", "OTHER", code=1).stderr
    )
    assert "invalid case slug" in demo("case", "rename", "nec-2001", "a b", code=1).stderr
    demo("case", "rm", "other")
    assert "is in the trash" in demo("case", "rename", "nec-2001", "other", code=1).stderr
    demo("case", "rename", "nec-2001", "NEC-2001")  # a change of case only is a rename too
    assert demo.query("SELECT slug FROM cases WHERE id = 1") == [("NEC-2001",)]
    assert before["milestones"] == demo.records()["milestones"]


@pytest.mark.parametrize("command", ["show", "edit"])
def test_a_trashed_milestone_says_it_is_in_the_trash(demo: Cli, command: str) -> None:
    demo("rm", "3")
    args = [command, "3"] + (["--title", "x"] if command == "edit" else [])
    result = demo(*args, code=1)
    assert result.stderr == (
        "casetrack: milestone 3 is in the trash: 'casetrack restore 3' brings it back"
        " (see 'casetrack trash list')\n"
    )
    assert "no milestone with id 99:" in demo(command, "99", code=1).stderr


def test_party_alias_says_which_names_already_reach_the_party(cli: Cli) -> None:
    """A transliteration that differs only by accents or case already finds the party: it is
    not stored, and the line says so rather than leaving it out without a word."""
    cli("party", "add", "Leila Karimi", "--kind", "person")
    result = cli("party", "alias", "Leila Karimi", "Leyla Karimi", "Leïla Karimi", "LEILA karimi")
    assert result.stderr == (
        "added 1 alias to Leila Karimi (aka Leyla Karimi)\n"
        "'Leïla Karimi', 'LEILA karimi' already name it (case, accents, punctuation and"
        " spacing aside): not added\n"
    )
    assert cli.query("SELECT alias FROM party_aliases") == [("Leyla Karimi",)]
    again = cli("party", "alias", "Leila Karimi", "leyla  KARIMI")
    assert again.stderr == (
        "Leila Karimi already had those names\n"
        "'leyla  KARIMI' already names it (case, accents, punctuation and spacing aside):"
        " not added\n"
    )


def test_party_alias_rm_counts_aliases_in_words(cli: Cli) -> None:
    """'removed 2 aliases', and a refusal naming the aliases to give, with no '(es)'."""
    cli("party", "add", "Committee against Torture", "--alias", "CAT", "--alias", "UNCAT")
    done = cli("party", "alias", "rm", "Committee against Torture", "CAT", "UNCAT").stderr
    assert done == "removed 2 aliases of Committee against Torture (no aliases left)\n"
    said = cli("party", "alias", "rm", "Committee against Torture", code=2).stderr
    assert "(es)" not in said and "the aliases to remove" in said


def test_a_status_is_also_the_word_litigators_use_for_it(cli: Cli) -> None:
    """'contested' is disputed, 'agreed' undisputed, 'uncertain' unsure (and the French
    'contesté'), in edit and in the --status filter alike; a slip still gets the closest."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "2003-06-17", "Raid", "--kind", "raid")
    for word, status in (("contested", "disputed"), ("Agreed", "undisputed"),
                         ("contesté", "disputed"), ("uncertain", "unsure")):  # fmt: skip
        cli("edit", "1", "--status", word)
        assert cli.query("SELECT status FROM milestones WHERE id = 1") == [(status,)]
    assert "Raid" in cli("timeline", "--status", "incertain").stdout
    said = cli("edit", "1", "--status", "disptued", code=1).stderr
    assert "did you mean 'disputed'" in said
