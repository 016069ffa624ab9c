"""Build a realistic synthetic casetrack store for benchmarks, through casetrack's own write path.

    python benchmarks/generate.py --milestones 1000000 --db /tmp/bench.db

For N milestones: N/100 cases, N/10 parties (a third with aliases), N/5 sources, about
3 parties and 1 source per milestone, dates at day, month and year precision. Fixed names
for benchmarks: case `bench-small` (100 milestones), case `bench-add` (empty, for timing
`add`), party `bench-party` (in about 1,000 milestones across cases), and the word
`zeppelin` in about one title in a thousand (for `search`). Cases, parties and sources
are created with casetrack.cases/parties/sources, milestones with casetrack.bulk.add_many:
every value is checked as `casetrack add` checks it. The same seed gives the same store.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from casetrack.bulk import add_many
from casetrack.cases import add_case
from casetrack.drafts import Citation, Draft, PartySpec
from casetrack.models import DEFAULT_KINDS, ROLES
from casetrack.parties import add_party
from casetrack.sources import add_source
from casetrack.store import Store

SMALL_CASE = "bench-small"
ADD_CASE = "bench-add"
PARTY = "bench-party"
WORD = "zeppelin"

# fmt: off
_FIRST = ("Anne", "Jean", "Leïla", "Omar", "Sofia", "Marc", "Elena", "Karim", "Nadia", "Paul",
          "Irène", "Yusuf", "Clara", "Hugo", "Mina", "Luca", "Sara", "Tomás", "Ines", "Reza")
_LAST = ("Morel", "Dubois", "Farahani", "Rossi", "Novak", "Haddad", "Schmidt", "García",
         "Petit", "Karimi", "Laurent", "Costa", "Weber", "Moreau", "Rahimi", "Fontaine")
_ORG = ("Council", "Directorate", "Bank", "Holdings", "Association", "Ministry", "Foundation",
        "Agency", "Tribunal", "Front", "Union", "Office")
_PLACE = ("Northern", "Atlantic", "Central", "Eastern", "Alpine", "Coastal", "Federal",
          "Riverside", "National", "Southern", "Western", "United")
_VERBS = ("files", "opens", "orders", "rejects", "upholds", "hears", "suspends", "seizes",
          "requests", "publishes", "appeals", "grants", "postpones", "confirms", "annuls")
_OBJECTS = ("the complaint", "an inquiry", "the search warrant", "a hearing", "the appeal",
            "the detention order", "the bank records", "a ruling", "the indictment",
            "the extradition request", "the settlement", "new evidence", "the report")
_TAGS = ("funding", "custody", "press", "procedure", "evidence", "appeal", "asset freeze")
_PLACES = ("Paris", "Lyon", "Brussels", "Geneva", "Strasbourg", "Luxembourg", "The Hague")
_PUBLISHERS = ("AFP", "Reuters", "Le Monde", "Court registry", "Official Journal", "AP")
# fmt: on


def party_name(rng: random.Random, number: int) -> tuple[str, str, list[str]]:
    """A unique party name with its kind and 0-2 aliases; the number keeps names unique."""
    if number % 3 == 0:
        name = f"{rng.choice(_PLACE)} {rng.choice(_ORG)} {number}"
        initials = "".join(word[0] for word in name.split()[:2])
        return name, "organization", [f"{initials}-{number}"] if number % 2 else []
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    name = f"{first} {last} {number}"
    aliases = [f"{first[0]}. {last} {number}"] if number % 3 == 1 else []
    if number % 9 == 1:
        aliases.append(f"{last.upper()} {first} ({number})")
    return name, "person", aliases


def a_date(rng: random.Random, year: int) -> str:
    """Day precision mostly, some month and some year precision."""
    roll = rng.random()
    if roll < 0.1:
        return f"{year}"
    month = rng.randint(1, 12)
    if roll < 0.3:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def case_sizes(rng: random.Random, milestones: int, cases: int) -> list[int]:
    """Milestones per regular case: uneven, as real dockets are, summing to `milestones`."""
    weights = [rng.paretovariate(2.0) for _ in range(cases)]
    total = sum(weights)
    sizes = [int(milestones * w / total) for w in weights]
    for i in range(milestones - sum(sizes)):
        sizes[i % cases] += 1
    return sizes


def rows(
    rng: random.Random, milestones: int, cases: int, party_refs: list[str], sources: int
) -> Iterator[Draft]:
    """The milestones, case after case; bench-party in about 1,000 of them."""
    sizes = [100, *case_sizes(rng, milestones - 100, cases - 2)]
    slugs = [SMALL_CASE] + [f"case-{i:05d}" for i in range(1, cases - 1)]
    party_every = max(1, milestones // 1000)
    number = 0
    for slug, size in zip(slugs, sizes, strict=True):
        year = rng.randint(1985, 2015)
        for _ in range(size):
            number += 1
            year = min(2025, year + (rng.random() < 0.15))
            picked = {rng.randrange(len(party_refs)) for _ in range(rng.choice((2, 3, 3, 4)))}
            specs = [PartySpec(party_refs[p], rng.choice(ROLES)) for p in sorted(picked)]
            if number % party_every == 0:
                specs.append(PartySpec(PARTY, "subject"))
            word = f" {WORD}" if number % 1000 == 7 else ""
            yield Draft(
                case=slug,
                date=a_date(rng, year),
                title=f"{_party_label(specs[0].name)} {rng.choice(_VERBS)}"
                f" {rng.choice(_OBJECTS)}{word}",
                kind=rng.choice(DEFAULT_KINDS),
                parties=specs,
                sources=[Citation(_source_url(rng.randrange(sources)),
                                  quote="as reported" if number % 4 == 0 else None,
                                  page=str(rng.randint(1, 40)) if number % 5 == 0 else None)],
                location=rng.choice(_PLACES) if number % 3 == 0 else None,
                note="Checked against the registry." if number % 10 == 0 else None,
                tags=rng.sample(_TAGS, rng.choice((0, 0, 1, 2))),
                status="disputed" if number % 25 == 0 else "undisputed",
                key=number % 40 == 0,
            )  # fmt: skip


def _party_label(name: str) -> str:
    return name.rsplit(" ", 1)[0] if name != PARTY else name


def _source_url(number: int) -> str:
    return f"https://news.example.org/{2000 + number % 25}/{number:07d}"


def generate(path: Path, milestones: int, seed: int = 2003) -> dict[str, float]:
    """Create the store at `path` (which must not exist); returns seconds per stage."""
    if path.exists():
        raise SystemExit(f"{path} exists: remove it or choose another --db")
    if milestones < 1000:
        raise SystemExit("--milestones must be at least 1000")
    rng = random.Random(seed)
    n_cases = max(10, milestones // 100)
    n_parties = max(100, milestones // 10)
    n_sources = max(50, milestones // 5)
    store = Store.open(path, create=True)
    timings: dict[str, float] = {}
    party_refs: list[str] = []
    started = time.perf_counter()
    with store.write():
        add_case(store, SMALL_CASE, "Benchmark case with 100 milestones")
        add_case(store, ADD_CASE, "Benchmark case that `add` writes to")
        for i in range(1, n_cases - 1):
            add_case(store, f"case-{i:05d}", f"{rng.choice(_PLACE)} {rng.choice(_ORG)} case {i}",
                     jurisdiction=rng.choice(("France", "Belgium", "Switzerland")))  # fmt: skip
    timings["cases"] = time.perf_counter() - started
    started = time.perf_counter()
    with store.write():
        add_party(store, PARTY, "organization", ["Benchmark Party"])
        for i in range(n_parties):
            name, kind, aliases = party_name(rng, i)
            add_party(store, name, kind, aliases)
            # Milestones name parties by alias now and then, as people do.
            party_refs.append(aliases[0] if aliases and i % 2 else name)
    timings["parties"] = time.perf_counter() - started
    started = time.perf_counter()
    with store.write():
        for i in range(n_sources):
            add_source(store, _source_url(i), f"Report {i}", rng.choice(_PUBLISHERS),
                       f"{2000 + i % 25}-{1 + i % 12:02d}")  # fmt: skip
    timings["sources"] = time.perf_counter() - started
    started = time.perf_counter()
    report = add_many(store, rows(rng, milestones, n_cases, party_refs, n_sources))
    timings["milestones"] = time.perf_counter() - started
    store.close()
    assert report.milestones == milestones, report.milestones
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--milestones", type=int, default=10_000)
    parser.add_argument("--db", type=Path, required=True, help="store file to create")
    parser.add_argument("--seed", type=int, default=2003)
    args = parser.parse_args()
    started = time.perf_counter()
    timings = generate(args.db, args.milestones, args.seed)
    total = time.perf_counter() - started
    stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
    print(f"{args.milestones} milestones in {args.db}: {total:.1f} s ({stages})", file=sys.stderr)


if __name__ == "__main__":
    main()
