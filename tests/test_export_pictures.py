"""`casetrack export --format svg|html` on a real store, end to end."""

from __future__ import annotations

import io
import sqlite3
import weakref
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

import pytest

from casetrack.dates import parse_date
from casetrack.models import DEFAULT_KINDS, Milestone
from casetrack.output.pictures.common import by_case
from casetrack.output.pictures.html import render_html, write_html
from casetrack.output.pictures.svg import Layout, render_svg, survey, write_svg
from tests.conftest import Cli
from tests.render_examples import milestone

SVG = "{http://www.w3.org/2000/svg}"


def test_svg_export_has_one_marker_per_selected_milestone(demo: Cli) -> None:
    demo("add", "nec-2003", "circa 2004", "<script>alert(1)</script>", "--kind", "hearing")
    svg = demo("export", "nec-2003", "--format", "svg").stdout
    root = ET.fromstring(svg)
    markers = [g for g in root.iter(f"{SVG}g") if g.get("class") == "milestone"]
    ids = {int(g.get("data-id") or 0) for g in markers}
    assert ids == {r[0] for r in demo.query("SELECT id FROM milestones")}
    assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    raids = ET.fromstring(demo("export", "--kind", "raid", "-f", "svg").stdout)
    assert len([g for g in raids.iter(f"{SVG}g") if g.get("class") == "milestone"]) == 1


def test_html_export_to_file_is_self_contained(demo: Cli) -> None:
    demo("export", "nec-2003", "-f", "html", "-o", "nec.html", "--layout", "vertical")
    html = (demo.db_path.parent / "nec.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert "Investigation into the Northern Exile Council" in html
    assert '<a href="https://example.org/news/2003/06/18/exile-council-offices-raided"' in html
    for asset in ("<link", "<script", "@import", "url("):
        assert asset not in html


def test_unknown_layout_is_a_usage_error(demo: Cli) -> None:
    result = demo("export", "-f", "svg", "--layout", "diagonal", code=2)
    assert "unknown layout 'diagonal'" in result.stderr


class _MadeUp:
    """A picture's marks made on the fly from their reference (a case per 500, an unknown
    date now and then), noting every milestone still alive: a writer that keeps them holds
    them all at the end."""

    def __init__(self, count: int) -> None:
        self.number = count
        self.alive = 0
        self.most = 0

    def make(self, ref: int) -> Milestone:
        day = date(1990, 1, 1) + timedelta(days=ref * 3)
        value = parse_date("unknown" if ref % 97 == 0 else day.isoformat())
        made = milestone(ref, f"case-{ref // 500}", value, DEFAULT_KINDS[ref % 7], f"Fact {ref}")
        self.alive += 1
        self.most = max(self.most, self.alive)
        weakref.finalize(made, self.gone)
        return made

    def gone(self) -> None:
        self.alive -= 1

    def count(self) -> int:
        return self.number

    def __iter__(self) -> Iterator[tuple[int, Milestone]]:
        return ((ref, self.make(ref)) for ref in range(self.number))

    def fetch(self, refs: Sequence[int]) -> Iterator[Milestone]:
        return (self.make(ref) for ref in refs)


@pytest.mark.parametrize("layout", ["vertical", "horizontal"])
def test_pictures_are_drawn_without_holding_the_milestones(layout: Layout) -> None:
    """The SVG and HTML writers read their milestones twice (to lay out, then to draw) and
    hold numbers in between, not the milestones: a 50,000-milestone export held 400 to 500 MB.
    The pictures are those render_svg and render_html make of the same milestones whole."""
    marks = _MadeUp(2000 if layout == "vertical" else 300)
    out = io.StringIO()
    write_svg(survey(marks, {}, layout), marks, out, title="Made up")
    assert marks.most <= 2
    whole = [marks.make(ref) for ref in range(marks.count())]
    assert out.getvalue() == render_svg(whole, title="Made up", layout=layout)
    if layout == "vertical":
        marks = _MadeUp(marks.count())
        order = {slug: [m.id for m in group] for slug, group in by_case(whole).items()}
        out = io.StringIO()
        rows = lambda slug: marks.fetch(order[slug])  # noqa: E731
        write_html(survey(marks, {}), marks, out, title="Made up", cases=[], rows=rows)
        assert marks.most <= 2
        assert out.getvalue() == render_html(whole, title="Made up")


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_a_picture_reads_one_snapshot_though_a_colleague_writes_between_its_passes(
    demo: Cli, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """The picture is laid out from a first read and drawn from a second: a milestone a
    colleague removes in between is still drawn where the layout put it, not skipped with
    every later milestone drawn in its neighbour's place."""
    from casetrack.output.pictures import svg

    ids = [r[0] for r in demo.query("SELECT id FROM milestones ORDER BY id")]
    real = svg.survey

    def then_a_colleague_writes(*args: Any) -> svg.Survey:
        found = real(*args)
        with sqlite3.connect(demo.db_path) as colleague:
            colleague.execute("DELETE FROM milestones WHERE id = ?", (ids[0],))
        return found

    monkeypatch.setattr(svg, "survey", then_a_colleague_writes)
    picture = demo("export", "-f", fmt).stdout
    assert picture.count('<g class="milestone"') == len(ids)
    assert f'data-id="{ids[0]}"' in picture
