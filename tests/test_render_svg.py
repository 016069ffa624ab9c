"""The SVG timeline: valid XML, one marker per milestone, escaped text, labels never overlap."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetrack.dates import DateValue
from casetrack.models import DEFAULT_KINDS, Milestone
from casetrack.output.pictures.svg import Box, render_svg, text_box
from tests.budget import examples
from tests.render_examples import harbour_timeline, milestone, when

NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def markers(root: ET.Element) -> list[ET.Element]:
    return [el for el in root.iter() if el.get("class") == "milestone"]


def text_boxes(root: ET.Element) -> list[tuple[str, Box]]:
    """Every text element's box, computed from its attributes as drawn."""
    return [
        (
            el.text or "",
            text_box(
                float(el.get("x", 0)),
                float(el.get("y", 0)),
                el.text or "",
                size=float(el.get("font-size", 12)),
                anchor=el.get("text-anchor", "start"),
                bold=el.get("font-weight") == "bold",
            ),
        )
        for el in root.iter(f"{NS}text")
    ]


def assert_no_overlap(root: ET.Element) -> None:
    width = float(root.get("width", 0))
    boxes = text_boxes(root)
    for (text_a, a), (text_b, b) in combinations(boxes, 2):
        assert not a.overlaps(b), f"{text_a!r} overlaps {text_b!r}"
    for text, box in boxes:
        assert box.x0 >= 0 and box.x1 <= width, f"{text!r} runs off the picture"


def test_parses_with_one_marker_per_milestone() -> None:
    timeline = harbour_timeline()
    root = parse(render_svg(timeline, title="Harbour Press"))
    assert sorted(el.get("data-id") for el in markers(root)) == sorted(str(m.id) for m in timeline)
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert root.get("font-family") == "sans-serif"


@pytest.mark.parametrize("layout", ["horizontal", "vertical"])
def test_labels_do_not_overlap(layout: str) -> None:
    timeline = harbour_timeline()
    root = parse(render_svg(timeline, title="Harbour Press", layout=layout))  # type: ignore[arg-type]
    assert root.get("data-layout") == layout
    assert_no_overlap(root)


def test_markup_in_user_text_stays_text() -> None:
    timeline = harbour_timeline()
    hostile = "<script>alert(1)</script>"
    timeline[1].title = hostile
    timeline[2].kind = 'raid" onload="alert(1)'
    svg = render_svg(timeline, title=hostile, case_titles={"harbour": '"><g id="x">'})
    root = parse(svg)
    assert "<script>" not in svg
    assert not list(root.iter(f"{NS}script"))
    assert not [el for el in root.iter() if el.get("onload") or el.get("id") == "x"]
    assert any(hostile in (el.text or "") for el in root.iter(f"{NS}text"))
    assert {el.get("data-kind") for el in markers(root)} >= {'raid" onload="alert(1)'}


def test_characters_invalid_in_xml_are_dropped() -> None:
    timeline = harbour_timeline()
    timeline[0].title = "Opened\x00 by\x07 the\x1b prosecutor"
    root = parse(render_svg(timeline, title="T\x0c"))
    assert any("Opened by the prosecutor" in (el.text or "") for el in root.iter(f"{NS}text"))


def test_tooltips_give_full_date_and_title() -> None:
    timeline = harbour_timeline()
    tips = {
        el.get("data-id"): el.findtext(f"{NS}title") or ""
        for el in markers(parse(render_svg(timeline, title="T")))
    }
    assert "Sep 2003 (approximate)" in tips["5"] and "Both released" in tips["5"]
    assert tips["6"].startswith("from Feb 2004: Travel ban")  # in force since: not one day
    assert "17 Jun 2003" in tips["2"]


def test_partial_dates_are_spans_and_open_ends_arrows() -> None:
    timeline = harbour_timeline()
    by_id = {el.get("data-id"): el for el in markers(parse(render_svg(timeline, title="T")))}
    assert by_id["1"].find(f"{NS}rect") is not None  # the year 2001 is a bar, not a point
    assert by_id["1"].find(f"{NS}rect").get("stroke-dasharray") is None  # type: ignore[union-attr]
    assert by_id["5"].find(f"{NS}rect").get("stroke-dasharray")  # type: ignore[union-attr]
    assert by_id["2"].find(f"{NS}circle") is not None
    assert by_id["6"].find(f".//{NS}polygon") is not None  # open end: arrow head


def test_one_day_in_a_range_is_drawn_as_uncertainty_not_a_bar() -> None:
    """`between A and B` is one day, not a duration: no filled bar, a dotted line with end ticks
    from a hollow dot; `before` and `after` get a hollow arrowhead; the legend says so."""
    timeline = [
        milestone(1, "c", when("between 3 Jul 2003 and 16 Sep 2014"), "release", "Returned"),
        milestone(2, "c", when("2003-06-17/2003-07-03"), "detention", "Held"),
        milestone(3, "c", when("after 2010"), "other", "Later"),
        milestone(4, "c", when("before 1 Mar 2001"), "other", "Earlier"),
    ]
    root = parse(render_svg(timeline, title="T"))
    by_id = {el.get("data-id"): el for el in markers(root)}
    for one_day in ("1", "3", "4"):
        assert by_id[one_day].find(f"{NS}rect") is None
        group = by_id[one_day].find(f"{NS}g")
        assert group is not None and group.get("class") == "one-day-in"
        assert any(line.get("stroke-dasharray") for line in group.iter(f"{NS}line"))
        assert all(c.get("fill") == "#fff" for c in group.iter(f"{NS}circle"))
    assert len([*by_id["1"].iter(f"{NS}line")]) == 3  # the dotted line and a tick at each end
    assert all(by_id[i].find(f".//{NS}polygon").get("fill") == "#fff" for i in ("3", "4"))  # type: ignore[union-attr]
    assert by_id["2"].find(f"{NS}rect").get("fill-opacity") == "0.3"  # type: ignore[union-attr]
    legend = [el.text for el in root.iter(f"{NS}text") if el.get("class") == "legend"]
    assert "one day, somewhere in a range" in legend and "date range" in legend


def test_long_gap_is_squeezed_with_break_mark() -> None:
    timeline = harbour_timeline()
    root = parse(render_svg(timeline, title="T"))
    breaks = [el for el in root.iter() if el.get("class") == "axis-break"]
    assert breaks
    assert any("yrs gap" in (el.text or "") for el in root.iter(f"{NS}text"))
    compact = parse(render_svg(timeline[1:6], title="T"))
    assert not [el for el in compact.iter() if el.get("class") == "axis-break"]


def test_one_lane_per_case_and_unknown_row() -> None:
    timeline = harbour_timeline()
    root = parse(render_svg(timeline, title="T", case_titles={"harbour": "State v. Harbour"}))
    lanes = [el.text for el in root.iter(f"{NS}text") if el.get("class") == "lane"]
    assert lanes == ["State v. Harbour", "appeal", "Date unknown"]
    single = parse(render_svg([m for m in timeline if m.case == "harbour"], title="T"))
    assert [el.text for el in single.iter(f"{NS}text") if el.get("class") == "lane"] == [
        "Date unknown"
    ]


def test_time_scale_is_true_within_a_segment() -> None:
    """Equal time gives equal distance: 17 to 18 Jun equals 18 to 19 Jun."""
    days = [
        milestone(i, "c", when(f"2003-06-{day}"), "raid", f"Day {day}")
        for i, day in enumerate((17, 18, 19, 30))
    ]
    xs = {
        el.get("data-id"): float(el.find(f"{NS}circle").get("cx"))  # type: ignore[union-attr]
        for el in markers(parse(render_svg(days, title="T", layout="horizontal")))
    }
    assert xs["1"] - xs["0"] == pytest.approx(xs["2"] - xs["1"], abs=0.2)
    assert xs["3"] - xs["2"] == pytest.approx(11 * (xs["1"] - xs["0"]), abs=1)


def test_auto_layout_turns_vertical_when_crowded() -> None:
    many = [
        milestone(i, "c", when("2003-01-01") if i % 2 else when("2004"), "raid", f"Event {i}")
        for i in range(41)
    ]
    assert parse(render_svg(many[:40], title="T")).get("data-layout") == "horizontal"
    assert parse(render_svg(many, title="T")).get("data-layout") == "vertical"


def test_nothing_to_draw_still_renders() -> None:
    root = parse(render_svg([], title="Empty"))
    assert markers(root) == []


@st.composite
def date_values(draw: st.DrawFn) -> DateValue:
    start = date(1990, 1, 1) + timedelta(days=draw(st.integers(0, 365 * 30)))
    shape = draw(
        st.sampled_from(["day", "month", "year", "interval", "before", "after", "unknown"])
    )
    flags = draw(st.booleans()), draw(st.booleans())
    if shape == "unknown":
        return DateValue("", None, None, "unknown")
    if shape == "before":
        return DateValue("", None, start, "before", *flags)
    if shape == "after":
        return DateValue("", start, None, "after", *flags)
    length = {"day": 0, "month": 29, "year": 364}.get(shape, draw(st.integers(1, 3000)))
    return DateValue("", start, start + timedelta(days=length), shape, *flags)


@st.composite
def milestone_lists(draw: st.DrawFn) -> list[Milestone]:
    cases = draw(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=6, unique=True))
    return [
        milestone(
            i,
            draw(st.sampled_from(cases)),
            draw(date_values()),
            draw(st.sampled_from(DEFAULT_KINDS)),
            draw(st.text(max_size=80)),
        )
        for i in range(100)
    ]


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(milestone_lists(), st.sampled_from(["auto", "horizontal"]))
def test_random_timelines_never_overlap(milestones: list[Milestone], layout: str) -> None:
    root = parse(render_svg(milestones, title="Random", layout=layout))  # type: ignore[arg-type]
    assert len(markers(root)) == 100
    assert_no_overlap(root)


def shape_of(element: ET.Element) -> str:
    """circle, rect, or the polygon's outline (up or down triangle, diamond) told apart by its
    number of corners and which way its first corner points."""
    if element.tag != f"{NS}polygon":
        return element.tag.removeprefix(NS)
    corners = [tuple(map(float, p.split(","))) for p in element.get("points", "").split()]
    return f"polygon{len(corners)}{'up' if corners[0][1] < corners[1][1] else 'down'}"


def test_every_built_in_kind_has_its_own_key_in_every_picture() -> None:
    day = date(2003, 1, 1)
    everything = [
        milestone(i, "c", when((day + timedelta(days=30 * i)).isoformat()), kind, kind)
        for i, kind in enumerate(DEFAULT_KINDS, start=1)
    ]
    root = parse(render_svg(everything, title="All kinds"))
    keys = [el for el in root.iter(f"{NS}g") if el.get("class") == "legend-key"]
    names = [el.text for el in root.iter(f"{NS}text") if el.get("class") == "legend"]
    drawn = {
        name: (key[0].get("fill"), shape_of(key[0]))
        for name, key in zip(names, keys, strict=False)
        if name in DEFAULT_KINDS
    }
    assert list(drawn) == list(DEFAULT_KINDS)
    assert len(set(drawn.values())) == len(DEFAULT_KINDS), drawn  # no two kinds look alike
    # Named in the trial: these pairs shared a colour once there were more than 12 kinds.
    for a, b in [("investigation", "appeal"), ("filing", "deadline")]:
        assert drawn[a][0] != drawn[b][0]
    # The same kind keeps its key whatever else the picture holds.
    few = parse(render_svg(everything[15:17], title="Two kinds"))
    few_keys = [el for el in few.iter(f"{NS}g") if el.get("class") == "legend-key"]
    assert [(k[0].get("fill"), shape_of(k[0])) for k in few_keys[:2]] == [
        drawn[m.kind] for m in everything[15:17]
    ]
    # Each label's key is its kind's key.
    for el in root.iter(f"{NS}g"):
        if el.get("class") == "kind-key":
            assert (el[0].get("fill"), shape_of(el[0])) in drawn.values()


def test_labels_of_one_day_read_top_down_in_timeline_order() -> None:
    day = when("2003-06-17")
    same_day = [
        milestone(1, "c", when("2003-01-10"), "trial", "Trial opens"),
        milestone(2, "c", day, "verdict", "Verdict: guilty"),
        milestone(3, "c", day, "sentencing", "Sentenced to five years"),
        milestone(4, "c", day, "appeal", "Appeal lodged the same day"),
    ]
    root = parse(render_svg(same_day, title="Same day", layout="horizontal"))
    labels = [
        (float(el.get("y", 0)), (el.text or "").split(" · ")[-1])
        for el in root.iter(f"{NS}text")
        if el.get("class") == "label" and (el.text or "").startswith("17 Jun 2003")
    ]
    assert [title for _, title in sorted(labels)] == [m.title for m in same_day[1:]]


def test_month_ticks_say_the_month_as_every_listing_does() -> None:
    """A zoomed-in axis names months: the first tick of a stretch with its year, as the
    listings say a month (display_text), the others by the month's name alone."""
    from casetrack.dates import MONTHS, display_text

    timeline = [
        milestone(1, "c1", when("2003-06-17"), "raid", "Raid"),
        milestone(2, "c1", when("2003-11-03"), "release", "Release"),
    ]
    root = parse(render_svg(timeline, title="Months"))
    ticks = [el.text for el in root.iter(f"{NS}text") if el.get("class") == "tick"]
    assert ticks and ticks[0] == display_text("2003-06") == "Jun 2003", ticks
    assert set(ticks[1:]) <= set(MONTHS) and ticks[1:], ticks
