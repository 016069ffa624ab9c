"""casetrack.extract: general date shapes and structural cues found missing when the misses of
two held-out splits were read (issue #24). Sentences are made up, of the same shapes; none is a
corpus sentence."""

from __future__ import annotations

import pytest

from casetrack.extract import extract


def dates(text: str, lang: str = "en") -> list[str]:
    return [c.date for c in extract(text, lang=lang).candidates]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Tribunal administratif de Nantes, 2ème chambre - formation à 3, 09 mars 2016, 14NT0221",
         "fr", ["2016-03-09"]),
        ("Cour d'appel de Rennes, 1ère ch - section 2, 05 avril 2021, 19/00123", "fr",
         ["2021-04-05"]),
        ("The registry wrote to him (letter no. 1234/10, § 14, 3 March 2015).", "en",
         ["2015-03-03"]),
        # a list of days has a conjunction before its last day
        ("Hearings were held on 3, 8 and 21 June 2012.", "en",
         ["2012-06-03", "2012-06-08", "2012-06-21"]),
        ("Il fut entendu les 4 et 19 février 2003.", "fr", ["2003-02-04", "2003-02-19"]),
    ],
)  # fmt: skip
def test_a_number_and_a_comma_before_a_date_is_no_list_of_days(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


def kinds(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(c.date, c.kind) for c in extract(text, lang=lang).candidates]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # the end of a term a court sets is no event; the day a detention ended is one
        ("On 4 May 2001 the District Court extended his detention for another month, until "
         "4 June 2001.", "en", ["2001-05-04"]),
        ("After a hearing, the court decided to prolong her detention until 2 March 2016.",
         "en", []),
        ("He was held in detention until 28 May 2009.", "en", ["2009-05-28"]),
        # a period told with words between its bounds
        ("The applicant served in the navy from 1992 until his retirement in June 2014.", "en",
         []),
        ("Elle a travaillé pour la société de 2003 jusqu'à son licenciement en 2011.", "fr", []),
        # a right that would run from a day, a period told looking back
        ("She asked that her promotion be made retroactive to March 2, 2008.", "en", []),
        ("The scheme ran from dates going back as far as June 5, 2016.", "en", []),
        # a law named by its number and year, a programme's launch, a gazette's issue
        ("He was charged under the Arms Control Act 14 of 1999 on 3 May 2004.", "en",
         ["2004-05-03"]),
        ("The case is part of Safe Streets, an initiative launched by the U.S. Department of "
         "Justice in 2003 to cut gun crime.", "en", []),
        ("Décision n° 2024-12 QPC du 5 avril 2024. JORF n°0081 du 6 avril 2024", "fr",
         ["2024-04-05"]),
    ],
)  # fmt: skip
def test_bounds_of_periods_and_dates_of_laws_are_no_events(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


def test_a_release_dated_under_its_seal_and_office_dates_its_yesterday() -> None:
    text = (
        "Agency Seal\n\nDepartment of Justice\n\nU.S. Attorney's Office\nDistrict of Utah\n\n"
        "For Immediate Release\n\nTuesday, March 8, 2016\nJane Roe\n, United States Attorney\n\n"
        "Ogden Man Pleads Guilty\n\nSALT LAKE CITY \u2013 John Doe pled guilty late yesterday "
        "afternoon in federal court. He was arrested on Oct. 2, 2015."
    )
    assert dates(text) == ["2016-03-07", "2015-10-02"]
    assert extract(text).published == "2016-03-08"


def test_a_date_before_the_noun_it_dates_is_an_event_of_its_own() -> None:
    text = (
        "Nine men were charged in an indictment unsealed Wednesday, June 6, 2018. "
        "The task force led the June 6 operation, which arrested seven of them."
    )
    assert dates(text) == ["2018-06-06", "2018-06-06"]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("In early March 2009, the two men were charged with fraud.", "en", ["2009-03"]),
        ("Il a été interpellé fin octobre 2016.", "fr", ["2016-10"]),
        # the same event told by its month and then by its day is one
        ("Both were arrested in June 2017 on a complaint. The complaint said they were "
         "arrested on June 9, 2017, in Taos.", "en", ["2017-06-09"]),
        # counted from the date before it
        ("He was arrested on March 3, 1996. He was indicted six days thereafter.", "en",
         ["1996-03-03", "1996-03-09~"]),
        # a header's journal date, month first in English; a birth date stays out
        ("APPEAL FROM COMMON PLEAS COURT\nDATE JOURNALIZED:9-24-19\nPER CURIAM.\nThis is an "
         "appeal from a judgment.", "en", ["2019-09-24"]),
        ("Name: John Roe DOB: 4-16-56", "en", []),
    ],
)  # fmt: skip
def test_month_thirds_days_thereafter_and_journal_dates(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Par un jugement du 2 mars 2016, le tribunal a annulé les décisions des 4 juin et "
         "7 octobre 2013 du recteur.", "fr", ["2016-03-02", "2013-06-04", "2013-10-07"]),
        ("The board met on June 3 and September 9, 2011, and the court ruled on May 3, 2015.",
         "en", ["2011-06-03", "2011-09-09", "2015-05-03"]),
        ("Hearings were held on December 20 and January 5, 2012.", "en",
         ["2011-12-20", "2012-01-05"]),
        # a year run into the next word, as copies lose spaces; never into a capital
        ("Par un jugement du 2 mars 2016, le tribunal a annulé les décisions des 4 juin et "
         "7 octobre 2013du recteur.", "fr", ["2016-03-02", "2013-06-04", "2013-10-07"]),
        ("Updated 3 May 2014Washington DC. He was arrested on 2 May 2014.", "en",
         ["2014-05-02"]),
    ],
)  # fmt: skip
def test_days_joined_by_and_share_the_year_written_after_the_last(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # what a court is asked to annul or review is an administration's act
        ("M. B. a demandé au tribunal administratif de Nantes d'annuler la délibération du "
         "4 mai 2016 par laquelle le conseil municipal a approuvé le plan.", "fr",
         [("2016-05-04", "other")]),
        ("The applicant seeks judicial review of a decision of the Ministry dated March 3, 2021, "
         "refusing her benefits.", "en", [("2021-03-03", "other")]),
        # not a court's decision, nor a date told in a relative clause of the act
        ("La société demande à la cour d'annuler le jugement du 3 mai 2019 du tribunal.", "fr",
         [("2019-05-03", "judgment")]),
        # a recours gracieux is a request to an administration, no pardon
        ("Il a formé un recours gracieux le 15 mars 2019.", "fr",
         [("2019-03-15", "other")]),
        # a court's name holds no appeal; a title below the date names a judgment
        ("France | France, Cour administrative d'appel de Nancy, 3ème chambre, 12 juin 2018, "
         "17NC01234\n\nVu la procédure suivante.", "fr", [("2018-06-12", "ruling")]),
        ("Date: 20190514\nDocket: T-1-19\nOttawa, Ontario, May 14, 2019\nPRESENT: The Honourable "
         "Madam Justice Roe\nBETWEEN:\nJANE DOE\nApplicant\nand\nTHE MINISTER\nRespondent\n"
         "JUDGMENT AND REASONS\n[1] The applicant seeks a writ.", "en",
         [("2019-05-14", "judgment")]),
        ("TRIBUNAL DE COMMERCE DE NANTES\nJUGEMENT du lundi 7 mars 2022\nOUVERTURE DE "
         "REDRESSEMENT JUDICIAIRE\nLe Tribunal statue.", "fr", [("2022-03-07", "judgment")]),
    ],
)  # fmt: skip
def test_the_kind_of_a_decision_is_its_makers(
    text: str, lang: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text, lang) == want


def test_a_briefings_labelled_date_under_a_sites_header_dates_it() -> None:
    """A tribunal's press briefing on an archive site: the site's header, the page's titles and
    a "Date:" line, then days without a year, some still to come."""
    text = (
        "Archive site of the Special Tribunal for Examplestan\n\n"
        "Since the Tribunal closed on 30 June 2019, the Office keeps this website as part of "
        "its work.\n\nVisit the Office's website.\n\n"
        "Tribunal Weekly Press Briefing - 3rd Mar 2008\n\n"
        "Tribunal Weekly Press Briefing - 5 March 2007\n\n"
        "Please\nnote that this is a summary.\n\nTribunal Weekly\nPress Briefing\n\n"
        "Date: 05.03.2007\n\nTime: 11:00\n\n"
        "The initial appearance of John Roe will take place this afternoon in Courtroom II.\n\n"
        "In The Prosecutor\nv. Jane Doe, Trial Chamber III has ordered that the sentencing "
        "hearing be held on 12 and 13 March.\n\n"
        "On 1 March in The Prosecutor v. Max Poe, the Accused filed a motion.\n\n"
        "Copies of the documents will be available after the briefing. The Registry will "
        "inform you of any change to the court schedule in the weeks ahead, as usual, and the "
        "next briefing will be held at the same time next week in the press room."
    )
    extraction = extract(text)
    assert extraction.published == "2007-03-05"
    assert [c.date for c in extraction.candidates] == ["2007-03-05", "2007-03-12", "2007-03-01"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # consecutive days joined by "and": one event of two days, at its first
        ("The trial was held on 12 and 13 March 2007.", ["2007-03-12"]),
        ("Il fut entendu les 4 et 5 février 2003.", ["2003-02-04"]),
        ("Hearings were held on 3 and 8 June 2012.", ["2012-06-03", "2012-06-08"]),
        # a weekday before a day of two figures is that day's name
        ("The Chamber set a status conference for Wednesday 21 March 2007.", ["2007-03-21"]),
    ],
)  # fmt: skip
def test_two_days_of_one_event_and_a_weekday_named_with_its_date(
    text: str, want: list[str]
) -> None:
    assert dates(text, "fr" if " fut " in text else "en") == want


_VIEWS = (
    "Human Rights Committee\n\nViews adopted by the Committee under article 5 (4) of the Optional "
    "Protocol, concerning communication No. 1234/2015\n\nCommunication submitted by: John Roe\n\n"
    "State party: Examplia\n\nDate of communication: 3 May 2015 (initial submission)\n\n"
    "Document references: Decision taken pursuant to rule 92 of the Committee's rules of "
    "procedure, transmitted to the State party on 9 June 2015 (not issued in document form)\n\n"
    "Date of adoption of Views :2 April 2020\n\n1. The author of the communication is John Roe."
)
_DECISION = (
    "Comité des droits de l\u2019homme\n\nDécision adoptée par le Comité en vertu du "
    "Protocole facultatif, concernant la communication no 1234/2015\n\nCommunication "
    "présentée par :\n\nJean Roe\n\nÉtat partie :\n\nExamplie\n\nDate de la "
    "communication :\n\n3 mai 2015 (lettre initiale)\n\nRéférences :\n\nDécision prise en "
    "application de l\u2019article 92 du règlement intérieur, communiquée à l\u2019État partie "
    "le 9 juin 2015 (non publiée sous forme de document)\n\nDate de la présente décision :"
    "\n\n2 avril 2020\n\n1.1 L\u2019auteur est Jean Roe. 1.2 Le 6 novembre 2017, le Comité, "
    "agissant par l\u2019intermédiaire de son Rapporteur spécial chargé des nouvelles "
    "communications, a décidé de ne pas demander de mesures provisoires."
)


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # a UN treaty body's header: the author's letter, the transmission to the State, the
        # Views (a judgment) or a decision (a ruling), a rapporteur's procedural decision
        (_VIEWS, "en", [("2015-05-03", "filing"), ("2015-06-09", "other"),
                        ("2020-04-02", "judgment")]),
        (_DECISION, "fr", [("2015-05-03", "filing"), ("2015-06-09", "other"),
                           ("2020-04-02", "ruling"), ("2017-11-06", "order")]),
        # a committee's session is a period, no event
        ("Fortieth session 3 October - 21 October 2005", "en", []),
        # a judges' swearing-in is a ceremony
        ("The new judges will make their solemn declarations on 22 May 2005.", "en", []),
    ],
)  # fmt: skip
def test_a_treaty_bodys_header_fields_and_sessions(
    text: str, lang: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # two steps under one date: the first; a trial with its outcome: the outcome
        ("On 4 May 2021 the clerk was arrested and charged with theft.", "en", "arrest"),
        ("Nurse Arrested, Charged with Selling Pills (May 4, 2021)", "en", "arrest"),
        ("On 3 March 1970 he was tried and convicted in the county court.", "en", "conviction"),
        ("Ohio Man Admits to Defrauding Investors (March 3, 2022)", "en", "conviction"),
        # the indictment a participle hangs on, past a weekday's comma
        ("The raids followed the return of a four-count indictment on Tuesday, June 1, 2010, "
         "charging six men with fraud.", "en", "indictment"),
        ("The indictment was confirmed by Judge Roe on 2 May 2004.", "en", "indictment"),
        ("On the 12th of May of 2004 the indictment was made public.", "en", "charge"),
        # a court ordering a party to pay, as a release's headline says it
        ("Federal Court Orders Example Pharmacy to Pay $50,000 Civil Penalty (June 2, 2022)",
         "en", "judgment"),
        # a relative clause holding the date, past an acronym in brackets
        ("John Roe, who was transferred to the custody of the Special Tribunal (STE) on Friday "
         "3 March 2006, will appear before Judge Poe.", "en", "detention"),
        ("On 4 June 2004, we received a notice of appeal filed by the Defence.", "en", "appeal"),
        ('On 20 May 2005, the Accused filed his "Motion no. 3".', "en", "motion"),
        ("There will be a status conference in the Doe case on 7 May 2005.", "en", "hearing"),
        ("The Sentencing Judgement in the Doe case will be rendered on 13 May 2005.", "en",
         "sentencing"),
        # an appeal court reducing the sentence rules on the appeal
        ("Il a fait appel du jugement et, le 3 mai 1991, la cour d'appel a ramené sa peine à "
         "cinq ans.", "fr", "ruling"),
    ],
)  # fmt: skip
def test_the_event_of_a_tribunals_or_a_releases_sentence(text: str, lang: str, want: str) -> None:
    assert [kind for _, kind in kinds(text, lang)] == [want]


def test_a_relative_date_restated_by_that_is_is_one_date() -> None:
    text = (
        "The indictment was confirmed on 2 May 2004, and 10 days later, that is, on the 12th "
        "of May of 2004, it was made public."
    )
    assert dates(text) == ["2004-05-02", "2004-05-12"]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # a US court's filing stamp dates the paper it stamps, of its title's kind
        ("Case 1:19-cv-01234 Document 1 Filed 05/14/19 Page 1 of 30 COMPLAINT FOR INJUNCTIVE "
         "RELIEF Plaintiff Example Commission alleges as follows: the defendant sold the goods.",
         "en", [("2019-05-14", "complaint")]),
        ("ORDER The Court has read the papers. Case 2:19-cv-04321 Document 12 Filed 08/22/19 "
         "Page 1 of 4", "en", [("2019-08-22", "order")]),
        # a day without its year before "puis" and a full date takes its year
        ("Il a été interpellé le 11 septembre puis le 3 octobre 2012 à son domicile.", "fr",
         [("2012-09-11", "arrest"), ("2012-10-03", "arrest")]),
        # a case put in deliberation until a day, a treaty named by where it was signed, the
        # longest a term may run, a period hedged at both ends: no events
        ("L'affaire a été mise en délibéré au 6 juin 2023.", "fr", []),
        ("La Convention de sauvegarde des droits de l'homme, signée à Rome le 4 novembre 1950, "
         "garantit ce droit.", "fr", []),
        ("The court remanded him in custody, but for no longer than until 3 August 2013.", "en",
         []),
        ("From at least until March 2011 to at least May 2016, the firm failed to keep records.",
         "en", []),
        # an agency's news in a listing of releases is no case's
        ("Agency Holds Take Back Day Across the Country (October 28, 2023)\n\nFormer Nurse "
         "Sentenced for Theft of Drugs (November 2, 2023)", "en", [("2023-11-02", "sentencing")]),
        # the EU Court's press release names the judgment it announces
        ("COMMUNIQUE DE PRESSE n° 12/19 Luxembourg, le 3 avril 2019 Arrêt dans l'affaire "
         "C-123/17 Roe / Examplia La Cour dit pour droit que la directive s'applique.", "fr",
         [("2019-04-03", "judgment")]),
    ],
)  # fmt: skip
def test_stamps_deliberations_treaties_and_an_agencys_news(
    text: str, lang: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # an order's title above its date; a head's date and the order's own line: one order
        ("COUR DE JUSTICE\n\nORDONNANCE DU PRÉSIDENT DU TRIBUNAL\n\n3 mars 2009\n\nDans "
         "l'affaire F-12/08, Mme Roe demande le sursis.", "fr", [("2009-03-03", "order")]),
        ("COUR D'APPEL DE DOUAI\n\n4 mars 2021 Cour d'appel de Douai RG n° 20/00123\n\n"
         "ORDONNANCE\n\nDu 04 Mars 2021\n\nNous, président de chambre, statuons.", "fr",
         [("2021-03-04", "order")]),
        # days that come back each year are no events
        ("The sessions of the County Court begin on the 2nd Monday in April and the 3rd Monday "
         "in October of each year. He was arrested on May 5, 1970.", "en",
         [("1970-05-05", "arrest")]),
        # an independent authority's decision is no court's
        ("Paris, le 3 mars 2015 Décision du Défenseur des droits n MDS 2015-12 Décision "
         "relative aux conditions dans lesquelles le réclamant a été interpellé le 4 mai 2013.",
         "fr", [("2015-03-03", "other"), ("2013-05-04", "arrest")]),
        # a hearing told at its first day, not again on the day it goes on
        ("The sentencing hearing in the Doe case will be held on 3 May 2005 in Courtroom I. The "
         "hearing will continue on 4 May 2005.", "en", [("2005-05-03", "hearing")]),
    ],
)  # fmt: skip
def test_orders_titles_recurring_days_and_continued_hearings(
    text: str, lang: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text, lang) == want


def test_a_dateline_that_opens_its_line_before_the_place() -> None:
    text = (
        "Drug Ring Members Charged\nJune 3, 2011 - BALTIMORE, MD—Six men were charged today. "
        "They will make their initial appearances this afternoon in federal court. The "
        "investigation began in 2009 and involved many agencies across the state over two "
        "years of work."
    )
    extraction = extract(text)
    assert extraction.published == "2011-06-03"
    assert [(c.date, c.kind) for c in extraction.candidates][:2] == [
        ("2011-06-03", "charge"),
        ("2011-06-03", "hearing"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Court of Appeal quashed his conviction on 9 February 2021.",
        "The appeal court quashed the acquittal on 9 February 2021.",
        "The appeals court overturned the verdict on 9 February 2021.",
        "The Supreme Court overturns the sentence on 9 February 2021.",
    ],
)
def test_a_court_quashing_a_conviction_or_overturning_a_verdict_rules(text: str) -> None:
    """A conviction or an acquittal is a court's act: quashing it dates the quashing (a
    ruling), not an administration's act under review (other); "overturned" is a ruling's verb."""
    assert kinds(text) == [("2021-02-09", "ruling")]


def test_a_listings_date_released_lines_date_the_releases_under_them() -> None:
    """An inspector general's page of releases: each a headline, a "Date Released:" line (a
    "Category:" line under it, or not) and the release, telling "today" and "yesterday"."""
    text = (
        "Investigative News Releases\n\nBelow are our most recent releases.\n\n"
        "Letter Carrier Sentenced for Stealing Gift Cards\n\n"
        "Date Released: 04/21/2023\nCategory: Internal Mail Theft\n\n"
        "TOLEDO \u2013 Dana Pike, 51, of Toledo, was sentenced today to two years in prison for "
        "stealing gift cards from the mail, announced the United States Attorney.\n\n"
        "Clerk Found Guilty of Embezzling Postal Funds\n\n"
        "Date Released: 03/30/2023\n\n"
        "DAYTON \u2013 Lee Hart, 39, was found guilty by a federal jury yesterday of embezzling "
        "postal funds."
    )
    assert [(c.date, c.kind) for c in extract(text).candidates] == [
        ("2023-04-21", "sentencing"),
        ("2023-03-29", "conviction"),
    ]


def test_a_courts_list_of_the_days_opinions_is_one_ruling_a_case() -> None:
    # Each opinion filed that day is its own decision (its own docket number); a judge
    # named like a month ("May, J.") is no date.
    listing = (
        "Filed Mar 3, 2020\nView Opinion No. 19-0101\nAppeal from the District Court for Polk"
        " County, Ann Roe, Judge. AFFIRMED. Considered by Lee, P.J., and May, JJ. Opinion by"
        " May, J. (4 pages)\nJo Smith appeals her conviction for theft. OPINION HOLDS: The"
        " evidence was sufficient.\nFiled Mar 3, 2020\nView Opinion No. 19-0202\nAppeal from the"
        " District Court for Story County, Bo Fox, Judge. REVERSED. Opinion by Lee, P.J."
        " (3 pages)\nAl Jones appeals his sentence. OPINION HOLDS: The court erred.\n"
    )
    assert [(c.date, c.kind) for c in extract(listing).candidates] == [
        ("2020-03-03", "ruling"),
        ("2020-03-03", "ruling"),
    ]


def test_an_attack_dated_before_its_noun_and_a_month_run_into_its_day() -> None:
    text = (
        "The indictment, dated 14 June 2019, alleges his role in the 1October 2004 attack"
        " against A and the 21 June 2005 bombing of B."
    )
    assert [(c.date, c.kind) for c in extract(text).candidates] == [
        ("2019-06-14", "indictment"),
        ("2004-10-01", "other"),
        ("2005-06-21", "other"),
    ]


@pytest.mark.parametrize(
    "number",
    ["Criminal Appeal No. 412 of 2016", "CA No 77 of 2016", "Criminal Appeal E014 of 2016",
     "FIR No. 8 of 2016", "Special Leave Petition (Crl.) No. of 2016", "Nos. 12, 13 & 19 of 2016"],
)  # fmt: skip
def test_the_year_a_case_number_is_of_is_no_event(number: str) -> None:
    text = f"IN THE HIGH COURT AT NYERI\n{number}\nThe appellant was convicted on 4 May 2017."
    assert [c.date for c in extract(text).candidates] == ["2017-05-04"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Garde à vue\n\npar Jeanne Roe 3 février 2015\n\nLe 4 mars 2014, il a été interpellé.",
         "fr"),
        ("Bail refused\n\nBy John Q. Doe, February 3, 2015\n\nOn March 4, 2014, he was arrested.",
         "en"),
    ],
)  # fmt: skip
def test_an_authors_byline_dates_the_article_not_an_event(text: str, lang: str) -> None:
    assert [c.date for c in extract(text, lang=lang).candidates] == ["2014-03-04"]


def test_a_release_from_two_seats_is_dated_by_its_dateline() -> None:
    text = (
        "Fugitive arrested\n\nArusha, The Hague, 25 May 2016\n\n"
        "The fugitive John Roe was arrested yesterday in Cape Town."
    )
    extraction = extract(text)
    assert extraction.published == "2016-05-25"
    assert [(c.date, c.kind) for c in extraction.candidates] == [("2016-05-24", "arrest")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le 3 mai 2016, la cour a relaxé les accusés.\nSources : site.fr (article du 04/05/2016"
         " à 09h12), autre.fr (communiqué du 05/05/2016).", "fr"),
        ("On May 3, 2016, the court acquitted the accused, the article of May 5, 2016 said.",
         "en"),
    ],
)  # fmt: skip
def test_a_sources_publication_date_is_no_event(text: str, lang: str) -> None:
    assert [c.date for c in extract(text, lang=lang).candidates] == ["2016-05-03"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On May 3, 2016, he was convicted under the Criminal Code (as amended in 1999, c. 5).",
         "en"),
        ("Le 3 mai 2016, il a été condamné en vertu de la loi telle que modifiée le 2 mars 2010.",
         "fr"),
    ],
)  # fmt: skip
def test_the_date_a_law_was_amended_is_no_event(text: str, lang: str) -> None:
    assert [c.date for c in extract(text, lang=lang).candidates] == ["2016-05-03"]


def test_a_constitutional_revisions_date_is_a_laws() -> None:
    text = (
        "Le 3 mai 2016, il a été gracié; la grâce collective a été supprimée par la révision"
        " constitutionnelle du 2 mars 2010."
    )
    assert [c.date for c in extract(text, lang="fr").candidates] == ["2016-05-03"]


def test_the_dates_of_suspended_sentences_revoked_are_other_cases() -> None:
    text = (
        "Par jugement du 3 mai 2016, le tribunal l'a condamné et a révoqué les sursis accordés à"
        " X. les 2 mars 2010 par le tribunal de Genève et 4 juin 2012 par le juge de Sion."
    )
    assert [c.date for c in extract(text, lang="fr").candidates] == ["2016-05-03"]


def test_a_pages_running_footer_dates_no_event() -> None:
    text = (
        "No.: ICC-02/05 Date: 3 May 2016 THE APPEALS CHAMBER Before: Judge A. Roe\n\n"
        "Registry: Detention Section, Victims Section No. ICC-02/05 2/9 3 May 2016\n\n"
        "The appellant was arrested on 4 March 2015.\n"
    )
    assert [c.date for c in extract(text).candidates] == ["2016-05-03", "2015-03-04"]


def test_the_day_someone_becomes_eligible_is_no_event() -> None:
    text = (
        "Roe was denied parole on May 3, 2016. She became eligible for hearings to consider her"
        " parole in 1999, and will be eligible for parole again in 2031."
    )
    assert [c.date for c in extract(text).candidates] == ["2016-05-03"]


def test_a_decision_rendered_at_a_sitting_and_a_case_numbers_date_are_told_once() -> None:
    text = (
        "COUR COMMUNE DE JUSTICE ET D'ARBITRAGE (CCJA)\n"
        "Première chambre\n"
        "Audience publique du 11 novembre 2021\n"
        "Pourvoi : n° 370/2020/PC du 08/12/2020\n"
        "Affaire : Société Alpha SA contre État Bêta\n"
        "Arrêt N° 192/2021 du 11 novembre 2021\n"
        "La Cour Commune de Justice et d'Arbitrage, Première chambre, a rendu l'Arrêt suivant en"
        " son audience publique du 11 novembre 2021 où étaient présents : M. Roe, Président ;\n"
        "Sur le pourvoi enregistré au greffe de la Cour de céans le 08/12/2020 sous le n°"
        " 370/2020/PC, formé par la Société Alpha SA contre l'arrêt n° 12 rendu le 3 mars 2020"
        " par la Cour d'appel de Cotonou ;\n"
    )
    got = [c.date for c in extract(text, lang="fr").candidates]
    assert sorted(got) == ["2020-03-03", "2020-12-08", "2021-11-11"]


def test_that_night_in_a_sentence_naming_no_event_goes_on_with_the_night_told() -> None:
    text = (
        "On the night of 9th May 2003, the deceased went to the club with two friends."
        " The group spent a considerable time that night drinking."
    )
    assert [(c.date, c.kind) for c in extract(text).candidates] == [("2003-05-09", "other")]


def test_a_court_schedule_gives_each_hearing_at_its_opening_day_only() -> None:
    text = (
        "14.03.2019 - 10:00, Date de début des débats\n"
        "15.03.2019, Poursuite des débats\n"
        "18.03.2019, Date de réserve\n\n"
        "Lieu: Salle 2\n\n"
        "Débats dans le cadre de la procédure d'appel ; M. Roe contre le jugement du tribunal du"
        " 2 mai 2017.\n\n"
        "Langue: Italien\n"
        "09.04.2019 - 14:30, Date de début des débats\n"
        "10.04.2019, Suite des débats\n"
    )
    extraction = extract(text, lang="fr")
    assert extraction.published is None
    got = [(c.date, c.kind) for c in extraction.candidates]
    assert ("2019-03-14", "hearing") in got and ("2019-04-09", "hearing") in got
    assert not {"2019-03-15", "2019-03-18", "2019-04-10"} & {c.date for c in extraction.candidates}


def test_a_trial_day_labelled_as_its_continuation_or_reserve_is_no_step() -> None:
    text = (
        "The trial opened on 3 May 2021 at 10:00. 4 May 2021, continuation of the trial. "
        "5 May 2021: reserve day."
    )
    assert [c.date for c in extract(text).candidates] == ["2021-05-03"]


def test_a_pages_posting_hour_and_update_stamp_date_the_page() -> None:
    text = (
        "Genève\n\n"
        "12 mars 2015 18:40; Act: 13.03.2015 09:05 Print\n\n"
        "Un procès renvoyé faute de témoin\n\n"
        "La Cour d'appel s'est réunie mardi pour juger le recours de M. Roe.\n"
    )
    extraction = extract(text, lang="fr")
    assert extraction.published == "2015-03-12"
    assert [(c.date, c.kind) for c in extraction.candidates] == [("2015-03-10", "hearing")]


@pytest.mark.parametrize(
    "text",
    [
        "He was sentenced on 4 June 2019 to two years, the sentence to commence from 20 May 2019.",
        "He was sentenced on 4 June 2019 to a term of two years backdated to 20 May 2019.",
        "He was sentenced on 4 June 2019. She said he first hit her after the birth of their son"
        " on 20 May 2019.",
    ],
)
def test_a_terms_reckoning_day_and_a_birth_are_no_steps(text: str) -> None:
    assert [c.date for c in extract(text).candidates] == ["2019-06-04"]


def test_a_judgments_number_of_the_year_run_into_its_date_is_read() -> None:
    text = (
        "Judgment 7/201912.03.2019Roe v Doe LimitedRoyal CourtContract - appeal dismissed.\n"
        "Judgment 8/201925/03/2019Doe v RoeRoyal CourtTrust - application refused.\n"
        "Judgment 9/201804.05.2019Old numbering, another year.\n"
    )
    assert [c.date for c in extract(text).candidates] == ["2019-03-12", "2019-03-25"]


def test_a_period_a_count_concerned_is_no_step() -> None:
    text = (
        "He was convicted on 3 May 2022 of two counts. The count of which he was acquitted"
        " concerned a period in 2019."
    )
    assert [c.date for c in extract(text).candidates] == ["2022-05-03"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("| Juridiction : | Tribunal de Lille |\n"
         "| Date de dernière mise à jour : | 3 avril 2025 |\n"
         "Le tribunal a statué le 2 février 2024.", "fr"),
        ("Publication date (field_publication_date)\n5 March 2023|PRESS RELEASE\n"
         "The court ruled on 2 February 2024.", "en"),
        ("Last updated: 5 March 2023\nThe court ruled on 2 February 2024.", "en"),
    ],
)  # fmt: skip
def test_a_pages_labelled_update_or_publication_stamp_is_no_event(text: str, lang: str) -> None:
    assert dates(text, lang) == ["2024-02-02"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Un juge condamné en appel\n3 mars 2024 à 10h12 par La rédaction\n"
         "La cour d'appel a confirmé la peine mardi.", "fr"),
        ("Avis aux médias: 3 mars 2024\n\nLa cour d'appel a confirmé la peine mardi.", "fr"),
        ("Media advisory: 3 March 2024\n\nThe appeals court upheld the sentence on Tuesday.",
         "en"),
    ],
)  # fmt: skip
def test_a_pages_dated_byline_or_advisory_label_is_its_dateline(text: str, lang: str) -> None:
    extraction = extract(text, lang=lang)
    assert extraction.published == "2024-03-03"
    assert [c.date for c in extraction.candidates] == ["2024-02-27"]


def test_a_range_from_the_first_of_a_month_split_as_a_pdf_prints_it_is_one_period() -> None:
    text = "Les audiences se sont tenues du 1 er au 9 septembre 2011."
    assert kinds(text, "fr") == [("2011-09-01", "hearing")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The author, born in Canada in 1984, was arrested on 3 May 2011.", "en"),
        ("L'homme, né à Lyon en 1984, a été arrêté le 3 mai 2011.", "fr"),
    ],
)
def test_a_birth_told_with_its_place_is_no_event(text: str, lang: str) -> None:
    assert dates(text, lang) == ["2011-05-03"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The claimant brought this suit by a statement of claim dated March 2, 2019 and filed on"
         " March 6, 2019.", ["2019-03-06"]),
        ("The claimant amended the statement of claim on May 3, 2019 and filed it on June 7, 2019.",
         ["2019-06-07"]),
        ("A reply dated 4 May 2016 was filed by the insurer with a letter dated 9 May 2016.",
         ["2016-05-09"]),
        # a step of its own before a filing stays
        ("She was dismissed on 3 May 2017 and filed suit on 5 June 2017.",
         ["2017-05-03", "2017-06-05"]),
    ],
)  # fmt: skip
def test_a_papers_own_date_before_the_day_it_was_filed_is_no_step(
    text: str, want: list[str]
) -> None:
    assert dates(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "In reply to enquiries on the case, a spokesman for the Ministry today (May 4) gave the"
        " following response:\nThe court convicted the two men on 2 May 2016.",
        "LOS ANGELES, May 4, 2016 — The court convicted the two men on 2 May 2016. He wrote:"
        ' "I confirm the news that has been reported today. We will appeal."',
        "The court convicted the two men on 2 May 2016.\nEnds/Wednesday, May 4, 2016\n"
        "Issued at HKT 15:03",
    ],
)
def test_the_day_a_release_or_reply_was_given_is_no_step(text: str) -> None:
    assert dates(text) == ["2016-05-02"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The accused will appear before the judge on 9 March 2021. To pre-register, journalists"
         " should write to the press office by Friday, 5 March 2021 at 17:00.", "en"),
        ("L'accusé comparaîtra le 9 mars 2021. Les demandes d'accréditation doivent parvenir au"
         " greffe avant le 5 mars 2021.", "fr"),
    ],
)  # fmt: skip
def test_the_press_registration_deadline_of_a_hearing_is_no_step(text: str, lang: str) -> None:
    assert dates(text, lang) == ["2021-03-09"]
