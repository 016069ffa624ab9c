"""`casetrack serve`: the team's read-only view of the store, in a browser."""

from __future__ import annotations

from typing import Annotated

import typer

from casetrack.cli.common import open_store, say


def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but this machine needs a password.")
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(metavar="PORT", help="Port to listen on (0: any free one).", min=0, max=65535),
    ] = 8001,
    password_hash: Annotated[
        str | None,
        typer.Option(
            metavar="HASH",
            help="Ask for this password (user 'team'), given as a hash from"
            " 'datasette hash-password'.",
            show_default=False,
        ),
    ] = None,
    password_env: Annotated[
        str | None,
        typer.Option(
            metavar="VAR",
            help="Read the password hash from this environment variable.",
            show_default=False,
        ),
    ] = None,
    with_history: Annotated[
        bool,
        typer.Option(
            "--with-history",
            help="Serve everything: the history, the trash, every table and arbitrary SQL.",
        ),
    ] = False,
) -> None:
    """Serve the store read-only in a browser (Datasette): the timeline of every case, with
    search and facets, the cases, parties and sources. The trash and the history stay out.

    Needs the extra serve: pip install -e '.[serve]' in a clone of casetrack (without it,
    the command says the line to run). Ctrl-C stops it.
    Examples: casetrack serve ; casetrack serve --port 8080 ;
    casetrack serve --host 0.0.0.0 --password-env CASETRACK_PASSWORD_HASH
    """
    from casetrack.team import ServeOptions, build, check_host, listen, password_from, url
    from casetrack.team import serve as run

    options = ServeOptions(host, port, password_from(password_hash, password_env), with_history)
    check_host(options.host, options.password_hash)
    store = open_store(ctx)  # checked and brought up to date before Datasette reads it
    path = store.path
    store.close()
    ds = build(path, options)
    sock = listen(options)
    shown = " (with the history and the trash)" if with_history else ""
    say(f"serving {path} read-only{shown} at {url(sock, options)} (Ctrl-C to stop)")
    run(ds, sock)
