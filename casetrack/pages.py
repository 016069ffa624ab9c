"""Reading a document file page by page: its hash, its kind, each page's printed label and
text, and the folding that lets a quote be found on a page.

PDF pages come from pypdf, one at a time (a 500-page exhibit is never held whole); HTML is
one page of the text the extractor's HTML reader sees; plain text is one page, or one per
form feed. Nothing here touches a store.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casetrack.errors import CasetrackError
from casetrack.text import blank_controls

MEDIA_TYPES = ("pdf", "html", "text")
REOPEN_AFTER = 100  # pages read from one open PDF (see PdfFile.text)
# A file named so is HTML, for `doc add` and `extract` alike.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# A word cut at a line end ("proce-\nedings") joins again when a quote is looked for.
# (Text taken from a page has its line ends made spaces: "proce- edings" joins too.)
_LINE_END_HYPHEN = re.compile(r"(\w)[-\u00ad\u2010]\s+(\w)")
_NOT_WORD = re.compile(r"[\W_]+")
# A file's text is HTML when it opens with a doctype, a comment or a tag HTML has: a fragment
# pasted from a page ("<p>The raid...") is, a note opening "<Name> said..." is not.
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|!--|(?:html|head|body|meta|title|link|script|style|main|article|section"
    r"|header|footer|nav|aside|div|p|span|a|b|i|em|strong|br|hr|h[1-6]|ul|ol|li|dl|table|tr|td"
    r"|blockquote|figure|img|pre)[\s/>])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Page:
    """One page: its 1-based index in the file, its printed label, its text."""

    index: int
    label: str
    text: str


@dataclass(frozen=True)
class FileFacts:
    """What identifies a file: the SHA-256 of its bytes and their number."""

    sha256: str
    size: int


def file_facts(path: Path) -> FileFacts:
    """Hash a file in chunks; OSError (missing, unreadable, a folder) goes to the caller."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return FileFacts(digest.hexdigest(), size)


def is_html(name: str, text: str) -> bool:
    """Whether a file is HTML, by its name or the start of its text: the one rule `doc add`
    and `extract` share."""
    return name.lower().endswith(HTML_SUFFIXES) or bool(
        _HTML_START.match(text.lstrip("\ufeff").lstrip())
    )


def media_type(path: Path) -> str:
    """pdf, html or text: by the file's first bytes, then its name."""
    with path.open("rb") as f:
        head = f.read(1024)
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if path.suffix.lower() == ".pdf":
        raise CasetrackError(f"{path} is not a PDF (it does not start with %PDF-): corrupt?")
    if is_html(path.name, head.decode("utf-8", "ignore")):
        return "html"
    return "text"


class PdfFile:
    """An open PDF, refused in one line if it is corrupt or encrypted."""

    def __init__(self, path: Path) -> None:
        import logging

        from pypdf.errors import PdfReadError

        logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the user's
        self.path = path
        self.read_since_open = 0
        try:
            self.reader = self._open()
            self.count = len(self.reader.pages)
            self.labels = list(self.reader.page_labels)
        except CasetrackError:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError,
                IndexError, RecursionError, NotImplementedError) as err:  # fmt: skip
            raise CasetrackError(f"{path} is not a readable PDF ({_reason(err)})") from None
        if not self.count:
            raise CasetrackError(f"{path} has no pages")

    def _open(self) -> Any:
        from pypdf import PdfReader

        reader = PdfReader(self.path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise CasetrackError(
                f"{self.path} is encrypted: save an unprotected copy (print to PDF) and add that"
            )
        return reader

    def text(self, index: int) -> str:
        """The text of page `index` (1-based); '' when it has none or cannot be read.

        pypdf keeps every object it has parsed: the file is opened again every
        REOPEN_AFTER pages, so reading a long one takes memory as a short one does."""
        self.read_since_open += 1
        if self.read_since_open > REOPEN_AFTER:
            self.reader, self.read_since_open = self._open(), 1
        try:
            return str(self.reader.pages[index - 1].extract_text())
        except Exception:  # pypdf fails in many ways on odd pages; the page stays textless
            return ""

    def images(self, index: int) -> list[tuple[str, bytes]]:
        """The images on page `index`, as (file name, bytes): what OCR reads."""
        try:
            return [(i.name, i.data) for i in self.reader.pages[index - 1].images]
        except Exception:
            return []


def _reason(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text[:80] if text else type(err).__name__


def read_pages(
    path: Path, kind: str, ocr: Callable[[PdfFile, int], str] | None = None
) -> tuple[int, Iterator[Page]]:
    """The number of pages and the pages themselves, read one at a time as they are asked for.

    `ocr` reads a PDF page with no text layer, if given.
    """
    if kind == "pdf":
        pdf = PdfFile(path)

        def pdf_pages() -> Iterator[Page]:
            for i in range(1, pdf.count + 1):
                text = pdf.text(i)
                if not text.strip() and ocr is not None:
                    text = ocr(pdf, i)
                yield Page(i, pdf.labels[i - 1] if i <= len(pdf.labels) else str(i), _stored(text))

        return pdf.count, pdf_pages()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CasetrackError(
            f"{path} is neither a PDF, HTML nor UTF-8 text: save it as one of those"
        ) from None
    if kind == "html":
        from casetrack.extract.text import html_to_text

        texts = [html_to_text(raw)]
    else:
        texts = raw.split("\f")
    return len(texts), (Page(i, str(i), _stored(t)) for i, t in enumerate(texts, 1))


def _stored(text: str) -> str:
    """Page text as the store keeps it: NFC, control characters other than newlines made
    spaces (a NUL would cut it short in SQLite's functions)."""
    return unicodedata.normalize("NFC", blank_controls(text.replace("\r\n", "\n")))


def tesseract_ocr(pdf: PdfFile, index: int) -> str:
    """The text the system's tesseract reads in the images of a page ('' if none)."""
    import subprocess
    import tempfile

    texts = []
    with tempfile.TemporaryDirectory() as folder:
        for n, (name, data) in enumerate(pdf.images(index)):
            image = Path(folder) / f"{n}{Path(name).suffix or '.png'}"
            image.write_bytes(data)
            try:
                done = subprocess.run(
                    ["tesseract", str(image), "stdout"], capture_output=True, timeout=120
                )
            except (OSError, subprocess.TimeoutExpired):
                continue
            texts.append(done.stdout.decode("utf-8", "replace"))
    return "\n".join(texts)


def fold_words(text: str) -> str:
    """Text as a quote is compared: words cut at a line end joined, case and accents folded,
    punctuation and runs of space made one space."""
    joined = _LINE_END_HYPHEN.sub(r"\1\2", text)
    decomposed = unicodedata.normalize("NFKD", joined)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def quote_on(quote: str, text: str) -> bool:
    """Whether a quote is on a page, ignoring case, accents, spacing, punctuation and words
    hyphenated at line ends."""
    wanted = fold_words(quote)
    # A quote that stops at a hyphen ("post-") stops inside a word the page may join on.
    end = "" if quote.rstrip()[-1:] in ("-", "\u00ad", "\u2010") else " "
    return bool(wanted) and f" {wanted}{end}" in f" {fold_words(text)} "


def locate(sentences: list[str], pages: list[str]) -> list[int | None]:
    """The page (1-based position) each sentence is on, in text order: looked for from the
    page of the sentence before; one that runs across a page break is on the page where
    its first words are; None if it is on none (text the reader changed)."""
    folded = [f" {fold_words(text)} " for text in pages]
    current = 0
    found: list[int | None] = []
    for sentence in sentences:
        words = fold_words(sentence).split()
        page = None
        for probe in (words, words[:6]):
            needle = f" {' '.join(probe)} "
            order = [*range(current, len(folded)), *range(current)]
            page = next((i for i in order if probe and needle in folded[i]), None)
            if page is not None:
                current = page
                break
        found.append(None if page is None else page + 1)
    return found


def labels_said(labels: list[str]) -> str:
    """A document's pages for a message: runs of labels ('i-iv, 1-10'), as printed."""
    runs: list[list[str]] = []
    for label in labels:
        if runs and _follows(runs[-1][1], label):
            runs[-1][1] = label
        else:
            runs.append([label, label])
    return ", ".join(a if a == b else f"{a}-{b}" for a, b in runs)


def _follows(before: str, after: str) -> bool:
    """Whether label `after` comes right after `before` (1 then 2, iii then iv, A-3 then A-4)."""
    head_b, num_b = _split_label(before)
    head_a, num_a = _split_label(after)
    return num_b is not None and num_a is not None and head_a == head_b and num_a == num_b + 1


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_LABEL = re.compile(r"(.*?)(\d+|[ivxlcdm]+|[IVXLCDM]+)$")


def _split_label(label: str) -> tuple[str, int | None]:
    match = _LABEL.fullmatch(label)
    if not match:
        return label, None
    head, tail = match.groups()
    if tail.isdigit():
        return head, int(tail)
    values = [_ROMAN[c] for c in tail.lower()]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                for i, v in enumerate(values))  # fmt: skip
    return head + ("R" if tail.isupper() else "r"), total
