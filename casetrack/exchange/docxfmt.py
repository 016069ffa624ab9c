"""The chronology report as a Word file (python-docx): what `chronology` says, in Word's terms.

A4 landscape, a heading per case with its court, docket number and jurisdiction, a table
whose header row Word repeats on every page, and "Page N of M" in the footer. User text only
ever becomes runs of text, never a field, so nothing in it is evaluated when Word opens it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from typing import TYPE_CHECKING, BinaryIO, TextIO

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
    """The report, written into the zip as it is made. python-docx lays out the page, the
    headings and each table's header, one case at a time, each piece cut out of its tree
    once written; the table rows go to word/document.xml as text, a row at a time. The
    whole tree took 17 KB a row (859 MB for 50,000 milestones), and python-docx's cell and
    run objects a millisecond a run."""
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
    usable = c.PAGE_WIDTH - 2 * c.MARGIN
    widths = [round(usable * share / 100 * _TWIPS_PER_MM) for share in c.WIDTHS]
    with _body(document, out) as xml:
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
            rows = iter(section.rows)
            first = next(rows, None)
            if first is None:
                document.add_paragraph(c.NO_ROWS)
                xml.write(_cut(document))
                continue
            _table(document, widths)
            xml.write(_cut(document).removesuffix(_TABLE_END))
            for row in chain([first], rows):
                xml.write(_row(row, widths))
            xml.write(_TABLE_END)
        if not sections:
            document.add_paragraph(c.NO_ROWS)
            xml.write(_cut(document))


_DOCUMENT = "word/document.xml"
_MARK = "casetrack: the cases go here"
_TABLE_END = "</w:tbl>"
# Namespace declarations, which lxml repeats on each element serialised on its own.
_DECLARATION = re.compile(r' xmlns(?::\w+)?="[^"]*"')


@contextmanager
def _body(document: Document, out: BinaryIO) -> Iterator[TextIO]:
    """The document saved by python-docx as it is so far, with word/document.xml written
    through the stream given to the caller where the cases go (after the title and scope,
    before the section properties); the other parts (styles, footer) as python-docx wrote
    them."""
    import io
    import zipfile

    document.add_paragraph(_MARK)
    template = io.BytesIO()
    document.save(template)
    body = document.element.body
    for element in list(body)[:-1]:  # all but the section properties: now in the template
        body.remove(element)
    with zipfile.ZipFile(template) as parts, zipfile.ZipFile(out, "w") as package:
        for info in parts.infolist():
            if info.filename != _DOCUMENT:
                package.writestr(info, parts.read(info))
                continue
            whole = parts.read(info).decode("utf-8")
            at = whole.index(f"<w:t>{_MARK}</w:t>")
            head = whole[: whole.rindex("<w:p>", 0, at)]
            tail = whole[whole.index("</w:p>", at) + len("</w:p>") :]
            member = zipfile.ZipInfo(info.filename, info.date_time)
            member.compress_type, member.external_attr = info.compress_type, info.external_attr
            with package.open(member, "w") as raw:
                xml = io.TextIOWrapper(raw, "utf-8", newline="")
                xml.write(head)
                yield xml
                xml.write(tail)
                xml.detach()  # flushed; the member closes it


def _cut(document: Document) -> str:
    """What was added to the body since the last cut, as XML, taken out of the tree."""
    from lxml import etree

    body = document.element.body
    pieces = []
    for element in list(body)[:-1]:  # the last child is the section properties
        text = etree.tostring(element, encoding="unicode")
        end = text.index(">")
        pieces.append(_DECLARATION.sub("", text[:end]) + text[end:])
        body.remove(element)
    return "".join(pieces)


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


def _table(document: Document, widths: list[int]) -> None:
    """A table with its header row, which Word repeats at the top of every page."""
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml
    from docx.shared import Twips

    table = document.add_table(rows=0, cols=len(c.COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    tbl: CT_Tbl = table._tbl
    for column, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Twips(width)
    header = tuple((c.Line(name, "strong"),) for name in c.COLUMNS)
    properties = "<w:trPr><w:tblHeader/></w:trPr>"
    tbl.append(parse_xml(_row(header, widths, properties, f" {nsdecls('w')}")))


def _row(row: c.Row, widths: list[int], properties: str = "", namespaces: str = "") -> str:
    """A table row as Office Open XML: a cell per column, a paragraph per line."""
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        + ("".join(f"<w:p>{_run(line)}</w:p>" for line in lines) or "<w:p/>")
        + "</w:tc>"
        for lines, width in zip(row, widths, strict=True)
    )
    return f"<w:tr{namespaces}>{properties}{cells}</w:tr>"


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
