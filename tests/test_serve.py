"""casetrack serve: the team's read-only Datasette view, read over HTTP from a real server."""

from __future__ import annotations

import base64
import json
import re
import signal
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from casetrack.dates import display_text
from casetrack.output.pictures.screenshot import dump_dom, find_chromium
from casetrack.team import READABLE, ServeOptions, metadata, schema_names
from casetrack.team_plugin import prepare_connection
from tests.conftest import Cli, installed_from

# A hash of the password "open sesame" made by `datasette hash-password`.
HASH = (
    "pbkdf2_sha256$480000$1fe883a8a54c3f111b4cfc789695812a"
    "$JZLP+vUBD74FEAbe4+dG7llOLQK2XV9HjAePsigkL1s="
)


@contextmanager
def served(db: Path, *options: str) -> Iterator[str]:
    """`casetrack serve` on a free port, as a user runs it; yields the timeline's URL and
    stops it with Ctrl-C (SIGINT), which must end it cleanly."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "casetrack", "--db", str(db), "serve", "--port", "0", *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stderr is not None
    try:
        line = proc.stderr.readline()
        found = re.search(r"http://\S+", line)
        assert found, line
        yield found.group()
    finally:
        proc.send_signal(signal.SIGINT)
        rest = proc.communicate(timeout=30)[1]
    assert proc.returncode == 0, rest
    assert rest == "", rest


def get(url: str, auth: str | None = None) -> tuple[int, Any]:
    """Status and body (JSON when the URL asks for it) of a GET."""
    request = urllib.request.Request(url)
    if auth is not None:
        request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        status, body = err.code, err.read().decode()
    if ".json" in url and status == 200:
        return status, json.loads(body)
    return status, body


def rows(url: str, **params: str) -> list[dict[str, Any]]:
    """Every row of a table page, as JSON objects."""
    status, body = get(f"{url}.json?" + urllib.parse.urlencode({"_shape": "array", **params}))
    assert status == 200, body
    assert isinstance(body, list)
    return body


def ids(cli: Cli, *args: str) -> list[int]:
    """The milestone ids a casetrack listing prints, in its order."""
    return [m["id"] for m in json.loads(cli(*args, "--format", "json").stdout)]


def matches(cli: Cli, text: str) -> list[int]:
    """The milestones `casetrack search` finds: by their own text, and by their case's
    title, slug, docket number or court."""
    return [m["id"] for m in json.loads(cli("search", text, "--all", "--format", "json").stdout)]


@pytest.fixture
def team(demo: Cli) -> Cli:
    """The sample case, a second case whose dates fall among its dates, a disputed
    milestone, and one trashed milestone that must never be served."""
    cli = demo
    cli("case", "add", "harbour-2010", "--title", "Harbour Press v. City", "--docket",
        "1:21-cv-01234", "--court", "Tribunal judiciaire de Paris")  # fmt: skip
    cli("add", "harbour-2010", "2003-06", "Harbour Press files its complaint", "--kind", "filing",
        "--party", "Harbour Press:plaintiff", "--party", "NEC:witness",
        "--note", "Filed at the Kad\u0131köy court")  # fmt: skip
    cli("add", "harbour-2010", "c. 2004", "City answers the complaint", "--status", "disputed")
    trashed = cli("add", "harbour-2010", "2005", "Zeppelin memo leaked").stdout.strip()
    cli("rm", trashed)
    return cli


def test_team_view_end_to_end(team: Cli) -> None:
    """Browse, search and facet the live timeline; nothing trashed, raw or arbitrary."""
    with served(team.db_path) as url:
        base = url.removesuffix("/timeline")
        timeline = rows(url, _size="max")
        # Every live milestone, in the order casetrack timeline lists them.
        assert [r["id"] for r in timeline] == ids(team, "timeline")
        stored = dict(team.query("SELECT id, date FROM milestones"))
        assert all(r["date"] == display_text(str(stored[r["id"]])) for r in timeline)
        raid = next(r for r in timeline if r["title"].startswith("Police raid"))
        assert raid["date"] == "17 Jun 2003" and raid["case"] == "nec-2003"
        assert "Northern Exile Council (subject)" in raid["parties"]
        assert "Zeppelin memo leaked" not in json.dumps(timeline)
        # _search finds what casetrack search finds: prefixes, OR, accents, letters a
        # keyboard lacks typed plain, and a case's title, slug, docket number or court.
        for text in ("farah*", "raid OR complaint", "leila", "Harbour Press", "kadikoy", "kadi*",
                     "1:21-cv-01234", "tribunal judiciaire", "harbour-2010 complaint",
                     "nec-2003"):  # fmt: skip
            found = [r["id"] for r in rows(url, _search=text, _size="max")]
            assert found and sorted(found) == sorted(matches(team, text)), text
        assert rows(url, _search="zeppelin") == []
        assert len(rows(url, _search="", _size="max")) == len(timeline)  # an empty box
        # Facets on case, kind, status and party (its names, a JSON array).
        page = get(f"{url}.json?_size=0")[1]
        facets = {name: {f["value"]: f["count"] for f in facet["results"]}
                  for name, facet in page["facet_results"].items()}  # fmt: skip
        assert facets["case"] == {"nec-2003": 8, "harbour-2010": 2}
        assert facets["status"] == {"undisputed": 8, "disputed": 2}
        assert facets["party"]["Harbour Press"] == 1
        assert facets["party"]["Northern Exile Council"] == 7
        # Narrowed by a facet or a search, still in timeline order.
        narrowed = [r["id"] for r in rows(url, case="harbour-2010")]
        assert narrowed == ids(team, "timeline", "harbour-2010")
        found = {r["id"] for r in rows(url, _search="council", _size="max")}
        assert [r["id"] for r in rows(url, _search="council")] == [
            r["id"] for r in timeline if r["id"] in found
        ]
        by_party = rows(url, party__arraycontains="Harbour Press")
        assert [r["id"] for r in by_party] == ids(team, "timeline", "--party", "Harbour Press")
        # Canned queries: a case's timeline; a party's milestones under any alias.
        case = rows(f"{base}/case_timeline", case="HARBOUR-2010")
        assert [r["id"] for r in case] == ids(team, "timeline", "harbour-2010")
        party = rows(f"{base}/party_milestones", party="conseil de l'exil du nord")
        assert [r["id"] for r in party] == ids(team, "timeline", "--party", "NEC")
        # The trash, the history and the raw tables are not served; nor is arbitrary SQL.
        for table in ("milestones", "history", "changes", "cases", "milestone_search"):
            assert get(f"{base}/{table}.json")[0] == 403, table
        assert get(f"{base}.json?sql=select+title+from+milestones")[0] == 403
        assert get(f"{base}/parties.json")[0] == 200


def test_a_partys_milestones_are_found_by_its_name_without_punctuation(cli: Cli) -> None:
    """The party query matched a name in other case or accents only: 'acme widgets inc'
    found nothing of Acme Widgets, Inc. It finds a party as casetrack does, by its stored
    bare key when no name or alias matches as typed; a bare key two parties of an older
    store have ('A.B. Smith', 'AB. Smith') shows the milestones of both, and a name typed
    as one of them is written shows that one's."""
    cli("case", "add", "c", "--title", "C")
    cli("party", "add", "Acme Widgets, Inc.", "--alias", "A.W.I.")
    cli("party", "add", "A.B. Smith")
    acme = cli("add", "c", "2024-01-02", "Complaint", "--party", "AWI:plaintiff").stdout
    smith = cli("add", "c", "2024-01-03", "Answer", "--party", "A.B. Smith:defendant").stdout
    conn = sqlite3.connect(cli.db_path)
    with conn:  # what casetrack now refuses to add, as an older store may hold it
        conn.execute(
            "INSERT INTO parties (uid, name, name_key, bare_key, kind, created_at)"
            " VALUES ('u2', 'AB. Smith', 'ab. smith', 'ab smith', 'other', '2024-01-01T00:00:00Z')"
        )
    conn.close()
    other = cli("add", "c", "2024-01-04", "Reply", "--party", "AB. Smith:witness").stdout
    acme_id, smith_id, other_id = int(acme), int(smith), int(other)
    with served(cli.db_path) as url:
        query = url.removesuffix("/timeline") + "/party_milestones"
        found = {
            typed: [r["id"] for r in rows(query, party=typed)]
            for typed in ("acme widgets inc", "ACME WIDGETS, INC.", "awi", "ab smith",
                          "A.B. Smith", "ab. smith", "Smith", "...")
        }  # fmt: skip
    assert found == {
        "acme widgets inc": [acme_id], "ACME WIDGETS, INC.": [acme_id], "awi": [acme_id],
        "ab smith": [smith_id, other_id], "A.B. Smith": [smith_id], "ab. smith": [other_id],
        "Smith": [], "...": [],
    }  # fmt: skip


def test_the_timeline_says_pinpoints_as_casetrack_does(cli: Cli) -> None:
    """The served timeline said only a citation's page ('p. 12-14'), never its paragraph or
    section: it says each pinpoint as `show` does."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "2011", "Charged", "--source", "Crimes Act 1900", "--page", "12-14",
        "--paragraph", "s. 35")  # fmt: skip
    cli("add", "acme", "2012", "Ruled", "--source", "Judgment", "--paragraph", "22")
    with served(cli.db_path) as url:
        said = [r["sources"] for r in rows(url)]
    assert said == ["[1] Crimes Act 1900, pp. 12\u201314, § 35", "[2] Judgment, ¶ 22"]
    assert "[1] Crimes Act 1900, pp. 12\u201314, § 35\n" in cli("show", "1").stdout


def test_deadlines_are_served_with_the_rule_they_were_counted_by(demo: Cli) -> None:
    """The canned query lists each deadline in timeline order with its rule as `show` says
    it (a built-in rule and a team's own), what it runs from and the working; a trashed one
    is left out."""
    demo("rule", "add", "ca-48h", "--days", "2", "--citation", "Code art. 48",
         "--method", "fr-cpc-641", "--title", "Recours (48 heures)")  # fmt: skip
    builtin = demo("deadline", "add", "nec-2003", "--rule", "fr-cpc-538", "--from", "6")
    own = demo("deadline", "add", "nec-2003", "--rule", "ca-48h", "--from", "6", "--any-trigger")
    trashed = demo(
        "deadline", "add", "nec-2003", "--rule", "fr-cpc-538", "--from", "6", "--another"
    )
    demo("rm", trashed.stdout.split()[0])
    with served(demo.db_path) as url:
        listed = rows(url.removesuffix("/timeline") + "/deadlines")
    assert [(r["id"], r["rule"], r["counted_from"]) for r in listed] == [
        (int(own.stdout.split()[0]), "ca-48h: Code art. 48, 2 days after (fr-cpc-641)",
         "6 Court of Appeal upholds the seizure of documents"),
        (int(builtin.stdout.split()[0]), "fr-cpc-538: CPC art. 538, 1 month after (fr-cpc-641)",
         "6 Court of Appeal upholds the seizure of documents"),
    ]  # fmt: skip
    assert listed[1]["due"] == "12 Jun 2006" and listed[1]["working"].startswith("1 month from")
    shown = demo("show", str(listed[1]["id"])).stdout
    assert f"rule          {listed[1]['rule']}" in shown


def test_a_deadline_whose_trigger_is_in_the_trash_does_not_show_the_trigger(demo: Cli) -> None:
    """The trash is not served: a deadline counted from a trashed milestone says its trigger
    is in the trash, as `show` does, and the trashed milestone's title is nowhere."""
    added = demo("deadline", "add", "nec-2003", "--rule", "fr-cpc-538", "--from", "6")
    demo("rm", "6")
    with served(demo.db_path) as url:
        body = rows(url.removesuffix("/timeline") + "/deadlines")
    assert [(r["id"], r["counted_from"]) for r in body] == [
        (int(added.stdout.split()[0]), "(in the trash)")
    ]
    assert "upholds the seizure" not in json.dumps(body)
    assert "(in the trash: 'casetrack restore 6')" in demo("show", added.stdout.split()[0]).stdout


def test_refusals_are_one_line(cli: Cli) -> None:
    cli("init")
    for options, message in [
        (["--host", "0.0.0.0"], "serving on 0.0.0.0 would let anyone on the network read"),
        (["--password-hash", "open sesame"], "the password must be given as a hash"),
        (["--password-env", "NO_SUCH_VAR"], "$NO_SUCH_VAR is not set"),
        (["--password-hash", HASH, "--password-env", "X"], "give --password-hash or"),
    ]:
        result = cli("serve", *options, code=1)
        assert result.stderr.startswith(f"casetrack: {message}"), result.stderr
        assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("direct_url", "command"),
    [  # a clone installed as the README says, a folder, an index
        ('{"dir_info": {"editable": true}, "url": "file:///home/ana/casetrack"}',
         "pip install -e '/home/ana/casetrack[serve]'"),
        ('{"dir_info": {}, "url": "file:///home/ana/my%20tools/casetrack"}',
         "pip install '/home/ana/my tools/casetrack[serve]'"),
        (None, "pip install 'casetrack[serve]'"),
    ],
)  # fmt: skip
def test_without_datasette_says_what_to_install_from_where_casetrack_came(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, direct_url: str | None, command: str
) -> None:
    cli("init")
    monkeypatch.setitem(sys.modules, "datasette.app", None)  # as if not installed
    installed_from(monkeypatch, direct_url)
    result = cli("serve", code=1)
    assert result.stderr == f"casetrack: casetrack serve needs Datasette: {command}\n"


def test_without_datasette_in_a_pipx_environment_says_the_pipx_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`pipx install .` (as the README offers) makes an environment whose pip is not on
    PATH: the line to run is pipx's, with the clone's folder and the extra."""
    cli("init")
    monkeypatch.setitem(sys.modules, "datasette.app", None)
    (tmp_path / "pipx_metadata.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    installed_from(monkeypatch, '{"dir_info": {}, "url": "file:///home/ana/casetrack"}')
    assert cli("serve", code=1).stderr == (
        "casetrack: casetrack serve needs Datasette:"
        " pipx install --force '/home/ana/casetrack[serve]'\n"
    )


def test_a_port_in_use_is_refused(cli: Cli) -> None:
    import socket

    cli("init")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = cli("serve", "--port", port, code=1)
    assert result.stderr.startswith(f"casetrack: cannot listen on 127.0.0.1 port {port}: ")
    assert result.stderr.rstrip().endswith("(choose another --port)")


def test_only_what_people_read_is_served(cli: Cli) -> None:
    """Every table and view of the store is either one a colleague reads (titled and
    described) or hidden and denied; --with-history allows them all but keeps the search
    index's tables out of sight."""
    cli("init")
    conn = sqlite3.connect(cli.db_path)
    table_names, view_names = schema_names(conn)
    conn.close()
    served_tables = metadata(table_names, view_names, ServeOptions())
    tables = served_tables["databases"]["casetrack"]["tables"]
    assert served_tables["allow_sql"] is False
    assert set(tables) == {*table_names, *view_names}
    for name, entry in tables.items():
        if name in READABLE:
            assert entry["title"] and entry["description"] and "allow" not in entry
        else:
            assert entry["hidden"] is True and entry["allow"] is False, name
    everything = metadata(table_names, view_names, ServeOptions(with_history=True))
    tables = everything["databases"]["casetrack"]["tables"]
    assert "allow_sql" not in everything
    assert not any("allow" in entry for entry in tables.values())
    assert tables["milestone_search_fts_data"]["hidden"] is True
    assert "history" not in tables  # listed like any table


def test_counts_and_facets_read_only_the_columns_they_need(team: Cli) -> None:
    """A count or a facet of the timeline works out no one's parties, sources or date: on
    10,000 milestones it takes milliseconds, not the half second of every row's columns."""
    conn = sqlite3.connect(team.db_path)
    prepare_connection(conn)  # the functions the view calls, as the server gives them
    try:
        for sql in (
            "SELECT count(*) FROM timeline",
            'SELECT "case", count(*) FROM (SELECT * FROM timeline) GROUP BY "case"',
            "SELECT kind, count(*) FROM (SELECT * FROM timeline WHERE status = 'disputed')"
            " GROUP BY kind",
        ):
            plan = " / ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "SUBQUERY" not in plan.replace("(subquery", ""), (sql, plan)
    finally:
        conn.close()


@pytest.mark.slow
def test_a_password_is_asked_for(team: Cli) -> None:
    with served(team.db_path, "--password-hash", HASH) as url:
        assert get(f"{url}.json")[0] == 401
        assert get(f"{url}.json", auth="team:wrong")[0] == 401
        status, page = get(f"{url}.json", auth="team:open sesame")
        assert status == 200 and len(page["rows"]) == 10


@pytest.mark.slow
def test_with_history_serves_everything(team: Cli) -> None:
    with served(team.db_path, "--with-history") as url:
        base = url.removesuffix("/timeline")
        assert get(f"{base}/history.json")[0] == 200
        status, page = get(
            f"{base}.json?sql=select+title+from+milestones+where+deleted_at+is+not+null"
        )
        assert status == 200 and page["rows"] == [["Zeppelin memo leaked"]]
        assert "Zeppelin" not in json.dumps(rows(url, _size="max"))  # the view stays live


@pytest.mark.slow
def test_a_store_being_written_stays_readable(team: Cli) -> None:
    """The server reads a live store (WAL, read-only connections): writes go on while it
    serves, and each is seen by the next request."""
    with served(team.db_path) as url:
        for n in range(5):
            team("add", "harbour-2010", f"2011-0{n + 1}-01", f"Hearing number {n}", "--kind",
                 "hearing")  # fmt: skip
            titles = [r["title"] for r in rows(url, _search="hearing", _size="max")]
            assert f"Hearing number {n}" in titles
    conn = sqlite3.connect(team.db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    team("check")


@pytest.mark.slow
@pytest.mark.skipif(find_chromium() is None, reason="chromium not on PATH")
def test_the_timeline_page_in_a_browser(team: Cli) -> None:
    with served(team.db_path) as url:
        page = dump_dom(f"{url}?_search=raid", wait_ms=2000)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "Timeline" in text
    assert "Police raid the council's offices at dawn" in text
    assert "17 Jun 2003" in text
    assert "Harbour Press files its complaint" not in text  # not a match
    assert "1 row where search matches" in text
