"""Every export in the casetrack/1 format validates against its published JSON Schema.

The schema (casetrack/exchange/casetrack-1.schema.json) closes every known record
(additionalProperties false): a field or record type an export starts writing fails here until
the schema describes it. Readers, on the other hand, skip what they do not know (the versioning
rule in docs/guide/format.md).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from referencing import Registry, Resource

from casetrack.case_status import CASE_STATUSES
from casetrack.deadlines.rules import RUNS_FROM
from casetrack.exchange import FORMAT, schema_path
from casetrack.exchange.jsonfmt import SECTIONS
from tests.budget import examples
from tests.conftest import Cli
from tests.test_exchange import _RICH

SCHEMA: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
_REGISTRY: Registry[Any] = Registry().with_resource(SCHEMA["$id"], Resource.from_contents(SCHEMA))
DOCUMENT = jsonschema.Draft202012Validator(SCHEMA, registry=_REGISTRY)
LINE = jsonschema.Draft202012Validator({"$ref": SCHEMA["$id"] + "#/$defs/line"}, registry=_REGISTRY)


def _problems(validator: jsonschema.Draft202012Validator, value: Any) -> list[str]:
    """Each way the value breaks the schema, said where it is (best match first)."""
    errors = sorted(validator.iter_errors(value), key=jsonschema.exceptions.relevance)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def assert_valid_exports(cli: Cli) -> None:
    """The store's JSON and JSONL exports both follow the schema, line by line for JSONL."""
    document = json.loads(cli("export", "--format", "json").stdout)
    assert _problems(DOCUMENT, document) == []
    lines = cli("export", "--format", "jsonl").stdout.splitlines()
    assert json.loads(lines[0]) == {"format": FORMAT}
    for number, line in enumerate(lines, 1):
        best = jsonschema.exceptions.best_match(LINE.iter_errors(json.loads(line)))
        assert best is None, f"line {number}: {best.message if best else ''}\n{line}"


def test_the_schema_is_a_valid_draft_2020_12_schema_shipped_with_the_package() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema_path().parent.name == "exchange"
    assert SCHEMA["properties"]["format"] == {"$ref": "#/$defs/format"}
    assert SCHEMA["$defs"]["format"]["const"] == FORMAT


def test_the_schema_knows_every_section_and_record_type_the_format_has() -> None:
    """A record type added to the exchange format without the schema fails here, by name."""
    assert set(SCHEMA["properties"]) == {"format", *SECTIONS}
    line_types = {
        ref["$ref"].removeprefix("#/$defs/").removesuffix("Line")
        for ref in SCHEMA["$defs"]["line"]["oneOf"]
    }
    assert line_types == {"header", *SECTIONS.values()}


def test_the_rich_and_the_sample_stores_export_valid_json_and_jsonl(
    cli: Cli, tmp_path: Path
) -> None:
    for command in _RICH:
        cli(*command)
    assert_valid_exports(cli)
    sample = Cli(tmp_path / "sample.db")
    sample("demo")
    assert_valid_exports(sample)


@pytest.mark.parametrize(
    "bad",
    [
        {"format": "casetrack/2"},
        {"format": FORMAT, "exhibits": []},
        {"format": FORMAT, "cases": [{"slug": "c", "docket_id": 3}]},
        {"format": FORMAT, "milestones": [{"case": "c", "date": "2003", "title": "t", "x": 1}]},
        {
            "format": FORMAT,
            "milestones": [
                {
                    "case": "c",
                    "date": "2003",
                    "title": "t",
                    "parties": [{"name": "A", "since": "2003"}],
                }
            ],
        },
        {"format": FORMAT, "milestones": [{"case": "c", "date": "2003"}]},
        {"format": FORMAT, "parties": [{"name": "A", "kind": "persn"}]},
    ],
)
def test_what_the_schema_does_not_describe_fails_loudly(bad: dict[str, Any]) -> None:
    assert _problems(DOCUMENT, bad)


def test_a_jsonl_line_of_an_unknown_type_fails_the_schema_but_readers_skip_it(
    cli: Cli, tmp_path: Path
) -> None:
    """The schema says what this version writes; a reader of casetrack/1 skips record types
    and fields it does not know (a later casetrack/1 may write them), saying so for types."""
    lines = [
        {"format": FORMAT},
        {"type": "docket", "court": "x"},
        {"type": "case", "slug": "c-1", "title": "One", "opened": "2003"},
        {"type": "milestone", "case": "c-1", "date": "2003", "title": "Raid", "pinpoint": "p. 2"},
    ]
    assert [bool(_problems(LINE, line)) for line in lines] == [False, True, True, True]
    path = tmp_path / "later.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    cli("init")
    result = cli("import", str(path))
    assert result.stderr.startswith(f"warning: {path}:2: skipped a record of unknown type 'docket'")
    assert cli.query("SELECT title FROM milestones") == [("Raid",)]
    document = {"format": FORMAT, "dockets": [{"court": "x"}], "cases": [lines[2]]}
    path = tmp_path / "later.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert "imported: cases: 1 unchanged" in cli("import", str(path)).stderr


# A store drawn at random: every date precision, custom kinds, links with roles and
# pinpoints, tags, statuses, key flags, texts with quotes, accents and line breaks.
_DATES = (
    "2003",
    "2003-06",
    "2003-06-17",
    "2001~",
    "2003?",
    "2003-21",
    "199X",
    "19XX",
    "1XXX",
    "2003/2005",
    "[..2003]",
    "[2003..]",
    "[2001..2003]",
    "unknown",
    "2003-06-XX",
    "../2003",
    "2003%",
)
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
_WORDS = st.sampled_from(["Raid", "Audience « publique »", 'He said "no"', "ثبت", "=1+2"])
_PARTIES = ("Anne Morel", "NEC", "Cour d'appel de Paris")
_URLS = ("https://e.org/1?a=1&b=2", "Le Monde, 3 June 2003, p. 2")


def _optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.none() | strategy


_milestone = st.fixed_dictionaries(
    {
        "type": st.just("milestone"),
        "case": st.sampled_from(["c-1", "c-2"]),
        "date": st.sampled_from(_DATES),
        "title": _WORDS,
        "kind": st.sampled_from(["raid", "hearing", "extradition", "other"]),
        "status": st.sampled_from(["undisputed", "disputed", "unsure"]),
        "key": st.booleans(),
        "location": _optional(_WORDS),
        "note": _optional(_TEXT),
        "tags": st.lists(st.sampled_from(["press", "appeal"]), max_size=2, unique=True),
        "parties": st.lists(
            st.fixed_dictionaries(
                {
                    "name": st.sampled_from(_PARTIES),
                    "role": st.sampled_from([None, "witness", "judge", "defendant"]),
                }
            ),
            max_size=2,
        ),
        "sources": st.lists(
            st.fixed_dictionaries(
                {
                    "url": st.sampled_from(_URLS),
                    "quote": _optional(_TEXT),
                    "page": _optional(st.sampled_from(["3", "iv"])),
                    "paragraph": _optional(st.just("12")),
                }
            ),
            max_size=2,
            unique_by=lambda link: link["url"],  # one pinpoint per source
        ),
    }
)
_head = [
    {"type": "kind", "name": "extradition"},
    {"type": "case", "slug": "c-1", "title": "One", "court": "Cour « X »", "status": "on appeal"},
    {"type": "party", "name": "NEC", "kind": "organization", "aliases": ["N.E.C."]},
    {"type": "source", "url": _URLS[0], "title": "Report", "published": "2003-06"},
]


@settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(_milestone, min_size=1, max_size=8))
def test_any_store_exports_what_the_schema_describes(milestones: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "drawn.jsonl")
        lines = [{"format": FORMAT}, *_head, *milestones]
        path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
        cli = Cli(Path(folder, "drawn.db"))
        cli("init")
        cli("import", str(path))
        cli("rm", "1")  # the trash is not exported; the rest still validates
        assert_valid_exports(cli)


def test_the_schema_names_every_case_status_casetrack_takes() -> None:
    assert SCHEMA["$defs"]["case"]["properties"]["status"]["enum"] == list(CASE_STATUSES)


def test_the_schema_names_every_runs_from_word_a_rule_takes() -> None:
    assert SCHEMA["$defs"]["rule"]["properties"]["runs_from"]["enum"] == [*RUNS_FROM, None]
