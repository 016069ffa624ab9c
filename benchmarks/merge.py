"""What merging two divergent copies of a store by uid costs, with casetrack's export and import.

    python -m benchmarks.merge --milestones 10000 --dir /tmp/merge   (from the repository root)

Makes a base store (benchmarks/generate.py), copies it to "ours" and "theirs", and diverges each
copy as two people offline would: edits (titles and statuses), new milestones and deletions,
some of them touching the same milestones on both sides. Then merges "theirs" into "ours" the way
docs/guide/several-writers.md recommends: a three-way comparison, by uid, of the JSON Lines
exports of the base and of both copies (casetrack.exchange.merge, what `casetrack import --base`
does), then one import of what changed only on their side that also moves to the trash what they
deleted. A milestone changed on both sides in different ways, or changed on one and deleted on the
other, is a conflict: ours is kept and it is listed for a person to decide. It reports the time of
each step and the conflicts, and checks the result against the three-way expectation and with
`casetrack check`.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.generate import generate
from casetrack.exchange.importer import import_records
from casetrack.exchange.jsonfmt import read_jsonl, write_jsonl
from casetrack.exchange.merge import Export, Plan, apply_plan, read_export, three_way
from casetrack.exchange.merge import said as said_as
from casetrack.exchange.selection import Selection
from casetrack.maintenance import check
from casetrack.milestones import remove_milestones
from casetrack.selection import Filters
from casetrack.store import Store

Records = dict[str, dict[str, Any]]


def said(record: dict[str, Any]) -> str:
    return said_as("milestone", record)


@dataclass
class Timings:
    """Wall-clock and CPU seconds per step (CPU time is steadier on a shared machine)."""

    steps: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started, cpu = time.perf_counter(), time.process_time()
        yield
        self.steps[name] = time.perf_counter() - started
        self.cpu[name] = time.process_time() - cpu


def export(store_path: Path, out: Path) -> None:
    """`casetrack export --format jsonl -o OUT`, through the library."""
    store = Store.open(store_path)
    try:
        with out.open("w", encoding="utf-8") as stream:
            write_jsonl(Selection(store.conn, Filters()), stream)
    finally:
        store.close()


def read_lines(path: Path) -> tuple[list[str], Records]:
    """The export's lines other than milestones (kept as they are) and its milestones by uid."""
    head: list[str] = []
    milestones: Records = {}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if record.get("type") == "milestone":
                milestones[record["uid"]] = record
            else:
                head.append(line)
    return head, milestones


def diverge(path: Path, rng: random.Random, uids: list[str], edit: set[str], delete: set[str],
            add: int, side: str, identical: set[str]) -> None:  # fmt: skip
    """Edit, add and delete milestones in the store at `path`, as `casetrack` commands would:
    edits and additions in one import, deletions in one transaction."""
    base_head, base = read_lines(path.with_suffix(".base.jsonl"))
    lines = [*base_head]
    for uid in sorted(edit):
        record = dict(base[uid])
        if uid in identical:  # both sides fix the same typo the same way
            record["title"] = record["title"] + " (corrected)"
        else:
            record["title"] = f"{record['title']} ({side} edit)"
            record["status"] = rng.choice(["disputed", "unsure"])
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    template = [base[u] for u in rng.sample(uids, add)]
    for n, like in enumerate(template):
        record = {**like, "title": f"New on {side} {n}", "date": f"20{n % 25:02d}-0{1 + n % 9}"}
        del record["uid"]
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    store = Store.open(path)
    try:
        import_records(store, read_jsonl(io.StringIO("".join(lines)), side), side)
        ids = dict(store.conn.execute("SELECT uid, id FROM milestones"))
        with store.write():
            for uid in sorted(delete):
                remove_milestones(store, [ids[uid]])
    finally:
        store.close()


def load(path: Path) -> Export:
    with path.open(encoding="utf-8") as stream:
        return read_export(read_jsonl(stream, path.name), path.name)


def merge(ours_path: Path, theirs: Export, plan: Plan) -> dict[str, int]:
    """Apply the plan to ours: one import of theirs' cases, parties and sources and the
    milestones to take, which also moves to the trash what they deleted."""
    store = Store.open(ours_path)
    try:
        report = apply_plan(store, theirs, plan)
    finally:
        store.close()
    return {"added": report.imported.added["milestone"],
            "updated": report.imported.updated["milestone"], "trashed": report.trashed}  # fmt: skip


def copy_store(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def run(folder: Path, milestones: int, seed: int) -> dict[str, Any]:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    base_path, ours_path, theirs_path = (folder / f"{n}.db" for n in ("base", "ours", "theirs"))
    generate(base_path, milestones, seed)
    rng = random.Random(seed)
    for path in (ours_path, theirs_path):
        copy_store(base_path, path)
    export(base_path, ours_path.with_suffix(".base.jsonl"))
    shutil.copy(ours_path.with_suffix(".base.jsonl"), theirs_path.with_suffix(".base.jsonl"))
    _, base = read_lines(ours_path.with_suffix(".base.jsonl"))
    uids = sorted(base)
    pool = rng.sample(uids, len(uids))
    # Each side edits 5% and deletes 2% of the milestones and adds 5% new ones. Of those,
    # 1% are edited on both sides (0.2% the same way), 0.2% edited on one side and deleted on
    # the other, 0.2% deleted on both.
    n = len(uids)
    e, d, both, same, ed = n // 20, n // 50, n // 100, n // 500, n // 500
    shared_edit, cut = pool[:both], both
    only_ours_edit, cut = pool[cut : cut + e - both], cut + e - both
    only_theirs_edit, cut = pool[cut : cut + e - both], cut + e - both
    deleted_both, cut = pool[cut : cut + ed], cut + ed
    ours_delete = [*deleted_both, *pool[cut : cut + d - 2 * ed], *only_theirs_edit[:ed]]
    cut += d - 2 * ed
    theirs_delete = [*deleted_both, *pool[cut : cut + d - 2 * ed], *only_ours_edit[:ed]]
    identical = set(shared_edit[:same])
    diverge(ours_path, rng, uids, {*shared_edit, *only_ours_edit}, set(ours_delete), e, "ours",
            identical)  # fmt: skip
    diverge(theirs_path, rng, uids, {*shared_edit, *only_theirs_edit}, set(theirs_delete), e,
            "theirs", identical)  # fmt: skip

    timings = Timings()
    with timings.step("export base, ours, theirs (JSONL)"):
        for path in (base_path, ours_path, theirs_path):
            export(path, path.with_suffix(".jsonl"))
    with timings.step("read and compare by uid"):
        exports = [load(path.with_suffix(".jsonl")) for path in (base_path, ours_path, theirs_path)]
        plan = three_way(*exports)
    base, ours, theirs = ({uid: r for (kind, uid), r in x.by_uid.items() if kind == "milestone"}
                          for x in exports)  # fmt: skip
    with timings.step("import theirs into ours, trash their deletions"):
        applied = merge(ours_path, exports[2], plan)
    total, total_cpu = sum(timings.steps.values()), sum(timings.cpu.values())
    with timings.step("check the merged store"):
        store = Store.open(ours_path)
        problems = check(store)
        store.close()
    assert problems == [], problems

    # The merged store says what the three-way rule expects, milestone by milestone.
    export(ours_path, folder / "merged.jsonl")
    _, merged = read_lines(folder / "merged.jsonl")
    conflicted = {uid for _, uid, _ in plan.conflicts}
    taken = set(plan.taken("milestone"))
    for uid in base.keys() | ours.keys() | theirs.keys():
        if uid in conflicted:
            expected = ours.get(uid)
        elif uid in plan.trash:
            expected = None
        elif uid in taken:
            expected = theirs[uid]
        else:
            expected = ours.get(uid)
        got = merged.get(uid)
        assert (said(got) if got else None) == (said(expected) if expected else None), uid
    kinds: dict[str, int] = {}
    for _, _, why in plan.conflicts:
        kinds[why] = kinds.get(why, 0) + 1
    return {
        "milestones": milestones,
        "ours": len(ours),
        "theirs": len(theirs),
        "merged": len(merged),
        "taken from theirs": len(taken),
        "trashed (deleted by theirs)": len(plan.trash),
        "same change on both sides (edits or deletions)": plan.same,
        "conflicts (ours kept)": kinds,
        "applied": applied,
        "seconds": {k: round(v, 2) for k, v in timings.steps.items()},
        "cpu seconds": {k: round(v, 2) for k, v in timings.cpu.items()},
        "merge seconds (without the check)": round(total, 2),
        "merge cpu seconds (without the check)": round(total_cpu, 2),
        "git merge-file of the JSONL exports": line_merge(base_path, ours_path, theirs_path),
    }


def line_merge(base: Path, ours: Path, theirs: Path) -> dict[str, Any]:
    """What git's line-by-line three-way merge makes of the same exports: conflict hunks
    (edits side by side, additions at the same place in the timeline) for a person to
    resolve by hand, and a file that may hold a milestone twice or not at all."""
    started = time.perf_counter()
    done = subprocess.run(
        ["git", "merge-file", "-p", *(str(p.with_suffix(".jsonl")) for p in (ours, base, theirs))],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    hunks = done.stdout.count("\n<<<<<<< ") + done.stdout.startswith("<<<<<<< ")
    return {"conflict hunks": hunks, "seconds": round(time.perf_counter() - started, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--milestones", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, required=True, help="work folder (replaced)")
    parser.add_argument("--seed", type=int, default=2003)
    args = parser.parse_args()
    print(json.dumps(run(args.dir, args.milestones, args.seed), indent=2))


if __name__ == "__main__":
    main()
