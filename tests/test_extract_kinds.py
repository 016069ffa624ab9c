"""The kind of a proposed milestone, by the shape of the clause its date belongs to.

Each case is a made-up sentence of a shape the genres extract reads (press releases, ECHR
judgments, US opinions, French decisions) write again and again; none is a corpus sentence.
"""

from __future__ import annotations

import re

import pytest

from casetrack.extract import extract

_FRENCH = re.compile(r"\b(?:le|la|l'|du|a été|des|sur)\b")


def kinds(text: str) -> list[tuple[str, str]]:
    lang = "fr" if _FRENCH.search(text) else "en"
    return [(c.date, c.kind) for c in extract(text, lang=lang).candidates]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A higher court turning down rehearing, certiorari or leave: a procedural order.
        ("Rehearing was denied on 2 April 2019.", "order"),
        ("Certiorari denied, 3 May 2019.", "order"),
        ("Leave to appeal denied, 3 May 2019.", "order"),
        ("On 3 May 2019 the court denied his petition for rehearing.", "order"),
        ("On 3 May 2019 the Supreme Court denied the petition for a writ of certiorari.", "order"),
        ("The application for reconsideration was denied on 3 May 2019.", "order"),
        # Denying the appeal itself is still the court's ruling.
        ("On 3 May 2019 the court denied the appeal.", "ruling"),
    ],
)
def test_rehearing_certiorari_or_leave_denied_is_an_order(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03" if "3 May" in text else "2019-04-02", kind)]


def test_rehearing_and_certiorari_lines_under_an_opinions_date_are_orders() -> None:
    text = (
        "Smith v. State\n\nCourt of Criminal Appeals of Alabama.\n\nMarch 1, 2019.\n"
        "Rehearing Denied April 2, 2019.\nCertiorari Denied June 7, 2019.\n\n"
        "This is an appeal from a judgment of conviction."
    )
    assert kinds(text) == [
        ("2019-03-01", "ruling"),
        ("2019-04-02", "order"),
        ("2019-06-07", "order"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Agencies named for what they do, and the release announcing an event, name none.
        ("On 3 May 2019 the Federal Bureau of Investigation opened a field office.", "other"),
        ("The investigating officer questioned him on 3 May 2019.", "other"),
        ("The news release of 3 May 2019 is below.", "other"),
        ("On 3 May 2019 the firm issued a press release.", "other"),
        # Investigators at work are an investigation.
        (
            "In 2019, agents of the tax office were investigating the firm's accounts.",
            "investigation",
        ),
        ("The police investigated the burglary on 3 May 2019.", "investigation"),
    ],
)
def test_agency_names_and_releases_are_no_events_but_investigating_is(text: str, kind: str) -> None:
    assert [k for _, k in kinds(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2019 the Court decided to give notice to the Government of the applicant's "
        "complaints under Article 5.",
        "On 3 May 2019 the President of the Section decided to give notice of the application "
        "to the Government.",
        # A page that breaks its lines inside sentences.
        "On 3 May 2019 the President\nof the Fourth Section decided to give notice\nof the "
        "application to the Government.",
        "On 3 May 2019 the Court gave notice to the respondent Government of the complaints.",
    ],
)
def test_the_echr_giving_notice_of_an_application_is_no_step_of_the_case(text: str) -> None:
    assert kinds(text) == [("2019-05-03", "other")]


def test_an_echr_judgments_title_dates_it_after_a_long_run_of_site_furniture() -> None:
    furniture = "[Home] [Databases] [World Law] [Multidatabase Search] [Help]\n" * 12
    text = (
        "A v. B - 1234/05 [2019] ECHR 321 (3 May 2019)\n\nEuropean Court of Human Rights\n\n"
        f"{furniture}\nFIRST SECTION\n\n"
        "CASE OF A v. B\n\n(Application no. 1234/05)\n\nJUDGMENT\n\nSTRASBOURG\n\n3 May 2019\n\n"
        "This judgment will become final in the circumstances set out in the Convention."
    )
    assert kinds(text) == [("2019-05-03", "judgment")]
