"""Text helpers for the finders: lazily compiled patterns, folding for comparison,
HTML to text, spaces, overlapping matches and titles.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from typing import TypeVar

TITLE_LENGTH = 120


class Regex:
    """A regular expression compiled on first use: the CLI imports this package, and
    compiling every pattern at import would cost tens of milliseconds on each start."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @functools.cached_property
    def rx(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)


def fold(text: str) -> str:
    """Accent- and case-insensitive form used to compare names (NFKD, no marks, casefold)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))  # curly apostrophe
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_same_length(text: str) -> str:
    """Like fold() but one character per character, so match positions stay valid."""
    return "".join(map(_fold_char, text))


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char


def normalise_space(text: str) -> str:
    """Every run of spaces, tabs and line ends as one space: a sentence or date cut across
    lines or padded by a page's layout is shown, compared and proposed as one plain line."""
    return " ".join(text.split())


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML page, one paragraph per block element."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
    _BLOCK = frozenset(
        {
            "p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
            "table", "tr", "blockquote", "pre", "figure", "figcaption", "hr", "title",
        }
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page with paragraph breaks kept, so sentences do not merge."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = (normalise_space(p) for p in re.split(r"\n\s*\n", "".join(collector.parts)))
    return "\n\n".join(p for p in paragraphs if p)


_T = TypeVar("_T")


def drop_overlaps(items: Iterable[_T], bounds: Callable[[_T], tuple[int, int]]) -> list[_T]:
    """Keep the longest where several overlap ("17 June 2003" over "June 2003"), in text
    order; one pass, as a judgment may hold thousands of dates in one paragraph."""
    kept: list[_T] = []
    for item in sorted(items, key=lambda i: (bounds(i)[0], bounds(i)[0] - bounds(i)[1])):
        start, end = bounds(item)
        if kept and start < bounds(kept[-1])[1]:
            last_start, last_end = bounds(kept[-1])
            if end - start > last_end - last_start:
                kept[-1] = item
            continue
        kept.append(item)
    return kept


def title(sentence: str) -> str:
    """The sentence itself when short, else cut at a word boundary: a title to edit, not lose."""
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    cut = sentence[: TITLE_LENGTH - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(",;:—\u2013 ") + "…"


_HEADING_LINE = Regex(
    r"\A\s*(?P<heading>[^\n\da-zà-ÿ]*[A-ZÀ-Þ]{2}[^\n\da-zà-ÿ]*)\n\s*(?=[A-ZÀ-Þ][a-zà-ÿ])"
)


def without_heading(sentence: str) -> str:
    """The sentence without a page heading in capitals on its own line above it ("LES FAITS",
    "THE FACTS"), which the text's layout glued to it: no part of its title."""
    m = _HEADING_LINE.rx.match(sentence)
    if m is None or len(m["heading"].split()) > 6:
        return sentence
    return sentence[m.end() :]
