"""`casetrack extract`: proposals listed from a text, and added to a case only when asked."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from casetrack.extract import SUPPORTED_LANGS, NewParty
from casetrack.proposals import Proposal, apply_proposals
from casetrack.store import Store
from tests.conftest import Cli
from tests.extract_corpus import NCRI, SAMPLES

RAID = SAMPLES[0]  # NCRI introduced with its acronym; Rajavi and Bruguière known by alias
DATELINE = SAMPLES[3]  # "PARIS, June 17, 2020 (Reuters) — ..."
CASE = "ncri-2003"
URL = "https://example.org/news/2020/06/17/raid-anniversary"


@pytest.fixture
def store(cli: Cli) -> Cli:
    """A case to add to, and the parties the raid report names by alias."""
    cli("case", "add", CASE, "--title", "Raid on the NCRI offices")
    for name, aliases in RAID.known_parties:
        cli("party", "add", name, "--kind", "person", *(f"--alias={a}" for a in aliases))
    return cli


def write(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def candidates(cli: Cli, *args: str, input: str | None = None) -> list[dict[str, object]]:
    result = cli("extract", *args, "--format", "json", input=input)
    return json.loads(result.stdout)["candidates"]  # type: ignore[no-any-return]


def milestones(cli: Cli) -> list[tuple[object, ...]]:
    return cli.query(
        "SELECT m.date, m.kind, m.status, m.title, ms.quote, s.url FROM milestones m"
        " LEFT JOIN milestone_sources ms ON ms.milestone_id = m.id"
        " LEFT JOIN sources s ON s.id = ms.source_id ORDER BY m.id"
    )


def counts(cli: Cli) -> dict[str, object]:
    tables = ("milestones", "milestone_parties", "milestone_sources", "parties", "party_aliases")
    return {t: cli.query(f"SELECT count(*) FROM {t}")[0][0] for t in (*tables, "sources")}


# --------------------------------------------------------------------------- listing


def test_lists_candidates_from_a_file_without_creating_a_store(cli: Cli, tmp_path: Path) -> None:
    result = cli("extract", str(write(tmp_path, RAID.text)))
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["#", "found", "date", "anchor", "kind", "parties", "title"]
    assert lines[2].split()[:6] == ["1", "June", "17,", "2003", "2003-06-17", "raid"]
    complaint = next(line for line in lines if line.startswith("4 "))
    assert complaint.split()[:7] == ["4", "Two", "weeks", "later", "2003-07-17~", "2003-07-03",
                                     "complaint"]  # fmt: skip
    assert "National Council of Resistance of Iran (new: NCRI)" in result.stdout
    assert "nothing written: add --case CASE and --apply" in result.stderr
    assert not cli.db_path.exists()


def test_a_listing_for_a_case_says_only_what_is_missing_to_write(cli: Cli, tmp_path: Path) -> None:
    """With --case given, the hint asked for --case again."""
    cli("case", "add", "ncri-2003", "--title", "Raid")
    result = cli("extract", str(write(tmp_path, RAID.text)), "--case", "ncri-2003")
    assert result.stderr.splitlines()[-1] == (
        "nothing written: add --apply or --interactive to add them"
    )
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]


def test_a_listing_for_an_unknown_case_says_so_not_to_add_apply(cli: Cli, tmp_path: Path) -> None:
    cli("case", "add", "ncri-2003", "--title", "Raid")
    result = cli("extract", str(write(tmp_path, RAID.text)), "--case", "ncri-2030", code=1)
    assert result.stderr.startswith("casetrack: no case 'ncri-2030' (did you mean 'ncri-2003'?)")
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout == ""


def test_reads_stdin_and_says_the_dateline_is_the_publication_date(cli: Cli) -> None:
    result = cli("extract", "-", "--format", "json", input=DATELINE.text)
    extraction = json.loads(result.stdout)
    assert extraction["published"] == "2020-06-17"
    assert [c["date"] for c in extraction["candidates"]] == [
        "2020-06-17",
        "2003-06-17",
        "2020-09-14",
        "2020-03-02",
        "2001",
    ]  # fmt: skip  (the first is "on Wednesday", the day of the dateline)
    assert "published: 2020-06-17" in result.stderr.splitlines()


def test_json_gives_every_field_of_a_candidate(cli: Cli, tmp_path: Path) -> None:
    complaint = candidates(cli, str(write(tmp_path, RAID.text)))[3]
    assert complaint == {
        "date": "2003-07-17~",
        "start": "2003-07-17",
        "end": "2003-07-17",
        "precision": "day",
        "approximate": True,
        "anchor": "2003-07-03",
        "found": "Two weeks later",
        "kind": "complaint",
        "title": "Two weeks later, the NCRI filed a complaint over the conditions of the raid.",
        "sentence": "Two weeks later, the NCRI filed a complaint over the conditions of the raid.",
        "parties": [NCRI],
        "new_parties": [{"name": NCRI, "alias": "NCRI", "kind": "organization"}],
        "citations": [],
    }


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("page.html", "<p>The raid was on <b>17 June 2003</b>.</p><p>Judges closed it.</p>"),
        ("page.txt", "\n  <html><body><p>The raid was on 17 June 2003.</p></body></html>"),
        ("pasted.txt", "\ufeff<P>The raid was on 17 June 2003.</P>\n<p>Judges closed it.</p>"),
    ],
)
def test_html_is_read_as_its_visible_text(cli: Cli, tmp_path: Path, name: str, text: str) -> None:
    (only,) = candidates(cli, str(write(tmp_path, text, name)))
    assert only["sentence"] == "The raid was on 17 June 2003."
    assert only["kind"] == "raid"


def test_a_text_opening_with_a_bracketed_name_is_not_read_as_html(cli: Cli, tmp_path: Path) -> None:
    text = "<Name> said the offices were raided on 17 June 2003.\n"
    (only,) = candidates(cli, str(write(tmp_path, text, "quote.txt")))
    assert only["sentence"] == text.strip()


def test_html_on_stdin_and_control_characters_in_the_text(cli: Cli) -> None:
    page = "<script>d = '1 May 2001'</script><p>Police raided\x0c the offices on 17 June 2003.</p>"
    (only,) = candidates(cli, "-", input=page)
    assert only["sentence"] == "Police raided the offices on 17 June 2003."


def test_parties_of_the_store_are_recognised_by_alias(demo: Cli, tmp_path: Path) -> None:
    text = "On 9 May 2011 the Cour d'appel de Paris rejected the NEC's appeal."
    (only,) = candidates(demo, str(write(tmp_path, text)))
    assert only["parties"] == ["Paris Court of Appeal", "Northern Exile Council"]
    assert only["new_parties"] == []


def test_a_known_acronym_is_not_proposed_as_a_new_party(store: Cli, tmp_path: Path) -> None:
    store("party", "add", "Conseil national de la Résistance iranienne", "--alias", "NCRI")
    raid = candidates(store, str(write(tmp_path, RAID.text)))[0]
    assert raid["parties"] == ["Conseil national de la Résistance iranienne"]
    assert raid["new_parties"] == []


def test_no_dates_is_said_not_shown_as_an_empty_table(cli: Cli, tmp_path: Path) -> None:
    result = cli("extract", str(write(tmp_path, "Nothing dated here.")))
    assert result.stdout == ""
    assert "no dates found in" in result.stderr


# --------------------------------------------------------------------------- --apply


def test_apply_adds_the_candidates_with_quote_source_status_and_new_party(
    store: Cli, tmp_path: Path
) -> None:
    article = write(tmp_path, RAID.text)
    result = store("extract", str(article), "--case", CASE, "--apply")
    assert "2003-07-17~" in result.stdout  # listed first
    sentences = [c["sentence"] for c in candidates(store, str(article))]
    path = str(article.resolve())
    assert milestones(store) == [
        ("2003-06-17", "raid", "undisputed", RAID_TITLE, sentences[0], path),
        ("2001", "investigation", "undisputed", sentences[1], sentences[1], path),
        ("2003-07-03", "release", "undisputed", sentences[2], sentences[2], path),
        ("2003-07-17~", "complaint", "unsure", sentences[3], sentences[3], path),
    ]
    assert store.query(
        "SELECT p.name, p.kind, a.alias FROM parties p JOIN party_aliases a ON a.party_id = p.id"
        " WHERE p.name = ?",
        (NCRI,),
    ) == [(NCRI, "organization", "NCRI")]
    assert store.query(
        "SELECT m.date, p.name, mp.role FROM milestone_parties mp"
        " JOIN milestones m ON m.id = mp.milestone_id JOIN parties p ON p.id = mp.party_id"
        " ORDER BY m.id, p.name"
    ) == [
        ("2003-06-17", NCRI, ""),
        ("2001", "Jean-Louis Bruguiere", ""),
        ("2003-07-03", "Maryam Rajavi", ""),
        ("2003-07-17~", NCRI, ""),
    ]
    assert f"new party: {NCRI} (alias NCRI)" in result.stderr
    assert f"added 4 milestones to {CASE}: 1, 2, 3, 4" in result.stderr


RAID_TITLE = (
    "French police raided the offices of the National Council of Resistance of Iran (NCRI) "
    "in Auvergne-sur-Oise, north of…"
)


def test_apply_with_source_sets_its_publication_date_from_the_dateline(
    store: Cli, tmp_path: Path
) -> None:
    result = store("extract", "-", "-c", CASE, "--source", URL, "--apply", input=DATELINE.text)
    assert store.query("SELECT url, published FROM sources") == [(URL, "2020-06-17")]
    assert [(m[0], m[1], m[2], m[5]) for m in milestones(store)] == [
        ("2020-06-17", "raid", "unsure", URL),  # "on Wednesday": the dateline's day
        ("2003-06-17", "detention", "undisputed", URL),
        ("2020-09-14", "hearing", "undisputed", URL),
        ("2020-03-02", "other", "unsure", URL),  # its year is the hearing's
        ("2001", "investigation", "undisputed", URL),
    ]
    assert "source published: 2020-06-17" in result.stderr


def test_a_source_with_a_publication_date_keeps_it(store: Cli) -> None:
    store("source", "add", URL, "--published", "2020-06-18")
    store("extract", "-", "-c", CASE, "--source", "1", "--apply", input=DATELINE.text)
    assert store.query("SELECT url, published FROM sources") == [(URL, "2020-06-18")]
    assert {m[5] for m in milestones(store)} == {URL}


def test_apply_from_stdin_without_source_links_none(store: Cli) -> None:
    result = store("extract", "-", "-c", CASE, "--apply", input="The raid was on 17 June 2003.")
    assert milestones(store) == [
        ("2003-06-17", "raid", "undisputed", "The raid was on 17 June 2003.", None, None)
    ]
    assert "no source linked" in result.stderr


def test_applying_again_skips_what_the_case_already_has(store: Cli, tmp_path: Path) -> None:
    article = str(write(tmp_path, RAID.text))
    store("extract", article, "--case", CASE, "--apply")
    before = counts(store)
    result = store("extract", article, "--case", CASE, "--apply")
    assert counts(store) == before
    assert f"added 0 milestones to {CASE}; skipped 4 already in the case" in result.stderr
    assert store.query(
        "SELECT count(*) FROM changes c WHERE command = 'extract'"
        " AND EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)"
    ) == [(1,)]


def test_applying_again_skips_a_proposal_accepted_with_an_edit_or_edited_since(
    store: Cli, tmp_path: Path
) -> None:
    """The milestone still quotes the sentence it came from: a retitled, re-kinded or redated
    proposal is not added a second time by the next run on the same article."""
    article = str(write(tmp_path, RAID.text))
    answers = ["e", "", "Police raid the offices", "", "e", "2001-09~", "", "", "q"]
    store("extract", article, "-c", CASE, "-i", input="\n".join(answers) + "\n")
    store("edit", "2", "--kind", "other")
    result = store("extract", article, "-c", CASE, "--apply")
    assert "added 2 milestones to ncri-2003: 3, 4; skipped 2 already in the case" in result.stderr
    assert [m[:4] for m in milestones(store)][:2] == [
        ("2003-06-17", "raid", "undisputed", "Police raid the offices"),
        ("2001-09~", "other", "unsure",
         "Anti-terrorism judge Jean-Louis Bruguière had opened an investigation in 2001 into"
         " the group's alleged financing."),
    ]  # fmt: skip


def test_dates_of_one_sentence_are_each_added_and_each_found_again(store: Cli) -> None:
    text = "The hearings were held on 4 and 9 May 2019."
    store("extract", "-", "-c", CASE, "-s", URL, "--apply", input=text)
    store("edit", "1", "--title", "First hearing")
    result = store("extract", "-", "-c", CASE, "-s", URL, "--apply", input=text)
    assert "added 0 milestones to ncri-2003; skipped 2 already in the case" in result.stderr
    assert [m[:2] for m in milestones(store)] == [
        ("2019-05-04", "hearing"),
        ("2019-05-09", "hearing"),
    ]


def test_applying_again_with_a_source_cites_it_on_what_the_case_has(store: Cli) -> None:
    """An article pasted once without --source, then run again with its URL: the milestones
    it gave are not added again but cite the URL, each with its sentence."""
    text = "The raid was on 17 June 2003. The NCRI filed a complaint on 3 July 2003."
    store("extract", "-", "-c", CASE, "--apply", input=text)
    result = store("extract", "-", "-c", CASE, "-s", URL, "--apply", input=text)
    assert result.stderr.splitlines()[-1] == (
        f"added 0 milestones to {CASE}; skipped 2 already in the case, citing {URL} on 1, 2 too"
    )
    assert [m[3:] for m in milestones(store)] == [
        ("The raid was on 17 June 2003.", "The raid was on 17 June 2003.", URL),
        ("The NCRI filed a complaint on 3 July 2003.",
         "The NCRI filed a complaint on 3 July 2003.", URL),
    ]  # fmt: skip
    again = store("extract", "-", "-c", CASE, "-s", URL, "--apply", input=text)
    assert (
        again.stderr.splitlines()[-1]
        == f"added 0 milestones to {CASE}; skipped 2 already in the case"
    )
    assert len(milestones(store)) == 2


def test_an_event_another_article_told_is_cited_not_added_again(store: Cli) -> None:
    """Two reports of one arrest, in other words and languages: the second cites its source
    on the milestone the first gave; another person's arrest that day is added."""
    store("party", "add", "Selin Aydemir", "--kind", "person", "--alias", "Mme Aydemir")
    english = "Selin Aydemir was arrested on 22 November 2022 in Istanbul."
    store("extract", "-", "-c", CASE, "-s", URL, "--apply", input=english)
    french = "Mme Aydemir avait été arrêtée le 22 novembre 2022."
    other = "https://example.org/fr/aydemir"
    result = store("extract", "-", "--lang", "fr", "-c", CASE, "-s", other, "--apply", input=french)
    assert result.stderr.splitlines()[-1] == (
        f"added 0 milestones to {CASE}; skipped 1 already in the case, citing {other} on 1 too"
    )
    assert [m[4:] for m in milestones(store)] == [(english, URL), (french, other)]
    store("party", "add", "Ahmet Kaya", "--kind", "person")
    store(
        "extract", "-", "-c", CASE, "--apply", input="Ahmet Kaya was arrested on 22 November 2022."
    )
    assert store.query("SELECT id, date, kind FROM milestones ORDER BY id") == [
        (1, "2022-11-22", "arrest"),
        (2, "2022-11-22", "arrest"),
    ]


def test_a_proposal_deleted_after_it_was_added_is_not_added_again(
    store: Cli, tmp_path: Path
) -> None:
    """Deleting a wrong milestone rejects its proposal: the next run on the article leaves it
    out and says where it is; a run without --source does not cite the file on the others."""
    article = str(write(tmp_path, RAID.text))
    store("extract", article, "-c", CASE, "-s", URL, "--apply")
    store("rm", "2")
    result = store("extract", article, "-c", CASE, "--apply")
    assert result.stderr.splitlines()[-1] == (
        f"added 0 milestones to {CASE}; skipped 3 already in the case;"
        " skipped 1 deleted before (in the trash: 2)"
    )
    asked = store("extract", article, "-c", CASE, "-i", input="")
    assert "  deleted from the case: milestone 2 (casetrack restore 2 brings it back)" in (
        asked.stderr
    )
    assert store.query("SELECT count(*) FROM milestones WHERE deleted_at IS NULL") == [(3,)]
    assert {m[5] for m in milestones(store)} == {URL}


CITING = (
    "The court denied the motion to dismiss on March 3, 2020, relying on"
    " Smith v. Jones, 123 F.3d 456 (9th Cir. 1985)."
)
CITED = "Smith v. Jones, 123 F.3d 456 (9th Cir. 1985)"


def test_apply_links_the_decisions_a_sentence_cites_as_sources_once(store: Cli) -> None:
    result = store("extract", "-", "-c", CASE, "--source", URL, "--apply", input=CITING)
    assert f"new source (cited): {CITED}" in result.stderr
    linked = (
        "SELECT m.date, s.url, s.title, ms.quote FROM milestone_sources ms"
        " JOIN milestones m ON m.id = ms.milestone_id JOIN sources s ON s.id = ms.source_id"
        " ORDER BY s.id"
    )
    assert store.query(linked) == [
        ("2020-03-03", URL, None, CITING),
        ("2020-03-03", CITED, CITED, None),
    ]
    store("extract", "-", "-c", CASE, "--source", URL, "--apply", input=CITING)
    store("extract", "-", "-c", CASE, "--apply", input=CITING.replace("2020", "2021"))
    assert store.query("SELECT count(*) FROM sources WHERE url = ?", (CITED,)) == [(1,)]
    assert len(store.query(linked)) == 3  # the 2021 milestone cites the same source


def test_undo_takes_back_a_whole_extraction(store: Cli, tmp_path: Path) -> None:
    before = counts(store)
    store("extract", str(write(tmp_path, RAID.text)), "--case", CASE, "--apply")
    assert counts(store)["milestones"] == 4
    result = store("undo")
    assert "'extract'" in result.stdout + result.stderr
    assert counts(store) == before
    assert store("check").exit_code == 0


def test_an_organisation_added_meanwhile_is_linked_not_copied(store: Cli) -> None:
    """Between listing and writing (an interactive run), someone may add the party."""
    store("party", "add", "NCR Iran", "--alias", "NCRI")
    proposal = Proposal("2003-06-17", "Raid", "raid", "Raid.", [NCRI], [NewParty(NCRI, "NCRI")])
    db = Store.open(store.db_path)
    try:
        report = apply_proposals(db, CASE, [proposal], source=None)
    finally:
        db.close()
    assert report.new_parties == []
    assert store.query("SELECT count(*) FROM parties") == [(3,)]
    assert store.query(
        "SELECT p.name FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id"
    ) == [("NCR Iran",)]


# --------------------------------------------------------------------------- --interactive


def test_interactive_accepts_edits_and_skips(store: Cli, tmp_path: Path) -> None:
    article = str(write(tmp_path, RAID.text))
    answers = [
        "a",  # the raid, as proposed
        "e", "2001-09~", "Investigation opened", "nonsense", "investigation",  # kind re-asked
        "s",  # the release
        "e", "", "", "",  # the complaint: Enter keeps each field
    ]  # fmt: skip
    result = store("extract", article, "-c", CASE, "--interactive", input="\n".join(answers) + "\n")
    assert "unknown kind 'nonsense'" in result.stderr
    assert [m[:4] for m in milestones(store)] == [
        ("2003-06-17", "raid", "undisputed", RAID_TITLE),
        ("2001-09~", "investigation", "unsure", "Investigation opened"),
        ("2003-07-17~", "complaint", "unsure",
         "Two weeks later, the NCRI filed a complaint over the conditions of the raid."),
    ]  # fmt: skip


def test_interactive_shows_the_parties_each_proposal_links(store: Cli, tmp_path: Path) -> None:
    """The reviewer sees whom a milestone will name before accepting it, new parties marked,
    and the whole sentence when the title cut it short."""
    article = str(write(tmp_path, RAID.text))
    result = store("extract", article, "-c", CASE, "-i", input="q\n")
    assert result.stderr.splitlines()[:3] == [
        "[1/4] 2003-06-17 raid: " + RAID_TITLE,
        "  sentence: " + RAID.text.split(". ")[0] + ".",
        "  parties: National Council of Resistance of Iran (new: NCRI)",
    ]


def test_interactive_again_asks_only_about_what_the_case_lacks(store: Cli, tmp_path: Path) -> None:
    """Reviewing the same article again: what was accepted (even edited) is said, not asked."""
    article = str(write(tmp_path, RAID.text))
    store("extract", article, "-c", CASE, "-i", input="e\n\nPolice raid\n\ns\na\nq\n")
    result = store("extract", article, "-c", CASE, "-i", input="a\nq\n")
    assert "  already in the case: milestone 1" in result.stderr
    assert "  already in the case: milestone 2" in result.stderr
    assert result.stderr.endswith(
        f"added 1 milestone to {CASE}: 3; skipped 2 already in the case\n"
    )
    assert [m[:2] for m in milestones(store)] == [
        ("2003-06-17", "raid"),
        ("2003-07-03", "release"),
        ("2001", "investigation"),
    ]


def test_interactive_parties_replace_those_the_sentence_gave(store: Cli, tmp_path: Path) -> None:
    """'p' corrects whom a milestone names: known parties by alias, a close misspelling
    refused and asked again, '-' for none."""
    article = str(write(tmp_path, RAID.text))
    answers = [
        "p", "-", "a",  # the raid: NCRI (new) dropped, so not created
        "p", "Rajavy", "radjavi; judge Bruguiere; Interpol", "a",  # the investigation
        "q",
    ]  # fmt: skip
    result = store("extract", article, "-c", CASE, "-i", input="\n".join(answers) + "\n")
    assert "no party named 'Rajavy', but 'Maryam Rajavi'" in result.stderr
    assert "  parties: none" in result.stderr
    assert store.query(
        "SELECT m.date, p.name, p.kind FROM milestones m LEFT JOIN milestone_parties mp"
        " ON mp.milestone_id = m.id LEFT JOIN parties p ON p.id = mp.party_id ORDER BY m.id, p.name"
    ) == [
        ("2003-06-17", None, None),
        ("2001", "Interpol", "other"),
        ("2001", "Jean-Louis Bruguiere", "person"),
        ("2001", "Maryam Rajavi", "person"),
    ]


def test_interactive_quit_keeps_what_was_accepted(store: Cli, tmp_path: Path) -> None:
    article = str(write(tmp_path, RAID.text))
    store("extract", article, "-c", CASE, "-i", input="s\nwhat\na\nq\n")
    assert [m[:2] for m in milestones(store)] == [("2001", "investigation")]


def test_interactive_takes_yes_and_no_for_accept_and_skip(store: Cli, tmp_path: Path) -> None:
    """y accepts and n skips, as people answer a yes-or-no question; other answers are asked
    again, naming y and n too."""
    article = str(write(tmp_path, RAID.text))
    result = store("extract", article, "-c", CASE, "-i", input="n\nwhat\nyes\nq\n")
    assert [m[:2] for m in milestones(store)] == [("2001", "investigation")]
    assert (
        "answer a (accept, or y), e (edit), p (parties), s (skip, or n) or q (quit)"
        in result.stderr
    )


def test_interactive_edit_to_a_plain_date_makes_it_undisputed(store: Cli, tmp_path: Path) -> None:
    article = str(write(tmp_path, RAID.text))
    store("extract", article, "-c", CASE, "-i", input="q\n")
    assert milestones(store) == []
    store("extract", article, "-c", CASE, "-i", input="s\ns\ns\ne\n2003-07-18\n\n\n")
    assert [m[:3] for m in milestones(store)] == [("2003-07-18", "complaint", "undisputed")]


def test_interactive_input_ending_early_writes_nothing(store: Cli, tmp_path: Path) -> None:
    before = counts(store)
    article = str(write(tmp_path, RAID.text))
    result = store("extract", article, "-c", CASE, "-i", input="a\na\n", code=1)
    assert result.stderr.splitlines()[-1] == "casetrack: stopped before the end: nothing written"
    assert counts(store) == before


def test_interactive_on_stdin_asks_on_the_terminal(store: Cli) -> None:
    """'pbpaste | casetrack extract - -i': stdin is the text, so the answers come from the
    terminal (a pseudo-terminal here), not from the end of the text."""
    main, terminal = pty.openpty()
    os.write(main, b"a\ns\nq\n")  # kept by the terminal until the prompts read them
    done = subprocess.run(
        [sys.executable, "-m", "casetrack", "--db", str(store.db_path), "extract", "-", "-c",
         CASE, "-s", URL, "-i"],
        input=RAID.text.encode(), capture_output=True, start_new_session=True,
        pass_fds=(terminal,), timeout=60,
        preexec_fn=lambda: fcntl.ioctl(terminal, termios.TIOCSCTTY, 0),
    )  # fmt: skip
    os.close(main)
    os.close(terminal)
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().splitlines()[-1] == f"added 1 milestone to {CASE}: 1"
    assert [m[:2] for m in milestones(store)] == [("2003-06-17", "raid")]


def test_interactive_on_stdin_without_a_terminal_is_refused(
    store: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("casetrack.cli.extract.TERMINAL", str(tmp_path / "no-terminal"))
    before = counts(store)
    result = store("extract", "-", "-c", CASE, "-i", input=RAID.text, code=1)
    assert result.stderr == (
        "casetrack: --interactive with '-' needs a terminal to answer on (stdin is the text):"
        " save the text to a file, or use --apply\n"
    )
    assert result.stdout == ""
    assert counts(store) == before


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("flag", ["--apply", "--interactive"])
def test_writing_needs_a_case(cli: Cli, tmp_path: Path, flag: str) -> None:
    result = cli("extract", str(write(tmp_path, RAID.text)), flag, code=1)
    assert (
        result.stderr
        == "casetrack: --apply and --interactive need --case CASE: the case to add to\n"
    )
    assert not cli.db_path.exists()


def test_apply_and_interactive_together_are_refused(store: Cli, tmp_path: Path) -> None:
    article = str(write(tmp_path, RAID.text))
    result = store("extract", article, "-c", CASE, "--apply", "-i", code=1)
    assert result.stderr == "casetrack: use --apply or --interactive, not both\n"


def test_unknown_case_is_refused_with_a_suggestion(store: Cli, tmp_path: Path) -> None:
    before = counts(store)
    result = store("extract", str(write(tmp_path, RAID.text)), "-c", "ncri-2030", "--apply", code=1)
    assert result.stderr.startswith("casetrack: no case 'ncri-2030' (did you mean 'ncri-2003'?)")
    assert result.stdout == ""  # refused before listing
    assert counts(store) == before


def test_unknown_source_id_is_refused(store: Cli, tmp_path: Path) -> None:
    article = str(write(tmp_path, RAID.text))
    result = store("extract", article, "-c", CASE, "--source", "7", "--apply", code=1)
    assert "no source with id 7" in result.stderr


def test_unsupported_language_lists_the_supported_ones(cli: Cli, tmp_path: Path) -> None:
    result = cli("extract", str(write(tmp_path, RAID.text)), "--lang", "it", code=2)
    assert f"unknown language 'it': use {', '.join(SUPPORTED_LANGS)}" in result.stderr
    help_text = cli("extract", "--help").stdout
    assert all(lang in help_text for lang in SUPPORTED_LANGS)


def test_french_text_with_lang(cli: Cli, tmp_path: Path) -> None:
    french = SAMPLES[2]
    found = candidates(cli, str(write(tmp_path, french.text)), "--lang", "FR")
    assert [c["date"] for c in found] == [e.date for e in french.proposed()]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.txt", "casetrack: cannot read missing.txt: No such file or directory\n"),
        (".", "casetrack: cannot read .: Is a directory\n"),
    ],
)
def test_unreadable_files_are_one_line_errors(cli: Cli, name: str, message: str) -> None:
    assert cli("extract", name, code=1).stderr == message


def test_text_that_is_not_utf8_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Arrêté le 17 juin 2003.".encode("latin-1"))
    assert cli("extract", str(path), code=1).stderr == (
        f"casetrack: {path} is not UTF-8 text: save it as UTF-8\n"
    )


def test_the_file_extract_cited_is_found_by_the_path_typed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`extract texts/a.txt --apply` cites the file by its full path; the relative path
    typed for it names that source in filters too (a missing file is still refused)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("On 17 June 2003 the police raided the offices.\n")
    cli("case", "add", "c1", "--title", "T")
    cli("extract", "texts/a.txt", "-c", "c1", "--apply")
    assert cli.query("SELECT url FROM sources") == [(str(tmp_path / "texts" / "a.txt"),)]
    found = json.loads(cli("timeline", "--source", "texts/a.txt", "-f", "json").stdout)
    assert [m["id"] for m in found] == [1]
    monkeypatch.chdir(tmp_path / "texts")
    assert "a.txt" in cli("source", "show", "a.txt").stdout
    missing = cli("timeline", "--source", "texts/b.txt", code=1)
    assert missing.stderr == "casetrack: no source 'texts/b.txt': see 'casetrack source list'\n"


def test_every_listing_format_lists_the_candidates(cli: Cli, tmp_path: Path) -> None:
    """extract takes every listing's --format: csv and markdown give the table's columns
    (the anchor too), jsonl one candidate a line as json lists them."""
    import csv
    import io
    import json

    article = str(write(tmp_path, RAID.text))
    listed = candidates(cli, article)
    rows = list(csv.DictReader(io.StringIO(cli("extract", article, "-f", "csv").stdout)))
    assert [r["date"] for r in rows] == [c["date"] for c in listed]
    assert rows[3]["anchor"] == "2003-07-03" and rows[3]["found"] == "Two weeks later"
    lines = cli("extract", article, "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == listed
    assert cli("extract", article, "-f", "markdown").stdout.startswith("| #")


def test_apply_creates_each_new_party_of_the_kind_its_shape_says(cli: Cli, tmp_path: Path) -> None:
    """A body by its shape is an organisation, its accented acronym its alias; a first name
    and an initial are one person; a court keeps its qualifier and seat."""
    cli("case", "add", "kaya-2021", "--title", "Kaya")
    text = (
        "Le militant Karim B. a été arrêté le 3 mars 2021. Amnesty International a dénoncé "
        "son arrestation le 4 mars 2021. Özgürlük İçin Hukukçular Derneği (ÖHD) a porté plainte "
        "le 5 mars 2021. La cour d'appel régionale d'Istanbul a confirmé la peine le 12 mars 2022."
    )
    article = write(tmp_path, text)
    cli("extract", str(article), "--case", "kaya-2021", "--lang", "fr", "--apply")
    assert cli.query(
        "SELECT p.name, p.kind, a.alias FROM parties p"
        " LEFT JOIN party_aliases a ON a.party_id = p.id ORDER BY p.id"
    ) == [
        ("Karim B.", "person", None),
        ("Amnesty International", "organization", None),
        ("Özgürlük İçin Hukukçular Derneği", "organization", "ÖHD"),
        ("cour d'appel régionale d'Istanbul", "court", None),
    ]
