"""The team view: a store served read-only by Datasette, with what a colleague needs (the
live timeline, searchable and faceted, the cases, parties and sources) and nothing else.

What is served is an allowlist: the tables and views named in READABLE. Every other table
(the raw milestones and links, which keep the trash; the history; the search rows and index;
any table a later version adds) is hidden and denied, and arbitrary SQL is off, unless
`with_history` opens everything up. Datasette and its password plugin are the optional
extra `casetrack[serve]`, imported only here, when serving.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casetrack.errors import CasetrackError

if TYPE_CHECKING:
    from datasette.app import Datasette

DATABASE = "casetrack"  # the database's name in the server's URLs: /casetrack/timeline
USER = "team"  # the one account a password sets up
HASH_VAR = "CASETRACK_SERVE_PASSWORD_HASH"  # where a --password-hash is kept for the plugin
# What a hash from `datasette hash-password` looks like: pbkdf2_sha256$ITERATIONS$SALT$HASH.
_HASH_PREFIX = "pbkdf2_sha256$"
# Generous enough for a facet of a 10,000-milestone timeline on a slow machine.
_FACET_TIME_LIMIT_MS = 2000

TIMELINE_DESCRIPTION = (
    "Every milestone not in the trash, in timeline order (as casetrack timeline lists them):"
    " the date as casetrack says it, who took part in which role, and the sources cited."
    ' Search it like casetrack search: words, "a phrase", prefix*, AND / OR / NOT.'
)
# Tables and views a colleague reads, with what they hold. Nothing here keeps trashed rows.
READABLE = {
    "timeline": ("Timeline", TIMELINE_DESCRIPTION),
    "case_list": ("Cases", "The cases not in the trash, with how many milestones each has."),
    "parties": ("Parties", "People, organisations, courts and agencies named in milestones."),
    "party_aliases": ("Party aliases", "Other names of parties: acronyms, former names."),
    "sources": ("Sources", "Articles, judgments and filings that milestones cite."),
    "kinds": ("Kinds", "The kinds of milestone: built-in ones and those the team added."),
}
# Canned queries: the everyday jobs, each a form with one field.
_ORDERED = "JOIN milestones m ON m.id = t.id {where} ORDER BY m.sort_key, m.position, m.id"
# The parties a typed name finds, as parties.find_party_id finds them: by a name or alias
# key; failing that, by the bare key (punctuation aside) of a name or alias, every party that
# has it. Both keys are stored and indexed: no pattern is built from the typed name.
_NAMED = (
    "SELECT id FROM parties WHERE name_key = casetrack_name_key(:party)"
    " UNION SELECT party_id FROM party_aliases WHERE alias_key = casetrack_name_key(:party)"
)
_BARE = (
    "SELECT id FROM parties WHERE bare_key = casetrack_bare_key(:party)"
    " UNION SELECT party_id FROM party_aliases WHERE bare_key = casetrack_bare_key(:party)"
)
QUERIES = {
    "case_timeline": {
        "title": "A case's timeline",
        "description": "Every milestone of one case (give its slug), in timeline order.",
        "sql": "SELECT t.* FROM timeline t "
        + _ORDERED.format(where='WHERE t."case" = :case COLLATE NOCASE'),
    },
    "party_milestones": {
        "title": "A party's milestones",
        "description": "Every milestone a party took part in, found by its name or any"
        " alias (in any case, with or without accents, or without its punctuation), in"
        " timeline order; a name two parties have but for punctuation shows both.",
        "sql": "SELECT t.* FROM timeline t "
        + _ORDERED.format(
            where="WHERE t.id IN (SELECT milestone_id FROM milestone_parties WHERE party_id IN"
            f" ({_NAMED} UNION SELECT * FROM ({_BARE}) WHERE NOT EXISTS ({_NAMED})))"
        ),
    },
    "deadlines": {
        "title": "Deadlines and their rules",
        "description": "Every deadline not in the trash, in timeline order: when it falls due,"
        " the court rule it was counted by (citation, period, counting method), the milestone"
        " it runs from ('(in the trash)' when it is), the working of the count, and when it"
        " was marked done.",
        "sql": 'SELECT m.id AS id, c.slug AS "case", casetrack_date(m.date) AS due,'
        " m.title AS title, casetrack_rule(d.rule) AS rule,"
        " CASE WHEN t.deleted_at IS NULL THEN d.trigger_id || ' ' || t.title"
        " ELSE '(in the trash)' END AS counted_from, d.service AS service,"
        " d.working AS working, d.done_at AS done"
        " FROM deadlines d JOIN milestones m ON m.id = d.milestone_id"
        " JOIN cases c ON c.id = m.case_id LEFT JOIN milestones t ON t.id = d.trigger_id"
        " WHERE m.deleted_at IS NULL AND c.deleted_at IS NULL"
        " ORDER BY m.sort_key, m.position, m.id",
    },
    "disputed": {
        "title": "Disputed and unsure milestones",
        "description": "The milestones whose facts are disputed or unsure, in timeline order.",
        "sql": "SELECT t.* FROM timeline t "
        + _ORDERED.format(where="WHERE m.status != 'undisputed' AND m.deleted_at IS NULL"),
    },
}


@dataclass(frozen=True)
class ServeOptions:
    """How to serve: where to listen, the password hash (None: no password), and whether
    the history, the trash and arbitrary SQL are served too."""

    host: str = "127.0.0.1"
    port: int = 8001
    password_hash: str | None = None
    with_history: bool = False


def password_from(hash_text: str | None, env_var: str | None) -> str | None:
    """The password hash given on the command line or held by an environment variable."""
    if hash_text is not None and env_var is not None:
        raise CasetrackError("give --password-hash or --password-env, not both")
    if env_var is not None:
        value = os.environ.get(env_var)
        if not value:
            raise CasetrackError(
                f"${env_var} is not set: set it to a password hash"
                " (make one with 'datasette hash-password')"
            )
        hash_text = value
    if hash_text is None:
        return None
    hash_text = hash_text.strip()
    if not hash_text.startswith(_HASH_PREFIX) or hash_text.count("$") != 3:
        raise CasetrackError(
            "the password must be given as a hash (pbkdf2_sha256$...), not as the password:"
            " make one with 'datasette hash-password'"
        )
    return hash_text


def check_host(host: str, password_hash: str | None) -> None:
    """Anything but this machine may listen only with a password."""
    if password_hash is None and not is_local(host):
        raise CasetrackError(
            f"serving on {host} would let anyone on the network read the store: give"
            " --password-hash or --password-env, or serve on 127.0.0.1"
        )


def is_local(host: str) -> bool:
    """Whether `host` is this machine only: `serve` needs no password there."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def metadata(
    table_names: list[str], view_names: list[str], options: ServeOptions
) -> dict[str, Any]:
    """Datasette metadata for a store with these tables and views: titles, descriptions,
    the timeline's facets and search, canned queries, and every other table hidden and
    denied (unless with_history)."""
    tables: dict[str, dict[str, Any]] = {}
    for name in [*table_names, *view_names]:
        if name in READABLE:
            title, description = READABLE[name]
            tables[name] = {"title": title, "description": description}
        elif _internal(name) or not options.with_history:
            tables[name] = {"hidden": True}
        if name not in READABLE and not options.with_history:
            tables[name]["allow"] = False
    tables["timeline"].update(
        {
            "facets": ["case", "kind", "status", {"names": "party"}],
            "size": 100,
        }
    )
    tables["case_list"]["facets"] = ["status"]
    database: dict[str, Any] = {"tables": tables, "queries": QUERIES}
    if not options.with_history:
        database["allow_sql"] = False
    result: dict[str, Any] = {
        "title": "casetrack",
        "description": "A read-only view of a casetrack store: open the timeline to browse"
        " and search the milestones of every case.",
        "databases": {DATABASE: database},
    }
    if not options.with_history:
        result["allow_sql"] = False
    if options.password_hash is not None:
        result["allow"] = {"id": USER}
        result["plugins"] = {
            "datasette-auth-passwords": {
                f"{USER}_password_hash": {"$env": HASH_VAR},
                "http_basic_auth": True,
            }
        }
    return result


def schema_names(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """The store's tables and views, by name."""
    found: dict[str, list[str]] = {"table": [], "view": []}
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name"
    ):
        found[kind].append(name)
    return found["table"], found["view"]


def _internal(name: str) -> bool:
    """Tables no one reads even with the history: the search index's and the migrations'."""
    return name.startswith(
        ("milestone_search", "party_names_fts", "case_names_fts", "_sqlite", "sqlite_")
    )


def build(path: Path, options: ServeOptions) -> Datasette:
    """A Datasette serving the store at `path` read-only, ready for requests."""
    try:
        from datasette.app import Datasette
    except ImportError:
        from casetrack.extras import missing_extra

        raise missing_extra("casetrack serve needs Datasette", "serve") from None
    _use_plugins(options.password_hash is not None)
    if options.password_hash is not None:
        os.environ[HASH_VAR] = options.password_hash
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables, views = schema_names(conn)
    finally:
        conn.close()
    settings = {
        "default_allow_sql": options.with_history,
        "allow_download": False,
        "suggest_facets": False,
        "facet_time_limit_ms": _FACET_TIME_LIMIT_MS,
    }
    ds = Datasette(
        files=[str(path)], metadata=metadata(tables, views, options),
        settings=settings,
    )  # fmt: skip
    (first,) = [n for n in ds.databases if n != "_internal"]
    db = ds.databases[first]
    ds.remove_database(first)
    ds.add_database(db, name=DATABASE)
    return ds


def _use_plugins(password: bool) -> None:
    """Only casetrack's own plugin, and the password plugin when a password is set: no
    other installed Datasette plugin (one could write to the store) runs in this server."""
    from datasette.plugins import pm

    from casetrack import team_plugin

    for plugin, _dist in list(pm.list_plugin_distinfo()):
        wanted = password and getattr(plugin, "__name__", "") == "datasette_auth_passwords"
        if not wanted and pm.is_registered(plugin):
            pm.unregister(plugin)
    if not pm.is_registered(team_plugin):
        pm.register(team_plugin, name="casetrack")
    if password:
        import datasette_auth_passwords

        if not pm.is_registered(datasette_auth_passwords):
            pm.register(datasette_auth_passwords, name="datasette_auth_passwords")


def listen(options: ServeOptions) -> socket.socket:
    """A socket listening where asked (port 0: any free port), or a one-line refusal."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            options.host, options.port, type=socket.SOCK_STREAM
        )[0]
        sock = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as err:
        raise CasetrackError(f"cannot serve on {options.host}: {err}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as err:
        sock.close()
        raise CasetrackError(
            f"cannot listen on {options.host} port {options.port}: {err.strerror or err}"
            " (choose another --port)"
        ) from None
    return sock


def url(sock: socket.socket, options: ServeOptions) -> str:
    """Where the timeline is, for people: the host as given, the port the socket has."""
    host = f"[{options.host}]" if ":" in options.host else options.host
    return f"http://{host}:{sock.getsockname()[1]}/{DATABASE}/timeline"


def serve(ds: Datasette, sock: socket.socket) -> None:
    """Serve until stopped: Ctrl-C ends it quietly; SIGTERM as casetrack's handler says."""
    import asyncio

    import uvicorn

    asyncio.run(ds.invoke_startup())
    config = uvicorn.Config(ds.app(), log_level="warning", lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stops cleanly, then raises the signal it caught
        pass
    finally:
        sock.close()
