"""Documents: registered by hash with their pages and labels, verified, opened, removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Cli
from tests.pdfs import EXHIBIT_LABELS, corrupt, encrypted, exhibit, write_pdf


def test_doc_add_keeps_hash_pages_labels_and_text(cli: Cli, tmp_path: Path) -> None:
    import hashlib

    pdf = exhibit(tmp_path)
    cli("case", "add", "acme", "--title", "Acme")
    result = cli("doc", "add", str(pdf), "--title", "Exhibit 5", "--custodian", "J. Smith",
                 "--bates", "DEF_0001-DEF_0006", "--case", "acme")  # fmt: skip
    assert result.stdout == "1\n"
    assert "added document 1 (Exhibit 5, 6 pages)" in result.stderr
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert cli.query(
        "SELECT sha256, size, pages, media_type, path, title, custodian, bates_first, bates_last,"
        " text_layer FROM documents"
    ) == [(digest, pdf.stat().st_size, 6, "pdf", "exhibit5.pdf", "Exhibit 5", "J. Smith",
           "DEF_0001", "DEF_0006", "text")]  # fmt: skip
    pages = cli.query("SELECT page_index, label, text FROM document_pages ORDER BY page_index")
    assert [p[1] for p in pages] == EXHIBIT_LABELS
    assert "police raided" in str(pages[3][2])
    # The document is cited through a source of its own.
    assert cli.query("SELECT url, title, document_id FROM sources") == [
        (f"sha256:{digest}", "Exhibit 5", 1)
    ]
    shown = json.loads(cli("doc", "show", "1", "-f", "json").stdout)
    assert shown["page_labels"] == "i-iv, 1-2" and shown["case"] == "acme"
    assert shown["bates"] == "DEF_0001-DEF_0006" and shown["milestones"] == []
    assert (shown["bates_first"], shown["bates_last"]) == ("DEF_0001", "DEF_0006")
    # The table says the range once, beside the custodian.
    table = [line.split() for line in cli("doc", "show", "1").stdout.splitlines()]
    assert [row for row in table if row and row[0].startswith("bates")] == [
        ["bates", "DEF_0001-DEF_0006"]
    ]
    listed = json.loads(cli("doc", "list", "-f", "json").stdout)
    assert [(d["id"], d["cited"]) for d in listed] == [(1, 0)]


def test_same_bytes_anywhere_are_the_same_document(cli: Cli, tmp_path: Path) -> None:
    pdf = exhibit(tmp_path)
    cli("doc", "add", str(pdf))
    (tmp_path / "elsewhere").mkdir()
    copy = tmp_path / "elsewhere" / "copy.pdf"
    copy.write_bytes(pdf.read_bytes())
    result = cli("doc", "add", str(copy), "--title", "Another title")
    assert result.stdout == "1\n" and "already registered as document 1" in result.stderr
    assert cli.query("SELECT count(*), min(title) FROM documents") == [(1, "exhibit5.pdf")]


def test_html_and_text_pages(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<html><head><title>T</title><script>var x;</script></head><body><p>Raid on"
        " 17 June 2003.</p></body></html>"
    )
    (tmp_path / "notes.txt").write_text("First page.\fSecond page.\fThird page.")
    cli("doc", "add", "page.html")
    cli("doc", "add", "notes.txt")
    assert cli.query("SELECT media_type, pages FROM documents ORDER BY id") == [
        ("html", 1),
        ("text", 3),
    ]
    texts = cli.query("SELECT text FROM document_pages WHERE document_id = 2 ORDER BY page_index")
    assert [t[0] for t in texts] == ["First page.", "Second page.", "Third page."]
    html = cli.query("SELECT text FROM document_pages WHERE document_id = 1")[0][0]
    assert "Raid on 17 June 2003." in str(html) and "var x" not in str(html)


def test_an_html_fragment_is_html_and_a_bracketed_name_is_text(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "fragment.txt").write_text("<p>Raid on <b>17 June 2003</b>.</p>")
    (tmp_path / "quote.txt").write_text("<Name> said the raid was on 17 June 2003.")
    cli("doc", "add", "fragment.txt")
    cli("doc", "add", "quote.txt")
    assert cli.query(
        "SELECT d.media_type, p.text FROM documents d JOIN document_pages p"
        " ON p.document_id = d.id ORDER BY d.id"
    ) == [("html", "Raid on 17 June 2003."), ("text", "<Name> said the raid was on 17 June 2003.")]


def test_path_outside_the_store_folder_is_absolute(cli: Cli, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    pdf = exhibit(outside)
    cli("doc", "add", str(pdf))
    assert cli.query("SELECT path FROM documents") == [(str(pdf.resolve()),)]


def test_scan_without_text_is_registered_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    scan = write_pdf(tmp_path / "scan.pdf", ["", ""])
    result = cli("doc", "add", str(scan))
    assert result.stderr.count("warning:") == 1 and "no text layer" in result.stderr
    assert cli.query("SELECT text_layer, pages FROM documents") == [("none", 2)]


@pytest.mark.parametrize("make", [corrupt, encrypted], ids=["corrupt", "encrypted"])
def test_unreadable_pdf_is_refused_and_nothing_written(
    cli: Cli, tmp_path: Path, make: object
) -> None:
    pdf = make(tmp_path)  # type: ignore[operator]
    result = cli("doc", "add", str(pdf), code=1)
    assert result.stderr.count("\n") == 1 and str(pdf) in result.stderr
    assert ("encrypted" if make is encrypted else "not a readable PDF") in result.stderr
    assert not cli.db_path.exists()  # not even the store a first write would create


def test_missing_file_and_bad_options_are_one_line(cli: Cli, tmp_path: Path) -> None:
    cli("init")
    for args, said in (
        (["doc", "add", "nope.pdf"], "nope.pdf"),
        (["doc", "add", str(exhibit(tmp_path)), "--bates", "DEF_9-ABC_10"], "bad Bates range"),
        (["doc", "add", str(exhibit(tmp_path)), "--case", "nope"], "no case 'nope'"),
        (["doc", "show", "7"], "no document 7"),
        (["doc", "open", "x"], "names no document"),
        (["doc", "open", "9300000000000000000"], "no document 9300000000000000000"),  # > 2**63
    ):
        result = cli(*args, code=1)
        assert result.stderr.count("\n") == 1 and said in result.stderr, result.stderr
    assert cli.query("SELECT count(*) FROM documents") == [(0,)]


def test_verify_catches_a_one_byte_change_and_a_missing_file(cli: Cli, tmp_path: Path) -> None:
    pdf = exhibit(tmp_path)
    other = write_pdf(tmp_path / "other.pdf", ["Other document."])
    cli("doc", "add", str(pdf))
    cli("doc", "add", str(other))
    assert "unchanged" in cli("doc", "verify").stdout
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 1
    pdf.write_bytes(bytes(data))
    result = cli("doc", "verify", "-f", "json", code=1)
    assert [r["status"] for r in json.loads(result.stdout)] == ["changed", "unchanged"]
    assert "1 of 2 documents changed or missing" in result.stderr
    other.unlink()
    result = cli("doc", "verify", "2", "-f", "json", code=1)
    assert [r["status"] for r in json.loads(result.stdout)] == ["missing"]


def test_open_prints_path_and_page(cli: Cli, tmp_path: Path) -> None:
    pdf = exhibit(tmp_path)
    cli("doc", "add", str(pdf))
    assert cli("doc", "open", "1").stdout == f"{pdf}\n"
    assert cli("doc", "open", "1", "--page", "iv").stdout == f"{pdf}\n4\n"
    assert cli("doc", "open", "1", "--page", "#5").stdout == f"{pdf}\n5\n"
    assert cli("doc", "open", "1", "--page", "2").stdout == f"{pdf}\n6\n"  # label "2" first
    result = cli("doc", "open", "1", "--page", "v", code=1)
    assert "has no page 'v': its pages are i-iv, 1-2 (or #1-6 by position)" in result.stderr


def test_a_page_written_as_a_brief_cites_it_is_that_page(cli: Cli, tmp_path: Path) -> None:
    """'p. 2', 'page iv', 'p.2' are what a pinpoint looks like in a brief: the page labelled
    2 or iv, never the position; a label that is not there is still refused."""
    pdf = exhibit(tmp_path)
    cli("doc", "add", str(pdf))
    cli("case", "add", "acme", "--title", "Acme")
    assert cli("doc", "open", "1", "--page", "p. 2").stdout == f"{pdf}\n6\n"
    assert cli("doc", "open", "1", "--page", "Page iv").stdout == f"{pdf}\n4\n"
    (milestone,) = cli("add", "acme", "2003", "Raid", "--cite", "1:p.2").stdout.split()
    assert cli.query("SELECT page FROM milestone_sources WHERE milestone_id = ?", (milestone,)) == [
        ("2",)
    ]
    refused = cli("doc", "open", "1", "--page", "p. 9", code=1).stderr
    assert "has no page '9': its pages are i-iv, 1-2" in refused


def test_rm_is_undoable(cli: Cli, tmp_path: Path) -> None:
    cli("doc", "add", str(exhibit(tmp_path)))
    before = cli.records()
    cli("doc", "rm", "1")
    assert cli.query("SELECT count(*) FROM document_pages") == [(0,)]
    assert cli.query("SELECT count(*) FROM sources") == [(0,)]
    cli("undo")
    assert cli.records() == before
    cli("undo")  # the add itself
    assert cli.query("SELECT count(*) FROM documents") == [(0,)]


def test_a_one_page_document_is_said_as_one_page_when_added_and_undone(
    cli: Cli, tmp_path: Path
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Hearing set for 1 September 2003.")
    assert "added document 1 (note.txt, 1 page)" in cli("doc", "add", str(note)).stderr
    assert "removed document 1 'note.txt' (1 page, note.txt)" in cli("undo").stderr


def test_a_documents_source_is_changed_through_the_document(cli: Cli, tmp_path: Path) -> None:
    cli("doc", "add", str(exhibit(tmp_path)))
    assert "how document 1 is cited" in cli("source", "rm", "1", code=1).stderr
    assert "how document 1 is cited" in cli("source", "edit", "1", "--url", "x", code=1).stderr
    cli("source", "edit", "1", "--title", "Exhibit 5")
    assert cli.query("SELECT count(*) FROM documents") == [(1,)]


def test_search_lists_pages_of_documents_beside_milestones(cli: Cli, tmp_path: Path) -> None:
    cli("case", "add", "acme", "--title", "Acme")
    cli("case", "add", "other", "--title", "Other")
    cli("add", "acme", "2003-06-17", "Police raid on Acme", "--kind", "raid")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5", "--case", "acme")
    result = cli("search", "charged", "the", "director")
    assert "document" in result.stdout and "Exhibit 5" in result.stdout
    assert "[charged] [the] [director]" in result.stdout
    found = json.loads(cli("search", '"investigating judge"', "-f", "json").stdout)
    assert found == [
        {"type": "page", "document": 1, "title": "Exhibit 5", "sha256": found[0]["sha256"],
         "page": "1",
         "page_index": 5, "rank": 1,
         "snippet": "On 3 July 2003 the [investigating judge] charged the director."}
    ]  # fmt: skip
    both = json.loads(cli("search", "police", "-f", "json").stdout)
    assert [("document" in r, r.get("page")) for r in both] == [(False, None), (True, "iv")]
    assert cli("search", "police", "--case", "other").stderr == "no matches\n"
    # Other filters are about milestones: documents are left out.
    assert ["document" in r for r in json.loads(
        cli("search", "police", "--kind", "raid", "-f", "json").stdout)] == [False]  # fmt: skip
    cli("search", "--rebuild")
    assert len(json.loads(cli("search", "ledgers", "-f", "json").stdout)) == 1


def test_a_long_pdf_is_read_opening_it_again(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pypdf keeps what it parsed: the file is opened again every few pages (100; 2 here),
    and every page still comes out whole and in order."""
    monkeypatch.setattr("casetrack.pages.REOPEN_AFTER", 2)
    pdf = write_pdf(tmp_path / "long.pdf", [f"Page number {n} of seven." for n in range(1, 8)])
    cli("doc", "add", str(pdf))
    texts = cli.query("SELECT page_index, text FROM document_pages ORDER BY page_index")
    assert [(i, f"Page number {i} of seven." in str(t)) for i, t in texts] == [
        (i, True) for i in range(1, 8)
    ]


@pytest.mark.parametrize("columns", ["80", "60"])
def test_a_long_path_is_folded_in_a_table_keeping_its_file_name(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    folder = tmp_path / "a very long folder name for exhibits" / "and another level of nesting"
    folder.mkdir(parents=True)
    name = "exhibit-2003-06-17-police-report.txt"
    (folder / name).write_text("The police report.\n")
    relative = str((folder / name).relative_to(tmp_path))
    cli("doc", "add", relative, "--title", "Police report of the raid on the offices",
        "--bates", "DEF_0001-DEF_0046")  # fmt: skip
    monkeypatch.setenv("COLUMNS", columns)
    for command in (["doc", "list"], ["doc", "verify"]):
        shown = cli(*command).stdout
        assert "…" not in shown
        assert all(len(line) <= int(columns) for line in shown.splitlines())
        # The path's column, read down, is the whole path (with breaks only after a "/", at
        # a space or after a "-" within the name).
        start = shown.splitlines()[0].index("path")
        column = [line[start:].split("  ")[0] for line in shown.splitlines()[2:]]
        assert column[-1].endswith("report.txt")
        assert "".join(column).replace(" ", "") == str(
            folder / name if "verify" in command else relative
        ).replace(" ", "")
    assert json.loads(cli("doc", "list", "-f", "json").stdout)[0]["path"] == relative


@given(st.text(st.sampled_from("ab -/._"), min_size=1, max_size=60), st.integers(4, 30))
def test_a_folded_path_fits_and_keeps_every_character(path: str, width: int) -> None:
    from casetrack.output.paths import fold_path

    folded = fold_path(path, width)
    assert all(len(line) <= width for line in folded.split("\n"))
    assert folded.replace("\n", "").replace(" ", "") == path.replace(" ", "")


def test_a_misspelt_file_name_is_refused_naming_the_file_meant(cli: Cli, tmp_path: Path) -> None:
    """`doc add`, `extract` and `import` of a file that is not there name the file of its
    folder closest to it (a file, not a folder), and write nothing."""
    cli("init")
    cli("case", "add", "acme", "--title", "Acme")
    pdf = exhibit(tmp_path)
    (tmp_path / "press.txt").write_text("On 3 March 2011 the police raided the offices.\n")
    (tmp_path / "docket_2.json").write_text("[]\n")
    (tmp_path / "press-folder").mkdir()
    typo = str(pdf.with_name(pdf.stem[:-1] + pdf.stem[-1] * 2 + pdf.suffix))
    before = cli.records()
    for args, meant in (
        (["doc", "add", typo], str(pdf)),
        (["extract", "pres.txt", "--case", "acme", "--apply"], "press.txt"),
        (["import", "docket2.json"], "docket_2.json"),
    ):
        said = cli(*args, code=1).stderr
        assert said.count("\n") == 1 and said.endswith(
            f": No such file or directory (did you mean {meant!r}?)\n"
        ), said
    assert "did you mean" not in cli("import", "elsewhere.json", code=1).stderr
    assert cli.records() == before


def test_a_file_changed_since_it_was_registered_warns_naming_the_document(
    cli: Cli, tmp_path: Path
) -> None:
    """The same path with other bytes is a new document, and the warning says which one was
    registered from it before (whose `doc verify` now says changed); the same bytes again
    give the same document, without a warning."""
    cli("init")
    release = tmp_path / "release.txt"
    release.write_text("On 18 May 2023 the court of appeal upheld the conviction.\n")
    assert cli("doc", "add", str(release)).stdout == "1\n"
    release.write_text("On 18 May 2023 the court of appeal quashed the conviction.\n")
    result = cli("doc", "add", str(release))
    assert result.stdout == "2\n"
    assert result.stderr.splitlines()[0] == (
        "warning: release.txt was registered with other bytes as document 1: the file changed"
        " since, so this is a new document ('casetrack doc verify 1' says changed until"
        " 'casetrack doc replace 1 2' moves its citations here)"
    )
    again = cli("doc", "add", str(release))
    assert again.stdout == "2\n" and "warning" not in again.stderr
    assert "changed" in cli("doc", "verify", "1", code=1).stdout
    assert cli.query("SELECT id FROM documents ORDER BY id") == [(1,), (2,)]


def test_a_page_range_or_a_title_in_cite_is_refused_saying_what_to_give(
    cli: Cli, tmp_path: Path
) -> None:
    """`--cite 1:pp. 1-2` is a range where a pinpoint is one page: the refusal names the
    first page to give; `--cite exhibit:1` names the document whose title is closest. Both
    are one line and write nothing."""
    cli("init")
    cli("case", "add", "acme", "--title", "Acme")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5")
    before = cli.records()
    said = cli("add", "acme", "2003-06-17", "Raid", "--cite", "1:pp. 1-2", code=1).stderr
    assert said == (
        "casetrack: a pinpoint is one page of document 1, not the range '1-2': give its first"
        " page, 1, and say the range in the note\n"
    )
    said = cli("add", "acme", "2003-06-17", "Raid", "--cite", "exhibit:1", code=1).stderr
    assert said == (
        "casetrack: 'exhibit' names no document: give its id or its SHA-256 (did you mean"
        " document 1, 'Exhibit 5'?)\n"
    )
    assert "(see 'casetrack doc list')" in cli("doc", "show", "zzz", code=1).stderr
    assert cli.records() == before


def test_doc_show_marks_a_quote_not_found_on_its_page_as_show_does(
    cli: Cli, tmp_path: Path
) -> None:
    """The milestones citing a document say which quotes are not on the page cited (the
    table marks the quote, JSON gives quote_found), as show and check do."""
    cli("init")
    cli("case", "add", "acme", "--title", "Acme")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5")
    cli("add", "acme", "2003-06-17", "Summary", "--cite", "1:ii", "--quote", "Summary of the")
    cli("add", "acme", "2003-07-03", "Director charged", "--cite", "1:ii", "--quote", "nowhere")
    table = cli("doc", "show", "1").stdout
    assert "nowhere (quote not found on the page)" in table
    assert "Summary of the (quote" not in table
    listed = json.loads(cli("doc", "show", "1", "-f", "json").stdout)["milestones"]
    assert [(m["id"], m["quote_found"]) for m in listed] == [(1, True), (2, False)]


def test_a_changed_file_added_again_is_resolved_by_replacing_the_old_document(
    cli: Cli, tmp_path: Path
) -> None:
    """A text file changed and added again is a new document; `doc verify` says of the old
    one what ends its 'changed' ('doc replace 1 2'), which moves its citations to the new
    one and forgets it, so verify passes from then on; one undo brings it back."""
    cli("init")
    cli("case", "add", "acme", "--title", "Acme")
    release = tmp_path / "release.txt"
    release.write_text("On 18 May 2023 the court of appeal upheld the conviction.\n")
    cli("doc", "add", str(release))
    cli("add", "acme", "2023-05-18", "Appeal ruling", "--cite", "1:1", "--quote", "court of appeal")
    release.write_text("On 18 May 2023 the court of appeal quashed the conviction.\n")
    result = cli("doc", "verify", code=1)
    assert f"'casetrack doc add {release}' registers the file as it is now" in result.stderr
    assert "'casetrack doc replace 1 NEW'" in result.stderr
    assert cli("doc", "add", str(release)).stdout == "2\n"
    result = cli("doc", "verify", code=1)
    assert (
        "document 1 changed: the file is now document 2: 'casetrack doc replace 1 2' moves its"
        " 1 citation to document 2 and forgets this one" in result.stderr
    )
    before = cli.records()
    done = cli("doc", "replace", "1", "2")
    assert "replaced document 1 (release.txt) with document 2 (release.txt): 1 citation" in (
        done.stderr
    )
    assert cli.query(
        "SELECT s.document_id, ms.page, ms.quote_found FROM milestone_sources ms"
        " JOIN sources s ON s.id = ms.source_id"
    ) == [(2, "1", 1)]
    assert cli.query("SELECT id FROM documents") == [(2,)]
    for _ in range(2):  # for good: every run
        result = cli("doc", "verify")
        assert " changed " not in result.stdout and not result.stderr
    cli("undo")
    assert cli.records() == before
    cli("doc", "verify", code=1)


def test_verify_says_how_to_resolve_a_missing_or_changed_uncited_document(
    cli: Cli, tmp_path: Path
) -> None:
    cli("init")
    (tmp_path / "a.txt").write_text("first\n")
    (tmp_path / "b.txt").write_text("second\n")
    cli("doc", "add", str(tmp_path / "a.txt"))
    cli("doc", "add", str(tmp_path / "b.txt"))
    (tmp_path / "a.txt").write_text("first, changed\n")
    (tmp_path / "b.txt").unlink()
    result = cli("doc", "verify", "-f", "json", code=1)
    resolve = {r["id"]: r["resolve"] for r in json.loads(result.stdout)}
    assert resolve[1].startswith("'casetrack doc rm 1' forgets it")
    assert resolve[2].startswith("'casetrack doc add FILE' with the file where it is now")
    assert "'casetrack doc rm 2' forgets it" in resolve[2]
    for line in ("document 1 changed: 'casetrack doc rm 1'", "document 2 missing: 'casetrack"):
        assert line in result.stderr
    cli("doc", "rm", "1")
    cli("doc", "rm", "2")
    assert "changed" not in cli("doc", "verify").stderr


def test_replace_refuses_a_page_the_new_document_lacks(cli: Cli, tmp_path: Path) -> None:
    cli("init")
    cli("case", "add", "c", "--title", "C")
    two = tmp_path / "two.txt"
    two.write_text("page one\fpage two\n")
    cli("doc", "add", str(two))
    cli("add", "c", "2020", "Filed", "--cite", "1:2")
    two.write_text("one page now\n")
    cli("doc", "add", str(two))
    before = cli.records()
    result = cli("doc", "replace", "1", "2", code=1)
    assert (
        "document 2 has no page '2', cited from document 1 by milestone 1: cite another page"
        " first ('casetrack edit 1 --remove-cite 1 --cite 2:PAGE')" in result.stderr
    )
    assert cli.records() == before
    assert "cannot replace itself" in cli("doc", "replace", "2", "2", code=1).stderr
