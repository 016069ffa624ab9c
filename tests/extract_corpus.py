"""Annotated texts for casetrack.extract, shared by its tests and scripts/evaluate_extract.py.

Two sets. `SAMPLES` (the "fictional" split) are made-up texts written like news reports and
judgments, most of them knowing the rules: each Expected entry is the milestone a careful
reader would propose, and where extract() gets one wrong the entry says so (`status`,
`got_kind`), so the tests pin today's behaviour exactly while the evaluation still counts the
error. `real_samples(split)` reads the real texts in tests/corpus/extract/ (see its README):
the "tune" and "tune2" splits, which the rules may be tuned on, the "heldout" to "heldout15"
splits, which they never are, and the one-reader training splits "trainA" to "trainE", whose
misses are read once they are scored
("heldout2" and "heldout3" were added once the misses of "heldout" had been read, "heldout4" once
those of "heldout3" had, "heldout5" once "heldout4" had been scored and spent, "heldout6" once
"heldout5" had, "heldout7" as a second clean split beside "heldout6", "heldout8" and "heldout9"
annotated blind under tests/corpus/extract/GUIDE.md, and "heldout10" likewise; "heldout6" to
"heldout10" were each scored once with the rules frozen and then spent, their misses read;
"heldout11" to "heldout20" were annotated blind likewise, "heldout11" to "heldout19" spent,
the later ones sealed: see SEALED in scripts/evaluate_extract.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus" / "extract"
SPLITS = (
    "tune",
    "tune2",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "trainC",
    "trainB",
    "trainA",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
    "heldout24",
    "heldout25",
    "heldout26",
    "heldout27",
    "heldout28",
    "heldout29",
    "trainD",
    "trainE",
)

FOUND = "found"  # extract() proposes it as annotated (apart from got_kind)
MISSED = "missed"  # a reader sees a date here; extract() proposes nothing
SPURIOUS = "spurious"  # extract() proposes it; it is not a milestone


@dataclass(frozen=True)
class Expected:
    """One gold milestone, and how extract() fares on it."""

    date: str
    kind: str
    parties: tuple[str, ...] = ()
    anchor: str | None = None
    status: str = FOUND
    got_kind: str | None = None  # the kind extract() proposes, when it differs from `kind`

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.date.rstrip("~"))]

    @property
    def approximate(self) -> bool:
        return self.date.endswith("~")

    @property
    def proposed_kind(self) -> str:
        return self.got_kind or self.kind


@dataclass(frozen=True)
class Sample:
    name: str
    text: str
    expected: tuple[Expected, ...]
    lang: str = "en"
    known_parties: tuple[tuple[str, tuple[str, ...]], ...] = ()
    new_parties: dict[str, str] = field(default_factory=dict)  # name -> alias
    published: str | None = None
    not_milestones: tuple[str, ...] = ()  # dates a reader would not propose (page furniture)

    def proposed(self) -> tuple[Expected, ...]:
        """What extract() should return, in text order."""
        return tuple(e for e in self.expected if e.status != MISSED)


NCRI = "National Council of Resistance of Iran"
RAJAVI = ("Maryam Rajavi", ("Rajavi", "Radjavi", "Maryam Radjavi"))
BRUGUIERE = ("Jean-Louis Bruguiere", ("Bruguiere", "judge Bruguiere"))

SAMPLES: tuple[Sample, ...] = (
    Sample(
        name="raid-2003",
        text=(
            "French police raided the offices of the National Council of Resistance of Iran "
            "(NCRI) in Auvergne-sur-Oise, north of Paris, on June 17, 2003, in an operation "
            "involving some 1,300 officers. More than 160 people were detained, among them "
            "Maryam Rajavi, whom the group presents as its president-elect.\n\n"
            "Anti-terrorism judge Jean-Louis Bruguière had opened an investigation in 2001 into "
            "the group's alleged financing. Mrs. Rajavi was released on July 3, 2003, after two "
            "weeks in police custody. Two weeks later, the NCRI filed a complaint over the "
            "conditions of the raid. Supporters said 2,000 euros had been seized from one office."
        ),
        known_parties=(RAJAVI, BRUGUIERE),
        new_parties={NCRI: "NCRI"},
        expected=(
            Expected("2003-06-17", "raid", (NCRI,)),
            Expected("2001", "investigation", ("Jean-Louis Bruguiere",)),
            Expected("2003-07-03", "release", ("Maryam Rajavi",)),
            Expected("2003-07-17~", "complaint", (NCRI,), anchor="2003-07-03"),
        ),
    ),
    Sample(
        name="dismissal-2017",
        text=(
            "The Paris appeal court ruled on 9 May 2011 that the 2003 raid on the group's "
            "offices had been lawful. Lawyers for the National Council of Resistance of Iran "
            "appealed to the Court of Cassation in February 2012.\n\n"
            "In September 2017, investigating judges ordered an end to the prosecution of the "
            "remaining defendants, among them Maryam Rajavi. The investigation had been opened "
            "fourteen years earlier. Months later, the NCRI said it would seek damages from the "
            "French state."
        ),
        known_parties=(
            (NCRI, ("NCRI", "CNRI")),
            RAJAVI,
            ("Court of Cassation", ("Cour de cassation",)),
        ),
        expected=(
            Expected("2011-05-09", "ruling"),
            Expected("2003", "raid"),
            Expected("2012-02", "appeal", (NCRI, "Court of Cassation")),
            Expected("2017-09", "dismissal", ("Maryam Rajavi",)),
            Expected("2003~", "investigation", anchor="2017-09"),
            # Saying it will seek damages is not a milestone of the case.
            Expected("2017~", "other", (NCRI,), anchor="2017-09", status=SPURIOUS),
        ),
    ),
    Sample(
        name="french-report",
        lang="fr",
        text=(
            "Le 17 juin 2003, la police a interpellé 165 personnes lors d'une vaste opération "
            "visant le Conseil national de la Résistance iranienne (CNRI) à Auvergne-sur-Oise. "
            "Maryam Radjavi, placée en garde à vue, a été remise en liberté le 3 juillet. "
            "Une information judiciaire avait été ouverte en 2001 par le juge Jean-Louis "
            "Bruguière.\n\n"
            "En mai 2011, la cour d'appel de Paris a jugé la procédure régulière. Le CNRI a fait "
            "appel deux semaines plus tard. Les juges d'instruction ont prononcé un non-lieu le "
            "12 septembre 2017."
        ),
        known_parties=(RAJAVI, BRUGUIERE),
        new_parties={
            "Conseil national de la Résistance iranienne": "CNRI",
            "cour d'appel de Paris": "",
        },
        expected=(
            Expected("2003-06-17", "arrest", ("Conseil national de la Résistance iranienne",)),
            Expected("2003-07-03", "release", ("Maryam Rajavi",), anchor="2003-06-17"),
            Expected("2001", "investigation", ("Jean-Louis Bruguiere",)),
            Expected("2011-05", "ruling", ("cour d'appel de Paris",)),
            Expected(
                "2011-05~",
                "appeal",
                ("Conseil national de la Résistance iranienne",),
                anchor="2011-05",
            ),
            Expected("2017-09-12", "dismissal"),
        ),
    ),
    Sample(
        name="dateline",
        text=(
            "PARIS, June 17, 2020 (Reuters) — Iranian opposition activists on Wednesday marked "
            "the anniversary of the raid on their offices in Auvergne-sur-Oise. Police detained "
            "more than 160 people there on 17 June 2003, among them members of the "
            "Mujahedin-e Khalq (MEK). An appeal hearing is set for Sept. 14, 2020, MEK lawyers "
            "said. It had first been scheduled for 2 March but was postponed because of the "
            "pandemic. Since 2001, the group has been the subject of a terrorism investigation "
            "in France."
        ),
        published="2020-06-17",
        new_parties={"Mujahedin-e Khalq": "MEK"},
        expected=(
            # "On Wednesday" is the publication day; marking an anniversary is no milestone.
            Expected("2020-06-17", "other", anchor="2020-06-17", status=SPURIOUS, got_kind="raid"),
            Expected("2003-06-17", "detention", ("Mujahedin-e Khalq",)),
            Expected("2020-09-14", "hearing", ("Mujahedin-e Khalq",)),
            # The first date set for the same hearing: a reader files it as a hearing too.
            Expected("2020-03-02", "hearing", anchor="2020-09-14", got_kind="other"),
            Expected("2001", "investigation"),
        ),
    ),
    Sample(
        name="acquittal",
        text=(
            "Prosecutors may appeal the verdict within 10 days, the court said at 4:30 p.m. on "
            "Tuesday. The three defendants were acquitted on 4 December 2019 of charges brought "
            "under Article 421-2-1 of the criminal code. They had been indicted in March 2016 "
            "and tried in October 2019; each had faced up to 10 years in prison and fines of "
            "225,000 euros. A year later, the prosecution's appeal was heard by the Paris "
            "Criminal Court."
        ),
        known_parties=(("Paris Criminal Court", ("tribunal correctionnel de Paris",)),),
        expected=(
            Expected("2019-12-04", "acquittal"),
            Expected("2016-03", "indictment"),
            Expected("2019-10", "trial"),
            # A reader anchors "a year later" on the verdict; both give 2020; "was heard".
            Expected("2020~", "hearing", ("Paris Criminal Court",), anchor="2019-10"),
        ),
    ),
    Sample(
        name="judgment-excerpt",
        text=(
            "FIFTH SECTION\n"
            "CASE OF AZIZI AND OTHERS v. FRANCE\n"
            "(Application no. 45678/05)\n"
            "JUDGMENT\n"
            "STRASBOURG\n"
            "12 March 2015\n\n"
            "THE FACTS\n"
            "7. On 17 June 2003 the police searched the premises at Auvergne-sur-Oise on the "
            "instructions of the investigating judge. The applicants were arrested the same day "
            "and placed in police custody.\n"
            "8. On 21 June 2003 the first applicant was charged with membership of a criminal "
            "association. He was released under judicial supervision on 3 July 2003.\n"
            "9. On 10 January 2006 the applicants lodged a complaint alleging a breach of "
            "Article 6 § 1 of the Convention and claimed 20,000 euros.\n"
            "10. By a judgment of 9 May 2011, the Paris Court of Appeal dismissed their appeal.\n"
            "THE LAW\n"
            "11. The Court reiterates that Article 5 § 3 requires that detention be reviewed "
            "within 48 hours."
        ),
        known_parties=(("Paris Court of Appeal", ("Cour d'appel de Paris",)),),
        # The sides of the caption, and the court an application number says decided.
        new_parties={
            "Azizi and Others": "",
            "France": "",
            "European Court of Human Rights": "ECHR",
        },
        expected=(
            Expected(
                "2015-03-12",
                "judgment",
                ("Azizi and Others", "France", "European Court of Human Rights"),
            ),
            Expected("2003-06-17", "search"),
            # "the same day": the day the story is at, the date opening the sentence before.
            Expected("2003-06-17", "arrest", anchor="2003-06-17"),
            Expected("2003-06-21", "charge"),
            Expected("2003-07-03", "release"),
            Expected("2006-01-10", "complaint"),
            Expected("2011-05-09", "judgment", ("Paris Court of Appeal",)),
        ),
    ),
    Sample(
        # Written and annotated before extract() was run on it.
        name="extradition",
        text=(
            "An Iranian dissident arrested in Belgium last year was extradited to France on "
            "Friday, officials said. Hamid Nouri, 54, was detained at Brussels airport on "
            "9 November 2019 on a European arrest warrant issued by French judges the previous "
            "month. A Brussels court approved his surrender in January, and his appeal was "
            "rejected on 14 February 2020. He faces charges of financing terrorism dating back "
            "to the late 1990s. His lawyer, Marie Dosé, said he would ask to be freed pending "
            "trial, which is not expected before 2022."
        ),
        known_parties=(("Hamid Nouri", ("Nouri",)), ("Marie Dose", ())),
        expected=(
            # "detained ... on a European arrest warrant": the warrant issued right after the
            # date makes extract() say order.
            Expected("2019-11-09", "arrest", ("Hamid Nouri",), got_kind="order"),
            # The warrant was issued then: an order (tests/corpus/extract/README.md). "The
            # previous month" fixes the month: exact.
            Expected("2019-10", "order", ("Hamid Nouri",), anchor="2019-11-09"),
            # A month without a year takes the year of the later date of its sentence.
            Expected("2020-01", "ruling", ("Hamid Nouri",), anchor="2020-02-14"),
            Expected("2020-02-14", "ruling", ("Hamid Nouri",)),
            Expected("2022", "trial", ("Marie Dose",), status=SPURIOUS),
        ),
    ),
)


def real_samples(split: str) -> tuple[Sample, ...]:
    """The real texts of one split, each `NAME.txt` beside its annotation `NAME.json`."""
    samples = []
    for path in sorted((CORPUS / split).glob("*.json")):
        notes = json.loads(path.read_text(encoding="utf-8"))
        samples.append(
            Sample(
                name=path.stem,
                text=path.with_suffix(".txt").read_text(encoding="utf-8"),
                lang=notes["lang"],
                known_parties=tuple(
                    (p["name"], tuple(p["aliases"])) for p in notes["case_parties"]
                ),
                expected=tuple(
                    Expected(m["date"], m["kind"], tuple(m["parties"])) for m in notes["milestones"]
                ),
                not_milestones=tuple(m["date"] for m in notes["not_milestones"]),
            )
        )
    return tuple(samples)
