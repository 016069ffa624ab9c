"""The TimelineJS export loaded by the real TimelineJS3 in headless Chromium.

Needs Chromium on PATH and TimelineJS3 unpacked from npm into .cache/timelinejs (or the
folder $CASETRACK_TIMELINEJS names); .ci/run provides both.
"""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from casetrack.output.pictures.screenshot import dump_dom, find_chromium
from tests.conftest import Cli

TIMELINEJS = Path(
    os.environ.get("CASETRACK_TIMELINEJS", Path(__file__).parents[1] / ".cache" / "timelinejs")
)
RAID = "https://example.org/news/2003/06/18/exile-council-offices-raided"

pytestmark = [
    pytest.mark.skipif(find_chromium() is None, reason="chromium not on PATH"),
    pytest.mark.skipif(
        not (TIMELINEJS / "dist" / "js" / "timeline.js").exists(),
        reason=f"TimelineJS3 not unpacked in {TIMELINEJS} (npm pack @knight-lab/timelinejs)",
    ),
]


class Slides(HTMLParser):
    """Per TimelineJS slide (by its id, the event's unique_id): shown date, links, text."""

    def __init__(self) -> None:
        super().__init__()
        self.slides: dict[str, dict[str, list[str]]] = {}
        self._slide: str | None = None
        self._depth = 0
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if self._slide is None and tag == "div" and "tl-slide" in classes and found.get("id"):
            self._slide, self._depth = found["id"], 0
            self.slides[self._slide] = {"date": [], "links": [], "hrefs": [], "text": []}
        if self._slide is None:
            return
        if tag == "div":
            self._depth += 1
        self._in.append("date" if "tl-headline-date" in classes else tag)
        if tag == "a":
            self.slides[self._slide]["hrefs"].append(found.get("href") or "")
            self.slides[self._slide]["links"].append("")

    def handle_endtag(self, tag: str) -> None:
        if self._slide is None:
            return
        if self._in:
            self._in.pop()
        if tag == "div":
            self._depth -= 1
            if self._depth == 0:
                self._slide = None

    def handle_data(self, data: str) -> None:
        if self._slide is None:
            return
        slide = self.slides[self._slide]
        slide["text"].append(data)
        if "date" in self._in:
            slide["date"].append(data)
        if "a" in self._in:
            slide["links"][-1] += data


def _render(doc: str, folder: Path) -> dict[str, dict[str, list[str]]]:
    base = TIMELINEJS.resolve().as_uri()
    page = folder / "timeline.html"
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="{base}/dist/css/timeline.css">'
        f'<script src="{base}/dist/js/timeline.js"></script></head><body>'
        '<div id="tl" style="width:1200px;height:700px"></div>'
        f"<script>new TL.Timeline('tl', {doc});</script></body></html>",
        encoding="utf-8",
    )
    parser = Slides()
    parser.feed(dump_dom(page))
    return parser.slides


def test_timelinejs_shows_dates_as_said_and_sources_as_links(cli: Cli, tmp_path: Path) -> None:
    cli("case", "add", "nec-2003", "--title", "NEC")
    cli("source", "add", "https://example.org/report", "--title", "Le Monde report")
    ids = {
        title: cli("add", "nec-2003", date, title, *extra).stdout.strip()
        for date, title, extra in [
            ("circa 2001", "Investigation opened", []),
            ("from 17 June 2003 to 3 July 2003", "Detention", ["--source", RAID]),
            ("before 2014-09-16", "Appeal lodged", ["--source", "https://example.org/report"]),
            ("2003-06-17", "Raid", ["--source", "Order of dismissal, p. 2"]),
            ("unknown", "Undated meeting", []),
        ]
    }
    result = cli("export", "nec-2003", "--format", "timelinejs")
    assert "left out 1 milestone without a known date" in result.stderr
    uids = {t: str(cli.query("SELECT uid FROM milestones WHERE id = ?", (i,))[0][0])
            for t, i in ids.items()}  # fmt: skip
    slides = _render(result.stdout, tmp_path)

    def date(title: str) -> str:
        return "".join(slides[uids[title]]["date"]).strip()

    assert date("Investigation opened") == "c. 2001"
    assert date("Detention") == "17 Jun \u2013 3 Jul 2003"
    assert date("Appeal lodged") == "before 16 Sep 2014"
    assert date("Raid") == "17 Jun 2003"
    assert uids["Undated meeting"] not in slides
    assert len(slides) == len(json.loads(result.stdout)["events"]) + 1  # and the title slide
    links = [(h, t) for s in slides.values() for h, t in zip(s["hrefs"], s["links"], strict=True)]
    assert (RAID, "example.org/news/2003/06/18/ex…") in links
    assert ("https://example.org/report", "example.org/report") in links
    assert all(text.strip() for _, text in links), links
    assert "Le Monde report" in "".join(slides[uids["Appeal lodged"]]["text"])
    assert "Source: Order of dismissal, p. 2" in "".join(slides[uids["Raid"]]["text"])
