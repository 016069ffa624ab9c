"""casetrack.extract: the date forms real reports use and the dates that are no event of the
case (issue #24). Made-up sentences of the shapes found in news, judgments and listings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.extract import Candidate, extract
from casetrack.extract.dates import find_dates, season_span
from tests.budget import examples


def dates(text: str, lang: str = "en") -> list[str]:
    return [c.date for c in extract(text, lang=lang).candidates]


def only(text: str, lang: str = "en") -> Candidate:
    candidates = extract(text, lang=lang).candidates
    assert len(candidates) == 1, [c.to_dict() for c in candidates]
    return candidates[0]


# --------------------------------------------------------------------------- news words


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("BOSTON, May 31, 2007 \u2014 Two men were sentenced late last night.", "en", "2007-05-30"),
        ("BOSTON, May 31, 2007 \u2014 Police arrested him last night.", "en", "2007-05-30"),
        ("BOSTON, May 31, 2007 \u2014 He was charged yesterday evening.", "en", "2007-05-30"),
        ("Lyon, le 3 juin 2014 \u2014 Il a été interpellé hier soir.", "fr", "2014-06-02"),
        ("Lyon, le 3 juin 2014 \u2014 Il a été interpellé dans la nuit dernière.", "fr",
         "2014-06-02"),
    ],
)  # fmt: skip
def test_last_night_is_the_day_before_the_dateline(text: str, lang: str, want: str) -> None:
    candidate = only(text, lang)
    assert (candidate.date, candidate.precision) == (want, "day")


def test_last_night_without_a_dateline_is_no_date() -> None:
    assert dates("He was arrested late last night.") == []


def test_a_listing_items_last_night_counts_from_the_item() -> None:
    text = (
        "Press Releases for May 2007\nMay 31, 2007\n\n"
        "Two men were sentenced late last night by a judge in Detroit."
    )
    assert dates(text) == ["2007-05-30"]


# --------------------------------------------------------------------------- days in words


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("He was arrested on the third of March 2010.", "en", "2010-03-03"),
        ("He was arrested on the twenty-first day of May, 2010.", "en", "2010-05-21"),
        ("He was arrested on March thirty-first, 2010.", "en", "2010-03-31"),
        ("Il a été interpellé le premier mars 2010.", "fr", "2010-03-01"),
        ("Il a été interpellé le vingt et un février 2010.", "fr", "2010-02-21"),
        ("Il a été jugé le dix-sept juin 2003.", "fr", "2003-06-17"),
    ],
)
def test_a_day_in_words_is_a_day(text: str, lang: str, want: str) -> None:
    assert only(text, lang).date == want


@pytest.mark.parametrize(
    "text",
    [
        "The first May 2010 hearing was short.",  # an ordinal adjective, not a day
        "The second March 2010 raid found nothing.",
        "In May six people were arrested.",  # a count after a month, and no year to give it
    ],
)
def test_an_ordinal_or_a_number_beside_a_month_is_no_day(text: str) -> None:
    assert all(len(d) < 10 for d in dates(text))


_ORDINAL = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth", "twentieth"]  # fmt: skip


def _ordinal(day: int) -> str:
    if day <= 20:
        return _ORDINAL[day - 1]
    if day == 30:
        return "thirtieth"
    return ("twenty-" if day < 30 else "thirty-") + _ORDINAL[day % 10 - 1]


@settings(max_examples=examples(100), deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_every_day_in_words_reads_back(day: date) -> None:
    text = f"The court ruled on the {_ordinal(day.day)} of {day:%B}, {day.year}."
    assert only(text).date == day.isoformat()


# --------------------------------------------------------------------------- seasons, months


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("He was arrested in the summer of 2012.", "en", "2012-22"),
        ("The raids began in the fall of 2012.", "en", "2012-23"),
        ("He was tried in winter 2013.", "en", "2013-24"),
        ("Il a été mis en examen à l'été 2015.", "fr", "2015-22"),
        ("Il a été interpellé au printemps de l'année 2016.", "fr", "2016-21"),
    ],
)
def test_a_season_is_an_edtf_season(text: str, lang: str, want: str) -> None:
    candidate = only(text, lang)
    assert (candidate.date, candidate.precision) == (want, "season")


def test_a_seasons_bounds_are_its_months_and_winter_runs_into_the_next_year() -> None:
    assert (season_span(2012, 22).start, season_span(2012, 22).end) == (
        date(2012, 6, 1),
        date(2012, 8, 31),
    )
    assert (season_span(2013, 24).start, season_span(2013, 24).end) == (
        date(2013, 12, 1),
        date(2014, 2, 28),
    )


def test_a_span_counted_from_a_season_is_approximate() -> None:
    text = "He was arrested in the summer of 2012. Two months later he was charged."
    assert dates(text) == ["2012-22", "2012-08~"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The applicant was arrested on .. June 1969.", ["1969-06"]),
        ("He wrote to the police by letter dated .. May 1970 from London.", ["1970-05"]),
    ],
)
def test_a_blanked_day_leaves_the_month(text: str, want: list[str]) -> None:
    assert dates(text) == want


def test_a_month_of_the_listings_year_is_sure_and_the_headline_gives_way_to_it() -> None:
    text = (
        "May 3, 2012 \u2014 Agents seize counterfeit goods at a flea market\n\n"
        "April's enforcement activity at the market resulted in the largest seizure."
    )
    assert dates(text) == ["2012-04"]


@pytest.mark.parametrize(
    ("phrase", "want"),
    [("in February", "2021-02"), ("last February", "2021-02"), ("in November", "2020-11?")],
)
def test_a_month_after_a_dateline_is_sure_only_within_its_year(phrase: str, want: str) -> None:
    assert dates(f"LYON, 10 March 2021 \u2014 He was arrested {phrase}.") == [want]


# --------------------------------------------------------------------------- no event


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Filed: Nov. 23, 1994\nLatest Update: Mar. 02, 2020\n\nHe was arrested on 3 May 1990.",
         "en", ["1994-11-23", "1990-05-03"]),
        ("Page last revised: 4 June 2021. He was arrested on 3 May 2021.", "en", ["2021-05-03"]),
        ("Date Issued: May 3, 2019\n\nHe was arrested on 2 May 2019.", "en", ["2019-05-02"]),
        ("Released: May 3, 2019\n\nHe was released on 2 May 2019.", "en", ["2019-05-02"]),
        ("Les titres figuraient au bilan de l'exercice clos le 31 décembre 1991. Il a été "
         "condamné le 3 mai 1993.", "fr", ["1993-05-03"]),
        ("The company filed its report for the year ended June 30, 2019, and was charged on "
         "3 May 2020.", "en", ["2020-05-03"]),
        ("The Department reinvigorated the programme in 2017 to reduce violent crime.", "en", []),
        ("The office relaunched its crime-reduction programme on 5 May 2017.", "en", []),
        ("Vu les notes en délibéré, enregistrées le 12 et 19 décembre 2011 ; la cour a statué le "
         "23 décembre 2011.", "fr", ["2011-12-23"]),
        ("He was born on 3 May 1970, 1971 or 1972 and arrested on 5 May 2010.", "en",
         ["2010-05-05"]),
        # when interest starts to run
        ("Le tribunal l'a condamné à verser 5 000 euros avec intérêts au taux légal à compter "
         "du 3 mars 2001 ; il a fait appel le 5 mai 2004.", "fr", ["2004-05-05"]),
        ("The court awarded $5,000 with interest from June 1, 2001, and the defendant appealed "
         "on 5 May 2004.", "en", ["2004-05-05"]),
        # the start of a tally
        ("Since Oct. 1, 2009, the office has removed more than 1,700 fugitives. He was arrested "
         "on 5 May 2010.", "en", ["2010-05-05"]),
        ("Depuis le 1er janvier 2015, l'office a expulsé plus de 12 000 personnes. Il a été "
         "interpellé le 5 mai 2016.", "fr", ["2016-05-05"]),
        ("He has been detained since 3 May 2010.", "en", ["2010-05-03"]),  # no tally
        ("Since his arrest on 3 May 2010, he has written 1,200 letters.", "en", ["2010-05-03"]),
    ],
)  # fmt: skip
def test_page_furniture_periods_and_programmes_are_no_events(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    "text",
    [
        "Police launched an investigation in 2017.",
        "The prosecutor relaunched the proceedings on 5 May 2017.",
        "She was born in Lyon and was arrested on 5 May 2010 and on 7 May 2010.",
    ],
)
def test_an_inquiry_launched_or_a_date_after_one_is_still_an_event(text: str) -> None:
    assert dates(text)


def test_an_opinions_header_date_under_its_docket_number_is_the_ruling() -> None:
    text = (
        "Opinion\nNo. 17094.\nFebruary 6, 1964.\n"
        "Before SMITH and JONES, Circuit Judges.\n"
        "Ann Lee was convicted by a jury on April 4, 1961."
    )
    extraction = extract(text)
    assert next((c.date, c.kind) for c in extraction.candidates) == ("1964-02-06", "ruling")
    assert extraction.published is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Legal Information Institute\n[\nHome]\n[\nDatabases]\n[\nSearch]\nYou are here:\n"
         "LII >>\nDatabases >>\nSMITH v. FRANCE - 1234/05 [2010] ECHR 55 (3 May 2010)\nURL: "
         "http://example.org/55.html\nCite as:\n[2010] ECHR 55\nSECOND\nSECTION\nCASE OF SMITH "
         "v. FRANCE\n(Application\nno. 1234/05)\nJUDGMENT\nSTRASBOURG\n3\nMay 2010\nThis\n"
         "judgment will become final.\nThe case originated in an application lodged on 4 June "
         "2005.", [("2010-05-03", "judgment"), ("2005-06-04", "filing")]),
        ("Case law search >> DOE v. ITALY - 99/07 [2009] ECHR 12 (12 March 2009) Cite as: "
         "[2009] ECHR 12\nCASE OF DOE v. ITALY\nJUDGMENT\nSTRASBOURG\n12 March 2009\nThis "
         "judgment is final. The applicant was arrested on 5 May 2006.",
         [("2009-03-12", "judgment"), ("2006-05-05", "arrest")]),
    ],
)  # fmt: skip
def test_a_decisions_date_in_its_page_title_and_its_header_is_one_ruling(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert [(c.date, c.kind) for c in extract(text).candidates] == want


def test_one_day_given_twice_for_two_events_of_a_sentence_is_two_events() -> None:
    text = "On 5 May 2010 the police arrested him and on 5 May 2010 the prosecutor charged him."
    assert [c.kind for c in extract(text).candidates] == ["arrest", "charge"]


_COUNSEL = "Ann Roe, Tyler, for appellant. " * 20  # a decision's head, before its story


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Lee v. State\nCOURT OF APPEALS\nJul 31, 2012\nOpinion\n" + _COUNSEL + "\nIn October "
         "2006, Lee was convicted of robbery. On June 18, 2011, he was shot. At the time, he was "
         "on probation for that offence until May 2014.",
         ["2012-07-31", "2006-10", "2011-06-18"]),  # a term's end
        ("Lee v. State\nCOURT OF APPEALS\nJul 31, 2012\nOpinion\n" + _COUNSEL + "\nIn October "
         "2006, Lee was convicted. His licence was suspended until 3 June 2015.",
         ["2012-07-31", "2006-10"]),
        ("CASE OF DOE v. MALTA (Application no. 12/03) JUDGMENT STRASBOURG 3 October 2006 This "
         "judgment is final. " + _COUNSEL + " The case originated in an application lodged by Mr "
         "John Doe on 9 December The applicant was arrested on 5 May 2002.",
         ["2006-10-03", "2002-05-05"]),  # a day whose year the copy lost
        ("Lee v. State\nCOURT OF APPEALS\nJul 31, 2012\nOpinion\n" + _COUNSEL + "\nWe remand; "
         "the trial court shall hold a hearing on March 5, 2013.",
         ["2012-07-31", "2013-03-05"]),  # what the decision sets is ahead of it
        ("Jones v. State.\nCourt of Criminal Appeals of Alabama.\nJuly 5, 1983.\nRehearing "
         "Denied August 2, 1983.\n" + _COUNSEL + "\nJones was convicted on May 3, 1982.",
         ["1983-07-05", "1983-08-02", "1982-05-03"]),  # its head's later decisions
    ],
)  # fmt: skip
def test_a_decision_tells_no_event_after_its_own_date(text: str, want: list[str]) -> None:
    assert dates(text) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ('WASHINGTON, May 4, 2010 \u2014 "We are here today to talk about the ruling," the '
         "official said. Police arrested Ann Lee on Monday.", "en", [("2010-05-03", "arrest")]),
        ("WASHINGTON, May 4, 2010 \u2014 \u201cI am proud to stand here today with our "
         "partners,\u201d said the director. A jury convicted Ann Lee yesterday.", "en",
         [("2010-05-03", "conviction")]),
        ("PARIS, 3 mai 2010 \u2014 \u00ab Nous sommes réunis aujourd\u2019hui pour parler de "
         "cette décision \u00bb, a déclaré le ministre.", "fr", []),
        ("WASHINGTON, May 3, 2010 \u2014 \u201cToday we charged five men with fraud,\u201d the "
         "prosecutor said.", "en", [("2010-05-03", "charge")]),  # an event done today
    ],
)  # fmt: skip
def test_today_in_a_quoted_statement_is_when_the_speaker_spoke(
    text: str, lang: str, want: list[tuple[str, str]]
) -> None:
    assert [(c.date, c.kind) for c in extract(text, lang=lang).candidates] == want


# --------------------------------------------------------------------------- listings of releases

_LISTING = (
    "Press Releases for June 2006\n\nFriday, June 30, 2006\n\n"
    "County Sued Over Housing Discrimination (06-413)\n\n"
    "The Department announced today that it has filed a lawsuit against a county.  (Read more)\n\n"
    "Agency Launches New Website (06-412)\n\n"
    "The Department today announced the launch of a new website.  (Read more)\n\n"
    "Thursday, June 29, 2006\n\n"
    "Former Senator Convicted On Cocaine Charges (06-410)\n\n"
    "WASHINGTON\u2014Ann Lee, a former senator, was convicted for conspiring to import cocaine,"
    "  (Read more)\n\n"
    "Former Governor Convicted of Bribery (06-409)\n\n"
    "A jury convicted former Governor Paul Brun of bribery, officials announced today.  "
    "(Read more)\n\n"
    "A jury convicted former Governor Paul Brun of bribery, officials announced today.  "
    "(Read more)\n"
)


def test_an_undated_item_of_a_listing_of_releases_takes_the_listings_day() -> None:
    got = [(c.date, c.kind, c.found, c.anchor) for c in extract(_LISTING).candidates]
    assert got == [
        ("2006-06-30", "complaint", "today", "2006-06-30"),
        ("2006-06-29", "conviction", "", "2006-06-29"),  # no date in the item: the listing's
        ("2006-06-29", "conviction", "today", "2006-06-29"),  # another item, another conviction
    ]  # the website's launch is no event; the item listed twice is one


def test_an_undated_event_outside_a_listing_of_releases_is_no_candidate() -> None:
    text = (
        "Friday, June 30, 2006\n\nWASHINGTON\u2014Ann Lee was convicted of bribery.\n\n"
        "Paul Brun was sentenced to five years."
    )
    assert extract(text).candidates == []


# --------------------------------------------------------------------------- the story's days


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("On 5 May 2010 he was arrested. Later that day he was released.", "en",
         ["2010-05-05", "2010-05-05"]),
        ("On 5 May 2010 he was arrested. That night he was charged.", "en",
         ["2010-05-05", "2010-05-05"]),
        ("Le 5 mai 2010, il a été interpellé. Le soir même, il a été placé en garde à vue.",
         "fr", ["2010-05-05", "2010-05-05"]),
        ("On 5 May 2010 he was arrested. The day before, police had searched his flat.", "en",
         ["2010-05-05", "2010-05-04"]),
        ("On 5 May 2010 he was arrested. The next morning he was charged.", "en",
         ["2010-05-05", "2010-05-06"]),
        ("Le 5 mai 2010, il a été interpellé. Le lendemain, il a été mis en examen.", "fr",
         ["2010-05-05", "2010-05-06"]),
        ("In May 2010 he was arrested. The next day he was charged.", "en",
         ["2010-05", "2010-05~"]),  # no finer than what it counts from
        ("The indictment was returned in June 2021. He was arrested the following month.", "en",
         ["2021-06", "2021-07"]),
        ("Il a été jugé le 5 mai 2003. L'année suivante, il a fait appel.", "fr",
         ["2003-05-05", "2004"]),
        ("He was tried in 2003. The next month he appealed.", "en", ["2003", "2003~"]),
        ("He was tried on 5 May 2003. The following week he appealed.", "en",
         ["2003-05-05", "2003-05-12~"]),  # a week is no date: about that day
        ("He was arrested on 5 May 2010, the day after the raid.", "en", ["2010-05-05"]),
        # a date opening a clause is the day the story is at, as one opening a sentence
        ("He was hurt and taken to hospital; 5 May 2010, he was charged. The same day he "
         "pleaded guilty.", "en", ["2010-05-05", "2010-05-05"]),
        ("The court sat on 2 June 2011. He says he was beaten; on 5 May 2010 he was charged. "
         "That same day he was released.", "en", ["2011-06-02", "2010-05-05", "2010-05-05"]),
        ("Il a été blessé ; le 5 mai 2010, il a été mis en examen. Le même jour, il a été "
         "placé en détention.", "fr", ["2010-05-05", "2010-05-05"]),
        # a sentence's only date is the day it tells, wherever it stands in it
        ("On 9 June 1967 he appealed. Nothing was done until 11 January 1971, when he was "
         "notified. On the same date the record was sent to the court.", "en",
         ["1967-06-09", "1971-01-11", "1971-01-11"]),
        ("Le 3 mai 2010, il a été interpellé. Il a été mis en examen le 5 mai 2010. Le même "
         "jour, il a été placé en détention.", "fr", ["2010-05-03", "2010-05-05", "2010-05-05"]),
        # "the same day" after a day of its own sentence is that day, not the story's day
        ("Placé en garde à vue le 9 décembre 2022, il a été jugé en 2023. Inculpé le 12 "
         "décembre 2022 et placé sous mandat de dépôt le même jour, il a été libéré le 30 "
         "décembre.", "fr", ["2022-12-09", "2023", "2022-12-12", "2022-12-12", "2022-12-30"]),
        ("Ayité, placé en garde à vue le 9 décembre 2022, a été condamné mardi. Inculpé le 12 "
         "décembre 2022 et placé sous mandat de dépôt le même jour, il a été libéré le 30 "
         "décembre.", "fr", ["2022-12-09", "2022-12-12", "2022-12-12", "2022-12-30"]),
        ("On 3 May 2010 he was arrested. He was charged on 5 May 2010, remanded in custody "
         "the same day and released on 9 May.", "en",
         ["2010-05-03", "2010-05-05", "2010-05-05", "2010-05-09"]),
    ],
)  # fmt: skip
def test_the_same_the_next_or_the_previous_day_month_or_year_is_exact(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Il a été placé en garde à vue du 17 au 20 juin 2003. Le lendemain, il a été mis en "
         "examen.", "fr", ["2003-06-17/2003-06-20", "2003-06-21"]),
        ("He was held in custody from 3 to 6 May 2010. The next day he was charged.", "en",
         ["2010-05-03/2010-05-06", "2010-05-07"]),
        # (a trial or hearing is proposed at its first day, its period still what "after" means)
        ("The trial ran from 3 to 14 March 2011. The day after, the jury was discharged.", "en",
         ["2011-03-03", "2011-03-15"]),
        ("Il a été détenu du 3 au 6 mai 2010. La veille, son domicile avait été perquisitionné.",
         "fr", ["2010-05-03/2010-05-06", "2010-05-02"]),
        ("The hearing was held from 3 to 6 May 2010. The day before, he was arrested.", "en",
         ["2010-05-03", "2010-05-02"]),
    ],
)  # fmt: skip
def test_the_day_after_a_period_follows_its_last_day_the_day_before_precedes_its_first(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He was arrested on the 5th of May 2010.", "2010-05-05"),
        ("He was arrested on the 5th day of May, 2010.", "2010-05-05"),
        ("On the 3d day of March, 1950, he was arrested.", "1950-03-03"),  # old US style
        ("The court ruled on March 22d, 1929.", "1929-03-22"),
        ("He was arrested on Monday, May 5, 2014.", "2014-05-05"),
        ("He was arrested on Monday, May 5, 2014. Police said so.", "2014-05-05"),
    ],
)
def test_a_day_of_the_month_and_a_sentence_with_a_comma_before_its_date(
    text: str, want: str
) -> None:
    assert dates(text) == [want]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("WASHINGTON, D.C., June 17, 2020 \u2014 He was arrested yesterday.", "2020-06-17"),
        ("Boulogne-sur-Mer, le 3 juin 2014 \u2014 Il a été interpellé hier.", "2014-06-03"),
    ],
)
def test_a_dateline_is_a_place_and_a_date(text: str, published: str) -> None:
    assert extract(text, lang="fr" if " le " in text else "en").published == published


@pytest.mark.parametrize(
    "text",
    [
        "From in or about January 2015 through in or about May 2018, he defrauded investors.",
        "Beginning at least in 2012 and continuing until at least 2015, he sold drugs.",
        "Entre au moins janvier 2015 et mai 2018, il a escroqué des clients.",
        "At the hearing, the court heard evidence that from in or about March 2017 through "
        "December 2019, Doe solicited investments.",  # hedged bounds: the conduct, whatever kind
    ],
)
def test_the_bounds_of_the_period_an_offence_covers_are_no_events(text: str) -> None:
    assert dates(text, "fr" if "Entre" in text else "en") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Between Oct. 1, 2010 and April 30, the agency removed more than 2,000 people.", "en"),
        ("From March 3, 2019 through June 30, the office convicted 400 offenders.", "en"),
        ("Du 1er octobre 2010 au 30 avril, le parquet a poursuivi 400 prévenus.", "fr"),
    ],
)
def test_a_period_whose_end_has_no_year_is_no_event(text: str, lang: str) -> None:
    assert dates(text, lang) == []


_ANY_DAY = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
_A_YEARS_DAY = st.dates(min_value=date(2001, 1, 1), max_value=date(2001, 12, 31))  # no 29 Feb


@settings(max_examples=examples(100), deadline=None)
@given(_ANY_DAY, _A_YEARS_DAY)
def test_a_periods_end_without_a_year_is_its_first_such_day_after_the_start(
    start: date, end: date
) -> None:
    text = f"He was detained from {start:%B} {start.day}, {start.year} to {end:%B} {end.day}."
    (span,) = [f.span for f in find_dates(text, "en")]
    assert span is not None and span.precision == "interval"
    assert span.start == start and (span.end.month, span.end.day) == (end.month, end.day)
    assert start < span.end <= start + timedelta(days=366)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("CHICAGO \u2014 A man wanted for murder was deported Oct. 20 by officers.\nOn Sept. 8, "
         "2017, he was arrested outside his home.", ["2017-10-20", "2017-09-08"]),
        ("BOSTON \u2014 Officers arrested a man Jan. 5 in Sterling. A grand jury had indicted him "
         "on Dec. 3, 2012.", ["2013-01-05", "2012-12-03"]),
        ("Officers removed a man on May 11. Between Oct. 1, 2010 and April 30, the office "
         "removed 2,000 people.", ["2011-05-11"]),  # a period's end is a day stated too
        ("BOSTON, May 3, 2014 \u2014 Officers arrested a man April 28 in Sterling. He was "
         "indicted on Dec. 3, 2012.", ["2014-04-28", "2012-12-03"]),  # the dateline's year
        ("EL PASO \u2014 Officers deported a man wanted for murder on May 11. He had been "
         "deported in June 2010. He was turned over to Mexican authorities May 11 at the bridge. "
         "Between Oct. 1, 2010 and April 30, the office removed 2,000 people.",
         ["2011-05-11", "2010-06"]),  # the day told again is the same day, one event
    ],
)  # fmt: skip
def test_a_reports_lead_day_without_a_year_is_the_one_nearest_its_latest_day(
    text: str, want: list[str]
) -> None:
    assert dates(text) == want


@settings(max_examples=examples(100), deadline=None)
@given(_A_YEARS_DAY, _ANY_DAY)
def test_a_lead_day_is_within_half_a_year_of_the_reports_latest_day(
    day: date, latest: date
) -> None:
    text = (
        f"DENVER \u2014 Officers arrested a man {day:%B} {day.day} in Aurora. He had been "
        f"indicted on {latest:%B} {latest.day}, {latest.year}."
    )
    lead = extract(text).candidates[0]
    assert (lead.start.month, lead.start.day) == (day.month, day.day)
    assert abs((lead.start - latest).days) <= 183
    assert lead.anchor == latest.isoformat()


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("Press Releases\nFBI Arrests Man in Bank Robbery\n\nWashington, D.C. May 07, 2010\n"
         "Agents arrested Ann Lee on Monday. She is accused of robbing a bank in Denver.",
         "2010-05-07", ["2010-05-03"]),
        ("NEWS RELEASE\nMan Charged With Fraud\nNEW YORK, N.Y. March 3, 2011\nA grand jury "
         "indicted Ann Lee yesterday. He is accused of defrauding investors.", "2011-03-03",
         ["2011-03-02"]),
        ("Ann Lee was arrested on 3 May 2010 in a bank robbery.\nWashington, May 7, 2010.\n",
         None, ["2010-05-03"]),  # a closing place and date
        ("Press Release\nAnn Lee Sentenced May 3, 2010\nA judge sentenced Ann Lee to five "
         "years.", None, ["2010-05-03"]),  # a headline's date, no place: the event's
    ],
)  # fmt: skip
def test_a_releases_place_and_date_on_a_line_under_its_headline_is_its_dateline(
    text: str, published: str | None, want: list[str]
) -> None:
    extraction = extract(text)
    assert extraction.published == published
    assert [c.date for c in extraction.candidates] == want


def test_a_web_pages_date_run_into_its_place_is_its_dateline() -> None:
    text = (
        "Skip to main content\nJuly 31, 2023New Orleans, LA, United StatesEnforcement\n\n"
        "NEW ORLEANS \u2014 Officers arrested a man July 23. He had been removed on Oct. 17, 2003."
    )
    extraction = extract(text)
    assert extraction.published == "2023-07-31"
    assert [c.date for c in extraction.candidates] == ["2023-07-23", "2003-10-17"]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("On 20070831 the President of the Section decided to give notice of the application.",
         "en", ["2007-08-31"]),
        ("Le 20100305, il a été interpellé à Lyon.", "fr", ["2010-03-05"]),
        ("He filed application no. 20070831 with the Court.", "en", []),
        ("He was ordered to pay a fine of 20070831 euros.", "en", []),
        ("On 20071331 the court sat.", "en", []),  # no thirteenth month
        ("He is wanted in connection with a 2003 murder in Chihuahua.", "en", ["2003"]),
        ("Police reopened the 1998 robbery after new evidence.", "en", ["1998"]),
    ],
)  # fmt: skip
def test_a_compact_date_after_a_dating_word_and_a_year_before_a_crime(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@settings(max_examples=examples(100), deadline=None)
@given(_ANY_DAY)
def test_a_compact_date_reads_back(day: date) -> None:
    assert dates(f"On {day:%Y%m%d} the court ruled on his appeal.") == [day.isoformat()]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("He was arrested in the night of 5 to 6 June 2010 in Lyon.", "en", ["2010-06-05"]),
        ("Il a été interpellé dans la nuit du 5 au 6 juin 2010 à Lyon.", "fr", ["2010-06-05"]),
        ("Police raided the house on the night of June 5-6, 2010.", "en", ["2010-06-05"]),
        ("He was detained from 5 to 6 June 2010.", "en", ["2010-06-05/2010-06-06"]),
    ],
)
def test_the_night_of_one_day_to_the_next_falls_on_the_first(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("BOSTON, May 31, 2007 \u2014 Police arrested two men last week.", "en", ["2007-05-24~"]),
        ("Lyon, le 3 juin 2014 \u2014 Il a été mis en examen la semaine dernière.", "fr",
         ["2014-05-27~"]),
        ("Police arrested two men last week.", "en", []),  # no dateline to count from
        ("BOSTON, May 31, 2007 \u2014 Last week's ruling was appealed on Tuesday.", "en",
         ["2007-05-29"]),  # names a ruling, dates nothing
    ],
)  # fmt: skip
def test_last_week_is_about_a_week_before_the_dateline(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@settings(max_examples=examples(100), deadline=None)
@given(_ANY_DAY)
def test_last_week_is_seven_days_before_any_dateline(day: date) -> None:
    text = f"DENVER, {day:%B} {day.day}, {day.year} \u2014 Police arrested Ann Lee last week."
    assert dates(text) == [f"{day - timedelta(days=7)}~"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He was arrested on March 3, nineteen ninety-eight, in Boston.", ["1998-03-03"]),
        ("The offices were raided in nineteen ninety-eight.", ["1998"]),
        ("In two thousand and three, police arrested him.", ["2003"]),
        ("He was convicted on the third of March, nineteen hundred and sixty-five.",
         ["1965-03-03"]),
        ("In twenty-one cases, the court ruled for the defence in 2003.", ["2003"]),  # a count
        ("Police arrested nineteen people in twenty cities in May 2003.", ["2003-05"]),
    ],
)  # fmt: skip
def test_an_english_year_in_words_is_a_year(text: str, want: list[str]) -> None:
    assert dates(text) == want


_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spelled(year: int) -> str:
    """A year as English speakers say it: "nineteen ninety-eight", "two thousand and three"."""
    rest = year % 100
    if 2000 < year < 2010:
        return f"two thousand and {_ONES[rest]}"
    said = _TEENS[rest - 10] if rest < 20 else _TENS[rest // 10] + (
        f"-{_ONES[rest % 10]}" if rest % 10 else ""
    )  # fmt: skip
    return ("nineteen " if year < 2000 else "twenty ") + said


@settings(max_examples=examples(100), deadline=None)
@given(st.integers(1910, 2099).filter(lambda year: year % 100 >= 10 or 2000 < year < 2010))
def test_an_english_year_in_words_reads_back(year: int) -> None:
    assert dates(f"Police arrested him on May 3, {_spelled(year)}.") == [f"{year}-05-03"]


# --------------------------------------------------------------------------- words, seasons past

_FRENCH_UNITS = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
                 "onze", "douze", "treize", "quatorze", "quinze", "seize"]  # fmt: skip
_FRENCH_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _french(number: int) -> str:
    """0 to 99 in French words, as a clerk writes them (traditional spelling)."""
    if number <= 16:
        return _FRENCH_UNITS[number]
    if number < 20:
        return "dix-" + _FRENCH_UNITS[number - 10]
    if number >= 80:
        rest = number - 80
        return "quatre-vingts" if rest == 0 else "quatre-vingt-" + _french(rest)
    tens, rest = divmod(number, 10)
    if tens == 7:
        tens, rest = 6, rest + 10
    if rest == 0:
        return _FRENCH_TENS[tens]
    return _FRENCH_TENS[tens] + (" et " if rest in (1, 11) else "-") + _french(rest)


@settings(max_examples=examples(100), deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_a_french_year_in_words_reads_back(day: date) -> None:
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
    thousands = "mil neuf cent" if day.year < 2000 else "deux mille"
    year = f"{thousands} {_french(day.year % 100)}".strip()
    text = f"La cour a statué le {day.day} {months[day.month - 1]} {year}."
    assert only(text, "fr").date == day.isoformat()


def test_a_french_date_all_in_words() -> None:
    text = "Il a été interpellé le dix janvier mil neuf cent quatre-vingt-neuf."
    assert only(text, "fr").date == "1989-01-10"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("LYON, 10 March 2021 \u2014 He was arrested last summer.", "en", "2020-22"),
        ("LYON, 10 March 2021 \u2014 He was charged last winter.", "en", "2020-24"),
        ("LYON, 10 January 2021 \u2014 He was charged last winter.", "en", "2019-24"),
        ("Lyon, le 10 mars 2021 \u2014 Il a été interpellé l'été dernier.", "fr", "2020-22"),
    ],
)
def test_last_season_is_the_latest_such_season_over_by_the_dateline(
    text: str, lang: str, want: str
) -> None:
    assert only(text, lang).date == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("LYON, 10 March 2021 \u2014 He was arrested two years ago.", "en", ["2019~"]),
        ("LYON, 10 March 2021 \u2014 He was charged three weeks ago.", "en", ["2021-02-17~"]),
        ("Lyon, le 10 mars 2021 \u2014 Il a été interpellé il y a deux ans.", "fr", ["2019~"]),
        ("He was arrested two years ago.", "en", []),  # no dateline to count back from
    ],
)
def test_ago_counts_back_from_the_dateline(text: str, lang: str, want: list[str]) -> None:
    assert dates(text, lang) == want


def test_a_listings_headline_in_sentence_case_is_no_second_event() -> None:
    text = (
        "Thursday, June 29, 2006\n\nFormer senator convicted on cocaine charges (06-410)\n\n"
        "Ann Lee, a former senator, was convicted of importing cocaine.  (Read more)\n\n"
        "Paul Brun was sentenced to five years in prison.  (Read more)\n"
    )
    assert [(c.date, c.kind) for c in extract(text).candidates] == [
        ("2006-06-29", "conviction"),
        ("2006-06-29", "sentencing"),
    ]


@pytest.mark.parametrize(
    "heading", ["May 2006", "Press Releases for May 2006", "News archive: May 2006"]
)
def test_a_listings_month_heading_is_no_event(heading: str) -> None:
    text = f"{heading}\n\nWednesday, May 31, 2006\n\nA jury convicted Ann Lee today.  (Read more)\n"
    assert dates(text) == ["2006-05-31"]


@pytest.mark.parametrize(
    "text",
    [
        "Officers gathered at the Memorial on May 12, 2014 and paid tribute to fallen colleagues.",
        "May 12, 2014 \u2013 The agency honors fallen officers\n\nThe agency honored them.",
        "Une cérémonie d'hommage a eu lieu le 12 mai 2014.",
    ],
)
def test_a_ceremony_is_no_step_of_a_case(text: str) -> None:
    assert dates(text, "fr" if "cérémonie" in text else "en") == []


def test_an_event_on_the_day_of_a_ceremony_still_counts() -> None:
    assert dates("He was arrested at the memorial on May 12, 2014.") == ["2014-05-12"]


@pytest.mark.parametrize(
    "text",
    [
        "FOR IMMEDIATE RELEASE\nWednesday, February 12, 2014\n\nBronx Man Sentenced\n\n"
        "NEW YORK, Feb. 12, 2014 \u2014 John Doe was sentenced yesterday to 96 months.",
        "FOR IMMEDIATE RELEASE\n\nBronx Man Sentenced\n\n"
        "NEW YORK, Feb. 12, 2014 \u2014 John Doe was sentenced yesterday to 96 months.",
        "Tuesday, March 4, 2014\nTwo Men Sentenced for Fraud\n"
        "BOSTON, March 4, 2014 - John Doe was sentenced yesterday to 96 months.",
        "Lyon Man Sentenced\n\nPARIS, Feb. 12, 2014 (AFP) \u2014 John Doe was sentenced "
        "yesterday to 96 months.",
    ],
)
def test_a_dateline_under_the_headline_dates_the_release_and_is_no_event(text: str) -> None:
    assert dates(text) == ["2014-02-11" if "Feb" in text else "2014-03-03"]


def test_a_place_and_date_after_a_sentence_are_no_dateline() -> None:
    text = "He was arrested.\nNEW YORK, Feb. 12, 2014 \u2014 John Doe was sentenced to 96 months."
    assert dates(text) == ["2014-02-12"]


# --------------------------------------------------------------------------- laws, rights, issues


@pytest.mark.parametrize(
    "text",
    [
        "Vu la loi n 87-1127 du 31 décembre 1987 ;",  # "n°" lost in the copy
        "Vu la loi no 91-647 du 10 juillet 1991 relative à l'aide juridique ;",
        "Vu la Convention de La Haye du 15 novembre 1965 ;",
        "Le mémoire a été transmis selon la convention de New York du 10 juin 1958.",
        "Vu la loi organique du 1er août 2001 relative aux lois de finances ;",
        "Vu le décret n° 2020-1310 du 29 octobre 2020 ;",
        "Il est placé à l'isolement (article 7 du règlement grand-ducal modifié du 9 juin 1987).",
        "Il a déposé une demande sur le fondement de la loi modifiée du 3 avril 1996.",
        "Il conteste la décision 2011/72/PESC du Conseil, du 31 janvier 2011, qui le vise.",
    ],
)
def test_a_law_or_treaty_named_by_its_place_number_or_kind_is_no_event(text: str) -> None:
    assert dates(text, "fr") == []


def test_the_year_a_docket_number_ends_in_is_no_event() -> None:
    assert dates("Appellant : No. 77 WDA 2020 Appeal from the Order of the court.") == []
    assert dates("Commonwealth v. Roe, Nos. 12 EDA 2019 appeal, was argued in 2020.") == ["2020"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il demande la révision de ses droits à pension à compter du 1er octobre 1972.", "fr"),
        ("Elle a droit à une indemnité, avec intérêts à compter du 3 mars 2001.", "fr"),
        ("His benefits were restored with effect from 1 January 2004.", "en"),
        ("Il sera privé de sa prime avec effet au 1er juillet 1999.", "fr"),
        ("The rate applies effective as of March 1, 2019.", "en"),
    ],
)
def test_the_day_a_right_starts_to_run_is_no_event(text: str, lang: str) -> None:
    assert dates(text, lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "Numéro 2 - Février 2021\n\n2e Civ., 4 février 2021, n° 20-10.685",
        "Bulletin n° 4, avril 2021\n\n2e Civ., 4 février 2021, n° 20-10.685",
        "Issue 3 - March 2021\n\n2e Civ., 4 février 2021, n° 20-10.685",
    ],
)
def test_a_law_reports_issue_is_no_event(text: str) -> None:
    assert dates(text, "fr") == ["2021-02-04"]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("La Caisse a créé en mai 1988 la société Icauna.", "fr", ["1988-05"]),
        ("M. X avait fondé en 2004 une association.", "fr", ["2004"]),
        ("La société, créée en 1988, a été condamnée le 3 mai 2010.", "fr", ["2010-05-03"]),
        ("The bank, founded in 1990, was charged on May 3, 2010.", "en", ["2010-05-03"]),
    ],
)
def test_founding_a_body_is_an_act_but_a_body_founded_is_no_event(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


# --------------------------------------------------------------------------- two-figure years


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("SA CET, assignée le 06/06/17 à la requête de l'appelante.", "fr", ["2017-06-06"]),
        ("Le jugement du 12.03.87 a été signifié.", "fr", ["1987-03-12"]),
        ("He was served on 6/6/17 and answered on 6/20/17.", "en", ["2017-06-06", "2017-06-20"]),
        ("N° RG 17/04258 - N° 19/135", "fr", []),  # docket numbers
        ("The ratio fell to 3/4/17 of its value.", "en", []),
    ],
)
def test_a_date_with_a_two_figure_year_after_a_dating_word(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@settings(max_examples=examples(100), deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)))
def test_a_two_figure_year_reads_back_within_a_century(day: date) -> None:
    assert dates(f"Elle a été assignée le {day:%d/%m/%y}.", "fr") == [day.isoformat()]
    if day.day > 12:
        assert dates(f"He was served on {day.month}/{day.day}/{day:%y}.") == [day.isoformat()]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("The offense occurred on or about the 30th day of July A.D. 1966.", "en", ["1966-07-30"]),
        ("It was filed on the 3d day of March, A. D. 1921.", "en", ["1921-03-03"]),
        ("He was indicted on July 30, A.D. 1966.", "en", ["1966-07-30"]),
        ("Les faits ont été commis courant 2004.", "fr", ["2004"]),
        ("Il a été interpellé au cours de l'année 2011.", "fr", ["2011"]),
        ("Les vols ont eu lieu pendant l'année 2009.", "fr", ["2009"]),
    ],
)
def test_old_and_french_ways_of_giving_a_year(text: str, lang: str, want: list[str]) -> None:
    assert dates(text, lang) == want


# --------------------------------------------------------------------------- bylines, leads


@pytest.mark.parametrize(
    "head",
    [
        "Admin | May 3, 2022\n",
        "By Jane Roe | May 3, 2022\n",
        "Posted by Admin on May 3, 2022\n\n",
        "Posted on May 3, 2022 by Jane Roe\n\n",
        "Published: May 3, 2022\n\n",
    ],
)
def test_a_pages_byline_dates_the_story_and_is_no_event(head: str) -> None:
    extraction = extract(head + "Police arrested two men on Monday.")
    assert extraction.published == "2022-05-03"
    assert [c.date for c in extraction.candidates] == ["2022-05-02"]


@pytest.mark.parametrize(
    "dateline",
    ["(Miami \u2013 May 3, 2022)", "Miami, May 3, 2022", "Miami \u2013 May 3, 2022",
     "Miami (May 3, 2022)"],
)  # fmt: skip
def test_a_releases_dateline_under_its_byline_dates_its_lead(dateline: str) -> None:
    text = (
        "FOR IMMEDIATE RELEASE: Clerk Arrested in Fraud Scheme\nAdmin | May 10, 2022\n"
        f"Clerk Arrested in Fraud Scheme\n{dateline}\n\u2013 State Attorney Jane Roe announces "
        "the arrest of 27-year-old John Doe.\nDoe is being charged with fraud. He is accused "
        "of selling titles to stolen cars from the agency where he worked as a clerk."
    )
    extraction = extract(text)
    assert extraction.published == "2022-05-03"
    assert [(c.date, c.kind) for c in extraction.candidates] == [("2022-05-03", "arrest")]


@pytest.mark.parametrize(
    ("lead", "lang", "want"),
    [
        ("State Attorney Jane Roe announces the arrest of John Doe.", "en", ["2022-05-03"]),
        ("Jane Roe and Chief Ann Lee announce the charging of two men.", "en", ["2022-05-03"]),
        ("Le parquet annonce l'interpellation de deux hommes.", "fr", ["2022-05-03"]),
        ("Jane Roe announced in March the arrest of John Doe.", "en", ["2022-03"]),
        ("DOJ and DHS Announce 30 Convictions.", "en", []),  # a headline's tally
        ("Jane Roe announces 30 convictions this year.", "en", []),
    ],
)
def test_an_arrest_announced_in_the_present_is_on_the_releases_day(
    lead: str, lang: str, want: list[str]
) -> None:
    assert dates(f"MIAMI, May 3, 2022 \u2014 {lead}", lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("MIAMI, May 3, 2022 \u2014 The motion is set for tomorrow before Judge Lee.", "en",
         ["2022-05-04"]),
        ("Lyon, le 3 mai 2022 \u2014 Il sera jugé demain matin.", "fr", ["2022-05-04"]),
        ("The motion is set for tomorrow.", "en", []),  # no dateline: no day
        ("MIAMI, May 3, 2022 \u2014 Update Today on the Status of the Charges", "en", []),
    ],
)  # fmt: skip
def test_tomorrow_is_the_day_after_the_dateline(text: str, lang: str, want: list[str]) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("In late August 2024, the office was told of the scheme. Earlier in August, he had "
         "appeared in court.", ["2024-08", "2024-08"]),
        ("On 20 March 2019 he was arrested. Later in March, he was charged.",
         ["2019-03-20", "2019-03"]),
        ("On 20 March 2019 he was arrested. In May, he was charged.", ["2019-03-20", "2019-05?"]),
    ],
)  # fmt: skip
def test_a_month_told_again_without_its_year_is_the_one_just_told(
    text: str, want: list[str]
) -> None:
    assert dates(text) == want


# --------------------------------------------------------------------------- days to come


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Sentencing is set for Sept. 12.", "en", ["2022-09-12"]),
        ("He is scheduled to be sentenced on September 12.", "en", ["2022-09-12"]),
        ("He faces trial on Feb. 3.", "en", ["2023-02-03"]),
        ("Il sera jugé le 12 septembre.", "fr", ["2022-09-12"]),
        ("L'audience est fixée au 3 février.", "fr", ["2023-02-03"]),
        ("He was sentenced on May 12.", "en", ["2022-05-12"]),
        ("He was arrested on Sept. 12.", "en", ["2021-09-12"]),  # news looks back
        ("The hearing had been scheduled for Sept. 12.", "en", ["2021-09-12"]),
    ],
)
def test_a_day_told_as_still_to_come_is_on_or_after_the_dateline(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(f"PARIS, June 10, 2022 \u2014 {text}", lang) == want


@settings(max_examples=examples(100), deadline=None)
@given(_ANY_DAY, st.dates(min_value=date(2001, 1, 1), max_value=date(2001, 12, 31)))
def test_a_day_set_ahead_falls_within_the_year_after_the_dateline(
    published: date, day: date
) -> None:
    if (day.month, day.day) == (2, 29):
        return
    text = f"PARIS, {published:%B} {published.day}, {published.year} \u2014 "
    text += f"Sentencing is set for {day:%B} {day.day}."
    (got,) = dates(text)
    assert published <= date.fromisoformat(got) < published + timedelta(days=366)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The court ordered the sentence executed on June 29, 1976. He raises two issues: "
         "(1) Whether the court erred in ordering it on June 29, 1976?", ["1976-06-29"]),
        ("Was he arrested on May 3, 2010? The record does not say.", ["2010-05-03"]),
    ],
)  # fmt: skip
def test_a_question_about_a_day_told_already_is_no_second_event(text: str, want: list[str]) -> None:
    assert dates(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("On June 15, 2021, he drove the car to the base where the soldiers worked.",
         ["2021-06-15"]),
        ("On June 15, 2021, he parked it in front of the place where U.S. and Colombian "
         "military personnel worked.", ["2021-06-15"]),  # a relative clause's long subject
        ("On 3 May 2010, she went to the shop which her brother owned.", ["2010-05-03"]),
        ("Le 3 mai 2010, il s'est rendu au bureau où travaillait sa femme.", ["2010-05-03"]),
        ("In 2010, he worked at the bank.", []),  # the sentence's own state
        ("In 2010, the firm owned the mine.", []),
    ],
)  # fmt: skip
def test_a_state_told_in_a_relative_clause_leaves_the_event_dated(
    text: str, want: list[str]
) -> None:
    assert dates(text, "fr" if " le " in text.lower() else "en") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("M. X a fait l'objet par arrêté du 13 décembre 1963 d'un déplacement d'office.",
         ["1963-12-13"]),
        ("Par arrêté du 3 mai 2010, le préfet a ordonné sa reconduite à la frontière.",
         ["2010-05-03"]),
        ("Par un décret du 3 mai 2010, M. X a été nommé préfet.", ["2010-05-03"]),
        ("Vu l'arrêté du 3 mai 2010 relatif aux conditions de détention ;", []),
        ("Vu le décret du 3 mai 2010 ;", []),
    ],
)  # fmt: skip
def test_an_arrete_applied_to_someone_is_an_act_one_cited_is_a_rule(
    text: str, want: list[str]
) -> None:
    assert dates(text, "fr") == want


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il soutient qu'il aurait dû être nommé, au 1er février 1964, directeur d'école.", "fr"),
        ("Ils auraient dû être libérés le 3 mai 2010.", "fr"),
        ("He argues that he should have been released on 3 May 2010.", "en"),
        ("The notice ought to have been served by June 1, 2011.", "en"),
    ],
)
def test_what_should_have_happened_is_no_event(text: str, lang: str) -> None:
    assert dates(text, lang) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Doe appealed the judgment in a decision reported at Ind. App., 329 N.E.2d 612 (filed "
         "June 17, 1975). He petitioned for rehearing on July 7, 1975.",
         [("1975-06-17", "ruling"), ("1975-07-07", None)]),
        ("This court affirmed his conviction in an opinion reported at 410 F.2d 12 (5th Cir. "
         "Mar. 3, 1969).", [("1969-03-03", "ruling")]),
        ("He relies on Smith v. Jones, 410 F.2d 12 (5th Cir. Mar. 3, 1969).", []),
    ],
)  # fmt: skip
def test_the_cases_own_decision_reported_at_a_citation_is_a_ruling(
    text: str, want: list[tuple[str, str | None]]
) -> None:
    got = [(c.date, c.kind) for c in extract(text).candidates]
    assert [day for day, _ in got] == [day for day, _ in want]
    assert all(kind in (None, got_kind) for (_, kind), (_, got_kind) in zip(want, got, strict=True))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("He was arrested on April 2, 2022. Accessed May 3, 2022.", "en"),
        ("He was arrested on April 2, 2022. Retrieved on May 3, 2022.", "en"),
        ("Printed on May 3, 2022. He was arrested on April 2, 2022.", "en"),
        ("Il a été interpellé le 2 avril 2022. Page consultée le 3 mai 2022.", "fr"),
        ("He was arrested on April 2, 2022. As of May 3, 2022, no charges had been filed.", "en"),
    ],
)
def test_a_pages_copy_and_a_state_at_a_day_are_no_events(text: str, lang: str) -> None:
    assert dates(text, lang) == ["2022-04-02"]


@pytest.mark.parametrize(
    "text",
    [
        "The conspiracy began no later than January 2015 and continued through May 2018.",
        "Beginning in or about January 2015 and continuing through May 2018, he lied.",
        "Starting as early as March 2016 and continuing to June 2017, he sold fake pills.",
        "From at least 2015 through 2018, he defrauded investors.",
    ],
)
def test_the_hedged_period_of_the_conduct_charged_is_no_event(text: str) -> None:
    assert dates(text) == []


def test_a_byline_after_the_story_starts_is_no_dateline() -> None:
    text = "He was arrested on April 2, 2022, police said.\nUpdated May 4, 2022\n"
    assert extract(text).published is None
    assert dates(text) == ["2022-04-02"]


def test_a_signatures_date_closing_an_order_is_no_dateline() -> None:
    text = "The motion is granted.\n\nIT IS SO ORDERED.\n\nDated: May 3, 2022\nJohn Roe, Judge"
    assert extract(text).published is None
    assert dates(text) == ["2022-05-03"]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("On 5 May 2010 the District Court ordered his detention. On 20 May 2010 the City Court "
         "upheld the detention order of 5 May 2010.", "en", ["2010-05-05", "2010-05-20"]),
        ("Le 5 mai 2010, le juge l'a placé en détention. Le 20 mai 2010, la cour a confirmé "
         "l'ordonnance du 5 mai 2010.", "fr", ["2010-05-05", "2010-05-20"]),
        ("On 15 June 2011 he was convicted. On 30 September 2011 the court upheld the judgment "
         "of 15 June 2011.", "en", ["2011-06-15", "2011-09-30"]),
    ],
)  # fmt: skip
def test_a_decision_named_by_a_day_told_already_is_no_second_event(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("story", "want"),
    [
        # a report tells its story forward up to its own day
        ("Doe was arrested on Oct. 12, 2021. Judge Roe sentenced him on June 7.",
         ["2021-10-12", "2022-06-07"]),
        ("Doe was arrested on Oct. 12, 2021.\n\nHe pleaded guilty on March 3.",
         ["2021-10-12", "2022-03-03"]),
        # the year of the date just told, when the day follows it
        ("Doe was arrested on March 3, 2019. On March 5 he was charged.",
         ["2019-03-03", "2019-03-05"]),
        # a flashback in the pluperfect stays in that year
        ("Doe was arrested on March 5, 2019. He had been charged on March 1.",
         ["2019-03-05", "2019-03-01"]),
    ],
)  # fmt: skip
def test_a_day_without_its_year_in_a_dated_report(story: str, want: list[str]) -> None:
    assert dates(f"MIAMI, June 10, 2022 \u2014 {story}") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ann Flade sued the city. The Court of Appeals affirmed. Flade v. City of Shelbyville, "
         "No. M2022-00553-COA-R3-CV, 2023 WL 2200729, at 1 (Tenn. Ct. App. Feb. 24, 2023).",
         ["2023-02-24"]),
        ("The Court of Appeals of Arizona heard Doe's appeal. It applied Miranda v. Arizona, "
         "2001 WL 1234567 (Ariz. Ct. App. Feb. 24, 2001).", []),
        ("Ann Smith sued. The court applied Smith v. Jones, 2001 WL 1234567 (Tenn. Ct. App. "
         "Feb. 24, 2001).", []),
    ],
)  # fmt: skip
def test_a_citation_of_the_case_against_a_government_names_its_private_side(
    text: str, want: list[str]
) -> None:
    pytest.importorskip("eyecite")
    assert dates(text) == want


def test_a_citation_whose_name_runs_back_over_the_one_before_is_no_own_case() -> None:
    pytest.importorskip("eyecite")
    text = (
        "Notice of appeal was late and the appeal will be dismissed. See Roe v. State, 450"
        " S.W.2d 645 (Tex.Cr.App.1970); Poe v. State, 445 S.W.2d 743 (Tex.Cr.App.1969), and Hill"
        " v. State, 434 S.W.2d 133 (Tex.Cr.App.1968). The Tex.Cr.App. rule governs."
    )
    assert dates(text) == []


def test_a_citation_of_the_cases_own_decision_with_only_its_year_dates_it() -> None:
    pytest.importorskip("eyecite")
    text = (
        "This case is before us again. See Quell v. State, 790 N.W.2d 1 (Minn. 2010)."
        " In 2009, Mara Quell was convicted of arson. We affirmed. State v. Quell, 801 N.W.2d 12"
        " (Minn. 2012). In 2013, Quell filed a petition; we affirmed its denial. Quell v. State,"
        " 870 N.W.2d 14 (Minn. 2015), cert. denied, 136 S. Ct. 1400 (2016). In June 2018, the"
        " Court of Appeals reversed. Quell v. State, 910 N.W.2d 3 (Minn. App. 2018). The court"
        " relied on State v. Brand, 93 N.M. 335, 600 P.2d 281 (1979). Compare State v. Brand,"
        " supra."
    )
    got = [(c.date, c.kind) for c in extract(text).candidates]
    assert got == [
        ("2009", "conviction"),
        ("2012", "ruling"),
        ("2013", "filing"),
        ("2015", "ruling"),
        ("2016", "order"),
        ("2018-06", "ruling"),
    ]


_FACTS = "The applicant complained that his detention had been unlawful and too long. " * 10


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The relevant law is set out in the judgment of 3 May 2005 in Smith v. Russia.", "en"),
        ("See the Court's judgment of 3 May 2005 in the case of Ivanov v. Ukraine, § 45.", "en"),
        ("Vu la décision du Conseil constitutionnel n° 2019-778 DC du 3 mai 2005.", "fr"),
        (
            "Le droit est exposé dans l'arrêt du 3 mai 2005 dans l'affaire Smith c. Russie.",
            "fr",
        ),
    ],
)
def test_a_judgment_named_by_its_date_and_another_case_is_a_source(text: str, lang: str) -> None:
    assert dates(_FACTS + text, lang) == []


def test_a_ministerial_arrete_cited_is_a_rule() -> None:
    assert dates("Vu l'arrêté interministériel du 9 septembre 2002 ;", "fr") == []


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("He will be arraigned on Monday.", "en", ["2022-06-13"]),
        ("He was arraigned on Monday.", "en", ["2022-06-06"]),
        ("His trial is expected in February.", "en", ["2023-02"]),
        ("His trial is scheduled to begin in August.", "en", ["2022-08"]),
        ("Il a été interpellé dans la nuit de mardi à mercredi.", "fr", ["2022-06-07"]),
        ("He was arrested in the night from Tuesday to Wednesday.", "en", ["2022-06-07"]),
    ],
)
def test_weekdays_and_months_to_come_and_nights_across_two_days(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(f"PARIS, Friday, June 10, 2022 \u2014 {text}", lang) == want


def test_a_constitutional_decisions_own_head_is_its_date() -> None:
    text = "Décision n° 2022-1000 QPC du 3 mai 2022\n\nLe Conseil a été saisi le 5 février 2022."
    assert dates(text, "fr") == ["2022-05-03", "2022-02-05"]


def test_the_day_an_opinion_was_released_for_publication_is_no_event() -> None:
    text = "SMITH v. JONES\nDecided May 3, 2022\nReleased for Publication June 10, 2022\n\nOK."
    assert dates(text) == ["2022-05-03"]


def test_a_visa_citing_a_constitutional_decision_is_no_event_even_in_the_head() -> None:
    assert dates("Vu la décision n° 2019-778 DC du 21 mars 2019 ;", "fr") == []


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("She was authorized to remain in that status until March 26, 1965.", "en", []),
        ("The victim had been living with her since August 2023.", "en", []),
        ("Il entretenait une relation avec elle depuis 2004.", "fr", []),
        ("Depuis le 15 septembre 2008, elle fut affectée au lycée.", "fr", []),
        ("Nothing was done until January 11, 1971, when he was notified.", "en", ["1971-01-11"]),
        ("He has been held in custody since May 3, 2021.", "en", ["2021-05-03"]),
    ],
)
def test_where_a_state_starts_or_ends_is_no_event(text: str, lang: str, want: list[str]) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Vu le règlement (UE) n° 604/2013 du Parlement européen et du Conseil du 26 juin 2013",
            "fr",
        ),
        (
            "Vu la directive n° 2013/32/UE du Parlement européen et du Conseil du 26 juin 2013 ;",
            "fr",
        ),
        ("Vu l'article 89 de la Constitution du 4 octobre 1958 ;", "fr"),
        ("Elle conteste la communication publiée au Journal Officiel du 14/11/1948.", "fr"),
        ("Il a dissous l'association Savoie Libre déclarée le 21 août 2014 en préfecture.", "fr"),
        ("Title IX has been vital since its enactment in 1972, the Attorney General said.", "en"),
        ("John Doe, as trustee of the Doe Revocable Trust dated May 2, 2000, appeals.", "en"),
        ("Trading was suspended, terminating at 11:59 p.m. EDT on Sept. 30, 2008.", "en"),
        ("Tax Court opinion; publication date September 28, 2022.", "en"),
    ],
)
def test_dates_of_acts_gazettes_trusts_and_a_periods_end_are_no_events(
    text: str, lang: str
) -> None:
    assert dates(text, lang) == []


def test_a_listings_post_date_before_its_topic_dates_its_item_and_is_no_event() -> None:
    text = (
        "News Releases\n\nMay 31, 2023\n|Enforcement and Removal\nERO Philadelphia removed "
        "John Doe to Honduras on a charter flight May 26.\nMay 30, 2023\n|Enforcement and "
        "Removal\nThe United States removes foreign nationals who lack a lawful basis to stay."
    )
    assert dates(text) == ["2023-05-26"]


def test_a_releases_dateline_a_few_lines_under_its_byline_dates_its_lead() -> None:
    text = (
        "FOR IMMEDIATE RELEASE: Two Charged - Office of the State Attorney\nNews\nPress Release\n"
        "FOR IMMEDIATE RELEASE: Two Charged\nAdmin | June 10, 2024\nClick Here for the PDF\n"
        "for immediate release\nTwo Charged in Neglect of a Woman\n(Miami \u2013 July 7, 2024)\n"
        "State Attorney Jane Roe announces the arrests of John Doe and Ann Doe for the neglect "
        "of an 87-year-old woman. Both are charged with neglect and exploitation of an elderly "
        "person, and both are held at the county jail pending their first appearance."
    )
    assert (extract(text).published, dates(text)) == ("2024-07-07", ["2024-07-07"])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("On April 24 and 25, 2024, he shot three men.", ["2024-04-24", "2024-04-25"]),
        (
            "He was questioned on March 3, 5 and 9, 2021.",
            ["2021-03-03", "2021-03-05", "2021-03-09"],
        ),
        ("He was arrested on May 3 and charged on May 5, 2021.", ["2021-05-03", "2021-05-05"]),
    ],
)
def test_days_of_a_month_listed_month_first_take_the_year_after_the_last(
    text: str, want: list[str]
) -> None:
    assert dates(text) == want


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On 24 September 1996 the General Amnesty Act was enacted.", "en"),
        ("On 1 March 2010 the new Code of Criminal Procedure came into force.", "en"),
        ("Le 1er mars 2010, la loi nouvelle est entrée en vigueur.", "fr"),
    ],
)
def test_a_law_made_or_in_force_told_after_its_date_is_no_event(text: str, lang: str) -> None:
    assert dates(text, lang) == []


def test_a_decision_of_a_day_told_alone_in_its_sentence_is_another_event() -> None:
    text = (
        "Aux termes de ses réquisitions en date du 29 novembre 2021, le parquet a requis la "
        "confirmation du jugement. L'ordonnance de clôture est en date du 29 novembre 2021."
    )
    assert dates(text, "fr") == ["2021-11-29", "2021-11-29"]


def test_every_month_name_extract_reads_means_the_same_month_to_add() -> None:
    """extract keeps a narrower table than `add` (see _MONTH_FORMS): a subset, never a rival."""
    from casetrack.dates import parse_date
    from casetrack.extract.dates import _MONTH_FORMS, month_number

    for number, forms in _MONTH_FORMS.items():
        for form in forms:
            assert month_number(form.capitalize()) == number, form
            assert parse_date(f"{form} 2003").text == f"2003-{number:02d}", form


@pytest.mark.parametrize(
    "text",
    [
        "Il interdit le stationnement sur la commune du mardi 9 juin au 20 juin 2020.",
        "Vu les comptes rendus de M. Z du 1\ner\njanvier 2010 au 31 août 2014 ;",
        "Vu le compte rendu par M. Z, du 1 er janvier au 31 décembre 2012 ;",
        "Publié le jeudi 3 mars 2011 | http://example.org/page/",
        "Il est reproché l'insoumission (art. 292 CP [dans sa teneur au 1er juin 2019]).",
        "au sens du règlement n° 123/2010 du Parlement européen et du Conseil du 5 mai 2010, il",
        "She was not disabled by the end of her minimum qualifying period on December 31, 2009.",
        "His contributory period (CP), which ended on December 31, 2011, was too short.",
    ],
)
def test_periods_publication_lines_and_versions_of_laws_are_no_events(text: str) -> None:
    assert dates(text, "en" if text.isascii() else "fr") == []


def test_a_french_visa_of_a_legal_text_gives_no_date_but_a_visa_of_a_step_does() -> None:
    text = (
        "Vu la requête enregistrée le 3 mai 2019 ;\n"
        "Vu la loi n° 2001-692 du 1er août 2001 ;\n"
        "Vu l'article 60 de la loi de finances n° 63\n-156 du 23 février 1963 ;\n"
        "Vu les arrêtés du 8 mars 2004 et du 9 avril 2005 relatifs au contrôle financier ;\n"
        "Vu le code rural, ainsi que les textes applicables aux chambres, notamment "
        "l'instruction M9 du 2 mai 2003 et l'instruction M8 du 4 juin 2010 ;\n"
        "Vu l'ordonnance du 6 juin 2019 par laquelle le président a clos l'instruction ;"
    )
    assert dates(text, "fr") == ["2019-05-03", "2019-06-06"]


def test_a_date_a_pdf_ran_into_the_words_around_it_is_found() -> None:
    text = (
        "Case 12-CA-3456March 3, 1975DECISION AND ORDER\n"
        "The Director issued a complaint datedMay 19, 1974, against Respondent."
    )
    assert dates(text) == ["1975-03-03", "1974-05-19"]


def test_a_compact_date_after_a_date_label_is_found() -> None:
    assert dates("Reasons for Judgment\n\nDate: 20010811\n\nDocket: 97-1234") == ["2001-08-11"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Par une ordonnance n° 1805275 du 21 juin 2018, le juge a rejeté sa demande.",
            "2018-06-21",
        ),
        ("La juge des référés suspend l'arrêté du 9 octobre 2023.", "2023-10-09"),
    ],
)
def test_a_courts_numbered_order_and_an_arrete_under_review_are_dated_events(
    text: str, want: str
) -> None:
    assert dates(text, "fr") == [want]


def test_a_course_of_conduct_begun_in_a_year_is_no_event() -> None:
    text = (
        "According to the plea, beginning in 2009, Doe sold pills online. In 2013, the FDA "
        "began to investigate Doe."
    )
    assert dates(text) == ["2013"]


def test_days_of_a_month_listed_before_a_later_months_take_its_year() -> None:
    text = "Date and Place of Hearing: November 4, 2018, January 7, 9 & February 12, 2019"
    assert dates(text) == ["2018-11-04", "2019-01-07", "2019-01-09", "2019-02-12"]
    # a later month earlier in the year is another year: left as it was read
    assert "2019-12-07" not in dates("Heard: December 7 and March 12, 2019")


@pytest.mark.parametrize(
    "text",
    [
        # a gazette's record of a law: its promulgation and publication
        "Loi relative au statut prom. 17/05/2006 pub. 15/06/2006 numac 2006009456 source justice",
        "numac\n2018201866\npub.\n02/05/2018\nprom.\n--\nmoniteur",
        # laws named with their kind or their coordination
        "Vu la loi spéciale du 6 janvier 1989 sur la Cour constitutionnelle.",
        "Vu la loi générale sur les douanes et accises, coordonnée le 18 juillet 1977.",
    ],
)
def test_a_gazettes_record_and_a_coordinated_or_special_law_are_no_events(text: str) -> None:
    assert dates(text, lang="fr") == []


def test_a_relative_day_announcing_its_full_date_is_one_date() -> None:
    """The full date decides, even where the relative day counted from the dateline differs
    (a release written the day before it was dated)."""
    text = (
        "RIVERSIDE, Nov. 28, 2016 - Sentencing for John Roe, convicted of robbery, is scheduled"
        " for tomorrow, Nov. 30, 2016, at the Hall of Justice."
    )
    assert [c.date for c in extract(text).candidates] == ["2016-11-30"]


def test_a_releases_date_heading_its_headline_dates_the_release() -> None:
    text = (
        "Judge Dismisses Charges Against Former Officer | County District Attorney's Office\n"
        "June 5, 2016: Judge Dismisses Charges Against Former Officer\nContact:\n"
        "Media Relations Division\nLOS ANGELES \u2013 A Superior Court judge"
        " dismissed the indictment"
        " today against John Roe. The court held that the grand jury heard no evidence of malice."
        " Prosecutors filed a notice of appeal yesterday.\n"
    )
    extraction = extract(text)
    assert extraction.published == "2016-06-05"
    assert [c.date for c in extraction.candidates] == ["2016-06-05", "2016-06-04"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A State's steps under a treaty, in a regional court's account of its jurisdiction.
        (
            "L'État défendeur est devenu partie à la Charte le 21 octobre 1986, et au Protocole"
            " le 10 février 2006. Il a par ailleurs déposé la déclaration prévue à l'article 34"
            " le 29 mars 2010.",
            "fr",
        ),
        (
            "The respondent State became a party to the Convention on 3 May 1990 and deposited"
            " its declaration under Article 34 on 4 June 2010.",
            "en",
        ),
        # An EU delegated act among the texts a decision cites; a page's modification stamp.
        ("Vu le règlement délégué (UE) 2017/565 de la Commission du 25 avril 2016 ;", "fr"),
        ("Docket Number: 2020-1\nModified Date: 10/23/2020\n", "en"),
    ],
)
def test_a_treaty_step_a_delegated_act_or_a_modified_stamp_is_no_event(
    text: str, lang: str
) -> None:
    assert dates(text, lang) == []


def test_a_case_filed_beside_a_states_treaty_step_is_still_filed() -> None:
    text = (
        "The State has ratified the Protocol on 4 June 1998."
        " The applicant filed his application with the Court on 3 May 2019."
    )
    assert dates(text) == ["2019-05-03"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A scanned report runs the year into an abbreviated month's stop.
        ("In United States v. Doe, CM 1 (A.C.M.R. 31 Mar.1983), the court affirmed.", "1983-03-31"),
        ("The court affirmed on 4 Sept.2001 and remanded.", "2001-09-04"),
    ],
)
def test_a_year_run_into_an_abbreviated_months_stop(text: str, want: str) -> None:
    assert dates(text) == [want]


def test_figures_read_month_first_in_a_text_that_words_its_dates_month_first() -> None:
    text = (
        "Recent settlements\n\n(11/05/2008) Acme Pipe Line Clean Water Act Settlement - Acme has"
        " agreed to pay a civil penalty to resolve a lawsuit over fuel spills.\n\n"
        "(10/01/2008) Foo Energy Clean Air Act Settlement - CHICAGO (Oct. 1, 2008) - The Agency"
        " announced an agreement with Foo Energy Co. on alleged violations.\n"
    )
    assert dates(text) == ["2008-11-05", "2008-10-01"]
    # a text that words a date day first leaves its ambiguous figures alone
    assert dates("On 3 May 2019 the court ruled. The order of 03/06/2019 was stayed.") == [
        "2019-05-03"
    ]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("From March 3 to March 11, 2015, Mr. Doe was tried before a jury.", "en", "2015-03-03"),
        ("Le procès se tiendra du 4 mai au 10 juillet 2020 devant la cour d'assises.", "fr",
         "2020-05-04"),
    ],
)  # fmt: skip
def test_a_trial_told_as_a_period_is_dated_by_its_first_day(
    text: str, lang: str, want: str
) -> None:
    assert only(text, lang).date == want


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2011 he pleaded guilty to assaults committed between February 1974 and late"
        " 1983.",
        "On 3 May 2011 he pleaded guilty to assaults committed between February 1974 and 1983.",
    ],
)
def test_a_period_from_a_month_to_a_year_is_no_event(text: str) -> None:
    assert dates(text) == ["2011-05-03"]


@pytest.mark.parametrize(
    "text",
    [
        "Le 2 mai 2024, le tribunal a posé une question sur l'article 5 du décret flamand du"
        " 24 février 2017 relatif à l'expropriation (publié au Moniteur belge du 25 avril 2017).",
        "Le 2 mai 2024, la Cour a déclaré le pourvoi déchu selon l'article 52 de la loi 61-013 du"
        " 19 juillet 1961.",
        "Le 2 mai 2024, la Cour a appliqué la loi fédérale du 3 octobre 2003.",
    ],
)
def test_a_law_named_by_its_legislature_number_or_gazette_is_no_event(text: str) -> None:
    assert dates(text, "fr") == ["2024-05-02"]


@pytest.mark.parametrize(
    ("days", "hearing", "decision"),
    [
        ("14, 15 March, 2, 3 April and 30 June 2021", "2021-03-14", "2021-06-30"),
        ("5, 7-9, 20 October 2020 and 12 February 2021", "2020-10-05", "2021-02-12"),
        ("3, 4 December and 18 January 2022", "2021-12-03", "2022-01-18"),
    ],
)
def test_the_days_a_court_sat_before_its_decisions_day_are_one_hearing(
    days: str, hearing: str, decision: str
) -> None:
    text = (
        "IN THE COURT OF APPEAL\n\nCRIMINAL APPEAL NO 12/2019\n\nJOHN DOE v R\n\n"
        f"Miss A Roe for the applicant\n\n{days}\n\n"
        "[1] The applicant was convicted of murder on 3 May 2019."
    )
    got = [(c.date, c.kind) for c in extract(text).candidates]
    assert got[0] == (hearing, "hearing")
    assert [d for d, _ in got] == [hearing, decision, "2019-05-03"]


def test_a_stores_date_line_opening_the_text_is_its_dateline() -> None:
    text = (
        " date 2023-02-21 Two accused have case put over until next month\n"
        "The two accused appeared before a judge Tuesday afternoon, and their next court date was"
        " set for March 21. The officer was shot on Dec. 27 and later died in hospital."
    )
    got = extract(text)
    assert got.published == "2023-02-21"
    # "Dec. 27", told as past, is the latest such day by the dateline, not one of the year of
    # "March 21" ahead
    assert [c.date for c in got.candidates] == ["2023-02-21", "2023-03-21", "2022-12-27"]


def test_a_pages_own_date_line_under_the_stores_of_that_day_is_no_event() -> None:
    text = (
        " date 2021-03-02 Man Charged After Fire\n"
        "Tuesday, 2 March 2021, 4:10 pm\n"
        "Press Release: Harbour Police\n"
        "A man has been charged after a fire on Sunday, 28\nFebruary. He will appear in court on"
        " 9 March."
    )
    got = extract(text)
    assert got.published == "2021-03-02"
    assert [c.date for c in got.candidates] == ["2021-02-28", "2021-03-09"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("WASHINGTON, Oct. 21, 2022 — The Department of Justice said Wednesday that Doe had been"
         " arrested with four others.", "en"),
        ("TOULOUSE, 24 mars 2004 (AP) — Le jeune homme a été condamné à une amende, a-t-on appris"
         " mercredi auprès de son avocat.", "fr"),
        ("LIMA, May 4, 2023 — \"The ruling is a disgrace,\" Roe told reporters yesterday.", "en"),
        ("LIMA, May 4, 2023 — The fine will be paid in full, Doe told AFP on Monday.", "en"),
        ("LIMA, 4 mai 2023 — La condamnation est une erreur, a déclaré lundi à l'AFP son avocat.",
         "fr"),
        ("LIMA, May 4, 2023 — His lawyer said on Monday that he had filed an appeal.", "en"),
        ("LIMA, 4 mai 2023 — Son avocat a déclaré lundi qu'il avait fait appel.", "fr"),
    ],
)  # fmt: skip
def test_the_day_a_speaker_spoke_is_no_event(text: str, lang: str) -> None:
    assert dates(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("LIMA, March 22, 2022 — He was arrested on March 3, 2021. A hearing is scheduled for"
         " May 9.", "en", ["2021-03-03", "2022-05-09"]),
        ("LIMA, March 22, 2022 — He was arrested on March 3, 2021. He will be sentenced on"
         " June 3.", "en", ["2021-03-03", "2022-06-03"]),
        ("LIMA, 22 mars 2022 — Il a été arrêté le 3 mars 2021. Il doit être jugé le 9 mai.", "fr",
         ["2021-03-03", "2022-05-09"]),
        ("LIMA, March 22, 2022 — He was arrested on March 3, 2021. A hearing is scheduled for"
         " March 1.", "en", ["2021-03-03", "2023-03-01"]),
    ],
)  # fmt: skip
def test_a_day_still_to_come_after_an_earlier_year_is_the_next_after_the_dateline(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("LIMA, June 2, 2022 — He was detained on March 3, 2021, and released on bail in"
         " mid-April.", "en", ["2021-03-03", "2021-04"]),
        ("LIMA, June 2, 2022 — He was arrested on 3 March 2021 and charged in late May.", "en",
         ["2021-03-03", "2021-05"]),
        ("LIMA, 2 juin 2022 — Il a été arrêté le 3 mars 2021 et libéré à la mi-avril.", "fr",
         ["2021-03-03", "2021-04"]),
        # told in the pluperfect, the month looks back: its year stays a guess
        ("LIMA, June 2, 2022 — He was arrested on March 3, 2021. He had been charged in"
         " November.", "en", ["2021-03-03", "2021-11?"]),
    ],
)  # fmt: skip
def test_a_month_without_a_year_after_a_day_of_its_sentence_goes_on_from_it(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("LIMA, June 2, 2022 — He was arrested on March 3, 2021. Prosecutors charged him two days"
         " after his arrest.", "en", ["2021-03-03", "2021-03-05~"]),
        ("LIMA, June 2, 2022 — She was convicted on 4 May 2021. She was sentenced a week after she"
         " was convicted.", "en", ["2021-05-04", "2021-05-11~"]),
        ("LIMA, 2 juin 2022 — Il a été arrêté le 3 mars 2021. Il a été mis en examen deux jours"
         " après son arrestation.", "fr", ["2021-03-03", "2021-03-05~"]),
        # an event the text has not dated dates no span
        ("LIMA, June 2, 2022 — He was charged on March 3, 2021. He was released two weeks after"
         " his arrest.", "en", ["2021-03-03"]),
    ],
)  # fmt: skip
def test_a_span_counted_from_a_dated_event_is_that_date_shifted(
    text: str, lang: str, want: list[str]
) -> None:
    assert dates(text, lang) == want


def test_a_year_run_into_the_comma_completes_its_date() -> None:
    text = "A motion for new trial was filed January 12,1982, and denied on May 18,1982."
    assert dates(text) == ["1982-01-12", "1982-05-18"]


def test_a_year_naming_a_thing_lends_no_year_to_a_day_told_after_it() -> None:
    text = (
        "HALIFAX, Jan. 5, 2021 — Two officers have been charged over a 2019 raid. The charges"
        " were laid on Dec. 28 in an inquiry into the 2019 search operation."
    )
    assert [c.date for c in extract(text).candidates] == ["2019", "2020-12-28"]


def test_a_year_of_a_law_reports_volume_dates_no_event() -> None:
    text = (
        "The High Court on 10 March 2022 allowed the appeal in a judgment cited in 2022 LiveLaw"
        " (AB) 252, following one reported in 2019 SCC OnLine SC 1234. In 2019 Judge Roe"
        " sentenced him to 5 years."
    )
    assert dates(text) == ["2022-03-10", "2019"]


def test_two_days_on_or_back_in_french_words() -> None:
    text = (
        "Arrêté le 7 septembre 2022, il a été remis en liberté le surlendemain. Jugé le 9 mai"
        " 2023, il avait été convoqué l'avant-veille."
    )
    assert dates(text, "fr") == ["2022-09-07", "2022-09-09", "2023-05-09", "2023-05-07"]


def test_a_pages_own_stamp_after_a_stores_month_line_is_its_dateline() -> None:
    text = (
        " date 2019-03 publié le 14/03/2019 à 08:15\n\n"
        "Il était détenu depuis le 2 février. Mercredi soir, il a été libéré."
    )
    got = extract(text, lang="fr")
    assert got.published == "2019-03-14"
    assert [c.date for c in got.candidates] == ["2019-02-02", "2019-03-13"]


def test_a_day_run_into_its_month_before_a_year_is_read() -> None:
    text = "The trial was adjourned till July11, 2017, and the plea was taken on Sept.4, 2017."
    assert dates(text) == ["2017-07-11", "2017-09-04"]
    assert dates("The May11 cohort was charged on 3 June 2017.") == ["2017-06-03"]


@pytest.mark.parametrize(
    "text",
    [
        "The trial was held on 3 March 1964, during the term which began September 7, 1964,"
        " and expired October 31, 1964.",
        "The judgment of 3 March 1964 became final during the term of court which expired"
        " October 31, 1964.",
    ],
)
def test_the_bounds_of_a_courts_term_are_no_event(text: str) -> None:
    assert dates(text) == ["1964-03-03"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the span of the conduct alleged, its bounds after "entre les"
        ("Le 3 mai 2024, le Tribunal a confirmé la détention. Il lui est reproché d'être entré en"
         " Suisse entre les 11 et 14 août 2023 pour y commettre des cambriolages.", "fr"),
        # a detention prolonged up to a day: a term set, no release
        ("Le 3 mai 2024, le Tribunal a confirmé la détention. La Chambre a autorisé la"
         " prolongation de la détention, la dernière fois jusqu'au 15 juin 2023.", "fr"),
        # a count of days run out
        ("On 3 May 2024 the court granted bail. After 90 days in custody, which expired on"
         " 21.02.2019, an application for default bail was made.", "en"),
        # a state held from a year on
        ("On 3 May 2024 the court granted bail. The applicant has been a Member of Parliament"
         " from 2011, and the Secretary-General of the Party from 2018.", "en"),
    ],
)  # fmt: skip
def test_bounds_of_a_span_a_term_or_a_state_are_no_event(text: str, lang: str) -> None:
    assert dates(text, lang) == ["2024-05-03"]


def test_a_releases_date_line_with_its_time_of_day_dates_the_release() -> None:
    text = (
        "News Centre\n\nOur latest media releases\n04 December 2022, 1:22pm\nMedia Release\n\n"
        "Man charged with terrorism offences\n\n"
        "A man, 31, has today been charged with six terrorism offences.\n\n"
        '"The man has been in police custody since he was deported last week," she said.\n'
    )
    got = extract(text)
    assert got.published == "2022-12-04"
    assert [c.date for c in got.candidates] == ["2022-12-04", "2022-11-27~"]


def test_a_flashback_in_the_pluperfect_takes_no_arrest_told_after_it() -> None:
    text = (
        "TOULOUSE, 24 mars 2004 (AP) - Le jeune homme a été condamné mardi à quatre mois avec"
        " sursis. La peine est conforme aux réquisitions du procureur qui avait demandé mardi"
        " quatre mois. Il devra aussi verser 300 euros à un policier, lors de son arrestation."
    )
    assert [(c.date, c.kind) for c in extract(text, lang="fr").candidates] == [
        ("2004-03-23", "conviction")
    ]


def test_a_field_label_run_into_its_day_still_gives_the_day() -> None:
    text = "JurisdictionJamaica JudgeRoe P Judgment Date22 January 2018 Neutral CitationJM 2018"
    assert [c.date for c in extract(text).candidates] == ["2018-01-22"]


def test_figures_with_dashes_or_after_on_the_read_as_dates_after_a_dating_word() -> None:
    text = (
        "He denied the statements recorded on the 13-11-2004 at the police station."
        " The Appellant filed his Brief on the 12/5/15, the reply on 18/5/16."
        " Suit No. 12-05-2004 was later joined."
    )
    assert dates(text) == ["2004-11-13", "2015-05-12", "2016-05-18"]


def test_a_french_head_says_its_days_in_words_after_a_weekday_or_with_a_hyphen() -> None:
    text = (
        "Cour Suprême\nChambre Judiciaire\nLa Cour, statuant en son audience publique ordinaire"
        " du mardi douze octobre deux mille sept, tenue au palais, a rendu l'arrêt suivant :\n"
        "Statuant sur le pourvoi formé le 3 juin 2006 contre l'arrêt n° 4 du 2-juin 2006 de la"
        " cour d'assises de Zinder qui l'a condamné."
    )
    got = [(c.date, c.kind) for c in extract(text, lang="fr").candidates]
    assert got[0] == ("2007-10-12", "ruling")
    assert [d for d, _ in got] == ["2007-10-12", "2006-06-03", "2006-06-02"]
    capitals = "A L'AUDIENCE PUBLIQUE ORDINAIRE DU MARDI DIX SEPT MARS DEUX MILLE NEUF\nENTRE :"
    assert [f.span and f.span.text for f in find_dates(capitals, "fr")] == ["2009-03-17"]
    assert find_dates("après les attentats du 13-Novembre 2015 à Paris", "fr") == []


def test_a_dashed_date_alone_on_its_line_heads_an_opinion() -> None:
    text = (
        "Opinion\nA21-0042\n03-18-2022\nCarver County District Court File No. 10-CR-19-88\n"
        "On May 2, 2019, appellant pleaded guilty. Case No.\n12-05-2004 was joined."
    )
    assert dates(text) == ["2022-03-18", "2019-05-02"]


def test_the_same_day_as_an_event_dated_to_its_month_is_in_that_month() -> None:
    text = (
        "Two men were found guilty of killing a guard outside a bank in March 2015."
        " Police said the men were arrested later on the same day."
    )
    assert [(c.date, c.kind) for c in extract(text).candidates][1] == ("2015-03", "arrest")
    other = (
        "The payments began in August 2024. Ten of them were made on the same day Roe was"
        " tested, a report said."
    )
    assert dates(other) == ["2024-08"]
    french = "En mai 2017, les deux hommes sont condamnés. Ce jour-là, deux coups retentissent."
    assert dates(french, "fr") == ["2017-05"]


def test_a_store_date_line_of_a_month_dates_the_days_told_without_a_year() -> None:
    text = (
        " date 2023-05 Au Mali, un militant détenu depuis le 27 avril a été remis en liberté"
        " mardi 16 mai, a indiqué son avocat. Son association avait été dissoute le 3 avril."
        " Le ministre avait été limogé le 2 juin 2019, au lendemain d'un remaniement."
    )
    got = [(c.date, c.kind) for c in extract(text, lang="fr").candidates]
    assert [d for d, _ in got][:3] == ["2023-04-27", "2023-05-16", "2023-04-03"]


def test_the_day_after_an_event_set_after_a_date_is_that_date() -> None:
    text = (
        "Le ministre avait été limogé le 2 juin 2019, au lendemain d'un remaniement."
        " Il a été arrêté le 5 juin 2019. Le lendemain, il a été inculpé."
    )
    assert dates(text, "fr") == ["2019-06-02", "2019-06-05", "2019-06-06"]


@pytest.mark.parametrize(
    "text",
    [
        " date 2021-07 Le procureur indique, ce mardi 27 juillet, que le suspect a été arrêté.",
        " date 2020-05 La première session de l'année aux Assises débute ce lundi 25 mai.",
    ],
)
def test_the_day_a_speaker_spoke_or_a_session_opens_is_no_event(text: str) -> None:
    assert dates(text, "fr") == []


@pytest.mark.parametrize(
    "laws",
    [
        "Législation citée : 17 avril 1835, Code judiciaire, Constitution.\n",
        "Législation citée\n\n17 avril 1835, Code judiciaire, Constitution\n\n",
    ],
)
def test_a_sites_list_of_laws_cited_dates_no_event(laws: str) -> None:
    text = "Arrêt n° 12/2019 du 7 mars 2019.\n" + laws + "Le tribunal a été saisi le 4 mai 2018."
    assert dates(text, "fr") == ["2019-03-07", "2018-05-04"]


def test_detention_until_part_of_a_month_is_a_release_then() -> None:
    text = (
        "Le 3 février 2021, elle a été placée en détention provisoire, où elle est restée"
        " jusqu'à la mi-avril 2021, date de sa libération sous caution."
    )
    got = [(c.date, c.kind) for c in extract(text, lang="fr").candidates]
    assert got == [("2021-02-03", "detention"), ("2021-04", "release")]


def test_a_judges_ordonnance_named_by_its_procedure_and_number_is_no_law() -> None:
    text = (
        "Au fond : annule l'ordonnance d'injonction de payer n° 12 du 4 mai 2007 ;"
        " Vu l'ordonnance n° 2004-164 du 20 février 2004 relative aux tribunaux."
    )
    assert dates(text, "fr") == ["2007-05-04"]


@pytest.mark.parametrize(
    "head",
    [
        "Un colis suspect déposé dans une église : un homme mis en examen\n\nJ.D.\n"
        "Publié le 6 mai 2021 à 20h10, mis à jour le 6 mai 2021 à 20h40\n",
        "Un homme arrêté près d'une église placé en détention\n\nActualisé 06.05.2021 à 18:05\n",
    ],
)
def test_a_pages_posting_line_under_initials_or_its_update_stamp_dates_the_story(
    head: str,
) -> None:
    text = head + "\nUn homme a été interpellé mercredi matin. Il a été mis en examen jeudi."
    assert dates(text, "fr") == ["2021-05-05", "2021-05-06"]


def test_a_tribunals_reasons_and_decision_head_gives_its_hearing_and_decision_days() -> None:
    text = (
        "Reasons and Decision: In the Matter of Jane Roe\n\nREASONS AND DECISION ON COSTS\n\n"
        "Hearing:\n\nMarch 3 and 4, 2016\n\nDecision:\n\nMay 20, 2016\n\n"
        "[1] This was a hearing before the Board.\n\n"
        "[2] The proceeding commenced on June 1, 2014 when the Board issued a notice of"
        " hearing in connection with a statement of allegations filed by its staff.\n"
    )
    assert dates(text) == ["2016-03-03", "2016-03-04", "2016-05-20", "2014-06-01"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            " date 2019-11 Un homme jugé.\n\nIl a été arrêté le soir du 3 février dernier.",
            "2019-02-03",
        ),
        (
            "Publié le 10 mars 2017.\n\nIl a été arrêté le 3 mai 2016. Il avait été jugé le 12 "
            "février dernier.",
            "2017-02-12",
        ),
    ],
)
def test_a_day_told_as_dernier_is_the_latest_such_day_up_to_the_report(text: str, day: str) -> None:
    assert dates(text, "fr")[-1] == day


def test_a_bulletins_issue_line_and_its_releases_date_lines_are_no_events() -> None:
    text = (
        "Securities Board Bulletin\nIssue 12/40 - October 9, 2023\n"
        "• John Roe\n• Annual report\n- - - - - -\n"
        "John Roe\nFOR IMMEDIATE RELEASE\nOctober 4, 2023\n"
        "TORONTO -- The Board issued its decision and an order dated October 3, 2023.\n"
        "For Media Inquiries:\nJane Doe\nFOR IMMEDIATE RELEASE\nOctober 5, 2023\n"
        "TORONTO -- A hearing in the matter is scheduled to be heard on October 30, 2023.\n"
    )
    assert dates(text) == ["2023-10-03", "2023-10-30"]


def test_a_lists_items_headed_by_days_take_the_year_its_title_names() -> None:
    text = (
        "Les grands procès de 2023 à Namur\n\n"
        "12 janvier : Un vol qui tourne mal\n\n"
        "Le procès de Jean Roe débutera lundi. On lui reproche un vol commis le 4 mai 2019.\n\n"
        "16 janvier : Un incendie\n\n"
        "Les deux jeunes hommes soupçonnés d'avoir mis le feu à un hangar agricole de la région"
        " seront jugés par le tribunal correctionnel de Namur.\n"
    )
    assert dates(text, "fr") == ["2023-01-12", "2019-05-04", "2023-01-16"]


def test_the_day_a_term_is_dated_from_is_no_step() -> None:
    text = (
        "The judge imposed sentences leading to an overall term of eight years imprisonment,"
        " to date from the 2nd of June 2018. The appeal was heard on 3 May 2021."
    )
    assert dates(text) == ["2021-05-03"]


@pytest.mark.parametrize(
    "text",
    [
        "The respondent, who was called to the Bar in May 1995, was admitted to the Roll of "
        "Solicitors on 2 June 1998. He ceased practice on 4 July 2010. The Tribunal struck "
        "him off on 3 May 2021.",
        "The Appellant, whose date of birth is 5 April 1970, obtained her basic medical "
        "qualification at the University of Leeds in 1994. She became fully registered on 6 "
        "August 1996 and was entered on the Specialist Register on 7 October 2001. The "
        "Tribunal struck her off on 3 May 2021.",
    ],
)
def test_a_professionals_career_told_as_background_is_no_step(text: str) -> None:
    assert dates(text) == ["2021-05-03"]


def test_a_pages_record_of_its_last_edit_is_no_event() -> None:
    text = (
        "Bearbeitung, zuletzt am 02.04.2021, durch: Server\n\n"
        "Le recours a été rejeté le 3 mai 2000."
    )
    assert dates(text, "fr") == ["2000-05-03"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The hostages were held from the morning of Tuesday 10 June to the evening of 12"
            " June 2004. He was convicted on 3 May 2005.",
            "en",
        ),
        (
            "Il a vendu de la drogue entre 2010 et le 6 mars 2016. Il a été condamné le 3 mai"
            " 2017.",
            "fr",
        ),
    ],
)
def test_a_periods_bounds_told_with_a_time_of_day_or_a_bare_year_are_no_steps(
    text: str, lang: str
) -> None:
    found = dates(text, lang)
    assert found[-1] in ("2005-05-03", "2017-05-03")
    assert not {"2004-06-10", "2004-06-12", "2016-03-06"} & set(found)


def test_a_day_a_court_fixes_as_it_adjourns_is_ahead_of_the_report() -> None:
    text = (
        "July 8, 2020\n\nJustice Roe of the High Court, on Wednesday, fixed Oct. 20 for the"
        " continuation of the trial of John Doe.\n\nThe judge had adjourned the matter till"
        " Sept. 30 in an earlier sitting. The court then adjourned till Oct. 21 for the defence."
    )
    found = dates(text)
    assert "2020-10-20" in found and "2020-10-21" in found
    assert not {"2019-10-20", "2019-10-21"} & set(found)


def test_a_trial_and_a_hearing_of_one_day_are_one_sitting() -> None:
    text = (
        "Il conteste la peine prononcée lors du second procès en juin 2014. En juin 2014, il"
        " a comparu devant le tribunal de Sion pour des faits similaires."
    )
    assert [(c.date, c.kind) for c in extract(text, lang="fr").candidates] == [("2014-06", "trial")]


def test_a_trial_adjourned_to_a_day_told_twice_is_one_hearing() -> None:
    text = (
        "March 4, 2021\n\nJustice Roe on Wednesday fixed April 20 for the continuation of the"
        " trial of John Doe.\n\nThe judge then adjourned till April 20 for the defence to open"
        " its case."
    )
    told = [(c.date, c.kind) for c in extract(text).candidates if c.date == "2021-04-20"]
    assert told == [("2021-04-20", "hearing")]


def test_a_tribunals_decision_promulgated_on_a_day_is_a_step() -> None:
    text = (
        "This is an appeal against the decision of First-tier Tribunal Judge Roe, promulgated"
        " on 2 March 2015. The Act was promulgated on 5 May 2010."
    )
    assert dates(text) == ["2015-03-02"]


def test_a_custody_or_an_appearance_told_from_its_first_day_is_a_step() -> None:
    text = (
        "Il résulte de l'arrêt que M. Y... a été placé en détention provisoire à compter du 3"
        " mars 2015 ; qu'il a comparu devant la cour d'assises d'appel à compter du 10 mai"
        " 2018 ; que la cour a, par arrêt incident du 12 mai, renvoyé l'affaire. La commune"
        " lui verse une pension à compter du 1er octobre 2016."
    )
    found = dates(text, "fr")
    assert {"2015-03-03", "2018-05-10", "2018-05-12"} <= set(found)
    assert "2016-10-01" not in found


def test_a_second_event_told_ce_meme_jour_is_its_own_milestone() -> None:
    text = (
        "Par une ordonnance du 4 février 2021, le juge a remis le prévenu en liberté. Ce même"
        " jour, le procureur de la République interjetait appel de cette ordonnance."
    )
    assert dates(text, "fr").count("2021-02-04") == 2


def test_a_case_cited_with_its_reporter_run_together_is_another_case() -> None:
    text = (
        "UNITED STATES v. John ROE.\n\nOn March 2, 2010, Mr. Roe moved to suppress. The"
        " defendant relies on a recent opinion, United States v. Doe, No. 08-1234, 648 F.3d 1,"
        " 2011 WL 1760207, 2011 U.S.App. LEXIS 9541 (1st Cir. May 10, 2011). Doe does not"
        " govern this case."
    )
    assert dates(text) == ["2010-03-02"]


@pytest.mark.parametrize(
    ("text", "lang", "kept", "dropped"),
    [
        (
            "CAT/C/53/2 Distr.: General 11 December 2014 Original: English. Report on follow-up"
            " (28 April 2014\u20133 November 2014). On 8 April 2014, counsel submitted comments. No"
            " action has been taken since 2008 to implement the decision.",
            "en",
            "2014-04-08",
            {"2014-12-11", "2014-04-28", "2014-11-03", "2008"},
        ),
        (
            "Constatations adoptées par le Comité à sa 111e session (7\u201125 juillet 2014). Les"
            " requérants, nés respectivement en 1947 et 1953, ont saisi la Cour le 3 mai 2010.",
            "fr",
            "2010-05-03",
            {"2014-07-07", "2014-07-25", "1947"},
        ),
        (
            "Under Rule II of the Model Rules of Enforcement, adopted by this Court on February 1,"
            " 1979, the Court issued an order to show cause on May 4, 2011.",
            "en",
            "2011-05-04",
            {"1979-02-01"},
        ),
        (
            "He opened the matter in a written opening, dated 24 November 2017, which was tendered"
            " on the plea. He was sentenced on 8 December 2017.",
            "en",
            "2017-12-08",
            {"2017-11-24"},
        ),
    ],
)
def test_a_documents_stamps_and_periods_and_a_state_since_a_year_are_no_steps(
    text: str, lang: str, kept: str, dropped: set[str]
) -> None:
    found = dates(text, lang)
    assert kept in found
    assert not dropped & set(found), found


def test_a_span_of_conduct_and_a_course_from_its_start_are_no_steps() -> None:
    text = (
        "August 23, 2021\n\nJohn Roe, who shot two men over a four-day span in September 2017,"
        " was sentenced Monday. He studied at the college for one year starting in the fall of"
        " 2012."
    )
    found = dates(text)
    assert "2021-08-23" in found
    assert not {"2017-09", "2012-23"} & set(found)


def test_a_month_takes_no_year_from_an_event_named_by_its_day() -> None:
    text = (
        "August 23, 2021\n\nRoe, 27, was found guilty in April of murder in the Sept. 14, 2017,"
        " shooting of John Doe."
    )
    found = dates(text)
    assert "2021-04" in found and "2017-04" not in found


def test_a_month_of_this_year_is_of_the_year_the_text_is_written() -> None:
    text = (
        "DATE OF SENTENCE: 8 December 2017\n\nThe offending ran from late December 2015 to"
        " March 2017. You were caught by police in March of this year."
    )
    assert "2017-03" in dates(text)


def test_a_pages_publication_stamp_dates_the_weekdays_it_tells() -> None:
    text = (
        "Publié le 09/04/2020 à 22h20 par Ouest-France\nUn homme a comparu mercredi 8 avril"
        " devant le tribunal correctionnel. Il a été interpellé lundi 6 avril à Rennes."
    )
    assert {"2020-04-08", "2020-04-06"} <= set(dates(text, "fr"))


def test_a_statement_that_is_the_reports_source_dates_no_event() -> None:
    text = (
        " date 2024-08-14 A court has remanded a man.\n\nThe defendant, John Roe, was arrested on"
        " 8 August, according to a statement by the police spokesperson, Jane Doe, on Tuesday."
    )
    assert dates(text) == ["2024-08-08"]


def test_a_sentence_told_again_that_same_day_is_the_heads_sentence() -> None:
    text = (
        "Appeal from the Judgment of Sentence Entered December 11, 2015.\n\nOn December 11, 2015,"
        " the jury convicted Appellant, and on that same day, the trial court sentenced"
        " Appellant to life in prison."
    )
    assert dates(text).count("2015-12-11") == 2


def test_a_month_later_than_a_day_is_about_that_day_of_the_next_month() -> None:
    text = (
        "He was sentenced on July 27th 1982 to three years. A month later his co-accused was put"
        " on probation by the same court. He was released more than 14 months after his arrest."
    )
    assert "1982-08-27~" in dates(text)


def test_a_pages_date_beside_its_print_button_is_no_event() -> None:
    text = (
        "À la une\n\n[ 2 mai 2018 ] Imprimer\n\nProcédure pénale\n\nL'affaire fut appelée le 3"
        " octobre 2017 devant la cour d'assises."
    )
    assert dates(text, "fr") == ["2017-10-03"]
