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
    from docx.oxml.table import CT_Tbl
    from docx.text.paragraph import Paragraph

# Run properties of each line style, in the order the Office Open XML schema wants them.
_PROPERTIES: dict[c.Style, str] = {
    "plain": "",
    "strong": "<w:b/>",
    "label": "<w:b/><w:smallCaps/>",
    "quote": "<w:i/>",
    "muted": '<w:color w:val="555555"/><w:sz w:val="16"/>',
}
_TWIPS_PER_MM = 1440 / 25.4


def write_docx(selection: Selection, out: BinaryIO) -> None:
    """The report, its table rows written as XML a row at a time: python-docx's cell and run
    objects cost about a millisecond per run, minutes for a 10,000-milestone chronology."""
    import docx
    from docx.oxml.parser import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    _page(document)
    chronology = c.report(selection)
    document.core_properties.title = chronology.title
    document.add_heading(chronology.title, 0)
    if chronology.scope:
        _line(document.add_paragraph(), c.Line(chronology.scope, "muted"))
    usable = c.PAGE_WIDTH - 2 * c.MARGIN
    widths = [round(usable * share / 100 * _TWIPS_PER_MM) for share in c.WIDTHS]
    sections = 0
    for section in chronology.sections:
        heading = document.add_heading(section.heading, 1)
        heading.paragraph_format.page_break_before = sections > 0
        sections += 1
        for label, value in section.facts:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)  # the facts read as one block
            _line(paragraph, c.Line(f"{label}: ", "strong"))
            _line(paragraph, c.Line(value))
        if section.summary:
            _line(document.add_paragraph(), c.Line(section.summary))
        table = None
        for row in section.rows:
            if table is None:
                table = _table(document, widths)
            table.append(parse_xml(_row(row, widths)))
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


def _table(document: Document, widths: list[int]) -> CT_Tbl:
    """A table with its header row, which Word repeats at the top of every page."""
    from docx.oxml.parser import parse_xml
    from docx.shared import Twips

    table = document.add_table(rows=0, cols=len(c.COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    tbl: CT_Tbl = table._tbl
    for column, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Twips(width)
    header = tuple((c.Line(name, "strong"),) for name in c.COLUMNS)
    tbl.append(parse_xml(_row(header, widths, "<w:trPr><w:tblHeader/></w:trPr>")))
    return tbl


def _row(row: c.Row, widths: list[int], properties: str = "") -> str:
    """A table row as Office Open XML: a cell per column, a paragraph per line."""
    from docx.oxml.ns import nsdecls

    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        + ("".join(f"<w:p>{_run(line)}</w:p>" for line in lines) or "<w:p/>")
        + "</w:tc>"
        for lines, width in zip(row, widths, strict=True)
    )
    return f"<w:tr {nsdecls('w')}>{properties}{cells}</w:tr>"


def _line(paragraph: Paragraph, line: c.Line) -> None:
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml

    paragraph._p.append(parse_xml(_run(line, f" {nsdecls('w')}")))


def _run(line: c.Line, namespaces: str = "") -> str:
    """A run of text in a line's style; user text is escaped, never markup or a field."""
    from xml.sax.saxutils import escape

    properties = _PROPERTIES[line.style]
    texts = "<w:br/>".join(
        f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in line.text.split("\n")
    )
    return f"<w:r{namespaces}>{f'<w:rPr>{properties}</w:rPr>' if properties else ''}{texts}</w:r>"
