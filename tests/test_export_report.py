"""The chronology report to file: `export --format docx` and `--format pdf`, read back by
python-docx and pypdf as a colleague's Word and PDF reader would."""

from __future__ import annotations

import io
import os
import pty
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.exchange import chronology, pdffmt
from tests.budget import examples
from tests.conftest import Cli
from tests.pdfs import exhibit

ORDER = "https://example.org/ordonnance.pdf"
QUOTE = "l'information judiciaire est ouverte"
INJECTION = '=HYPERLINK("http://evil.example","click")'

_STORE = [
    ["case", "add", "lefevre-2001", "--title", "Affaire Lefèvre", "--court",
     "Tribunal judiciaire de Paris", "--docket", "0123/01/SAMPLE", "--jurisdiction", "France",
     "--summary", "Une instruction ouverte en 2001."],
    ["case", "add", "acme-2020", "--title", "Doe v. ACME", "--court", "S.D.N.Y."],
    ["source", "add", ORDER, "--title", "Ordonnance de non-lieu"],
    ["add", "lefevre-2001", "c. 2001", "Ouverture de l'information", "--kind", "investigation",
     "--party", "Élodie Lefèvre:counsel", "--source", ORDER, "--page", "31", "--quote", QUOTE,
     "--note", "Date from the order only", "--status", "disputed", "--key"],
    ["add", "lefevre-2001", "2003-06-17", INJECTION, "--kind", "raid",
     "--party", "Μαρία Παπαδοπούλου:witness", "--location", "Saint-Ouen-l'Aumône"],
    ["add", "lefevre-2001", "2003?", "Remise en liberté", "--kind", "release",
     "--party", "Лейла Фарахани:detainee", "--source", "Jugement du 3 mai 2010",
     "--paragraph", "12"],
    ["add", "acme-2020", "2020-03", "Complaint filed", "--kind", "complaint",
     "--party", "Jane Doe:plaintiff"],
]  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    template = Cli(tmp_path_factory.mktemp("report") / "report.db")
    for command in _STORE:
        template(*command)
    return template.db_path


@pytest.fixture
def cases(cli: Cli, store: Path) -> Cli:
    shutil.copyfile(store, cli.db_path)
    return cli


def _word(path: Path) -> docx.document.Document:
    return docx.Document(str(path))


def _rows(document: docx.document.Document, table: int = 0) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in document.tables[table].rows]


def _pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def test_word_report_has_the_case_header_and_the_table(cases: Cli, tmp_path: Path) -> None:
    result = cases("export", "lefevre-2001", "-o", "chronology.docx")
    assert result.stderr == "exported to chronology.docx\n"
    document = _word(tmp_path / "chronology.docx")
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:6] == [
        "Chronology", "Affaire Lefèvre", "Court: Tribunal judiciaire de Paris",
        "Docket number: 0123/01/SAMPLE", "Jurisdiction: France", "Une instruction ouverte en 2001.",
    ]  # fmt: skip
    rows = _rows(document)
    assert rows[0] == list(chronology.COLUMNS)
    assert rows[1] == [
        "c. 2001\napproximate",
        "Key fact\nOuverture de l'information\nDate from the order only\ninvestigation",
        "Élodie Lefèvre (counsel)",
        f"Ordonnance de non-lieu at p. 31\n{ORDER}\n“{QUOTE}”",
        "disputed",
    ]
    assert rows[3][:3] == [
        "17 Jun 2003",
        f"{INJECTION}\nraid · Saint-Ouen-l'Aumône",
        "Μαρία Παπαδοπούλου (witness)",
    ]
    assert rows[2] == [
        "2003?\nuncertain", "Remise en liberté\nrelease", "Лейла Фарахани (detainee)",
        "Jugement du 3 mai 2010 at ¶ 12", "undisputed",
    ]  # fmt: skip
    # Word repeats the header row on every page, and numbers the pages.
    header = document.tables[0].rows[0]._tr
    assert header.trPr is not None and header.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    footer = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_pdf_report_says_the_same_in_text_a_reader_extracts(cases: Cli, tmp_path: Path) -> None:
    cases("export", "lefevre-2001", "-o", "chronology.pdf")
    (text,) = _pdf_pages(tmp_path / "chronology.pdf")
    for expected in (
        "Affaire Lefèvre", "Court: Tribunal judiciaire de Paris", "Docket number: 0123/01/SAMPLE",
        "Date Fact Parties Source and pinpoint Status", "c. 2001", "approximate", "17 Jun 2003",
        "2003?", "uncertain", "Key fact", "Ordonnance de non-lieu at p. 31", f"“{QUOTE}”",
        "Élodie Lefèvre (counsel)", "Μαρία Παπαδοπούλου", "Лейла Фарахани", INJECTION,
        "Jugement du 3 mai 2010 at ¶ 12", "Page 1 of 1",
    ):  # fmt: skip
        assert expected in text, expected


def test_both_reports_hold_the_filtered_rows(cases: Cli, tmp_path: Path) -> None:
    for args, titles in (
        (["--status", "disputed"], ["Ouverture de l'information"]),
        (["--key"], ["Ouverture de l'information"]),
        (["--party", "Μαρία Παπαδοπούλου"], [INJECTION]),
        (["--since", "2003-01", "--until", "2010"], ["Remise en liberté", INJECTION]),
        (["acme-2020"], ["Complaint filed"]),
    ):
        cases("export", *args, "--force", "-o", "filtered.docx")
        cases("export", *args, "--force", "-o", "filtered.pdf")
        document = _word(tmp_path / "filtered.docx")
        rows = _rows(document)[1:]
        assert len(document.tables) == 1 and len(rows) == len(titles), args
        assert [t for row in rows for t in row[1].split("\n") if t in titles] == titles, args
        pdf = "\n".join(_pdf_pages(tmp_path / "filtered.pdf"))
        assert all(title in pdf for title in titles), args
        assert ("Jane Doe" in pdf) == ("acme-2020" in args)


def test_the_filters_are_said_above_the_report(cases: Cli, tmp_path: Path) -> None:
    cases("export", "--status", "disputed", "--since", "2001", "-o", "r.docx")
    assert _word(tmp_path / "r.docx").paragraphs[1].text == ("Selected: disputed facts; from 2001")


def test_several_cases_get_a_section_each(cases: Cli, tmp_path: Path) -> None:
    cases("export", "-o", "all.docx")
    document = _word(tmp_path / "all.docx")
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h.text for h in headings] == ["Doe v. ACME", "Affaire Lefèvre"]
    assert [h.paragraph_format.page_break_before for h in headings] == [False, True]
    assert [len(t.rows) for t in document.tables] == [2, 4]
    assert "Court: S.D.N.Y." in [p.text for p in document.paragraphs]
    cases("export", "-o", "all.pdf")
    pages = _pdf_pages(tmp_path / "all.pdf")
    assert len(pages) == 2
    assert "Doe v. ACME" in pages[0] and "Affaire Lefèvre" in pages[1]


def test_user_text_is_only_text(cases: Cli, tmp_path: Path) -> None:
    """A title starting with '=' is shown as typed, never a field; a control character that
    reached the store (an old version, a hand edit) is left out instead of breaking the file."""
    with sqlite3.connect(cases.db_path) as conn:
        conn.execute("UPDATE milestones SET note = 'bell\x07here\x1b[31m' WHERE kind = 'raid'")
    conn.close()
    cases("export", "lefevre-2001", "-o", "r.docx")
    document = _word(tmp_path / "r.docx")
    body = document.element.xml
    assert "fldSimple" not in body and "instrText" not in body
    assert _rows(document)[3][1] == f"{INJECTION}\nbell here [31m\nraid · Saint-Ouen-l'Aumône"
    cases("export", "lefevre-2001", "-o", "r.pdf")
    (text,) = _pdf_pages(tmp_path / "r.pdf")
    assert "bell here [31m" in text and "\x1b" not in text and "\x07" not in text
    raw = (tmp_path / "r.pdf").read_bytes()
    assert b"/JavaScript" not in raw and b"/JS" not in raw and b"/URI" not in raw


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_an_empty_selection_is_an_empty_report(cases: Cli, tmp_path: Path, fmt: str) -> None:
    cases("export", "--kind", "ruling", "-o", f"none.{fmt}")
    cases("export", "acme-2020", "--status", "disputed", "-o", f"acme.{fmt}")
    if fmt == "docx":
        assert [p.text for p in _word(tmp_path / "none.docx").paragraphs] == [
            "Chronology", "Selected: of kind ruling", chronology.NO_ROWS,
        ]  # fmt: skip
        acme = _word(tmp_path / "acme.docx")
        assert [p.text for p in acme.paragraphs][-1] == chronology.NO_ROWS
        assert "Court: S.D.N.Y." in [p.text for p in acme.paragraphs] and not acme.tables
    else:
        assert chronology.NO_ROWS in _pdf_pages(tmp_path / "none.pdf")[0]
        (acme_text,) = _pdf_pages(tmp_path / "acme.pdf")
        assert "Doe v. ACME" in acme_text and chronology.NO_ROWS in acme_text
        assert "Source and pinpoint" not in acme_text


def test_a_document_page_is_cited_by_its_printed_label(cli: Cli, tmp_path: Path) -> None:
    cli("case", "add", "acme", "--title", "Acme")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5")
    cli("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv",
        "--quote", "the police raided the offices of Acme")  # fmt: skip
    sha256 = str(cli.query("SELECT sha256 FROM documents")[0][0])
    cited = f"Exhibit 5 at p. iv\nSHA-256 {sha256[:16]}…\n“the police raided the offices of Acme”"
    cli("export", "-o", "r.docx")
    assert _rows(_word(tmp_path / "r.docx"))[1][3] == cited
    cli("export", "-o", "r.pdf")
    assert cited in _pdf_pages(tmp_path / "r.pdf")[0]


def test_a_quote_not_on_its_page_is_said_so_beside_the_hash(cli: Cli, tmp_path: Path) -> None:
    """The hash says which file was cited, not that the quote is in it: a quote not found on
    the page says so in both reports."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5")
    cli("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--quote", "tanks rolled in")
    sha256 = str(cli.query("SELECT sha256 FROM documents")[0][0])
    cited = f"SHA-256 {sha256[:16]}…\n“tanks rolled in”\nquote not found on the page"
    cli("export", "-o", "r.docx")
    assert _rows(_word(tmp_path / "r.docx"))[1][3].endswith(cited)
    cli("export", "-o", "r.pdf")
    assert cited in _pdf_pages(tmp_path / "r.pdf")[0]


def test_long_cells_wrap_and_pages_repeat_the_header(cli: Cli, tmp_path: Path) -> None:
    cli("case", "add", "long", "--title", "Long")
    words = [f"w{n}" for n in range(2500)]
    cli("add", "long", "2001", "Long note", "--note", " ".join(words))
    for day in range(1, 29):
        cli("add", "long", f"2002-02-{day:02d}", f"Hearing {day} " + "x" * 120)
    cli("export", "-o", "long.pdf")
    pages = _pdf_pages(tmp_path / "long.pdf")
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert "Date Fact Parties Source and pinpoint Status" in page
        assert f"Page {number} of {len(pages)}" in page
    joined = " ".join(" ".join(pages).split())
    assert all(f" {word} " in joined for word in words[1:])
    # A long word (a URL) is broken inside the column, not drawn across the next one.
    assert "x" * 60 not in joined and all(f"Hearing {day} " in joined for day in range(1, 29))


def test_without_dejavu_the_pdf_falls_back_to_latin1_and_says_so(
    cases: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdffmt, "FONT_DIRS", ())
    result = cases("export", "lefevre-2001", "-o", "plain.pdf")
    assert result.stderr == f"warning: {pdffmt.NO_FONT}\nexported to plain.pdf\n"
    (text,) = _pdf_pages(tmp_path / "plain.pdf")
    assert "Élodie Lefèvre" in text and "Saint-Ouen-l'Aumône" in text
    assert "????? ????????????" in text and '"' + QUOTE + '"' in text


def test_characters_the_font_lacks_are_named_in_one_warning(cli: Cli, tmp_path: Path) -> None:
    cli("case", "add", "tokyo", "--title", "東京 hearing")
    cli("add", "tokyo", "2020", "会议 in Tokyo")
    result = cli("export", "-o", "r.pdf")
    assert result.stderr == (
        "warning: the PDF's font has no 京 会 東 议: they are left blank (the docx export shows"
        " them)\nexported to r.pdf\n"
    )
    assert "hearing" in _pdf_pages(tmp_path / "r.pdf")[0]
    cli("export", "-o", "r.docx")
    assert _rows(_word(tmp_path / "r.docx"))[1][1].startswith("会议 in Tokyo")


def test_binary_reports_go_to_a_file_or_a_pipe_not_a_terminal(cases: Cli) -> None:
    piped = cases("export", "lefevre-2001", "-f", "docx")
    document = docx.Document(io.BytesIO(piped.stdout_bytes))
    assert document.tables[0].rows[1].cells[0].text == "c. 2001\napproximate"
    assert cases("export", "-f", "pdf").stdout_bytes.startswith(b"%PDF-")
    main, child = pty.openpty()
    ran = subprocess.run(
        [sys.executable, "-m", "casetrack", "--db", str(cases.db_path), "export", "-f", "docx"],
        stdout=child, stderr=subprocess.PIPE, text=True, check=False, timeout=60,
    )  # fmt: skip
    os.close(child)
    os.close(main)
    assert ran.returncode == 1
    assert ran.stderr == (
        "casetrack: a docx file is binary and stdout is a terminal: give -o FILE.docx"
        " (or redirect: > FILE.docx)\n"
    )


def test_a_report_never_overwrites_the_store(cases: Cli, tmp_path: Path) -> None:
    before = cases.db_path.read_bytes()
    stderr = cases("export", "-f", "pdf", "-o", str(cases.db_path), code=1).stderr
    assert stderr.startswith(f"casetrack: {cases.db_path} is the store in use")
    assert cases.db_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [cases.db_path.name]


_PAGES = pdffmt._Pages("wrapping")
_WORDS = st.text(alphabet="aéWm.-/Ωж ", max_size=60)


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=4), st.sampled_from(chronology.WIDTHS))
def test_wrapped_lines_fit_their_column_and_keep_every_letter(
    paragraphs: list[str], share: int
) -> None:
    width = (chronology.PAGE_WIDTH - 2 * chronology.MARGIN) * share / 100 - 3
    cell = tuple(chronology.Line(text, "strong") for text in paragraphs)
    lines = list(_PAGES.wrap(cell, width))
    _PAGES.style("strong")  # the font the widths are measured in
    assert all(_PAGES.pdf.get_string_width(text) <= width + 0.01 for text, _ in lines)
    assert "".join("".join(text.split()) for text, _ in lines) == "".join(
        "".join(p.split()) for p in paragraphs
    )
    assert {style for _, style in lines} == {"strong"}


def test_markdown_and_html_say_a_quote_is_not_on_its_page(cli: Cli, tmp_path: Path) -> None:
    """As show, check, JSON, Word and PDF do: a brief pasted from them must not cite it there."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5")
    cli("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--quote", "tanks rolled in")
    cli("add", "acme", "2003-06-18", "Raid told", "--cite", "1:iv",
        "--quote", "the police raided the offices of Acme")  # fmt: skip
    lines = [line for line in cli("export", "-f", "md").stdout.splitlines() if "”" in line]
    assert lines[0].endswith("“tanks rolled in” (**quote not found on the page**)")
    assert lines[1].endswith("“the police raided the offices of Acme”")
    cli("export", "-o", "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count("quote not found on the page") == 1
    assert "“tanks rolled in”</blockquote><strong" in page


def test_the_word_report_holds_no_row_in_its_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows go into the zip as they are made: python-docx's tree, which took 17 KB a row
    (859 MB for 50,000 milestones), never holds them. The rows are fed lazily and each one
    looks at the tree as it is asked for; the file still reads back whole."""
    from docx.oxml.ns import qn

    from casetrack.exchange import docxfmt

    made: list[docx.document.Document] = []
    real = docx.Document

    def spied() -> docx.document.Document:
        made.append(real())
        return made[-1]

    monkeypatch.setattr(docx, "Document", spied)
    held: list[int] = []

    def rows(count: int) -> Iterator[chronology.Row]:
        for n in range(count):
            held.append(len(made[0].element.body.findall(f".//{qn('w:tr')}")) if made else -1)
            cell = (chronology.Line(f"Fact {n}"),)
            yield (cell, cell, cell, cell, (chronology.Line("undisputed"),))

    sections = [chronology.Section(f"Case {n}", (), None, rows(500)) for n in (1, 2)]
    report = chronology.Report("Chronology", None, iter(sections))
    monkeypatch.setattr(docxfmt.c, "report", lambda selection: report)
    out = io.BytesIO()
    docxfmt.write_docx(None, out)  # type: ignore[arg-type]
    assert len(held) == 1000 and max(held) <= 1, max(held)  # at most a table's header row
    monkeypatch.undo()
    document = docx.Document(out)
    assert [len(t.rows) for t in document.tables] == [501, 501]
    assert _rows(document, 1)[500][0] == "Fact 499"


def test_an_export_that_selects_no_milestone_says_so(cli: Cli, tmp_path: Path) -> None:
    """`export --status disputed -o x.docx` when nothing is disputed still writes the file
    (a script may want it), but warns that it holds no milestone; a selection that holds
    some says nothing of the kind."""
    cli("case", "add", "pmoi-2003", "--title", "PMOI offices raid")
    cli("add", "pmoi-2003", "2003-06-17", "Police raid the offices", "--kind", "raid")
    report = tmp_path / "disputed.docx"
    said = cli("export", "pmoi-2003", "--status", "disputed", "-o", str(report)).stderr
    assert said == (f"warning: no milestones match: the export holds none\nexported to {report}\n")
    assert report.exists()
    said = cli("export", "pmoi-2003", "-o", str(tmp_path / "all.csv")).stderr
    assert "no milestones match" not in said
    cli("rm", "1")
    assert "no milestones match" in cli("export", "pmoi-2003", "-f", "csv").stderr
