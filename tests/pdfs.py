"""PDF files made in the tests: pages of known text, printed page labels, and broken ones."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

# The text of each page of exhibit(): "i" to "iv" are front matter, then 1 and 2.
EXHIBIT_PAGES = (
    "Table of contents. Exhibit five.",
    "Summary of the proceedings.",
    "Chronology of events.",
    "On 17 June 2003 the police raided the offi-\nces of Acme in Auvers and seized ledgers.",
    "On 3 July 2003 the investigating judge charged the director.",
    "In 2014 the charges were dismissed.",
)
EXHIBIT_LABELS = ["i", "ii", "iii", "iv", "1", "2"]


def write_pdf(path: Path, pages: Sequence[str], labels: bool = False) -> Path:
    """A PDF with one page per text (fpdf2); with `labels`, pages 1-4 are numbered i-iv and
    the rest 1, 2, ... (pypdf's set_page_label)."""
    from fpdf import FPDF
    from pypdf import PdfWriter

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    if labels:
        writer = PdfWriter(clone_from=str(path))
        writer.set_page_label(0, 3, style="/r")
        if len(pages) > 4:
            writer.set_page_label(4, len(pages) - 1, style="/D")
        writer.write(str(path))
    return path


def exhibit(folder: Path, name: str = "exhibit5.pdf") -> Path:
    return write_pdf(folder / name, EXHIBIT_PAGES, labels=True)


def encrypted(folder: Path) -> Path:
    from pypdf import PdfWriter

    path = write_pdf(folder / "plain.pdf", ["Secret page."])
    writer = PdfWriter(clone_from=str(path))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = folder / "locked.pdf"
    writer.write(str(out))
    return out


def corrupt(folder: Path) -> Path:
    """A file that starts like a PDF and is nothing of the kind after."""
    path = folder / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    return path
