"""Pinpoint citations of a registered document's page, with a quote checked against it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from casetrack.pages import fold_words, quote_on
from tests.conftest import Cli
from tests.pdfs import exhibit
from tests.test_format_schema import assert_valid_exports


@pytest.fixture
def cited(cli: Cli, tmp_path: Path) -> Cli:
    """A case and the registered exhibit (document 1, pages i-iv, 1-2)."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5")
    return cli


def test_cite_a_page_by_label_with_a_quote(cited: Cli) -> None:
    result = cited("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv",
                   "--quote", "the police raided the OFFICES of Acme")  # fmt: skip
    assert "warning" not in result.stderr  # case, spaces and "offi-\nces" do not matter
    assert cited.query("SELECT source_id, quote, page, page_index FROM milestone_sources") == [
        (1, "the police raided the OFFICES of Acme", "iv", 4)
    ]
    source = json.loads(cited("show", "1", "-f", "json").stdout)["sources"][0]
    assert (source["document"], source["page"], source["page_index"]) == (1, "iv", 4)
    assert source["sha256"] == cited.query("SELECT sha256 FROM documents")[0][0]
    assert "Exhibit 5, p. iv" in cited("timeline", "acme", "--wide").stdout
    shown = json.loads(cited("doc", "show", "1", "-f", "json").stdout)
    assert [(m["id"], m["page"]) for m in shown["milestones"]] == [(1, "iv")]


def test_cite_by_position_and_a_missing_page(cited: Cli) -> None:
    cited("add", "acme", "2003-07-03", "Charged", "--cite", "1:#5")
    cited("add", "acme", "2003-07-04", "Front matter", "--cite", "1:III")  # the label is iii
    assert cited.query("SELECT page, page_index FROM milestone_sources") == [("1", 5), ("iii", 3)]
    result = cited("add", "acme", "2003", "x", "--cite", "1:vii", code=1)
    assert result.stderr == (
        "casetrack: document 1 (Exhibit 5) has no page 'vii': its pages are i-iv, 1-2"
        " (or #1-6 by position)\n"
    )
    assert "no document 4" in cited("add", "acme", "2003", "x", "--cite", "4:1", code=1).stderr
    assert "malformed --cite" in cited("add", "acme", "2003", "x", "--cite", "1:", code=1).stderr
    assert cited.query("SELECT count(*) FROM milestones") == [(2,)]


def test_a_number_no_page_is_labelled_is_refused_not_taken_for_a_position(cited: Cli) -> None:
    """Page 3 of a file labelled i-iv, 1-2 is printed iii: "3" typed for a printed page that
    does not exist must not cite it without a word."""
    before = cited.records()
    result = cited("add", "acme", "2003", "x", "--cite", "1:3", "--quote", "the police", code=1)
    assert result.stderr == (
        "casetrack: document 1 (Exhibit 5) has no page '3': its pages are i-iv, 1-2"
        " (or #1-6 by position: #3 is labelled iii)\n"
    )
    assert "#3 is labelled iii" in cited("doc", "open", "1", "--page", "3", code=1).stderr
    assert cited.records() == before
    cited("add", "acme", "2003", "x", "--cite", "1:#3")
    assert cited.query("SELECT page, page_index FROM milestone_sources") == [("iii", 3)]


def test_a_quote_found_elsewhere_is_accepted_with_a_warning(cited: Cli) -> None:
    result = cited("add", "acme", "2003-07-03", "Charged", "--cite", "1:iv",
                   "--quote", "the investigating judge charged the director")  # fmt: skip
    assert result.stderr.count("warning") == 1
    assert "not on page iv of document 1 (Exhibit 5): it is on page 1" in result.stderr
    result = cited("add", "acme", "2014", "Dismissed", "--cite", "1:2", "--quote", "acquitted")
    assert "nor on any other page" in result.stderr
    assert cited.query("SELECT count(*) FROM milestone_sources") == [(2,)]


def test_a_quote_not_found_is_recorded_shown_and_listed_by_check(cited: Cli) -> None:
    """Not only a passing warning at `add`: the citation records it, `show` marks it, `check`
    lists it as a warning (exit 0), and a correction clears it."""
    cited("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--quote", "raided")
    cited("add", "acme", "2014", "Dismissed", "--cite", "1:2", "--quote", "acquitted")
    cited("add", "acme", "2003-07-03", "Charged", "--cite", "1:#5")
    found = "SELECT milestone_id, quote_found FROM milestone_sources ORDER BY milestone_id"
    assert cited.query(found) == [(1, 1), (2, 0), (3, None)]
    shown = cited("show", "2").stdout
    assert "(document 1, page 6 of the file): “acquitted” (quote not found on the page)" in shown
    assert "quote not found" not in cited("show", "1").stdout
    (link,) = json.loads(cited("show", "2", "-f", "json").stdout)["sources"]
    assert link["quote_found"] is False
    result = cited("check")
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "warning: quote not found on the page: milestone 2 cites document 1 (Exhibit 5) at page"
        " 2: “acquitted” ('casetrack doc show 1', 'casetrack edit 2 --cite ...')"
    )
    cited("edit", "2", "--cite", "1:2", "--quote", "the charges were dismissed")
    assert cited.query(found)[1] == (2, 1)
    assert "warning" not in cited("check").stderr
    cited("undo")
    assert cited.query(found)[1] == (2, 0)


def test_doc_verify_and_adding_the_file_again_check_quotes_again(
    cited: Cli, tmp_path: Path
) -> None:
    """A quote cited while the page's text was unknown (imported without the file), or
    before casetrack recorded the check, is checked when the text is read or on verify."""
    cited("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--quote", "raided")
    cited("add", "acme", "2014", "Dismissed", "--cite", "1:2", "--quote", "acquitted")
    away = tmp_path / "away"
    away.mkdir()
    cited("export", "-o", str(away / "all.json"))
    other = Cli(away / "other.db")
    other("import", str(away / "all.json"))
    found = "SELECT milestone_id, quote_found FROM milestone_sources ORDER BY milestone_id"
    assert other.query(found) == [(1, None), (2, None)]  # no text to check against
    other("doc", "add", str(tmp_path / "exhibit5.pdf"))
    assert other.query(found) == [(1, 1), (2, 0)]
    # A store whose checks were never recorded: doc verify records them, in one change.
    conn = sqlite3.connect(cited.db_path)
    with conn:
        conn.execute("UPDATE milestone_sources SET quote_found = NULL")
    conn.close()
    assert "2 quotes of documents never checked" in cited("check").stderr
    result = cited("doc", "verify")
    assert "document 1: 1 quote cited from it not found on their page" in result.stderr
    assert cited.query(found) == [(1, 1), (2, 0)]
    assert "never checked" not in cited("check").stderr


def test_edit_cites_and_uncites_and_undo_puts_it_back(cited: Cli) -> None:
    cited("add", "acme", "2003-06-17", "Police raid", "--source", "https://example.org/raid")
    before = cited.records()
    cited("edit", "1", "--cite", "1", "--page", "iv", "--quote", "seized ledgers")
    assert cited.query("SELECT source_id, page, page_index FROM milestone_sources") == [
        (2, None, None),
        (1, "iv", 4),
    ]
    assert "cited by 1 milestone" in cited("doc", "rm", "1", code=1).stderr
    cited("edit", "1", "--remove-cite", "1")
    assert cited.query("SELECT source_id FROM milestone_sources") == [(2,)]
    assert "is not cited" in cited("edit", "1", "--remove-cite", "1", code=1).stderr
    cited("undo")
    cited("undo")
    assert cited.records() == before


def test_cite_needs_one_target_for_a_quote(cited: Cli) -> None:
    result = cited("add", "acme", "2003", "x", "--cite", "1:iv", "--source", "https://e.org",
                   "--quote", "words", code=1)  # fmt: skip
    assert "describes one source, not 2" in result.stderr
    result = cited("add", "acme", "2003", "x", "--cite", "1:iv", "--page", "2", code=1)
    assert "names its page" in result.stderr


# What an export and import must keep of documents and citations, by table.
_KEPT = {
    "documents": "uid, sha256, size, pages, media_type, path, title, custodian, bates_first,"
    " bates_last, text_layer, added_at, added_by",
    "document_pages": "document_id, page_index, label, text",
    "sources": "uid, url, title, document_id",
    "milestone_sources": "source_id, quote, page, paragraph, page_index",
}


def test_export_import_keeps_documents_and_citations(cited: Cli, tmp_path: Path) -> None:
    cited("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--quote", "raided")
    cited("add", "acme", "2003-07-03", "Charged", "--cite", "1:#5")
    assert_valid_exports(cited)  # documents and citations as the published schema says
    for fmt in ("json", "jsonl"):
        out = tmp_path / f"all.{fmt}"
        cited("export", "-f", fmt, "-o", str(out))
        other = Cli(tmp_path / f"other-{fmt}.db")
        result = other("import", str(out))
        # The document's source is new to this store too, though the document made it first.
        assert "documents: 1 added; sources: 1 added;" in result.stderr
        for table, columns in _KEPT.items():
            sql = f"SELECT {columns} FROM {table} ORDER BY rowid"
            assert other.query(sql) == cited.query(sql), table
        # The text came back from the file (same bytes where the record says): search finds it.
        assert json.loads(other("search", "ledgers", "-f", "json").stdout)[0]["page"] == "iv"
        assert "unchanged" in other("import", str(out)).stderr
        assert other.query("SELECT count(*) FROM documents") == [(1,)]
    csv = tmp_path / "all.csv"
    cited("export", "-f", "csv", "-o", str(csv))
    other = Cli(tmp_path / "from-csv.db")
    other("doc", "add", str(tmp_path / "exhibit5.pdf"))
    other("import", str(csv))
    assert other.query("SELECT source_id, page, page_index FROM milestone_sources") == [
        (1, "iv", 4),
        (1, "1", 5),
    ]


def test_an_import_says_a_file_found_with_other_bytes_changed_not_missing(
    cited: Cli, tmp_path: Path
) -> None:
    """The file is where the record says, but its bytes changed since the export: the import
    says it is there with other bytes (doc verify says changed), not that it was not found."""
    exported = _cited_and_exported(cited, tmp_path)
    with open(tmp_path / "exhibit5.pdf", "ab") as pdf:
        pdf.write(b"% annotated\n")
    said = Cli(tmp_path / "second.db")("import", str(exported)).stderr.splitlines()
    assert [line for line in said if "exhibit5.pdf" in line] == [
        f"warning: {tmp_path / 'all.json'}: the file of 1 document is there with other bytes"
        " than it had (exhibit5.pdf): its pages are not read ('casetrack doc verify' says"
        " changed); 'casetrack doc add COPY' of the bytes it had attaches it"
    ]
    assert "changed" in Cli(tmp_path / "second.db")("doc", "verify", code=1).stdout


def _cited_and_exported(cited: Cli, folder: Path) -> Path:
    """A milestone citing page iv of the exhibit, and the store exported to folder/all.json."""
    cited("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--quote", "raided")
    cited("export", "-o", str(folder / "all.json"))
    return folder / "all.json"


def test_doc_add_attaches_the_file_an_imported_store_could_not_find(
    cited: Cli, tmp_path: Path
) -> None:
    """Imported elsewhere, the file is not where the record says: the import says so in one
    line, and `doc add` of the same bytes re-attaches it (new path, pages read), one line."""
    away = tmp_path / "away"
    away.mkdir()
    _cited_and_exported(cited, away)
    (away / "copy.pdf").write_bytes((tmp_path / "exhibit5.pdf").read_bytes())
    other = Cli(away / "other.db")
    said = other("import", str(away / "all.json")).stderr.splitlines()
    assert [line for line in said if "not found" in line] == [
        f"warning: {away / 'all.json'}: the file of 1 document was not found (exhibit5.pdf):"
        " its pages are not read; 'casetrack doc add FILE' of the same bytes attaches it"
        " ('casetrack doc verify' lists them)"
    ]
    assert "missing" in other("doc", "verify", code=1).stdout
    assert other("search", "ledgers").stdout.count("ledgers") == 0
    result = other("doc", "add", str(away / "copy.pdf"))
    assert result.stdout == "1\n"
    assert result.stderr == (
        f"re-attached document 1 (Exhibit 5) to copy.pdf: its file was not at {away}/exhibit5.pdf;"
        " read the text of its 6 pages\n"
    )
    assert other.query("SELECT path FROM documents") == [("copy.pdf",)]
    assert "unchanged" in other("doc", "verify").stdout
    assert json.loads(other("search", "ledgers", "-f", "json").stdout)[0]["page"] == "iv"
    again = other("doc", "add", str(away / "copy.pdf")).stderr
    assert again == "already registered as document 1 (copy.pdf): same SHA-256\n"
    # The second add changed nothing: plain undo stops at it; the re-attaching is undone by id.
    assert "your last command, 'doc add' at " in other("undo", code=1).stderr
    other("undo", str(other.query("SELECT max(change_id) FROM history")[0][0]))
    assert other.query("SELECT path, (SELECT count(text) FROM document_pages) FROM documents") == [
        ("exhibit5.pdf", 0)
    ]


def test_every_export_names_the_page(cited: Cli, tmp_path: Path) -> None:
    cited("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--quote", "raided")
    for fmt in ("markdown", "html", "timelinejs", "ics", "csv"):
        out = tmp_path / f"x.{fmt}"
        cited("export", "-f", fmt, "-o", str(out))
        text = out.read_text()
        assert "Exhibit 5" in text or fmt == "csv", fmt
        assert ("p. iv" in text) or (fmt == "csv" and "sha256:" in text), fmt


@given(st.text(max_size=40), st.sampled_from(["", " ", "\n", "-\n", "  \t"]))
@example("0-", "")  # a quote that stops at a hyphen the page goes on after
def test_quote_normalisation_ignores_case_space_and_line_end_hyphens(words: str, gap: str) -> None:
    assume(fold_words(words.upper()) == fold_words(words))  # not so for a lone "\u0345"
    page = f"Before. The police RAIDED the offi{gap}ces of {words} after."
    quote = f"the   police raided the offi{'' if '-' in gap else gap}ces of {words.upper()}"
    assert quote_on(quote, page) or not fold_words(quote)
    assert not quote_on("nothing like it at all", page) or "nothing like it" in fold_words(words)


def test_a_second_pinpoint_of_a_source_is_refused_not_swapped_in(cited: Cli) -> None:
    """A milestone keeps one pinpoint per source: citing the same document or URL at another
    page (or with another quote) is refused, saying how to replace it, never done silently;
    a citation that only fills in what the first left out is taken."""
    result = cited("add", "acme", "1906", "x", "--cite", "1:1", "--cite", "1:2", code=1)
    assert result.stderr == (
        "casetrack: document 1 is cited twice (p. 1; p. 2): a milestone keeps one pinpoint"
        " per source; cite it once and name the other place in --note\n"
    )
    assert cited.query("SELECT count(*) FROM milestones") == [(0,)]
    cited("add", "acme", "1906", "x", "--cite", "1:2", "--source", "https://e.org/a",
          "--source", "https://e.org/a")  # fmt: skip
    before = cited.records()
    result = cited("edit", "1", "--cite", "1:1", "--quote", "the police raided", code=1)
    assert result.stderr == (
        "casetrack: milestone 1 already cites document 1 (p. 2): a milestone keeps one"
        " pinpoint per source; to replace it, add --remove-cite 1 to this edit\n"
    )
    cited("edit", "1", "--source", "https://e.org/a", "--quote", "B", "--page", "3")
    result = cited("edit", "1", "--source", "https://e.org/a", "--page", "4", code=1)
    assert "to replace it, add --remove-source https://e.org/a to this edit" in result.stderr
    cited("edit", "1", "--cite", "1", "--quote", "words")  # fills in the quote, keeps p. 2
    assert cited.query("SELECT source_id, quote, page FROM milestone_sources ORDER BY 1") == [
        (1, "words", "2"),
        (2, "B", "3"),
    ]
    cited("edit", "1", "--remove-cite", "1", "--cite", "1:1")
    assert cited.query("SELECT quote, page FROM milestone_sources WHERE source_id = 1") == [
        (None, "1")
    ]
    for _ in range(3):
        cited("undo")
    assert cited.records() == before
    cited("edit", "1", "--source", "Compl., ECF No. 1", "--page", "3")
    result = cited("edit", "1", "--source", "Compl., ECF No. 1", "--page", "4", code=1)
    assert 'to replace it, add --remove-source "Compl., ECF No. 1" to this edit' in result.stderr


def test_a_sheet_names_a_cited_document_by_its_title_and_reads_it_back(
    cited: Cli, tmp_path: Path
) -> None:
    """A spreadsheet's reader sees which document a fact cites, not only its hash; the line
    still ends with the document's sha256: source, which is what import reads back."""
    import csv
    import io

    cited("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--quote", "raided")
    cited("edit", "1", "--source", "https://example.org/raid")
    digest = cited.query("SELECT sha256 FROM documents")[0][0]
    sheet = tmp_path / "all.csv"
    cited("export", "-f", "csv", "-o", str(sheet))
    for text in (sheet.read_text(), cited("timeline", "acme", "-f", "csv").stdout):
        [row] = csv.DictReader(io.StringIO(text, newline=""))
        assert row["sources"].split("; ") == [f"Exhibit 5 sha256:{digest}",
                                              "https://example.org/raid"]  # fmt: skip
        assert row["source_pages"].split("; ") == ["iv", ""]
    other = Cli(tmp_path / "from-csv.db")
    other("doc", "add", str(tmp_path / "exhibit5.pdf"))
    other("import", str(sheet))
    assert other.query(
        "SELECT s.url, s.document_id, ms.page FROM milestone_sources ms"
        " JOIN sources s ON s.id = ms.source_id ORDER BY ms.rowid"
    ) == [(f"sha256:{digest}", 1, "iv"), ("https://example.org/raid", None, None)]
    assert "unchanged" in other("import", str(sheet)).stderr
    # A store without the document keeps the source by its hash, not by its title.
    bare = Cli(tmp_path / "bare.db")
    bare("import", str(sheet))
    assert bare.query("SELECT url FROM sources ORDER BY id") == [
        (f"sha256:{digest}",),
        ("https://example.org/raid",),
    ]


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_a_cited_documents_title_comes_through_an_export_into_another_store(
    cited: Cli, tmp_path: Path, fmt: str
) -> None:
    """A store without the document keeps the source by its hash, under the title the export
    gave it: a sheet's line 'Exhibit 5 sha256:...' is that title and that source."""
    cited("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--quote", "raided")
    digest = cited.query("SELECT sha256 FROM documents")[0][0]
    path = tmp_path / f"acme.{fmt}"
    cited("export", "acme", "-o", str(path))
    other = Cli(tmp_path / "rt.db")
    other("import", str(path))
    assert other.query("SELECT url, title FROM sources") == [(f"sha256:{digest}", "Exhibit 5")]
    listed = json.loads(other("source", "list", "-f", "json").stdout)
    assert [s["title"] for s in listed] == ["Exhibit 5"]
    assert "unchanged" in other("import", str(path)).stderr


def test_an_import_says_in_the_plural_the_files_of_documents_it_did_not_find(
    cited: Cli, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("On 3 July 2003 the director was charged.\n", "utf-8")
    cited("doc", "add", str(tmp_path / "notes.txt"), "--title", "Notes")
    away = tmp_path / "away"
    away.mkdir()
    cited("export", "-o", str(away / "all.json"))
    said = Cli(away / "other.db")("import", str(away / "all.json")).stderr.splitlines()
    (line,) = [line for line in said if "not found" in line]
    assert line.startswith(
        f"warning: {away / 'all.json'}: the files of 2 documents were not found ("
    )
    assert line.endswith(
        ", ...): their pages are not read; 'casetrack doc add FILE' of the same bytes attaches"
        " each ('casetrack doc verify' lists them)"
    )


@pytest.mark.parametrize(
    ("page", "paragraph", "stored", "said"),
    [
        ("pp. 3-5", "¶ 12", ("3-5", "12"), "pp. 3\u20135, ¶ 12"),
        ("page 7", "para. 4", ("7", "4"), "p. 7, ¶ 4"),
        ("p.12", "¶¶ 35", ("12", "35"), "p. 12, ¶ 35"),
        ("p.12", "§ 35", ("12", "§ 35"), "p. 12, § 35"),  # a section keeps its mark
        # nothing after the word: kept as typed
        ("iv", "paragraphs", ("iv", "paragraphs"), "p. iv, ¶ paragraphs"),
    ],
)
def test_a_pinpoint_typed_with_its_word_is_kept_without_it(
    cli: Cli, tmp_path: Path, page: str, paragraph: str, stored: tuple[str, str], said: str
) -> None:
    """Every citation casetrack writes adds 'p.' and '¶' itself: 'pp. 3-5' typed or in a
    sheet is stored as '3-5', so it is never said as 'pp. pp. 3-5'."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "2011", "Ruling", "--source", "Ruling 88/1234", "--page", page,
        "--paragraph", paragraph)  # fmt: skip
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "case,date,title,sources,source_pages,source_paragraphs\n"
        f"acme,2012,Appeal,Ruling 88/1234,{page},{paragraph}\n",
        encoding="utf-8",
    )
    cli("import", str(sheet))
    assert cli.query("SELECT page, paragraph FROM milestone_sources") == [stored, stored]
    shown = cli("show", "1").stdout
    assert f"[1] Ruling 88/1234, {said}\n" in shown


@pytest.mark.parametrize(
    ("page", "paragraph", "said"),
    [
        ("12", None, "p. 12"),
        ("12-14", None, "pp. 12\u201314"),
        ("12 - 14", None, "pp. 12\u201314"),
        ("12\u201314", None, "pp. 12\u201314"),  # an en dash typed
        ("12, 15", None, "pp. 12, 15"),
        ("12 & 15", None, "pp. 12 & 15"),
        ("iv-vi", None, "pp. iv\u2013vi"),
        ("A-12", None, "p. A-12"),  # a label's hyphen, not a range
        ("1,234", None, "p. 1,234"),  # a thousands comma
        (None, "22", "¶ 22"),
        (None, "22-24", "¶¶ 22\u201324"),
        (None, "3.1-3.4", "¶¶ 3.1\u20133.4"),
        (None, "¶¶ 22-24", "¶¶ 22\u201324"),  # as an older casetrack stored it: said once
        (None, "para. 4", "¶ 4"),
        (None, "§ 35", "§ 35"),
        (None, "§ 35-37", "§§ 35\u201337"),
        (None, "s. 35", "§ 35"),  # as an older casetrack stored it
        (None, "sec. 35", "§ 35"),
        ("§ 35", None, "§ 35"),  # a section typed as a page
        ("S. 35", None, "p. S. 35"),  # 'Seite': a page in German
        ("pp. 3-5", None, "pp. 3\u20135"),
        ("1", "2", "p. 1, ¶ 2"),
        (None, None, ""),
    ],
)
def test_pinpoint_text_says_one_place_singular_and_a_range_plural(
    page: str | None, paragraph: str | None, said: str
) -> None:
    from casetrack.pinpoints import pinpoint_text

    assert pinpoint_text(page, paragraph) == said


@pytest.mark.parametrize(
    ("typed", "stored", "said"),
    [
        ("§ 35", "§ 35", "§ 35"),
        ("s. 35", "§ 35", "§ 35"),
        ("sec. 35", "§ 35", "§ 35"),
        ("Section 35", "§ 35", "§ 35"),
        ("§§ 35-37", "§ 35-37", "§§ 35\u201337"),
        ("ss. 35-37", "§ 35-37", "§§ 35\u201337"),
        ("¶ 35", "35", "¶ 35"),
    ],
)
def test_a_section_stays_a_section_everywhere(
    cli: Cli, tmp_path: Path, typed: str, stored: str, said: str
) -> None:
    """A section pinpoint ('§ 35', 's. 35', 'sec. 35', '§§ 35-37') was stored bare and said
    as a paragraph ('¶ 35'): it is stored with its mark and said as a section in show, the
    timeline, search and the exports, and an export imported elsewhere keeps it."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "2011-03-02", "Offence charged", "--source", "Crimes Act 1900",
        "--paragraph", typed, "--quote", "breaking and entering")  # fmt: skip
    assert cli.query("SELECT paragraph FROM milestone_sources") == [(stored,)]
    cited = f"[1] Crimes Act 1900, {said}"
    assert f"{cited}: “breaking and entering”\n" in cli("show", "1").stdout
    wide = cli("timeline", "acme", "--wide", "--format", "markdown").stdout
    assert f"{cited} |" in wide
    (found,) = json.loads(cli("search", "entering", "--format", "json").stdout)
    assert found["sources"][0]["paragraph"] == stored
    assert f",{stored}," in cli("export", "acme", "--format", "csv").stdout
    exported = tmp_path / "acme.json"
    cli("export", "acme", "-o", str(exported))
    other = Cli(tmp_path / "other.db")
    other("import", str(exported))
    assert other.query("SELECT paragraph FROM milestone_sources") == [(stored,)]
    assert f"{cited}: “" in other("show", "1").stdout


@pytest.mark.parametrize(
    ("option", "typed", "meant", "number"),
    [
        ("--paragraph", "sectoin 35", "section", "35"),
        ("--paragraph", "paragrpah 12", "paragraph", "12"),
        ("--paragraph", "Secton 35-37", "section", "35-37"),
        ("--page", "pgae 3", "page", "3"),
    ],
)
def test_a_misspelt_pinpoint_word_is_refused_naming_the_closest(
    cli: Cli, option: str, typed: str, meant: str, number: str
) -> None:
    """A pinpoint whose word is a slip ('sectoin 35') was kept as free text, said as
    '¶ sectoin 35': it is refused in one line naming the word meant, and nothing is written;
    other words before a number ('Annex 3', 'parts 3', 'par. 12') are kept as before."""
    cli("case", "add", "acme", "--title", "Acme")
    before = cli.records()
    result = cli("add", "acme", "2011-03-02", "Offence charged", "--source", "Crimes Act 1900",
                 option, typed, code=1)  # fmt: skip
    what = option.removeprefix("--")
    word = typed.split()[0]
    assert result.stderr == (
        f"casetrack: {what} {typed!r}: {word!r} is no pinpoint word (did you mean {meant!r}?):"
        f" write '{meant} {number}', or {number!r} alone\n"
    )
    assert cli.records() == before
    for kept in ("Annex 3", "parts 3", "par. 12"):
        cli("add", "acme", "2011-03-02", f"Cited at {kept}", "--source", "Crimes Act 1900",
            option, kept)  # fmt: skip
    column = "page" if option == "--page" else "paragraph"
    stored = [r[0] for r in cli.query(f"SELECT {column} FROM milestone_sources ORDER BY rowid")]
    assert stored == ["Annex 3", "parts 3", "par. 12"]


@pytest.mark.parametrize(
    ("option", "typed", "said", "slip", "meant"),
    [
        ("--paragraph", "paragraphe 4", "paragraphe 4", "paragrpahe 4", "paragraphe"),
        ("--paragraph", "alinéas 2-4", "alinéas 2\u20134", "alinaé 2", "alinéa"),
        ("--paragraph", "consid. 3", "consid. 3", "considérnat 3", "considérant"),
        ("--paragraph", "párrafo 3", "párrafo 3", "párafo 3", "párrafo"),
        ("--paragraph", "artículo 4", "artículo 4", "artícolo 4", "artículo"),
        ("--page", "página 7", "página 7", "págian 7", "página"),
    ],
)
def test_french_and_spanish_pinpoint_words_are_kept_and_their_slips_refused(
    cli: Cli, tmp_path: Path, option: str, typed: str, said: str, slip: str, meant: str
) -> None:
    """A French or Spanish pinpoint word ('paragraphe 4', which was refused as a slip for
    'paragraph') is kept and said as typed, by the CLI and a CSV import alike; a slip for one
    is refused naming the word of its own language, and nothing is written."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "2011-03-02", "Arrêt", "--source", "Code civil", option, typed)
    column = option.removeprefix("--")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        f"case,date,title,sources,source_{column}s\nacme,2011-03-03,Fallo,Código,{typed}\n",
        encoding="utf-8",
    )
    cli("import", str(sheet))
    stored = [r[0] for r in cli.query(f"SELECT {column} FROM milestone_sources ORDER BY rowid")]
    assert stored == [typed, typed]
    assert f"Code civil, {said}" in cli("show", "1").stdout
    assert f"Código, {said}" in cli("show", "2").stdout
    before = cli.records()
    result = cli("add", "acme", "2011-03-04", "Arrêt", "--source", "Code civil", option, slip,
                 code=1)  # fmt: skip
    word, number = slip.split()
    assert result.stderr == (
        f"casetrack: {column} {slip!r}: {word!r} is no pinpoint word (did you mean {meant!r}?):"
        f" write '{meant} {number}', or {number!r} alone\n"
    )
    sheet.write_text(
        f"case,date,title,sources,source_{column}s\nacme,2011-03-05,Fallo,Código,{slip}\n",
        encoding="utf-8",
    )
    assert meant in cli("import", str(sheet), code=1).stderr
    assert cli.records() == before


def test_a_document_page_label_is_said_as_printed() -> None:
    """A registered document's page is one page, by the label printed on it."""
    from casetrack.pinpoints import pinpoint_text

    assert pinpoint_text("1-2", "5-6", label=True) == "p. 1-2, ¶¶ 5\u20136"


@pytest.fixture
def pinpointed(cited: Cli) -> Cli:
    """Exhibit 5 (source 1) and three court filings, each cited at a pinpoint."""
    cited("add", "acme", "2024-03-01", "Complaint filed", "--source", "Compl., ECF No. 1",
          "--paragraph", "¶¶ 22-24")  # fmt: skip
    cited("add", "acme", "2024-03-05", "Answer filed", "--source", "Answer, ECF No. 7",
          "--page", "1", "--paragraph", "2")  # fmt: skip
    cited("add", "acme", "2024-03-09", "Motion", "--source", "Mot., ECF No. 9", "--page", "12-14")
    cited("add", "acme", "2024-03-10", "Police raid", "--cite", "1:iv", "--paragraph", "3",
          "--quote", "the police raided the offices of Acme")  # fmt: skip
    return cited


_SAID = [
    ("Compl., ECF No. 1", "¶¶ 22\u201324", 2),
    ("Answer, ECF No. 7", "p. 1, ¶ 2", 3),
    ("Mot., ECF No. 9", "pp. 12\u201314", 4),
    ("Exhibit 5", "p. iv, ¶ 3", 1),
]


def test_show_and_timelines_say_every_pinpoint(pinpointed: Cli) -> None:
    """A paragraph was left out of the timeline's sources column (table, --wide, markdown):
    'show' and the timelines say each pinpoint the same way, a range plural."""
    stored = pinpointed.query("SELECT paragraph FROM milestone_sources ORDER BY milestone_id")
    assert stored == [("22-24",), ("2",), (None,), ("3",)]
    for milestone, (title, pinpoint, source) in enumerate(_SAID, start=1):
        shown = pinpointed("show", str(milestone)).stdout
        line = next(li for li in shown.splitlines() if li.startswith("sources"))
        expected = f"sources      [{source}] {title}, {pinpoint}"
        if source == 1:
            expected += " (document 1, page 4 of the file): “the police raided the offices of Acme”"
        assert line == expected
    wide = pinpointed("timeline", "acme", "--wide").stdout.splitlines()
    markdown = pinpointed("timeline", "acme", "-f", "markdown").stdout.splitlines()
    for milestone, (title, pinpoint, source) in enumerate(_SAID, start=1):
        cited = f"[{source}] {title}, {pinpoint}"
        row = next(li for li in wide if li.startswith(f"{milestone} "))
        assert row.rstrip().endswith(f"  {cited}")
        row = next(li for li in markdown if li.startswith(f"| {milestone} "))
        assert row.split("|")[-2].strip() == cited


def test_exports_and_reports_say_every_pinpoint(pinpointed: Cli, tmp_path: Path) -> None:
    import docx
    import pypdf

    quote = ": “the police raided the offices of Acme”"
    notes = [li for li in pinpointed("export", "-f", "md").stdout.splitlines() if "[^" in li]
    assert notes[-4:] == [
        f"[^{n}]: {title}, {pinpoint}{quote if source == 1 else ''}"
        for n, (title, pinpoint, source) in enumerate(_SAID, start=1)
    ]
    pinpointed("export", "-o", "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    for title, pinpoint, _ in _SAID[:3]:
        assert f"<li><cite>{title}</cite> ({pinpoint})</li>" in page
    assert f"</cite> ({_SAID[3][1]})<blockquote>" in page
    pinpointed("export", "-o", "r.docx")
    cells = [row.cells[3].text for row in docx.Document(str(tmp_path / "r.docx")).tables[0].rows]
    assert [c.split("\n")[0] for c in cells[1:]] == [f"{t} at {p}" for t, p, _ in _SAID]
    pinpointed("export", "-o", "r.pdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "r.pdf").pages)
    for title, pinpoint, _ in _SAID:
        assert f"{title} at {pinpoint}" in text
    ics = pinpointed("export", "-f", "ics").stdout.replace("\r\n ", "")
    assert "Source: Compl.\\, ECF No. 1\\, ¶¶ 22\u201324" in ics
    assert "Source: Answer\\, ECF No. 7\\, p. 1\\, ¶ 2" in ics


def test_a_refused_second_pinpoint_names_the_first_as_citations_say_it(pinpointed: Cli) -> None:
    refused = pinpointed("edit", "1", "--source", "2", "--paragraph", "30", code=1).stderr
    assert refused.startswith(
        "casetrack: milestone 1 already cites source Compl., ECF No. 1 (¶¶ 22\u201324): "
    )


def test_a_folded_sources_cell_keeps_each_pinpoint_word_with_its_number(
    pinpointed: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns the sources cell folds: 'p.' or '¶¶' never ends a line, its number below."""
    monkeypatch.setenv("COLUMNS", "80")
    table = pinpointed("timeline", "acme", "--wide").stdout.splitlines()
    start = table[0].index("sources")
    assert max(map(len, table)) <= 80
    assert [line[start:] for line in table[2:]] == [
        "[2] Compl.,", "ECF No. 1,", "¶¶ 22\u201324",
        "[3] Answer,", "ECF No. 7,", "p. 1, ¶ 2",
        "[4] Mot., ECF", "No. 9,", "pp. 12\u201314",
        "[1] Exhibit 5,", "p. iv, ¶ 3",
    ]  # fmt: skip
