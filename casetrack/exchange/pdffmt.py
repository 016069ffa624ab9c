"""The chronology report as a PDF (fpdf2): what `chronology` says, drawn on A4 pages.

The table is laid out here rather than by fpdf2's table(), which keeps every row until the
end and cannot split a row taller than a page: each row is wrapped, moved to the next page
when it does not fit on this one, split across pages when it fills more than a page, and the
header row is drawn again at the top of every page. fpdf2 still holds the pages in memory
until the file is written.

Text is drawn in DejaVu Sans, embedded (subset) so accents, Greek, Cyrillic or Arabic names
show on any reader; it comes with Debian's fonts-dejavu-core. Without it the report falls
back to the PDF's built-in Helvetica, which holds Latin-1 only: other characters become "?",
and the export says so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from casetrack.exchange import chronology as c
from casetrack.exchange.selection import Selection

if TYPE_CHECKING:
    from fpdf import FPDF

# Where DejaVu Sans lies on Debian and Ubuntu, Fedora, Arch and openSUSE.
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/truetype",
)
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
NO_FONT = (
    "no DejaVu Sans font found (install fonts-dejavu-core): the PDF shows characters"
    " outside Latin-1 as ?"
)

_SIZE = 9.0  # points, for the table
_LINE = 4.0  # millimetres per line of table text
_PAD = 1.5  # millimetres inside a cell
_BASELINE = 0.78  # where text sits in its line, as a share of the line's height
# Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_GREY = (85, 85, 85)
# Stands for the page count until the end; as wide as five digits, which it is replaced by.
_TOTAL = "{total pages}"
# Typography Helvetica lacks in Latin-1, said in characters it has.
_LATIN1 = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-",
    "\u2014": "-", "\u2026": "...", "\u2022": "\u00b7",
})  # fmt: skip


def write_pdf(selection: Selection, out: BinaryIO) -> None:
    """The chronology (exchange.chronology) laid out as a PDF; a warning when no Unicode font is
    found."""
    chronology = c.report(selection)
    pages = _Pages(chronology.title)
    if not pages.unicode:
        selection.warn(NO_FONT)
    pages.heading(chronology.title, 18)
    if chronology.scope:
        pages.paragraph(c.Line(chronology.scope, "muted"))
    sections = 0
    for section in chronology.sections:
        if sections:
            pages.pdf.add_page()
        sections += 1
        pages.heading(section.heading, 14)
        for label, value in section.facts:
            pages.fact(label, value)
        if section.summary:
            pages.paragraph(c.Line(section.summary))
        if not pages.table(section.rows):
            pages.paragraph(c.Line(c.NO_ROWS))
    if not sections:
        pages.paragraph(c.Line(c.NO_ROWS))
    out.write(pages.output(selection))


def font_files() -> dict[str, str] | None:
    """The DejaVu Sans files by fpdf2 style ("" regular, "B" bold, "I" italic), or None."""
    for folder in FONT_DIRS:
        regular = os.path.join(folder, _FONT_FILES[""])
        if os.path.isfile(regular):
            found = {style: os.path.join(folder, name) for style, name in _FONT_FILES.items()}
            return {s: p if os.path.isfile(p) else regular for s, p in found.items()}
    return None


def _numbered(family: str) -> FPDF:
    """An A4 landscape fpdf2 document that says "Page N of M" at the foot of every page."""
    from fpdf import FPDF

    class Numbered(FPDF):
        def footer(self) -> None:
            self.set_y(-10)
            self.set_font(family, size=8)
            self.set_text_color(*_GREY)
            self.cell(0, 5, f"Page {self.page_no()} of {_TOTAL}", align="C")

    document = Numbered(orientation="L", unit="mm", format="A4")
    document.alias_nb_pages(_TOTAL)
    return document


class _Pages:
    """The report's drawing steps on one fpdf2 document."""

    def __init__(self, title: str) -> None:
        files = font_files()
        self.unicode = files is not None
        self.family = "DejaVu" if files else "helvetica"
        self.pdf = pdf = _numbered(self.family)
        for style, path in (files or {}).items():
            pdf.add_font(self.family, style, path)
        pdf.set_margins(c.MARGIN, c.MARGIN, c.MARGIN)
        pdf.set_auto_page_break(True, margin=c.MARGIN)  # headers, summaries; rows break here
        pdf.set_title(title)
        pdf.set_creator("casetrack")
        pdf.set_draw_color(160, 160, 160)
        pdf.set_fill_color(235, 235, 235)
        pdf.c_margin = 0  # cells are padded here, by _PAD
        self.widths = [(c.PAGE_WIDTH - 2 * c.MARGIN) * share / 100 for share in c.WIDTHS]
        self.bottom = c.PAGE_HEIGHT - c.MARGIN
        self.measured: dict[tuple[str, str], float] = {}
        self.current = ("", "")  # the font and style last set
        pdf.add_page()

    def output(self, selection: Selection) -> bytearray:
        """The PDF's bytes; characters the font lacks are said in one warning, instead of
        fpdf2's log lines."""
        import logging

        log = logging.getLogger("fpdf")
        level = log.level
        log.setLevel(logging.ERROR)
        try:
            data = self.pdf.output()  # fpdf2's buffer, written as it is: no copy
        finally:
            log.setLevel(level)
        missing = sorted(
            {chr(code) for font in self.pdf.fonts.values()
             for code in getattr(font, "missing_glyphs", ())}
        )  # fmt: skip
        if missing:
            more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            selection.warn(
                f"the PDF's font has no {' '.join(missing[:10])}{more}: they are left blank"
                " (the docx export shows them)"
            )
        return data

    def fit(self, text: str) -> str:
        """Text as the font can draw it."""
        if self.unicode:
            return text
        return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

    def style(self, style: c.Style, size: float = _SIZE) -> str:
        """Set the font and colour of a line style; return a name for that font."""
        letters = {"strong": "B", "label": "B", "quote": "I"}.get(style, "")
        size = size - 1 if style == "muted" else size
        font = f"{letters}{size}"
        if (font, style) != self.current:  # most lines keep the style of the one before
            self.current = (font, style)
            self.pdf.set_font(self.family, letters, size)
            self.pdf.set_text_color(*(_GREY if style in ("muted", "label") else (0, 0, 0)))
        return font

    def heading(self, text: str, size: float) -> None:
        self.style("strong", size)
        self.pdf.multi_cell(0, size * 0.5, self.fit(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)

    def paragraph(self, line: c.Line) -> None:
        self.style(line.style, 10)
        self.pdf.multi_cell(0, 5, self.fit(line.text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)

    def fact(self, label: str, value: str) -> None:
        self.style("strong", 10)
        self.pdf.write(5, f"{label}: ")
        self.style("plain", 10)
        self.pdf.write(5, self.fit(value))
        self.pdf.ln(5)

    def table(self, rows: Iterable[c.Row]) -> bool:
        """Draw the rows under a header repeated on each page; False when there are none."""
        drawn = False
        for row in rows:
            if not drawn:
                self.pdf.ln(2)
                if self.pdf.get_y() + 2 * (_LINE + 2 * _PAD) > self.bottom:
                    self.pdf.add_page()
                self.header_row()
                drawn = True
            widths = (width - 2 * _PAD for width in self.widths)
            self.draw_row([list(self.wrap(cell, w)) for cell, w in zip(row, widths, strict=True)])
        return drawn

    def header_row(self) -> None:
        height = _LINE + 2 * _PAD
        self.pdf.rect(c.MARGIN, self.pdf.get_y(), sum(self.widths), height, style="F")
        self.draw_row([[(name, "strong")] for name in c.COLUMNS])

    def draw_row(self, columns: list[list[tuple[str, c.Style]]]) -> None:
        """Draw a row, going on to the next page (with the header again) where it must: a
        row that fits on a page is never split, a taller one fills each page it needs."""
        pdf = self.pdf
        while True:
            room = int((self.bottom - pdf.get_y() - 2 * _PAD) // _LINE)
            need = max(1, *(len(lines) for lines in columns))
            under_header = pdf.get_y() <= c.MARGIN + _LINE + 2 * _PAD + 0.01
            if need > room and not under_header:
                pdf.add_page()
                self.header_row()
                continue
            take = min(need, room)
            y, x = pdf.get_y(), c.MARGIN
            height = take * _LINE + 2 * _PAD
            for lines, width in zip(columns, self.widths, strict=True):
                for index, (text, style) in enumerate(lines[:take]):
                    self.style(style)
                    top = y + _PAD + index * _LINE
                    if _RIGHT_TO_LEFT.search(text):  # cell() orders bidirectional text
                        pdf.set_xy(x + _PAD, top)
                        pdf.cell(width - 2 * _PAD, _LINE, text)
                    else:  # text() is four times as fast
                        pdf.text(x + _PAD, top + _BASELINE * _LINE, text)
                pdf.rect(x, y, width, height)
                x += width
            pdf.set_xy(c.MARGIN, y + height)
            columns = [lines[take:] for lines in columns]
            if not any(columns):
                return
            pdf.add_page()
            self.header_row()

    def wrap(self, cell: c.Cell, width: float) -> Iterator[tuple[str, c.Style]]:
        """A cell's lines broken to fit `width`: at spaces, or inside a word wider than the
        column (a long URL)."""
        for line in cell:
            font = self.style(line.style)
            space = self.width(" ", font)
            for paragraph in self.fit(line.text).split("\n"):
                current, used = "", 0.0
                for word in paragraph.split(" "):
                    size = self.width(word, font)
                    if current and used + space + size <= width:
                        current, used = f"{current} {word}", used + space + size
                        continue
                    if current:
                        yield current, line.style
                    current, used = "", 0.0
                    if size <= width:
                        current, used = word, size
                        continue
                    for char in word:
                        size = self.width(char, font)
                        if current and used + size > width:
                            yield current, line.style
                            current, used = "", 0.0
                        current, used = current + char, used + size
                yield current, line.style

    def width(self, word: str, font: str) -> float:
        """The drawn width of a word in the current font (`font` names it), measured once."""
        key = (font, word)
        if key not in self.measured:
            self.measured[key] = self.pdf.get_string_width(word)
        return self.measured[key]
