"""The learned keep/drop filter: the cues of junk, the shipped weights and `--keep learned`.
Sentences are made up; none is a corpus sentence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from casetrack.extract import extract
from casetrack.extract.keep import WEIGHTS, KeepModel, cues, shipped
from tests.conftest import Cli
from tests.steps import steps
from tests.test_extract_learned import CLEAN, trained_on


@dataclass(frozen=True)
class Told:
    date: str
    found: str
    sentence: str
    kind: str = "other"
    anchor: str | None = None


def told_in(text: str, found: str, date: str, kind: str = "other") -> Told:
    """The proposal of `found`, with the line it stands in as its sentence."""
    [line] = [line for line in text.splitlines() if found in line]
    return Told(date, found, line, kind)


CITATION = (
    "The court relied on Smith v. Jones, 123 F.2d 456 (9th Cir. 1985), in its reasoning.",
    "1985",
    "1985",
)
LAW = ("He was charged under the Criminal Code Act of 1995 and its later versions.", "1995", "1995")
DATELINE = (
    "PARIS, 17 September 2014.\nThe prosecutor opened an inquiry into the fraud.",
    "17 September 2014",
    "2014-09-17",
)
BIRTH = ("The applicant, born in 1961, lives in Lyon and works as a teacher.", "1961", "1961")
ARREST = (
    "He was arrested by the police on 3 May 2019 outside his home.",
    "3 May 2019",
    "2019-05-03",
)
INDICTMENT = (
    "A federal grand jury returned an indictment against him on June 4, 2020.",
    "June 4, 2020",
    "2020-06-04",
)
JUDGMENT = (
    "The Court of Appeal delivered its judgment on 12 March 2021 and dismissed the appeal.",
    "12 March 2021",
    "2021-03-12",
)
EVENTS = (ARREST, INDICTMENT, JUDGMENT)
CASE = "\n".join(event[0] for event in EVENTS)


def test_cues_name_the_shapes_of_junk() -> None:
    for (text, found, day), cue in (
        (CITATION, "paren:True"),
        (CITATION, "cite:versus"),
        (CITATION, "cite:reporter"),
        (LAW, "near:law"),
        (BIRTH, "near:birth"),
        (DATELINE, "dateline:True"),
        (DATELINE, "line:alone:True"),
    ):
        [found_cues] = cues(text, [told_in(text, found, day)])
        assert cue in found_cues, (cue, text)
    arrest = told_in(ARREST[0], ARREST[1], ARREST[2], "arrest")
    first, again = cues(ARREST[0], [arrest, arrest])
    assert {"dup:date:False", "paren:False", "rule:arrest", "b0:police"} <= set(first)
    assert {"dup:date:True", "dup:kind:True"} <= set(again)


@pytest.mark.parametrize("junk", [CITATION, LAW, BIRTH], ids=lambda j: j[2])
def test_the_shipped_filter_drops_a_date_that_is_no_event(junk: tuple[str, str, str]) -> None:
    """As older rules proposed them: the rules now propose none of these."""
    text = f"{junk[0]}\n{CASE}"
    told = [told_in(text, junk[1], junk[2])] + [
        told_in(text, found, date, kind)
        for (_, found, date), kind in zip(EVENTS, ("arrest", "indictment", "judgment"), strict=True)
    ]
    assert [t.date for t in shipped().kept(text, told)] == [e[2] for e in EVENTS]


def test_the_shipped_filter_keeps_clear_events() -> None:
    found = extract(CASE).candidates
    assert [(c.date, c.kind) for c in found] == [
        ("2019-05-03", "arrest"),
        ("2020-06-04", "indictment"),
        ("2021-03-12", "ruling"),
    ]
    assert shipped().kept(CASE, found) == found


def test_a_dateline_is_the_texts_publication_with_the_filter_too() -> None:
    """A place and a day on a line of their own is in the corpus mostly a decision's own date
    (a court's seat and the day it ruled), which the filter keeps; a report's dateline is read
    as its publication by the rules before the filter sees it."""
    text = f"{DATELINE[0]}\n{CASE}"
    extraction = extract(text, keep=True)
    assert extraction.published == DATELINE[2]
    assert [c.date for c in extraction.candidates] == [e[2] for e in EVENTS]


def test_the_filter_is_opt_in_and_a_threshold_drops_all_or_nothing() -> None:
    text = f"{LAW[0]}\n{CASE}"
    rules = [c.date for c in extract(text).candidates]
    filtered = [c.date for c in extract(text, keep=True).candidates]
    assert set(filtered) <= set(rules)
    model = shipped()
    everything = KeepModel(model.model, float("-inf"))
    nothing = KeepModel(model.model, float("inf"))
    assert [c.date for c in extract(text, keep=everything).candidates] == rules
    assert extract(text, keep=nothing).candidates == []


def test_the_keep_weights_were_trained_on_the_corpus_as_it_is_and_on_spent_splits_only() -> None:
    """Fails when a training text or annotation changed since the weights were written: run
    python scripts/train_keep.py and commit casetrack/extract/keep_weights.json."""
    recorded = trained_on(WEIGHTS, "train_keep.py")
    assert not set(recorded["then"]) & set(CLEAN)


def test_a_filter_of_repeats_only_drops_no_date_told_once() -> None:
    text = f"{LAW[0]}\n{CASE}"
    law = told_in(text, LAW[1], LAW[2])
    arrest = told_in(text, ARREST[1], ARREST[2], "arrest")
    nothing = KeepModel(shipped().model, float("inf"), repeats_only=True)
    assert nothing.kept(text, [law, arrest, arrest]) == [law, arrest]


def test_extract_keep_learned_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(CASE + "\n", encoding="utf-8")
    listed = json.loads(cli("extract", str(report), "--keep", "learned", "-f", "json").stdout)
    assert [c["date"] for c in listed["candidates"]] == [e[2] for e in EVENTS]
    refused = cli("extract", str(report), "--keep", "lerned", code=2)
    assert "learned" in refused.stderr


def test_the_filter_takes_work_in_step_with_a_long_dockets_length() -> None:
    """Three times the dates take about three times the steps (nine times if quadratic)."""

    def work(count: int) -> int:
        days = [date(2000, 1, 1) + timedelta(days=n) for n in range(count)]
        docket = "\n".join(
            f"No. {n}. {d:%d %B %Y}: hearing, raid, appeal" for n, d in enumerate(days)
        )
        found = extract(docket).candidates
        kept: list[Any] = []
        taken = steps(lambda: kept.extend(shipped().kept(docket, found)))
        assert len(found) == count and set(map(id, kept)) <= set(map(id, found))
        return taken

    work(10)  # the weights' first read is not the algorithm's work
    assert work(600) < 4 * work(200)
