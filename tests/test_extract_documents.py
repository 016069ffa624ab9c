"""extract reads PDFs and registered documents page by page, and --apply cites the page."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli
from tests.pdfs import exhibit


def test_extract_a_pdf_lists_pages_and_apply_cites_them(cli: Cli, tmp_path: Path) -> None:
    pdf = exhibit(tmp_path)
    cli("case", "add", "acme", "--title", "Acme")
    found = json.loads(cli("extract", str(pdf), "-f", "json").stdout)["candidates"]
    assert [(c["date"], c["page"], c["page_index"]) for c in found] == [
        ("2003-06-17", "iv", 4),
        ("2003-07-03", "1", 5),
        ("2014", "2", 6),
    ]
    assert "offices of Acme" in found[0]["sentence"]  # "offi-\nces" joined again
    assert cli.query("SELECT count(*) FROM documents") == [(0,)]  # a listing writes nothing
    result = cli("extract", str(pdf), "--case", "acme", "--apply")
    assert "registered" in result.stderr and "warning" not in result.stderr
    assert cli.query(
        "SELECT m.date, ms.page, ms.page_index, ms.quote FROM milestone_sources ms"
        " JOIN milestones m ON m.id = ms.milestone_id ORDER BY m.id"
    ) == [
        ("2003-06-17", "iv", 4, found[0]["sentence"]),
        ("2003-07-03", "1", 5, found[1]["sentence"]),
        ("2014", "2", 6, found[2]["sentence"]),
    ]
    cli("undo")  # one change: the document and the milestones citing it
    assert cli.query("SELECT count(*) FROM documents") == [(0,)]
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]


def test_extract_a_registered_document(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "order.html").write_text(
        "<html><body><p>The court ruled on 9 May 2011.</p><p>An appeal followed in"
        " 2012.</p></body></html>"
    )
    cli("case", "add", "acme", "--title", "Acme")
    cli("doc", "add", "order.html", "--title", "Order")
    listed = cli("extract", "--doc", "1").stdout
    assert "2011-05-09" in listed and "page" in listed.splitlines()[0]
    cli("extract", "--doc", "1", "--case", "acme", "--apply")
    assert cli.query("SELECT source_id, page, page_index FROM milestone_sources") == [
        (1, "1", 1),
        (1, "1", 1),
    ]
    # The same file named again is read as the document it is: nothing added twice.
    assert "skipped 2" in cli("extract", "order.html", "--case", "acme", "--apply").stderr


def test_extract_needs_a_file_or_a_document(cli: Cli, tmp_path: Path) -> None:
    cli("init")
    assert "give a FILE or --doc ID" in cli("extract", code=2).stderr
    (tmp_path / "a.txt").write_text("On 9 May 2011 the court ruled.")
    assert "not both" in cli("extract", "a.txt", "--doc", "1", code=2).stderr
    assert "no document 1" in cli("extract", "--doc", "1", code=1).stderr
