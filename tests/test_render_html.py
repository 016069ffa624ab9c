"""The HTML report: one self-contained file, safe links, printable, and it really renders."""

from __future__ import annotations

import struct
import tempfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from casetrack.models import SourceLink
from casetrack.output.pictures.html import render_html, safe_href
from casetrack.output.pictures.screenshot import find_chromium, screenshot
from tests.conftest import Cli
from tests.render_examples import harbour_cases, harbour_timeline


class Collector(HTMLParser):
    """Every start tag with its attributes, and the text of <style> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.css = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css += data


def collect(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    return collector


def test_no_external_requests() -> None:
    timeline, cases = harbour_timeline(), harbour_cases()
    parsed = collect(render_html(timeline, title="Harbour Press", cases=cases))
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"link", "script", "img", "iframe", "object", "embed", "image", "use"}
    assert "@import" not in parsed.css and "url(" not in parsed.css
    for tag, attrs in parsed.tags:
        assert "src" not in attrs and "srcset" not in attrs
        for name, value in attrs.items():
            if value and "http" in value:
                assert (tag, name) in {("a", "href"), ("svg", "xmlns")}, (tag, name, value)
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert "https://news.example.com/2003/06/18/raid" in hrefs


def test_one_inline_svg_with_a_marker_per_milestone() -> None:
    timeline = harbour_timeline()
    parsed = collect(render_html(timeline, title="T"))
    assert [tag for tag, _ in parsed.tags].count("svg") == 1
    ids = [attrs["data-id"] for _, attrs in parsed.tags if attrs.get("class") == "milestone"]
    assert sorted(ids) == sorted(str(m.id) for m in timeline)


def test_table_shows_parties_sources_and_quotes() -> None:
    timeline, cases = harbour_timeline(), harbour_cases()
    page = render_html(timeline, title="T", cases=cases)
    assert "Ana Varga — detainee" in page
    assert "Office of the Prosecutor — prosecutor" in page
    assert "“The charges are dismissed.”" in page
    assert "¶ 42" in page and "(p. 1)" in page
    assert "<h2>State v. Harbour Press</h2>" in page and "Docket: K 17/2003" in page
    assert "Sep 2003 (approximate)" in page


def test_print_stylesheet() -> None:
    timeline = harbour_timeline()
    css = collect(render_html(timeline, title="T")).css
    print_css = css[css.index("@media print") :]
    assert "break-inside: avoid" in print_css
    assert "width: 100%" in print_css and "height: auto" in print_css


def test_user_text_is_escaped() -> None:
    timeline = harbour_timeline()
    timeline[0].title = "<script>alert(1)</script>"
    timeline[0].note = '"><img src=x onerror=alert(1)>'
    page = render_html(timeline, title="<b>bold</b>")
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_javascript_url_becomes_plain_text() -> None:
    timeline = harbour_timeline()
    timeline[0].sources = [SourceLink(9, "javascript:alert(1)", "Click me")]
    parsed = collect(render_html(timeline, title="T"))
    hrefs = [attrs.get("href") or "" for tag, attrs in parsed.tags if tag == "a"]
    assert not [href for href in hrefs if "javascript" in href.lower()]
    page = render_html(timeline, title="T")
    assert '<span class="unlinked" title="not a web link">Click me (javascript:alert(1))' in page


def test_a_citation_is_said_once_and_not_flagged_as_an_error() -> None:
    timeline = harbour_timeline()
    order = "Order of dismissal, 16 Sept 2014"
    timeline[0].sources = [
        SourceLink(9, order, None, page="2"),
        SourceLink(10, "ECLI:FR:CCASS:2015:CR01234", "Cass. crim., 12 May 2015"),
    ]
    page = render_html(timeline, title="T")
    assert f"<li><cite>{order}</cite> (p. 2)</li>" in page
    assert "<cite>Cass. crim., 12 May 2015 (ECLI:FR:CCASS:2015:CR01234)</cite>" in page
    assert page.count(order) == 1
    assert "unlinked" not in page.split("</style>")[1]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1#c", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("docs/judgment.pdf", True),
        ("../files/x.pdf#page=3", True),
        ("/files/x.pdf", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("file:///etc/passwd", False),
        ("//evil.example/x", False),
        ("/\\evil.example", False),
        ("https://", False),
        ("mailto:a@example.org", False),
        ("", False),
    ],
)
def test_safe_href(url: str, expected: bool) -> None:
    assert (safe_href(url) is not None) is expected


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG with the standard library: width, height, pixel bytes."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        header = chunk if kind == b"IHDR" else header
        idat += chunk if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour_type in (2, 6)
    size = 3 if colour_type == 2 else 4
    raw, stride, previous = zlib.decompress(idat), width * size, bytearray(width * size)
    pixels = []
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                near = min(
                    (abs(guess - left), 0, left),
                    (abs(guess - up), 1, up),
                    (abs(guess - corner), 2, corner),
                )[2]
                line[i] = (line[i] + near) & 255
        pixels.extend(bytes(line[x : x + 3]) for x in range(0, stride, size))
        previous = line
    return width, height, pixels


@pytest.mark.skipif(
    find_chromium() is None, reason="chromium not on PATH (Debian: apt-get install -y chromium)"
)
def test_renders_in_headless_chromium() -> None:
    timeline, cases = harbour_timeline(), harbour_cases()
    with tempfile.TemporaryDirectory() as tmp:
        page, shot = Path(tmp) / "report.html", Path(tmp) / "report.png"
        page.write_text(render_html(timeline, title="Harbour Press", cases=cases), "utf-8")
        screenshot(page, shot, width=1200, height=900)
        width, height, pixels = png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 900)
    assert len(set(pixels)) > 200  # text, markers in several colours, anti-aliasing
    white = sum(1 for pixel in pixels if pixel == b"\xff\xff\xff")
    assert white < 0.97 * len(pixels)


def test_dates_read_as_every_listing_says_them(cli: Cli, tmp_path: Path) -> None:
    """A span (from A to B) is all of its days: never 'between', which is one day within."""
    cli("case", "add", "c", "--title", "C")
    for typed in ("2003-07-03/2014-09-16", "[2003-07-03..2014-09-16]", "summer 2003", "from 2004"):
        cli("add", "c", typed, f"Dated {typed}")
    cli("export", "--format", "html", "-o", str(tmp_path / "c.html"))
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "3 Jul 2003 \u2013 16 Sep 2014</td>" in page
    assert "between 3 Jul 2003 and 16 Sep 2014</td>" in page
    assert "Summer 2003 (between 1 Jun and 31 Aug 2003)</td>" in page
    assert "from 2004</td>" in page and "on or after" not in page
