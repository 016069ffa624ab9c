"""A fictional but realistic sample case, so a new user sees a full timeline at once."""

from __future__ import annotations

from casetrack.cases import add_case
from casetrack.drafts import Citation, Draft, PartySpec, parse_party_spec
from casetrack.errors import CasetrackError
from casetrack.milestones import add_milestone
from casetrack.parties import add_party
from casetrack.store import Store
from casetrack.text import plural

DEMO_CASE = "nec-2003"

_PARTIES = [
    ("Northern Exile Council", "organization", ["NEC", "Conseil de l'exil du Nord"]),
    ("National Counter-Terrorism Directorate", "agency", ["NCTD"]),
    ("Anne Morel", "person", ["Judge Morel"]),
    ("Leïla Farahani", "person", ["Leila Farahani", "L. Farahani"]),
    ("Paris Court of Appeal", "court", ["Cour d'appel de Paris"]),
]

_RAID_ARTICLE = "https://example.org/news/2003/06/18/exile-council-offices-raided"
_DISMISSAL_ORDER = "Order of dismissal (non-lieu), Paris investigating judges, 16 Sept 2014"

# (date, kind, title, parties, sources with quote, location)
_MILESTONES: list[tuple[str, str, str, list[str], list[Citation], str | None]] = [
    ("2001", "investigation", "Judicial investigation opened into the council's funding",
     ["Northern Exile Council:subject", "Anne Morel:investigating judge"],
     [Citation(_DISMISSAL_ORDER, "the investigation opened in 2001", page="2")], "Paris"),
    ("2003-06", "search", "Judge orders a review of the council's bank accounts",
     ["NEC:subject", "Judge Morel:investigating judge"], [], None),
    ("2003-06-17", "raid", "Police raid the council's offices at dawn",
     ["NCTD:raiding authority", "NEC:subject"],
     [Citation(_RAID_ARTICLE, "some 1,300 officers searched thirteen buildings")],
     "Saint-Ouen-l'Aumône"),
    ("2003-06-17", "detention", "160 members detained, among them Leïla Farahani",
     ["Leila Farahani:detainee", "NCTD:raiding authority"],
     [Citation(_RAID_ARTICLE, "160 people were taken into custody")], "Paris"),
    ("2003-07-03", "release", "Farahani released under judicial supervision",
     ["L. Farahani:detainee", "Anne Morel:investigating judge"], [], "Paris"),
    ("2006-05-11", "ruling", "Court of Appeal upholds the seizure of documents",
     ["Paris Court of Appeal:court", "NEC:appellant"], [], "Paris"),
    ("2011-12", "appeal", "Defence asks for the case to be dismissed",
     ["NEC:applicant", "Leila Farahani:defendant"], [], None),
    ("2014-09-16", "dismissal", "Investigating judges order an end to the prosecution",
     ["Anne Morel:investigating judge", "Conseil de l'exil du Nord:subject"],
     [Citation(_DISMISSAL_ORDER, "no charge is sustained against any person", page="41")], "Paris"),
]  # fmt: skip

# The facts a chronology marks as key (the raid that started it, the dismissal that ended it)
# and the one the council contests, with who says what: so the demo shows both marks.
_KEY = {"Police raid the council's offices at dawn",
        "Investigating judges order an end to the prosecution"}  # fmt: skip
_DISPUTED = {
    "160 members detained, among them Leïla Farahani": (
        "disputed",
        "Disputed by the council: it counts 217 detained, the police 160",
    ),
}


def load_demo(store: Store) -> bool:
    """Add the sample case and its parties; False when it is already in the store.

    Refused in a store that holds other cases (even in its trash): fictional parties and
    milestones would mix with real ones.
    """

    if store.conn.execute(
        "SELECT 1 FROM cases WHERE slug = ? AND deleted_at IS NULL", (DEMO_CASE,)
    ).fetchone():
        return False
    others = store.conn.execute(
        "SELECT count(*) FROM cases WHERE slug != ?", (DEMO_CASE,)
    ).fetchone()[0]
    if others:
        raise CasetrackError(
            f"{store.path} holds {plural(others, 'case')} of yours: the demo will not mix a"
            " fictional case into them; try it in a store of its own: casetrack --db demo.db demo"
        )
    with store.write():
        add_case(
            store, DEMO_CASE, "Investigation into the Northern Exile Council (fictional sample)",
            jurisdiction="France", court="Paris tribunal judiciaire", docket="0123/01/SAMPLE",
            summary="A fictional investigation from 2001 to its dismissal in 2014, "
            "used to show how casetrack keeps a long case in order.",
        )  # fmt: skip
        for name, kind, aliases in _PARTIES:
            add_party(store, name, kind, aliases)
        for date, kind, title, parties, citations, location in _MILESTONES:
            specs: list[PartySpec] = [parse_party_spec(p) for p in parties]
            status, note = _DISPUTED.get(title, ("undisputed", None))
            add_milestone(
                store, Draft(DEMO_CASE, date, title, kind=kind, parties=specs, sources=citations,
                             location=location, note=note, status=status, key=title in _KEY),
            )  # fmt: skip
    return True
