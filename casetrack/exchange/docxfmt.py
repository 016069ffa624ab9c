"""The chronology report as a Word file (python-docx): what `chronology` says, in Word's terms.

A4 landscape, a heading per case with its court, docket number and jurisdiction, a table
whose header row Word repeats on every page, and "Page N of M" in the footer. User text only
ever becomes runs of text, never a field, so nothing in it is evaluated when Word opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from casetrack.exchange import chronology as c
from casetrack.exchange.selection import Selection

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

_GREY = (0x55, 0x55, 0x55)


def write_docx(selection: Selection, out: BinaryIO) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    _page(document)
    chronology = c.report(selection)
    document.core_properties.title = chronology.title
    document.add_heading(chronology.title, 0)
    if chronology.scope:
        _line(document.add_paragraph(), c.Line(chronology.scope, "muted"))
    sections = 0
    for section in chronology.sections:
        heading = document.add_heading(section.heading, 1)
        heading.paragraph_format.page_break_before = sections > 0
        sections += 1
        for label, value in section.facts:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)
        if section.summary:
            document.add_paragraph(section.summary)
        table = None
        for row in section.rows:
            table = table or _table(document)
            added = table.add_row()  # type: ignore[no-untyped-call]  # python-docx lacks hints
            for cell, lines in zip(added.cells, row, strict=True):
                paragraphs = [cell.paragraphs[0]]
                paragraphs += [cell.add_paragraph() for _ in lines[1:]]
                for paragraph, line in zip(paragraphs, lines, strict=False):
                    _line(paragraph, line)
        if table is None:
            document.add_paragraph(c.NO_ROWS)
    if not sections:
        document.add_paragraph(c.NO_ROWS)
    document.save(out)


def _page(document: Document) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Mm(c.PAGE_WIDTH), Mm(c.PAGE_HEIGHT)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Mm(c.MARGIN))
    footer = page.footer.paragraphs[0]
    footer.alignment = 1  # centred
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _field(paragraph: Paragraph, name: str) -> None:
    """A field Word computes as it lays the pages out (the page number, the page count)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), name)
    paragraph._p.append(field)


def _table(document: Document) -> Table:
    from docx.oxml import OxmlElement
    from docx.shared import Mm

    table: Table = document.add_table(rows=1, cols=len(c.COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    usable = c.PAGE_WIDTH - 2 * c.MARGIN
    for column, share in zip(table.columns, c.WIDTHS, strict=True):
        column.width = Mm(usable * share / 100)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on every page
    for cell, name, share in zip(header.cells, c.COLUMNS, c.WIDTHS, strict=True):
        cell.width = Mm(usable * share / 100)
        cell.paragraphs[0].add_run(name).bold = True
    return table


def _line(paragraph: Paragraph, line: c.Line) -> None:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(line.text)
    run.bold = line.style in ("strong", "label")
    run.italic = line.style == "quote"
    if line.style == "label":
        run.font.small_caps = True
    if line.style == "muted":
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(*_GREY)
