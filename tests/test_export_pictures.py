"""`casetrack export --format svg|html` on a real store, end to end."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.conftest import Cli

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
