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
        (
            "The high court refused Smith's petition for discretionary review on 3 May 2019.",
            "order",
        ),
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


@pytest.mark.parametrize(
    "text",
    [
        # A court's decision on a request for release is a procedural order.
        "Statuant sur le pourvoi formé par X..., contre l'arrêt de la chambre de l'instruction "
        "de la cour d'appel de Lyon, en date du 3 mai 2019, qui a rejeté sa demande de mise en "
        "liberté ;",
        "Statuant sur le pourvoi formé par X..., contre l'arrêt de la chambre d'accusation de la "
        "cour d'appel de Lyon, en date du 3 mai 2019 qui, dans la procédure suivie contre lui du "
        "chef de vol, a confirmé l'ordonnance du juge d'instruction rejetant sa demande de mise "
        "en liberté ;",
        "Le 3 mai 2019, la chambre a rejeté la nouvelle demande de mise en liberté de M. X...",
        "On 3 May 2019 the court denied his application for release.",
        "The magistrate granted the defendant's motion for release on 3 May 2019.",
    ],
)
def test_a_decision_on_a_request_for_release_is_an_order(text: str) -> None:
    assert kinds(text) == [("2019-05-03", "order")]


@pytest.mark.parametrize(
    "text",
    [
        # Sent for trial before the assize court: a referral, whatever stands between.
        "Vu l'arrêt de la chambre de l'instruction du 3 mai 2019, devenu définitif, qui a "
        "renvoyé M. X... devant la cour d'assises du Rhône ;",
        "Le 3 mai 2019, M. X... a été mis en accusation devant la cour d'assises.",
        "Par arrêt du 3 mai 2019, la chambre de l'instruction a renvoyé Mme Y... devant la cour "
        "d'assises de Paris.",
    ],
)
def test_sending_a_case_to_the_assize_court_is_a_referral(text: str) -> None:
    assert kinds(text) == [("2019-05-03", "referral")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The outcome told before the decision that gave it ("... par arrêt du").
        ("Il a été condamné par un jugement du 3 mai 2019.", [("2019-05-03", "conviction")]),
        ("The conviction was affirmed by an order of 3 May 2019.", [("2019-05-03", "ruling")]),
        (
            "Vu l'arrêt du 2 février 2019, devenu définitif après rejet du pourvoi par arrêt du "
            "3 mai 2019, qui a renvoyé M. X... devant la cour d'assises ;",
            [("2019-02-02", "referral"), ("2019-05-03", "ruling")],
        ),
        # A participle hung on a later date says what that decision did, not the first one.
        (
            "Vu l'arrêt de la Cour de cassation du 3 mai 2019, qui, après avoir cassé l'arrêt de "
            "la cour d'appel du 2 février 2019, disant n'y avoir lieu à statuer sur la détention, "
            "a renvoyé la cause devant la cour d'appel de Lyon ;",
            [("2019-05-03", "ruling"), ("2019-02-02", "order")],
        ),
        (
            "Vu le jugement du 3 mai 2019, qui, après avoir annulé la décision du 2 février 2019, "
            "ordonnant son expulsion, a renvoyé l'affaire devant le préfet ;",
            # the act a court annulled is the administration's: a fact of the matter
            [("2019-05-03", "judgment"), ("2019-02-02", "other")],
        ),
    ],
)
def test_what_a_named_decision_did_is_told_by_its_own_clause(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Where a French decision tells the facts from, elided or not: the facts are other.
        (
            "Attendu qu'il résulte de l'arrêt attaqué qu'un contrat a été conclu le 3 mai 2015 "
            "entre les deux sociétés ;",
            [("2015-05-03", "other")],
        ),
        (
            "Attendu qu'il résulte du jugement qu'en exécution d'un accord signé le 3 mai 2015, "
            "la société a versé une somme ;",
            [("2015-05-03", "other")],
        ),
        # A request reaching the court is its filing.
        (
            "La requête datée du 2 mai 2019 est parvenue au greffe le 3 mai 2019.",
            [("2019-05-02", "motion"), ("2019-05-03", "filing")],
        ),
        ("The letter was received by the court on 3 May 2019.", [("2019-05-03", "filing")]),
    ],
)
def test_french_facts_and_requests_reaching_the_court(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Charges filed or brought, and an immigration notice to appear, are charges.
        ("On 3 May 2019 a burglary charge was filed against him.", "charge"),
        ("Prosecutors filed two fraud charges against the mayor on 3 May 2019.", "charge"),
        ("Charges were brought against the firm on 3 May 2019.", "charge"),
        (
            "On 3 May 2019, an officer served the man with a notice to appear before an "
            "immigration judge.",
            "charge",
        ),
        ("Immigration officials issued him a notice to appear on 3 May 2019.", "charge"),
        # A detainer lodged and the papers of a case served are no step of it.
        ("ICE lodged an immigration detainer on 3 May 2019 with the county jail.", "other"),
        ("Officers placed a detainer on him on 3 May 2019.", "other"),
        ("The defendant was served with the summons on 3 May 2019.", "other"),
        ("On 3 May 2019 the firm was served with a copy of the complaint.", "other"),
        # The end of parole or probation is a release.
        ("She was discharged from probation on 3 May 2019.", "release"),
        ("Final discharge was given on 3 May 2019.", "release"),
        # A request by what it asks for is a motion; a clerk's default an order.
        ("On 3 May 2019 the plaintiff filed a request for entry of default.", "motion"),
        ("Le 3 mai 2019, il a présenté une demande de mise en liberté.", "motion"),
        ("He filed an application for bail on 3 May 2019.", "motion"),
        ("The clerk entered a default against the company on 3 May 2019.", "order"),
        ("On 3 May 2019 the clerk filed an entry of default.", "order"),
        # Appearing in court or before a judge is a hearing.
        ("She appeared before Magistrate Judge Ann Lee on 3 May 2019.", "hearing"),
        ("The two men appeared in Brooklyn federal court on 3 May 2019.", "hearing"),
    ],
)
def test_steps_of_us_procedure_and_of_removal_by_their_usual_words(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A date opening a clause joined to the one before belongs to that clause.
        (
            "On 2 May 2019 the bank filed a motion to dismiss, and on 3 May 2019, the judge, "
            "after reading the briefs, ordered a new trial.",
            [("2019-05-02", "motion"), ("2019-05-03", "order")],
        ),
        (
            "He was paroled in 2017, and final discharge was granted on 3 May 2019.",
            [("2017", "parole"), ("2019-05-03", "release")],
        ),
        # What someone is arrested or charged for, told by a gerund: the date is the act's.
        (
            "Police arrested him for allegedly robbing a bank on 3 May 2019.",
            [("2019-05-03", "other")],
        ),
        ("He was charged with assaulting an officer on 3 May 2019.", [("2019-05-03", "other")]),
        ("He was arrested on 3 May 2019 for allegedly robbing a bank.", [("2019-05-03", "arrest")]),
        (
            "He was released on bail with pending charges on 3 May 2019.",
            [("2019-05-03", "release")],
        ),
    ],
)
def test_the_clause_a_date_opens_or_the_act_a_gerund_tells(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A prosecutor ending or declining proceedings ends the case.
        ("On 3 May 2019 the prosecutor discontinued the criminal proceedings.", "dismissal"),
        ("On 3 May 2019 the investigator terminated the investigation.", "dismissal"),
        ("On 3 May 2019 the prosecutor refused to institute criminal proceedings.", "dismissal"),
        # Sent for trial is a referral, as the French renvoi is.
        ("On 3 May 2019 the applicant was committed for trial.", "referral"),
        ("The three men were sent for trial on 3 May 2019.", "referral"),
        # Motions denied, as motions granted, are orders; a petition denied is a ruling.
        ("The district court denied the motion on 3 May 2019.", "order"),
        ("The district court denied his motion to suppress on 3 May 2019.", "order"),
        ("The motion to suppress was denied on 3 May 2019.", "order"),
        ("The district court denied the petition on 3 May 2019.", "ruling"),
        # French civil courts: claims rejected, a summons, an order to pay.
        ("Le 3 mai 2019, le tribunal a débouté la société de ses demandes.", "ruling"),
        (
            "Le 3 mai 2019, la société a assigné M. X... devant le tribunal de commerce.",
            "complaint",
        ),
        (
            "Le 3 mai 2019, le conseil de prud'hommes a condamné la société à payer des "
            "dommages-intérêts.",
            "judgment",
        ),
        (
            "Le 3 mai 2019, le tribunal l'a condamné à une amende et à payer des "
            "dommages-intérêts.",
            "conviction",
        ),
        # A request registered at a cour is an appeal; at a tribunal, a first filing.
        (
            "Vu la requête, enregistrée au greffe de la cour le 3 mai 2019, présentée pour la "
            "commune de Lens ;",
            "appeal",
        ),
        (
            "Vu la requête, enregistrée le 3 mai 2019 au greffe de la cour administrative "
            "d'appel, présentée pour M. X... ;",
            "appeal",
        ),
        (
            "Vu la requête, enregistrée le 3 mai 2019 au greffe du tribunal administratif, "
            "présentée pour M. X... ;",
            "filing",
        ),
    ],
)
def test_the_genres_usual_phrases_for_ending_sending_and_deciding(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A party moves a court to do something: a motion.
        ("On 3 May 2019 the defendant moved to dismiss the indictment.", "motion"),
        ("On 3 May 2019, Doe moved to suppress the evidence seized.", "motion"),
        ("The bank moved for summary judgment on 3 May 2019.", "motion"),
        ("On 3 May 2019 the government moved the court to revoke his bail.", "motion"),
        ("He moved to intervene on 3 May 2019.", "motion"),
        # A move to a place is no motion.
        ("He moved to the United States on 3 May 2019.", "other"),
        ("On 3 May 2019 the family moved to Lyon.", "other"),
        ("She moved to a new flat in Queens on 3 May 2019.", "other"),
        ("DOE, who was born in 1969 in Algiers, moved to Canada on 3 May 2019.", "other"),
    ],
)
def test_moving_a_court_is_a_motion_moving_somewhere_is_not(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # An appeal intended or considered is no appeal (yet).
        ("On 3 May 2019 the company said it is considering an appeal.", "other"),
        ("On 3 May 2019 his lawyer said he plans to appeal the verdict.", "other"),
        ("On 3 May 2019 she said she would appeal the ruling.", "other"),
        (
            "Le 3 mai 2019, le procureur a indiqué qu'il envisageait un pourvoi en cassation.",
            "other",
        ),
        ("Le 3 mai 2019, la défense a dit envisager de faire appel.", "other"),
        ("Le 3 mai 2019, il a fait part de son intention de faire appel.", "other"),
        ("On 3 May 2019 he appealed the verdict.", "appeal"),
        ("Le 3 mai 2019, il a formé un pourvoi en cassation.", "appeal"),
        # Released under supervision: a release, not a charge.
        ("Il a été mis en examen et placé sous contrôle judiciaire le 3 mai 2019.", "release"),
        ("Le 3 mai 2019, elle a été remise en liberté sous contrôle judiciaire.", "release"),
        ("On 3 May 2019 he was placed under judicial supervision.", "release"),
    ],
)
def test_an_intended_appeal_is_none_and_judicial_supervision_is_a_release(
    text: str, kind: str
) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Brought before a judge is a hearing, whatever the judge then did in an aside.
        (
            "On 3 May 2019 the applicant was brought before a judge, who ordered his detention.",
            "hearing",
        ),
        # An appeal dismissed is the court's ruling; charges dismissed end the case.
        ("The applicant's appeal was dismissed on 3 May 2019.", "ruling"),
        ("The charges against him were dismissed on 3 May 2019.", "dismissal"),
        # Asking for release is a motion, as a request for it is.
        ("On 3 May 2019 the applicant applied for release.", "motion"),
        ("On 3 May 2019 the applicant requested his release.", "motion"),
        ("Le 3 mai 2019, M. X... a demandé sa mise en liberté.", "motion"),
        ("He was released on 3 May 2019 after the court granted bail.", "release"),
        # Review granted and a chamber relinquishing jurisdiction are procedural orders.
        ("The Supreme Court granted review on 3 May 2019.", "order"),
        (
            "On 3 May 2019 the Chamber relinquished jurisdiction in favour of the Grand Chamber.",
            "order",
        ),
        (
            "Le 3 mai 2019, le juge a ordonné sur sa demande de mise en liberté une expertise.",
            "order",
        ),
    ],
)
def test_hearings_rulings_motions_and_orders_of_criminal_procedure(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A verb right after the date is no noun it qualifies: the verb before it is as near.
        (
            "WASHINGTON, May 3, 2019 - A federal grand jury in Miami returned an indictment "
            "today charging five men with wire fraud.",
            [("2019-05-03", "indictment")],
        ),
        # A conviction at trial is a conviction, not a trial.
        (
            "NEW YORK, May 3, 2019 - Smith was sentenced on Thursday, following his conviction "
            "at trial in January.",
            [("2019-05-02", "sentencing"), ("2019-01", "conviction")],
        ),
        (
            "He lost his job following his conviction after a jury trial in March 2019.",
            [("2019-03", "conviction")],
        ),
    ],
)
def test_a_release_tells_the_verb_of_its_own_clause(text: str, want: list[tuple[str, str]]) -> None:
    assert kinds(text) == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Words that hold a kind word and name another thing.
        ("On 3 May 2019 the court extended the applicant's pre-trial detention.", "detention"),
        ("The judge ordered him held in pretrial detention on 3 May 2019.", "detention"),
        (
            "On 3 May 2019 the defendant waived indictment and pleaded guilty to an information.",
            "conviction",
        ),
        ("On 3 May 2019 the court revoked his supervised release.", "order"),
        # Arrests, referrals and dismissals by more of their usual words.
        ("Smith surrendered to federal authorities on 3 May 2019.", "arrest"),
        ("Smith was booked into the county jail on 3 May 2019.", "arrest"),
        ("On 3 May 2019 the applicant was committed to stand trial.", "referral"),
        (
            "On 3 May 2019 the investigator issued a decision to discontinue the proceedings.",
            "dismissal",
        ),
        ("Jury selection began on 3 May 2019.", "trial"),
    ],
)
def test_compounds_holding_a_kind_word_and_more_usual_words(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A court granting a motion to dismiss or to terminate ends the case: a dismissal.
        (
            "In a decision dated 3 May 2019, the judge granted the respondent's motion to "
            "terminate the removal proceedings.",
            "dismissal",
        ),
        (
            "On 3 May 2019 the district court granted the defendants' motions to dismiss.",
            "dismissal",
        ),
        ("The motion to dismiss the indictment was granted on 3 May 2019.", "dismissal"),
        # Granting or denying other motions and petitions is an order.
        ("On 3 May 2019 the court granted the plaintiffs' motions for leave.", "order"),
        ("On 3 May 2019 the Supreme Court denied his petition to transfer.", "order"),
        # Petitions for rehearing ask the same court again (a motion); petitions to a higher
        # court for certiorari, review or transfer are appeals.
        ("Smith petitioned for a rehearing on 3 May 2019.", "motion"),
        ("On 3 May 2019 the defendant filed a petition for reconsideration.", "motion"),
        ("Smith filed a petition to transfer on 3 May 2019.", "appeal"),
        (
            "On 3 May 2019 the company petitioned the Supreme Court for a writ of certiorari.",
            "appeal",
        ),
        ("On 3 May 2019 she sought leave to appeal.", "appeal"),
    ],
)
def test_motions_and_petitions_by_what_they_ask_and_what_came_of_them(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # What a party argues is no filing: the date is of the event the argument names.
        (
            "The applicant submitted that no lawyer had been present at his questioning of "
            "3 May 2019.",
            "other",
        ),
        ("The Government argued that the interrogation of 3 May 2019 was lawful.", "other"),
        # The end of an investigation is told by what it led to.
        (
            "On 3 May 2019 the prosecutor completed the investigation and submitted an "
            "indictment to the Regional Court.",
            "indictment",
        ),
        (
            "On 3 May 2019 the public prosecution completed the preliminary investigation and "
            "filed a bill of indictment.",
            "indictment",
        ),
        # The ECHR's procedural decisions: priority, interim measures; registering is no filing.
        ("On 3 May 2019 the Court decided to grant priority to the application.", "order"),
        ("On 3 May 2019 the Court decided to apply Rule 41 of the Rules of Court.", "order"),
        ("On 3 May 2019 the Chamber decided to indicate interim measures under Rule 39.", "order"),
        ("The application was registered on 3 May 2019.", "other"),
        # A judge approving the record, a court approving a surrender.
        ("On 3 May 2019 the record was approved by the trial judge.", "order"),
        ("A Brussels court approved his surrender on 3 May 2019.", "ruling"),
    ],
)
def test_arguments_investigations_ended_and_procedural_decisions(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


def test_a_verb_with_its_own_date_is_not_the_earlier_dates() -> None:
    text = (
        "Having regard to the application introduced with the Court on 3 May 2019 and "
        "registered on 7 June 2019,"
    )
    assert kinds(text) == [("2019-05-03", "filing"), ("2019-06-07", "other")]
    text = "The complaint was filed on 3 May 2019 and dismissed on 7 June 2019."
    assert kinds(text) == [("2019-05-03", "complaint"), ("2019-06-07", "dismissal")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A participle between commas tells what came before the date's event.
        (
            "On 3 May 2019, the appellant, having waived the time to file a motion for new "
            "trial, was sentenced.",
            "sentencing",
        ),
        (
            "On 3 May 2019, Jones, having previously been convicted of a felony, was in "
            "possession of a firearm.",
            "other",
        ),
        (
            "Le 3 mai 2019, le prévenu, ayant été condamné en 2010, a été interpellé.",
            "arrest",
        ),
        # A state told in a relative clause is about its noun: the date is the facts'.
        (
            "On 3 May 2019 the body was found at the station where he was employed.",
            "other",
        ),
    ],
)
def test_participles_and_relative_clauses_are_not_the_dates_event(text: str, kind: str) -> None:
    assert [k for d, k in kinds(text) if d == "2019-05-03"] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A release's dateline run into its headline: the lead after it tells the event.
        (
            "Clerk Charged in Title Fraud (Miami \u2013 May 3, 2024) \u2013 The State Attorney "
            "announces the arrest of 45-year-old John Roe.",
            "arrest",
        ),
        (
            "False Reports Presented to Judge Lead to Charges Miami \u2013 May 3, 2024 \u2013 "
            "The State Attorney and the Sheriff announce the charging of Jane Roe.",
            "charge",
        ),
        (
            "Officer Arrested for Theft (Tampa \u2013 May 3, 2024) \u2013 The State Attorney "
            "announces the conviction of a former officer.",
            "conviction",
        ),
    ],
)
def test_a_dateline_inside_the_headline_dates_the_leads_event(text: str, kind: str) -> None:
    assert kinds(text) == [("2024-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The Cour de cassation's Bulletin heads a decision with its chamber and number.
        (
            "Bulletin des arrêts des chambres civiles\n\nPROCEDURE CIVILE\n\n"
            "1re Civ., 3 mai 2019, n° 18-10.123, (P)\n\nCassation\n\n"
            "1. Selon l'arrêt attaqué, la société a assigné M. Roe.",
            [("2019-05-03", "ruling")],
        ),
        (
            "Bulletin des arrêts de la chambre criminelle\n\nCrim., 3 mai 2019, n° 18-81.123\n\n"
            "Rejet\n\nLe tribunal a été saisi par la société.",
            [("2019-05-03", "ruling")],
        ),
        # The case's own earlier cassation, cited by its chamber in brackets.
        (
            "Selon l'arrêt attaqué, statuant sur renvoi après cassation (3e Civ., 3 mai 2019, "
            "pourvoi n° 17-21.862), M. Roe a été condamné à payer une somme.",
            [("2019-05-03", "ruling")],
        ),
        # A reporter's star page mark run into the opinion's date line.
        (
            "John ROE, Defendant-Appellant,\nv.\nSTATE of Indiana.\nNo. 1-1176A217.\n"
            "Court of Appeals of Indiana, First District.\n"
            "May 3, 2019.*171 Jane Doe, Evansville, for defendant-appellant.\n"
            "The trial court sentenced John Roe in 2017.",
            [("2019-05-03", "ruling"), ("2017", "sentencing")],
        ),
        # An information box's fields say what their dates are.
        (
            "Information\n\n  • Judgment date: 2019-05-03\n  • Communication date: 2015-06-07\n"
            "  • Application number(s): 1234/09\n",
            [("2019-05-03", "judgment"), ("2015-06-07", "other")],
        ),
        (
            "Case summary\n\nArrest date: 3 May 2019\nDate of sentencing: 7 June 2020\n",
            [("2019-05-03", "arrest"), ("2020-06-07", "sentencing")],
        ),
    ],
)
def test_a_decisions_head_and_citations_of_its_own_history(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Arrest: the usual ways releases, opinions and French decisions tell it.
        ("Officers placed Smith under arrest on 3 May 2019.", "arrest"),
        ("Smith was captured by US Marshals on 3 May 2019.", "arrest"),
        ("On 3 May 2019 deputies took Smith into custody.", "arrest"),
        ("Le 3 mai 2019, M. X a été appréhendé par les gendarmes.", "arrest"),
        # Conviction: pleas entered or accepted, guilt adjudicated or admitted.
        ("On 3 May 2019 Smith entered a guilty plea to wire fraud.", "conviction"),
        ("Smith was adjudicated guilty of burglary on 3 May 2019.", "conviction"),
        ("The same day, 3 May 2019, his guilty plea was accepted.", "conviction"),
        ("On 3 May 2019 Smith admitted his guilt before the court.", "conviction"),
        # Acquittal: cleared of the charges by a jury.
        ("On 3 May 2019 a jury cleared Smith of all charges.", "acquittal"),
        # Sentencing: ordered to serve, given a term, resentenced.
        ("On 3 May 2019 the judge ordered Smith to serve 10 years.", "sentencing"),
        ("Smith was given 12 years in federal prison on 3 May 2019.", "sentencing"),
        ("Smith was resentenced on 3 May 2019.", "sentencing"),
        # Pardon: clemency and commutations.
        ("On 3 May 2019 the Governor granted Smith clemency.", "pardon"),
        ("The President granted executive clemency to Smith on 3 May 2019.", "pardon"),
        # Referral: bound over for trial, an ordonnance de renvoi.
        ("Smith was bound over for trial on 3 May 2019.", "referral"),
        ("Le juge a rendu une ordonnance de renvoi le 3 mai 2019.", "referral"),
        # Settlement: prosecution agreements and French transactions.
        ("On 3 May 2019 the bank entered into a deferred prosecution agreement.", "settlement"),
        ("Les parties ont signé un protocole transactionnel le 3 mai 2019.", "settlement"),
        # Complaint: a claim in court, a civil party complaint; a claim for a benefit is filed.
        ("She did not file her claim until 3 May 2019.", "complaint"),
        ("On 3 May 2019 the family filed suit against the city.", "complaint"),
        ("Le 3 mai 2019, Mme Y s'est constituée partie civile.", "complaint"),
        ("On 3 May 2019 the veteran filed a claim for increased benefits.", "filing"),
        # Release and detention: bail posted, held without bond.
        ("Smith posted a $50,000 bond on 3 May 2019.", "release"),
        ("Smith was released on bail on 3 May 2019.", "release"),
        ("Smith was held without bond on 3 May 2019.", "detention"),
        ("Le 3 mai 2019, le juge a décerné un mandat de dépôt.", "detention"),
        # Hearing: appearing before a court, in French too.
        ("Le 3 mai 2019, M. X a comparu devant le tribunal correctionnel.", "hearing"),
        ("On 3 May 2019 the court held an evidentiary hearing.", "hearing"),
        # Charge: formal investigation, proceedings brought, summoned to appear.
        ("On 3 May 2019 Smith was placed under formal investigation.", "charge"),
        ("Le 3 mai 2019, le parquet a engagé des poursuites contre M. X.", "charge"),
        ("Le 3 mai 2019, M. X a été cité à comparaître devant le tribunal.", "charge"),
        # Dismissal: nolle prosequi, charges withdrawn, prosecution declined.
        ("The State entered a nolle prosequi on 3 May 2019.", "dismissal"),
        ("On 3 May 2019 prosecutors withdrew the charges against Smith.", "dismissal"),
        ("On 3 May 2019 the district attorney declined to prosecute Smith.", "dismissal"),
        # Indictment: a true bill.
        ("The grand jury returned a true bill on 3 May 2019.", "indictment"),
        # Appeal: French appeals lodged ("relevé appel", "requête d'appel").
        ("Le 3 mai 2019, M. X a relevé appel du jugement.", "appeal"),
    ],
)
def test_each_kind_by_the_usual_words_of_its_family(text: str, kind: str) -> None:
    assert [k for d, k in kinds(text) if d == "2019-05-03"] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # An arrest warrant issued is an order (tests/corpus/extract/README.md).
        ("Mexican authorities issued an arrest warrant on 3 May 2019 for Roe.", "order"),
        ("A bench warrant was issued on 3 May 2019 after Roe failed to appear.", "order"),
        ("Le 3 mai 2019, le juge d'instruction a délivré un mandat d'arrêt contre M. X.", "order"),
        # A chambre de l'instruction ruling on a request to annul procedural acts: an order.
        (
            "M. X s'est pourvu contre l'arrêt de la chambre de l'instruction de la cour d'appel "
            "de Paris, en date du 3 mai 2019, qui, dans l'information suivie contre lui, a "
            "prononcé sur sa demande d'annulation d'actes de la procédure.",
            "order",
        ),
    ],
)
def test_warrants_issued_and_rulings_on_nullity_are_orders(text: str, kind: str) -> None:
    assert [k for d, k in kinds(text) if d == "2019-05-03"] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A date opening its sentence: the main verb of that clause says what happened, not a
        # noun between the date and the verb.
        (
            "On 3 May 2019 the complaints concerning the applicant's detention and the length "
            "of the proceedings were communicated to the Government.",
            "other",
        ),
        (
            "On 3 May 2019 the charges against the applicant's brother and his business partner "
            "were dropped.",
            "dismissal",
        ),
        (
            "In May 2019 the appeal brought by the applicant's lawyer against the detention "
            "order was dismissed by the Regional Court.",
            "ruling",
        ),
        # The Rules of Court name no ruling.
        (
            "On 3 May 2019 the remainder of the application was communicated under Rule 54 § 2 "
            "(b) of the Rules of Court.",
            "other",
        ),
        # A document that only "was returned", "entered" or "handed down" on the date is of
        # the subject's kind, however long the subject.
        (
            "The indictment which alleged the offense occurred in Dallas County was returned "
            "on 3 May 2019.",
            "indictment",
        ),
        ("The judgment of the district court was entered on 3 May 2019.", "judgment"),
        ("The order granting the injunction was issued on 3 May 2019.", "order"),
    ],
)
def test_the_dates_clause_and_its_main_verb_decide(text: str, kind: str) -> None:
    assert [k for d, k in kinds(text) if d.startswith("2019-05")] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A French administrative court is asked to annul an administration's decision: that
        # decision is a fact of the matter, not a step of the case.
        (
            "M. Y demande à la Cour d'annuler la décision, en date du 3 mai 2019, par laquelle "
            "le préfet de l'Hérault a rejeté sa demande de titre de séjour.",
            "other",
        ),
        (
            "Considérant que par une décision en date du 3 mai 2019, l'inspecteur d'académie du "
            "Gard a refusé de reclasser M. Y.",
            "other",
        ),
        ("La décision du ministre de l'intérieur du 3 mai 2019 est annulée.", "other"),
        # A court's decision stays a ruling.
        (
            "Par une décision du 3 mai 2019, le Conseil d'État a rejeté le pourvoi de M. Y.",
            "ruling",
        ),
        # A motion or an appeal set for a day is heard that day; hearing a motion is a hearing.
        ("The motion is set on the calendar for 3 May 2019 before Judge Roe.", "hearing"),
        ("The appeal was scheduled for 3 May 2019.", "hearing"),
        ("On 3 May 2019 the court will hear the defendants' motions.", "hearing"),
        # Designating the record on appeal is a filing.
        (
            "On 3 May 2019, the appellant designated that the appellate record should include "
            "the transcript.",
            "filing",
        ),
        # A defendant listed as served with a summons: no step of its own ("à la requête de"
        # names no motion).
        (
            "INTIMES SARL ROE, assignée le 3 mai 2019 à étude d'huissier, à la requête de "
            "l'appelante, défaillante.",
            "other",
        ),
    ],
)
def test_administrative_decisions_calendared_motions_and_summonses(text: str, kind: str) -> None:
    assert [k for d, k in kinds(text) if d == "2019-05-03"] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "On 3 May 2019 police were dispatched to a garage about a stolen car. Detectives "
            "executed a search warrant and found three stolen cars. The owner was subsequently "
            "arrested.",
            "search",
        ),
        (
            "The charge stemmed from an incident on 3 May 2019, when police stopped his car. "
            "Roe was subsequently arrested and his car searched.",
            "arrest",
        ),
    ],
)
def test_a_date_of_the_facts_takes_the_first_arrest_or_search_told_after(
    text: str, kind: str
) -> None:
    assert [k for d, k in kinds(text) if d == "2019-05-03"] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A first-instance court rejecting the claim dismisses it.
        (
            "M. Y demande d'annuler le jugement en date du 3 mai 2019 par lequel le tribunal "
            "administratif de Lyon a rejeté sa demande.",
            "dismissal",
        ),
        # A plaintiff's summons, a court seized, a contredit or opposition lodged.
        (
            "Par acte du 3 mai 2019, M. X a assigné la société Y aux fins de dissolution.",
            "complaint",
        ),
        ("Le 3 mai 2019, Mme X saisit le tribunal aux affaires familiales.", "complaint"),
        ("La société a formé un contredit contre cette ordonnance le 3 mai 2019.", "appeal"),
        ("On 3 May 2019 the office filed both an emergency writ and a notice of appeal.", "appeal"),
        # Costs against a party are no conviction: the court's decision is a ruling.
        (
            "Par arrêt du 3 mai 2019, la cour a confirmé l'ordonnance et condamné l'association "
            "aux dépens.",
            "ruling",
        ),
        # A party's written submissions are filings.
        ("Aux termes de ses conclusions en date du 3 mai 2019, la société demande.", "filing"),
        ("Aux termes de ses réquisitions en date du 3 mai 2019, le parquet a requis.", "filing"),
        # Headlines in the present tense; guilt proved; parole rescinded.
        (
            "Jury Convicts Man of Murder | District Attorney's Office May 3, 2019: Jury Convicts "
            "Man of Murder Contact: Media Relations",
            "conviction",
        ),
        ("In May 2019 the office proved the guilt of Roe and he was sentenced.", "conviction"),
        ("On 3 May 2019 the Board rescinded the early parole of Roe.", "ruling"),
        (
            "A constitutional complaint by the applicant was dismissed by the Constitutional "
            "Court on 3 May 2019.",
            "ruling",
        ),
        # A court sitting as a panel: the participle is no ruling.
        (
            "On 3 May 2019 the County Court, sitting as a panel, terminated the proceedings.",
            "dismissal",
        ),
        # Hearings held, a defendant due in court, an appeal assigned on briefs.
        (
            "Lors de l'audience publique des débats, tenue le 3 mai 2019 avec l'assistance du "
            "greffier,",
            "hearing",
        ),
        ("Roe is next due in federal court on 3 May 2019.", "hearing"),
        # A deadline told at length.
        (
            "Deadline for federal prosecutors to announce a decision regarding the death penalty "
            "is 3 May 2019.",
            "deadline",
        ),
    ],
)
def test_more_shapes_of_french_decisions_releases_and_ecthr_facts(text: str, kind: str) -> None:
    assert [k for d, k in kinds(text) if d.startswith("2019-05")] == [kind]


def test_an_appeal_assigned_on_briefs_is_heard_then() -> None:
    text = (
        "IN THE COURT OF CRIMINAL APPEALS OF TENNESSEE\nAT NASHVILLE\n"
        "Assigned on Briefs May 3, 2019\n\nJOHN ROE v. STATE OF TENNESSEE\n"
    )
    assert ("2019-05-03", "hearing") in kinds(text)


def test_the_cour_de_cassations_own_session_is_its_ruling_not_a_hearing() -> None:
    text = (
        "LA COUR DE CASSATION, CHAMBRE CRIMINELLE, en son audience publique tenue au Palais de "
        "Justice à PARIS, le 3 mai 2019, a rendu l'arrêt suivant : Statuant sur le pourvoi formé "
        "par X."
    )
    assert [k for d, k in kinds(text) if d == "2019-05-03"] == ["ruling"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A requête registered at a French administrative court: an appeal when it asks a cour
        # or the annulment of a judgment, a complaint when it starts the case; a mémoire
        # registered with it is a filing.
        (
            "Par une requête enregistrée le 3 mai 2019, M. A, représenté par Me B, demande à la "
            "cour : 1°) d'annuler ce jugement ;",
            [("2019-05-03", "appeal")],
        ),
        (
            "Vu la requête enregistrée le 3 mai 2019 au secrétariat du contentieux du Conseil "
            "d'Etat, présentée par M. X, et tendant à ce que le Conseil d'Etat annule le "
            "jugement par lequel le tribunal administratif a statué ;",
            [("2019-05-03", "appeal")],
        ),
        (
            "Par une requête, enregistrée le 3 mai 2019, M. A demande au tribunal d'annuler "
            "l'arrêté du préfet.",
            [("2019-05-03", "complaint")],
        ),
        (
            "Vu la requête sommaire et le mémoire complémentaire, enregistrés le 3 mai 2019 et le "
            "7 juin 2019 au secrétariat du contentieux du Conseil d'Etat ; M. X demande que le "
            "Conseil d'Etat annule pour excès de pouvoir le décret.",
            [("2019-05-03", "complaint"), ("2019-06-07", "filing")],
        ),
    ],
)
def test_a_requete_registered_at_an_administrative_court(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert [(d, k) for d, k in kinds(text) if d.startswith("2019")] == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A requête registered, then named: "enregistrée le ... sous le n° ... la requête".
        (
            "Vu, enregistrée le 3 mai 2019 sous le n° 19BX00156 la requête présentée par M. X ; "
            "M. X demande à la cour l'annulation de l'ordonnance du président du tribunal.",
            "appeal",
        ),
        # What an administrative court is asked to annul is an administration's act.
        (
            "M. X demande que le Conseil d'Etat annule pour excès de pouvoir la décision du "
            "3 mai 2019 fixant sa notation.",
            "other",
        ),
        ("VU l'appel interjeté par M. X le 3 mai 2019 à l'encontre de l'ordonnance.", "appeal"),
        (
            "Le 3 mai 2019, saisi par la requérante, le tribunal ordonna le sursis à exécution.",
            "order",
        ),
        ("Defendants removed an action filed on 3 May 2019 to the Business Court.", "complaint"),
        ("On 3 May 2019 the application was granted by Justice Thomas.", "order"),
        ("On 3 May 2019 Roe lodged an application to extend the time to file.", "motion"),
        ("The justice granted an order extending the time to file until 3 May 2019.", "deadline"),
    ],
)
def test_administrative_requetes_and_docket_entries(text: str, kind: str) -> None:
    assert [k for d, k in kinds(text) if d == "2019-05-03"] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Par arrêté du 3 mai 2019, le préfet a nommé M. X directeur de l'école.",
        "M. X demande l'annulation de l'arrêté préfectoral du 3 mai 2019.",
        "Il conteste l'arrêté en date du 3 mai 2019 portant nomination de M. X.",
    ],
)
def test_an_arrete_is_an_administrations_act_not_an_arrest(text: str) -> None:
    assert [k for d, k in kinds(text) if d == "2019-05-03"] == ["other"]


def test_a_person_arrete_is_still_arrested() -> None:
    assert kinds("Le 3 mai 2019, M. X a été arrêté par la police à Lyon.") == [
        ("2019-05-03", "arrest")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The act a court annuls is dated by its author's decision; setting aside is a ruling.
        (
            "The administrative court annulled the prefect's decision of 3 May 2019.",
            [("2019-05-03", "other")],
        ),
        ("On 12 June 2020 the appeal court set aside the acquittal.", [("2020-06-12", "ruling")]),
        # A decision whose subject is a party or an administration is a fact of the matter.
        (
            "The Respondent denied the claim on 4 October 2010 and upon review on 21 October 2011.",
            [("2010-10-04", "other"), ("2011-10-21", "other")],
        ),
        (
            "The case was stayed until 27 February 2012, when the Applicant decided to stop.",
            [("2012-02-27", "other")],
        ),
        (
            "Par un décret de mai 1996, le ministre de la Justice ordonna son transfert.",
            [("1996-05", "other")],
        ),
        # A party's request turned down is an order on it; the request has its own date.
        (
            "On 3 June 2019 the panel denied the State party's request of 7 May 2019 to lift it.",
            [("2019-06-03", "order"), ("2019-05-07", "motion")],
        ),
        # What was filed is the head of the object, not a noun in its complement.
        (
            "The union filed an answer to the complaint on 2 June 1972, denying any breach.",
            [("1972-06-02", "filing")],
        ),
        (
            "On 3 May 2019, the Respondent, the Charging Party and counsel filed with the Board in"
            " Paris, France, a petition to transfer the case.",
            [("2019-05-03", "motion")],
        ),
        (
            "On 28 November 2016 her representative submitted an application requesting leave to"
            " appeal to the Appeal Division.",
            [("2016-11-28", "appeal")],
        ),
        ("The taxpayer filed her tax return for 1994 on 1 May 1995.", [("1995-05-01", "other")]),
        # The verb of the date's own clause, or the first of two steps under one date.
        (
            "He was apprehended on 2 May 2019, was taken to hospital that night, and died"
            " on 3 May 2019.",
            [("2019-05-02", "arrest"), ("2019-05-03", "other")],
        ),
        ("In 2013 the agency began to investigate the company.", [("2013", "investigation")]),
        ("He was arrested and detained since 3 May 2019.", [("2019-05-03", "arrest")]),
        # A kind word in a title or a role names no event.
        (
            "On 3 May 2019 the body's rapporteur on new complaints asked the State to wait.",
            [("2019-05-03", "other")],
        ),
        (
            "En mai 1995 et le 3 juin 1996, le juge de l'enquête préliminaire émit deux mandats"
            " d'arrêt contre lui.",
            [("1995-05", "order"), ("1996-06-03", "order")],
        ),
        # A prosecutor seizing a court refers the case; serving it on a party is no step; a
        # paper withdrawing the case is its dismissal; a registration after the lodging too.
        (
            "Vu le réquisitoire du 5 mars 2018 par lequel le procureur général a saisi la"
            " chambre, notifié le 19 mars 2018 au comptable ;",
            [("2018-03-05", "referral"), ("2018-03-19", "other")],
        ),
        (
            "Vu, enregistré le 3 mai 2019, l'acte par lequel M. X déclare se désister ;",
            [("2019-05-03", "dismissal")],
        ),
        (
            "Vu la requête introduite le 16 janvier 1998 par M. X contre la France et enregistrée"
            " le 7 août 1998 ;",
            [("1998-01-16", "filing"), ("1998-08-07", "other")],
        ),
        (
            "Vu la décision du 28 juin 2016 par laquelle le président de la Cour a désigné M. X"
            " rapporteur ;",
            [("2016-06-28", "order")],
        ),
        # A trial-level judge's decision and a court's final orders decide the merits.
        (
            "On 13 July 2017, Administrative Law Judge Jane Roe issued the attached Decision.",
            [("2017-07-13", "judgment")],
        ),
        (
            "In March 2022 the agency announced the final court orders against the defendants.",
            [("2022-03", "judgment")],
        ),
        ("Application heard on June 16, 2011 at Toronto.", [("2011-06-16", "hearing")]),
        ("Date of complaint: 3 May 2019 (initial submission)", [("2019-05-03", "filing")]),
        (
            "Selon l'ordonnance pénale du 28 mars 2023, il est reproché à X d'avoir conduit.",
            [("2023-03-28", "charge")],
        ),
    ],
)
def test_the_verb_its_subject_and_object_decide_the_kind(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A decision a party appeals is the first instance's, unless a court of appeal made it.
        (
            "The claimant seeks leave to appeal the decision of the Review Panel dated 7 May 2014.",
            [("2014-05-07", "judgment")],
        ),
        (
            "This is an appeal of the Board's decision dated 25 May 2015.",
            [("2015-05-25", "judgment")],
        ),
        (
            "She seeks leave to appeal the decision of the Court of Appeal dated 7 May 2014.",
            [("2014-05-07", "ruling")],
        ),
        # A requête by what it asks of which judge: a référé at first instance is a complaint,
        # the annulment of an ordonnance or an arrêt an appeal (and the mémoire a filing).
        (
            "Par une requête enregistrée le 3 mai 2020, M. Y demande au juge des référés de"
            " suspendre l'arrêté du maire ;",
            [("2020-05-03", "complaint")],
        ),
        (
            "Par une requête enregistrée le 3 mai 2018, Mme C demande au juge des référés du"
            " Conseil d'Etat, statuant sur le fondement de l'article L. 521-2 du code de justice"
            " administrative, d'annuler cette ordonnance ;",
            [("2018-05-03", "appeal")],
        ),
        (
            "Vu la requête et le mémoire complémentaire, enregistrés les 2 mai et 5 juin 2001,"
            " présentés par Mme A ; Mme A demande au Conseil d'Etat d'annuler l'arrêt de la cour"
            " régionale des pensions ;",
            [("2001-05-02", "appeal"), ("2001-06-05", "filing")],
        ),
        # Papers a party sends in reply are a filing; a letter registered at the parquet is not.
        (
            "Vu les justifications en réponse au réquisitoire transmises le 8 janvier 2019 par"
            " M. X ;",
            [("2019-01-08", "filing")],
        ),
        (
            "Vu la lettre du 5 mai 2015, enregistrée le 9 mai 2015 au parquet général ;",
            [("2015-05-05", "other"), ("2015-05-09", "other")],
        ),
    ],
)
def test_a_decision_appealed_and_a_requete_by_what_it_asks(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


def test_a_decisions_head_and_signature_date_its_hearing_and_the_decision() -> None:
    # A first-instance court's head: its hearing, then the day the judgment was pronounced.
    head = (
        "COUR DES COMPTES\nTroisième chambre\nArrêt n° S2019-0001\n"
        "Audience publique du 3 mai 2019\nPrononcé du 7 juin 2019\n"
        "La Cour, Vu le compte rendu par M. X ;\n"
    )
    assert kinds(head)[:2] == [("2019-05-03", "hearing"), ("2019-06-07", "judgment")]
    # The signature under an order dates the order itself.
    order = (
        "Docket: 2011-1(IT)APP\nORDER\nUPON the application for an extension of time;\n"
        "The application is granted.\n\nSigned at Ottawa, Ontario, this 1st day of December 2011.\n"
    )
    assert kinds(order) == [("2011-12-01", "order")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A text layer that runs the head's lines together: the court's words and a label
        # before the date still date the decision, or the request that opened the case.
        (
            "Download PDF\nSTATE OF OHIO COURT OF APPEALS PEOPLE OF THE STATE OF OHIO, UNPUBLISHED"
            " March 4, 2019 Plaintiff-Appellee, v No. 123456 Franklin Circuit Court JOHN ROE,"
            " Defendant-Appellant.\n\nPER CURIAM.\n\nWe affirm.",
            [("2019-03-04", "ruling")],
        ),
        (
            "Tribunal administratif Numéro 41234 du rôle Inscrit le 3 mars 2019 1re chambre"
            " Audience publique du 12 mars 2019 Recours formé par Monsieur X contre une décision"
            " du ministre\n____\nJUGEMENT\nLe tribunal statue sur le recours.",
            [("2019-03-03", "complaint"), ("2019-03-12", "judgment")],
        ),
        (
            "COUR ADMINISTRATIVE Numéro du rôle : 41234C Inscrit le 3 mars 2019 Audience publique"
            " du 12 juin 2019 Appel formé par Madame Y contre un jugement du tribunal"
            " administratif\n\nLa Cour statue sur l'appel.",
            [("2019-03-03", "complaint"), ("2019-06-12", "ruling")],
        ),
        # An order's title under the head: the président's ordonnance.
        (
            "Luxembourg, Tribunal administratif, 25 mars 2019, 41234\n\nRequête en sursis à"
            " exécution\n\nORDONNANCE\n\nLe président statue sur la requête.",
            [("2019-03-25", "order")],
        ),
        # A first-instance court's judgment: the EU General Court's, the Civil Service
        # Tribunal's (not the Swiss Federal Tribunal's ruling).
        ("ARRÊT DU TRIBUNAL (deuxième chambre)\n3 mai 2016 (*)\n« Fonction publique »", "judgment"),
        (
            "ARRÊT DU TRIBUNAL DE LA FONCTION PUBLIQUE\n(première chambre)\n3 mai 2016 (*)\n"
            "« Fonction publique »",
            "judgment",
        ),
        ("Arrêt du Tribunal fédéral\nIIe Cour de droit civil\n3 mai 2016\nRecours", "ruling"),
        # The opinion's own filing line in a US appellate head.
        (
            "IN THE SUPERIOR COURT OF OHIO\nAppellant : No. 123 EDA 2015\n"
            "MEMORANDUM BY JONES, J.: FILED MAY 3, 2016\nAppellant appeals.",
            "ruling",
        ),
        # Not a head: a sentence that tells the hearing the decision followed.
        (
            "La COUR, statuant après débats en l'audience publique du 3 mai 2016 où étaient"
            " présents M. X, président ;",
            "hearing",
        ),
    ],
)
def test_a_run_together_head_dates_its_decision_by_its_courts_words(
    text: str, want: list[tuple[str, str]] | str
) -> None:
    got = kinds(text)
    assert got == want if isinstance(want, list) else [kind for _, kind in got] == [want]


def test_a_motion_filed_with_two_words_before_it_is_a_motion() -> None:
    assert kinds("On 3 May 2019, counsel filed a timely post-trial motion.") == [
        ("2019-05-03", "motion")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A motion turned down in a relative clause hung on it: an order, as "the motion was
        # denied" is.
        (
            "On 3 May 2019, counsel filed a post-trial motion, which was denied on 9 August 2019.",
            [("2019-05-03", "motion"), ("2019-08-09", "order")],
        ),
        # An appeal entered on the appellate court's docket: a registration, no new step.
        (
            "Her notice of appeal was filed 2 March 2011, and was docketed in this court on"
            " 5 April 2011.",
            [("2011-03-02", "appeal"), ("2011-04-05", "other")],
        ),
        ("The appeal was docketed 4 May 2012.", [("2012-05-04", "other")]),
        # Leave to appeal late, granted by the trial court: an order.
        ("He was granted an out-of-time appeal 8 June 2010.", [("2010-06-08", "order")]),
        # The appeal chamber's judgment: a higher court's ruling.
        ("The Smith Appeal Judgement is scheduled for 5 May 2014.", [("2014-05-05", "ruling")]),
        # A judgment of sentence is the sentence.
        (
            "He appeals from the judgment of sentence entered on 3 May 2016.",
            [("2016-05-03", "sentencing")],
        ),
        # A constitutional court seized by the supreme court that sends it the question.
        (
            "Le Conseil constitutionnel a été saisi le 2 mars 2016 par le Conseil d'État d'une"
            " question prioritaire de constitutionnalité.",
            [("2016-03-02", "referral")],
        ),
    ],
)
def test_a_motion_denied_an_appeal_docketed_or_let_in_late_and_a_question_sent_up(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A first-instance judgment by what it found: guilty, cleared of a charge, or both
        # (cleared of one charge and convicted of another is a conviction).
        (
            "A. Par jugement du 3 mai 2019, le Tribunal de police a constaté que Y._ s'est rendu"
            " coupable de vol.",
            [("2019-05-03", "conviction")],
        ),
        (
            "A. Par jugement du 3 mai 2019, le Tribunal correctionnel a libéré Y._ du chef"
            " d'accusation de vol.",
            [("2019-05-03", "acquittal")],
        ),
        (
            "Par jugement du 3 mai 2019, le Tribunal de police a libéré Y._ de l'accusation de"
            " menaces et a constaté qu'il s'est rendu coupable de vol.",
            [("2019-05-03", "conviction")],
        ),
        # A court of appeal's decision named with a first instance's word is its ruling.
        (
            "Par jugement du 3 mai 2019, la Cour d'appel civile a admis l'appel de Z._.",
            [("2019-05-03", "ruling")],
        ),
        # A party's paper opening the sentence: what the party asked is no decision.
        (
            "Par déclaration d'appel motivée du 3 mai 2019, il a conclu à ce que Y._ soit reconnu"
            " coupable de vol.",
            [("2019-05-03", "filing")],
        ),
        (
            "Par déterminations du 3 mai 2019, Y._ a conclu au rejet de l'appel.",
            [("2019-05-03", "filing")],
        ),
        # An appeal announced is the appeal.
        (
            "B. Le 3 mai 2019, le Ministère public a déposé une annonce d'appel contre ce"
            " jugement.",
            [("2019-05-03", "appeal")],
        ),
        ("Y._ a annoncé faire appel de ce jugement le 3 mai 2019.", [("2019-05-03", "appeal")]),
        # A court sending a question to another (past a heading run into the sentence), and
        # the day its decision reached the registry.
        (
            "II. Faits et procédure Par arrêt du 3 mai 2019, dont l'expédition est parvenue au"
            " greffe de la Cour le 10 mai 2019, le tribunal de première instance de Namur a posé"
            " la question préjudicielle suivante.",
            [("2019-05-03", "referral"), ("2019-05-10", "filing")],
        ),
        # A court sending the case to another court.
        (
            "Par une ordonnance du 3 mai 2019, le président du tribunal administratif de Lille a"
            " renvoyé au tribunal administratif d'Amiens la requête de M. X.",
            [("2019-05-03", "referral")],
        ),
        (
            "A l'ouverture des débats, le 3 mai 2019, le prévenu a soulevé une exception.",
            [("2019-05-03", "hearing")],
        ),
        # The court allowing the appeal before it rules.
        ("On May 3, 2019, I allowed the State's appeal.", [("2019-05-03", "ruling")]),
        # A respondent's consent to the order that ends the case is a settlement.
        (
            "The respondent executed an Agreement Containing Consent Order, dated May 3, 2019.",
            [("2019-05-03", "settlement")],
        ),
    ],
)
def test_what_a_decision_found_a_partys_paper_and_a_question_sent_up(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


def test_a_heads_labels_date_the_hearing_submissions_and_an_appeal_courts_decision() -> None:
    head = (
        "COURT OF APPEAL FOR ONTARIO\n\nCitation: R. v. Smith, 2019 ONCA 1\nDate: 20190603\n\n"
        "Between:\nRegina\nRespondent\nand\nJohn Smith\nAppellant\n\n"
        "Place and Date of Hearing:\nToronto, Ontario\nMarch 4, 2019\n\n"
        "Written Submissions Received:\nMarch 11 and 18, 2019\n\n"
        "Place and Date of Judgment:\nToronto, Ontario\nJune 3, 2019\n\n"
        "Reasons for Judgment\n\n[1] The appellant appeals his sentence.\n"
    )
    assert kinds(head) == [
        ("2019-06-03", "ruling"),
        ("2019-03-04", "hearing"),
        ("2019-03-11", "filing"),
        ("2019-03-18", "filing"),
    ]
    # A trial court hearing an appeal: its parties' roles make its decision a ruling.
    on_appeal = (
        "IN THE SUPREME COURT OF YUKON\n\nDate: 20190603\nDocket: 12345\n\nBetween:\n\nRegina\n\n"
        "Appellant\n\nAnd:\n\nJohn Smith\n\nRespondent\n\nReasons for Judgment\n\n"
        "[1] The Crown appeals an acquittal.\n"
    )
    assert kinds(on_appeal) == [("2019-06-03", "ruling")]


def test_a_run_together_canadian_head_its_glossed_dates_and_a_question_answered() -> None:
    # "Date: 20190227" dates the decision of a head run into one line; a hearing and the
    # judgment given from the bench on the same day are two events; a bracket after a date
    # names its event.
    head = (
        "COURT OF APPEAL FOR YUKON Citation: R. v. Doe, 2019 YKCA 3 Date: 20190227 Docket:"
        " CA0001 Between: Regina Respondent And John Doe Appellant On appeal from: An order of"
        " the Supreme Court of Yukon, dated March 2, 2017 (conviction) and June 9, 2017"
        " (sentence). Place and Date of Hearing: Whitehorse, Yukon February 5, 2019 Place and"
        " Date of Judgment: Whitehorse, Yukon February 5, 2019 Place and Date of Reasons:"
        " Whitehorse, Yukon February 27, 2019 Written Reasons by: The Honourable Mr. Justice Roe"
    )
    assert kinds(head) == [
        ("2019-02-27", "ruling"),
        ("2017-03-02", "conviction"),
        ("2017-06-09", "sentencing"),
        ("2019-02-05", "hearing"),
        ("2019-02-05", "ruling"),
    ]
    # A court answering a question another court sent it judges as a first instance does.
    answered = (
        "COUR CONSTITUTIONNELLE\n\nExtrait de l'arrêt n° 42/2019 du 14 mars 2019 Numéro du"
        " rôle : 7001 En cause : la question préjudicielle relative à l'article 3 de la loi,"
        " posée par le tribunal de Namur."
    )
    assert kinds(answered) == [("2019-03-14", "judgment")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # What came of a hearing a sentence opens with is the event of its date.
        (
            "At the probation violation hearing in September 2017, Smith admitted the"
            " violations, and the court revoked his probation and imposed his prison sentence.",
            [("2017-09", "sentencing")],
        ),
        ("At the hearing on 3 May 2019, the judge heard both sides.", [("2019-05-03", "hearing")]),
        # A letter's date is the date of the act it carried, not of the paper it contests.
        (
            "Contestant les faits, le prévenu a formé opposition à cette ordonnance par courrier"
            " du 26 août 2014.",
            [("2014-08-26", "appeal")],
        ),
        # The facts told after a colon, or after "pour avoir", are no step of the case.
        (
            "Le 31 janvier 2005, le Préfet a condamné A._ à 250 fr. d'amende, en raison des faits"
            " suivants: le 4 mars 2004 à une heure du matin, au volant de son camion, il avait"
            " suivi de trop près une voiture.",
            [("2005-01-31", "conviction"), ("2004-03-04", "other")],
        ),
        (
            "Par jugement du 2 octobre 2014, le Tribunal de police a constaté que B._ s'est rendu"
            " coupable d'excès de vitesse pour avoir circulé à 150 km/h sur l'autoroute A1, le"
            " 31 juillet 2014, à 7h10.",
            [("2014-10-02", "conviction"), ("2014-07-31", "other")],
        ),
    ],
)
def test_what_came_of_a_hearing_a_letters_act_and_the_facts_after_a_colon(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


def test_a_head_label_dates_only_the_lines_under_it_not_the_first_paragraph() -> None:
    text = (
        "IN THE SUPREME COURT OF YUKON\n\nDate: 20190603\n\nBetween:\nRegina\nAppellant\n"
        "And:\nJohn Smith\nRespondent\n\nReasons for Judgment\n\nDate and Place of Hearing:\n\n"
        "April 2 and 3, 2019\n\nWhitehorse, Y.T.\n\n[1] On April 3, 2019, I allowed the Crown"
        " appeal and gave short reasons.\n"
    )
    assert kinds(text) == [
        ("2019-06-03", "ruling"),
        ("2019-04-02", "hearing"),
        ("2019-04-03", "hearing"),
        ("2019-04-03", "ruling"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # An appeal or supreme court deciding: a ruling, whatever its verb says it decided.
        ("Le prévenu a été relaxé par la cour d'appel le 3 mai 2019.", "ruling"),
        ("Condamné en première instance, il l'a été aussi en appel le 3 mai 2019.", "ruling"),
        ("The accused was acquitted by the Court of Appeal on 3 May 2019.", "ruling"),
        ("She was sentenced again by the Supreme Court on 3 May 2019.", "ruling"),
        # The same verbs of a first-instance court keep their kind.
        ("Le prévenu a été relaxé par le tribunal correctionnel le 3 mai 2019.", "acquittal"),
        ("The accused was acquitted by the district court on 3 May 2019.", "acquittal"),
        # An appeal court's named decision: what it decided stays told.
        ("The appellant appeals the judgment of the Court of Appeal dated 3 May 2019.", "ruling"),
        (
            "Il a formé un pourvoi contre l'arrêt de la cour d'appel de Lyon, en date du "
            "3 mai 2019, qui l'a condamné à deux ans d'emprisonnement.",
            "conviction",
        ),
        # An investigating chamber's decision: an order.
        (
            "Il a formé un pourvoi contre l'arrêt de la chambre de l'instruction de la cour "
            "d'appel de Lyon, en date du 3 mai 2019, qui a ordonné sa mise en liberté.",
            "order",
        ),
        # A first-instance court's decision confirmed later: its judgment.
        (
            "La cour a confirmé le jugement rendu par le tribunal de grande instance de Lyon "
            "le 3 mai 2019.",
            "judgment",
        ),
        # A president's ordonnance stays an order.
        (
            "Une ordonnance de sursis a été rendue le 3 mai 2019 par le président de la Cour "
            "suprême.",
            "order",
        ),
    ],
)
def test_a_courts_decision_by_the_courts_level(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Found guilty with the accused named between the verb and "coupable".
        (
            "Par jugement du 3 mai 2019, le tribunal criminel a reconnu Jean Dupont coupable "
            "de meurtre.",
            "conviction",
        ),
        # A motion by a party to dismiss, granted: the case or charge dismissed.
        (
            "On 3 May 2019, the court granted a motion by the defense to dismiss the charge.",
            "dismissal",
        ),
        # A trial or hearing put off to a date: a hearing that day.
        ("Le procès a été renvoyé au 3 mai 2019.", "hearing"),
        ("The trial was adjourned until May 3, 2019.", "hearing"),
        # Appearing before a court on a date.
        ("Le prévenu comparaîtra le 3 mai 2019 devant le tribunal correctionnel.", "hearing"),
        # Conferences and proceedings before trial are hearings.
        ("The defendants return to court for a readiness conference on May 3, 2019.", "hearing"),
        ("They will return on May 3, 2019 for pre-trial proceedings.", "hearing"),
        # A convict transferred to serve a sentence: custody.
        ("On 3 May 2019 he was transferred to Norway to serve his sentence.", "detention"),
    ],
)
def test_verbs_with_their_object_or_date_between(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A head's hearing label on the line above the date alone.
        (
            "COURT OF APPEAL\n\nR v Smith\n\nHEARING DATE:\n3 May 2019\n\n"
            "JUDGMENT\n\n[1] The appeal is dismissed.",
            "hearing",
        ),
        ("COURT OF APPEAL\n| Hearing: |\n3 May 2019 |\n| Judges: | A, B and C |\n", "hearing"),
        # a law report's "Hearing date(s):" over the day, as over "HEARING DATE:"
        (
            "SUPREME COURT\n\nPolice v Smith\n\nHearing date(s):\n3 May 2019\n\n"
            "JUDGMENT\n\n[1] The accused pleaded guilty.",
            "hearing",
        ),
        # "Judgment date:" over an appeal's caption: the higher court's ruling.
        (
            "Judgment Date: May 3, 2019\nIN THE HIGH COURT AT NAIROBI\nCRIMINAL APPEAL NO. 7 "
            "OF 2018\nJOHN DOE ........ APPELLANT\nVERSUS\nREPUBLIC ........ RESPONDENT\n",
            "ruling",
        ),
        (
            "Judgment Date: May 3, 2019\nIN THE HIGH COURT AT NAIROBI\nCIVIL CASE NO. 7 OF 2018\n"
            "JOHN DOE ........ PLAINTIFF\nVERSUS\nACME LTD ........ DEFENDANT\n",
            "judgment",
        ),
    ],
)
def test_a_heads_label_gives_the_dates_kind(text: str, want: str) -> None:
    assert kinds(text) == [("2019-05-03", want)]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2019 she filed the further application for an extension of time to appeal.",
        "On 3 May 2019, the appellant applied for the extension of the period to appeal.",
        "An application to be released, filed on 3 May 2019, was heard a week later.",
    ],
)
def test_asking_the_court_for_time_or_release_is_a_motion(text: str) -> None:
    assert kinds(text)[0] == ("2019-05-03", "motion")


@pytest.mark.parametrize(
    ("head", "want"),
    [
        # A decision on bail or a stay, named in its head: an order even when it is a ruling's.
        (
            "IN THE COURT OF APPEAL\nBAIL PENDING APPEAL\n\n3 May 2019\n\nJOHN DOE Applicant\n",
            "order",
        ),
        (
            "IN THE COURT OF APPEAL\nAPPEAL FROM CONVICTION\n\n3 May 2019\n\nJOHN DOE Appellant\n",
            "ruling",
        ),
    ],
)
def test_a_decision_on_bail_or_a_stay_is_an_order(head: str, want: str) -> None:
    assert kinds(head + "\n[1] The court has considered the papers.") == [("2019-05-03", want)]


@pytest.mark.parametrize(
    ("head", "want"),
    [
        # A head's "Hearing:" label, or where the court sat: the day it heard the case.
        ("IN THE HIGH COURT\nCIV-2019-1\n\nHearing: 3 May 2019\n", "hearing"),
        (
            "IN THE UPPER TRIBUNAL\nAppeal Number: UI-2019-1\n\n"
            "Heard at Bridge House on 3 May 2019\n",
            "hearing",
        ),
        # A Quebec decision titled by the motion it decides is an order, not a judgment.
        (
            "COUR DU QUÉBEC\nN° : 500-01-1\n\nDATE : 3 mai 2019\n\nJEAN DUPONT Requérant\nc.\n"
            "VILLE DE NULLEPART Intimée\n\nJUGEMENT SUR REQUÊTE EN ARRÊT DES PROCÉDURES\n",
            "order",
        ),
    ],
)
def test_a_heads_hearing_label_and_a_decision_on_a_motion(head: str, want: str) -> None:
    assert kinds(head + "\n[1] The court has considered the papers.")[0] == ("2019-05-03", want)


@pytest.mark.parametrize(
    "text",
    [
        # A regulator's statement of the grievances it will try, a ticket's statement of offence.
        "Vu la notification de griefs en date du 3 mai 2019, adressée à la société Y ;",
        "Le 3 mai 2019, deux constats d'infraction sont signifiés au requérant.",
        "The Commission sent a statement of objections to the company on 3 May 2019.",
    ],
)
def test_a_statement_of_grievances_or_offence_is_a_charge(text: str) -> None:
    assert kinds(text) == [("2019-05-03", "charge")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # An accused handed over to an international court: its custody.
        (
            "On 3 May 2019, John Doe was surrendered to the International Criminal Court.",
            "detention",
        ),
        ("John Doe was transferred to the custody of the ICC on 3 May 2019.", "detention"),
        # A warrant of arrest issued, or one issued first and unsealed later: the court's order.
        ("He was handed over following a warrant of arrest issued on 3 May 2019.", "order"),
        # A sealed warrant made public: the charges it carries are known.
        ("On 3 May 2019, the judges unsealed an arrest warrant against John Doe.", "charge"),
    ],
)
def test_an_international_courts_warrant_and_custody(text: str, want: str) -> None:
    assert kinds(text) == [("2019-05-03", want)]


def test_a_warrant_first_issued_then_unsealed_is_two_steps() -> None:
    text = "On 3 May 2019, the judges unsealed a warrant against Doe, first issued on 4 June 2018."
    assert kinds(text) == [("2019-05-03", "charge"), ("2018-06-04", "order")]


def test_a_bailiffs_writ_of_summons_is_the_complaint_it_serves() -> None:
    text = (
        "Vu l'exploit d'assignation de Maître Dupont, huissier, en date du 3 mai 2019 ;\n"
        "Par acte d'huissier en date du 3 mai 2019, la société A. a assigné M. B. devant le"
        " tribunal de première instance."
    )
    assert kinds(text) == [("2019-05-03", "complaint")]


@pytest.mark.parametrize(
    "text",
    [
        "His appeal came before First-tier Tribunal Judge Smith on 3 May 2019.",
        "The matter came on for hearing before the Honourable Justice Brown on 3 May 2019.",
    ],
)
def test_a_case_that_came_before_a_judge_was_heard(text: str) -> None:
    assert kinds(text) == [("2019-05-03", "hearing")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('He was charged with "propaganda against the state" on 15 February 2023 and held in'
         " Evin prison.", "charge"),
        ("She was convicted of \u201cmembership of a banned organisation\u201d on 2 May 2021 and"
         " released on bail.", "conviction"),
        ("Il a été mis en examen pour « association de malfaiteurs terroriste » le 4 mars 2020"
         " et placé en détention.", "charge"),
    ],
)  # fmt: skip
def test_a_quoted_name_between_the_event_and_its_date_counts_as_one_word(
    text: str, kind: str
) -> None:
    """The offence named in quotation marks kept the verb far from its date, so the verb of the
    next clause ("and held in Evin prison") won: the date is the charge's."""
    lang = "fr" if " le " in text else "en"
    assert [c.kind for c in extract(text, lang=lang).candidates] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a place named after a step is no step: the facts of the matter
        ("Le 3 mai 2019, il y a eu une bagarre dans une salle d'audience du tribunal.", "other"),
        ("He was taken on 3 May 2019 to the Regional Referral Hospital, where he died.", "other"),
        # no appearance: the warrant that came of it is the date's event
        ("An arrest warrant was issued for the man after he failed to appear in the Local Court"
         " on 3 May 2019.", "order"),
        ("The warrant for the woman's arrest was issued in May 2019 by the Registrar.", "order"),
        # a complaint lodged, a registry's notice to the other party, a paper received
        ("Le 3 mai 2019, M. Dupont dépose une plainte contre son employeur.", "complaint"),
        ("Le 3 mai 2019, le greffe notifiait la requête à l'État défendeur.", "other"),
        ("The transcript, which was only received by this court on 3 May 2019, was short.",
         "filing"),
        ("La communication a été reçue par le Secrétariat de la Commission le 3 mai 2019.",
         "filing"),
        # an appeal heard
        ("L'appel a été entendu le 3 mai 2019.", "hearing"),
        # a commission's reports: on admissibility a ruling, on the merits a judgment
        ("On 3 May 2019, the Commission adopted Report on admissibility No. 12/19.", "ruling"),
        ("On 3 May 2019, the Commission adopted its Report on the merits No. 40/19.", "judgment"),
        # a party's paper lodged at an international court's registry is no appeal
        ("Le 3 mai 2019, l'État déposait au greffe de la Cour son mémoire en défense.", "filing"),
    ],
)  # fmt: skip
def test_a_step_told_in_other_words(text: str, kind: str) -> None:
    assert [c.kind for c in extract(text, lang="fr" if "Le " in text else "en").candidates] == [
        kind
    ]


def test_an_event_nouns_label_dates_the_line_it_opens() -> None:
    text = "Audience : Le 3 mai 2019, à Halifax (Nouvelle-Écosse).\n"
    assert [c.kind for c in extract(text, lang="fr").candidates] == ["hearing"]


# Counsel and the court's furniture, which push a head's labels past its first lines.
_COUNSEL = (
    "Mr A. Brown and Ms C. Green instructed by Brown & Co for the appellant\n\n"
    "Ms D. White, Director of Public Prosecutions, and Mr E. Black for the Crown\n\n"
    "Criminal law - Appeal against conviction and sentence - Theft - Whether the judge erred"
    " in admitting the evidence of the witness - Whether the sentence was manifestly"
    " excessive - Appeal dismissed\n\nJUDGES\nJONES, BLACK and GREY JJA\nWHERE HELD\nTOWN\n\n"
)


@pytest.mark.parametrize(
    ("head", "want"),
    [
        # the text's own citation line dates its decision, of the court's level
        ("Smith v The Queen [2019] XXCA 12 (3 May 2019)\n\nIN THE COURT OF APPEAL\n\n"
         "JOHN SMITH Appellant\n\nv\n\nTHE QUEEN Respondent\n\nJUDGMENT\n\n"
         "[1] The appellant was convicted of theft.", "ruling"),
        ("Republic v Okello (Criminal Session 12 of 2018) [2019] XXHC 40 (3 May 2019)\n\n"
         "IN THE HIGH COURT AT KAMPALA\n\nREPUBLIC v OKELLO\n\nJUDGMENT\n\n"
         "[1] The accused stands indicted of murder.", "judgment"),
        # a head's labels on the line above their dates, colon or none
        ("IN THE COURT OF APPEAL\n\nJOHN SMITH Appellant v THE QUEEN Respondent\n\n"
         "DATE OF HEARING\n3 May 2019\n\n[1] The appellant was convicted of theft.", "hearing"),
        ("Page 1 of 9 IN THE COURT OF APPEAL CRIMINAL APPEAL NO. 1 OF 2018 BETWEEN JOHN SMITH"
         " APPELLANT AND THE STATE RESPONDENT DATE DELIVERED: 3 rd May, 2019\n\n"
         "IN THE COURT OF APPEAL\n\nCRIMINAL APPEAL NO. 1 OF 2018\n\nJOHN SMITH APPELLANT\n\n"
         "AND\n\nTHE STATE RESPONDENT\n\n" + _COUNSEL + "DATE DELIVERED: 3rd May, 2019\n\n"
         "Delivered by: A. Jones JA\n\nAfter a trial, John Smith was convicted.", "ruling"),
        # what a title in capitals below the caption names as decided: bail
        ("Smith v S (CC1/2018) [2019] XXHC 4 (3 May 2019)\n\nIN THE HIGH COURT\n\n"
         "CASE NO. CC1/2018\n\nIn the matter between:\n\nJOHN SMITH APPELLANT/APPLICANT\n\nand\n\n"
         "THE STATE RESPONDENT\n\nORDER\n\nThe application for leave to appeal against the"
         " refusal to admit the applicant to bail is dismissed.\n\nJUDGMENT IN THE APPLICATION"
         " FOR LEAVE TO APPEAL AGAINST THE REFUSAL OF BAIL PENDING APPEAL\n\n"
         "[1] The applicant seeks leave.", "order"),
    ],
)  # fmt: skip
def test_a_citation_line_or_a_label_above_dates_the_decision(head: str, want: str) -> None:
    assert [kind for day, kind in kinds(head) if day == "2019-05-03"] == [want]


def test_a_citation_line_and_the_heads_labels_of_one_decision() -> None:
    """The citation line and "DATE OF JUDGMENT" date one ruling; "DATE OF HEARING" its hearing."""
    head = (
        "Smith v The Queen [2019] XXCA 12 (3 May 2019)\n\nCOURT OF APPEAL\n\nJOHN SMITH\n"
        "Applicant\n\nv\n\nTHE QUEEN\nRespondent\n\n" + _COUNSEL + "DATE OF HEARING\n2 May 2019\n"
        "DATE OF JUDGMENT\n3 May 2019\nMEDIUM NEUTRAL CITATION\n\n"
        "[1] The applicant was convicted of theft."
    )
    assert kinds(head) == [("2019-05-03", "ruling"), ("2019-05-02", "hearing")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a single judge of a court of appeal deciding an application for leave: an order
        ("A single judge of this court, on 3 May 2019, considered the applicant's application,"
         " but refused it in respect of both conviction and sentence.", "order"),
        ("The application for leave to appeal against sentence was considered on paper by a single"
         " judge of this court on 3 May 2019, when it was refused.", "order"),
        # a date opening its paragraph past the paragraph's number: the main verb's event
        ("[2] In May 2019, their appeals to this court from those convictions were dismissed.",
         "ruling"),
    ],
)  # fmt: skip
def test_a_single_judges_decision_on_leave_and_a_numbered_paragraphs_opening_date(
    text: str, kind: str
) -> None:
    assert [c.kind for c in extract(text).candidates] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a requête that names no court, by what it asks
        ("Par une requête introduite par la voie électronique le 3 mai 2019, M. X et Mme Y"
         " demandent la suspension de l'exécution du permis d'urbanisme.", "motion"),
        ("Par une requête introduite le 3 mai 2019, M. X a demandé l'annulation du même acte.",
         "complaint"),
        ("Par une requête introduite le 3 mai 2019, l'association Z a demandé à être reçue en"
         " qualité de partie intervenante.", "motion"),
    ],
)  # fmt: skip
def test_a_requete_naming_no_court_by_what_it_asks(text: str, kind: str) -> None:
    assert [c.kind for c in extract(text, lang="fr").candidates] == [kind]


def test_an_officials_act_and_a_judge_sitting_in_refere() -> None:
    head = (
        "CONSEIL D'ÉTAT, SECTION DU CONTENTIEUX ADMINISTRATIF.\nLE PRÉSIDENT DE LA XIe\n"
        "CHAMBRE SIÉGEANT EN RÉFÉRÉ\nA R R Ê T\nno\n240.000 du 3 mai 2019\nEn cause : X\n"
        "I. Objet de la requête\nPar une requête introduite le 2 avril 2019, X demande la"
        " suspension de l'exécution de la décision des fonctionnaires délégués du 1er mars 2019"
        " octroyant un permis."
    )
    assert kinds(head) == [
        ("2019-05-03", "order"),
        ("2019-04-02", "motion"),
        ("2019-03-01", "other"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # appearances and sittings are hearings
        ("The man was granted bail and is due to appear at Manly Local Court on 3 May 2019.",
         "hearing"),
        ("He appeared in front of a Gore Bay, Ont., justice on 3 May 2019.", "hearing"),
        ("Both are expected to make court appearances on 3 May 2019.", "hearing"),
        ("Le dossier reviendra devant la cour pour orientation le 3 mai 2019.", "hearing"),
        ("Le commissaire du gouvernement a demandé son renvoi au 3 mai 2019.", "hearing"),
        # a verdict returned is the conviction (GUIDE.md never uses `verdict`)
        ("On 3 May 2019, the jury returned majority verdicts on eleven counts.", "conviction"),
        # a brief drafted by counsel is filed, not settled
        ("The Appellant filed his brief on 2 May 2019 settled by A. Jones and a reply to the"
         " Respondents' brief on 3 May 2019.", "filing"),
        # asking for release, bail or the trial to be put off
        ("Le 3 mai 2019, le demandeur a déposé une requête en vue d'obtenir sa mise en liberté.",
         "motion"),
        ("The appellant filed yet another application for default bail on 3 May 2019.", "motion"),
        ("Le 3 mai 2019, le parquet a demandé un nouveau renvoi de ce procès.", "motion"),
        # decisions on detention, warrants and leave are orders
        ("Le 3 mai 2019, le juge d'instruction a décerné contre lui un mandat d'arrêt.", "order"),
        ("Le 3 mai 2019, le juge d'instruction a refusé la mise en liberté.", "order"),
        ("La chambre a autorisé la prolongation de la détention le 3 mai 2019.", "order"),
        ("Le pourvoi est dirigé contre l'arrêt de la Chambre pénale de recours de la Cour de"
         " justice du 3 mai 2019.", "order"),
        ("On 3 May 2019 the Board gave the appellant special leave to appeal.", "order"),
        ("On 3 May 2019 the Court of Appeal dismissed his application for leave to appeal"
         " against conviction.", "order"),
        ("The impugned order granted by him on 3 May 2019, and referred to herein below, stands.",
         "order"),
        # an appeal dismissed past an adverb; two steps under one date, the first
        ("The appellant's appeal was, however, dismissed on 3 May 2019.", "ruling"),
        ("M. X est mis en examen et placé en détention provisoire le 3 mai 2019.", "charge"),
    ],
)  # fmt: skip
def test_appearances_verdicts_requests_and_decisions_on_detention_or_leave(
    text: str, kind: str
) -> None:
    lang = "fr" if re.search(r"\b(?:le|la|du)\b", text) else "en"
    assert {c.kind for c in extract(text, lang=lang).candidates} == {kind}


def test_a_decision_named_with_its_court_then_what_it_decided() -> None:
    """The court that gave it may come between the date and the clause that says what it did."""
    text = (
        "La Cour, statuant sur le pourvoi de X contre l'arrêt n° 12 rendu le 3 mai 2019 par la"
        " Cour criminelle ordinaire de Tananarive qui l'a condamné à cinq ans d'emprisonnement ;"
    )
    assert kinds(text) == [("2019-05-03", "conviction")]


def test_a_queensland_heads_proceeding_names_an_application_decided() -> None:
    head = (
        "R v Smith [2019] QCA 12\nSUPREME COURT OF QUEENSLAND\nCourt of Appeal\n"
        "PROCEEDING: | Application for Extension (Sentence) |\n"
        "DELIVERED EX TEMPORE ON: | 3 May 2019 |\nDELIVERED AT: | Brisbane |\n"
        "HEARING DATE: | 3 May 2019 |\nJUDGES: | Jones JA |\n"
        "ORDER: | Application for extension of time within which to appeal refused |\n"
    )
    assert sorted(kinds(head)) == [("2019-05-03", "hearing"), ("2019-05-03", "order")]


def test_a_requete_and_new_memoires_registered_on_listed_days() -> None:
    text = (
        "Par une requête et deux nouveaux mémoires, enregistrés les 2, 3 et 4 mai 2019 au"
        " secrétariat du contentieux du Conseil d'Etat, M. X demande au juge des référés du"
        " Conseil d'Etat :"
    )
    assert kinds(text)[:2] == [("2019-05-02", "complaint"), ("2019-05-03", "filing")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Singapore's General Division of the High Court hearing a magistrate's appeal rules on it
        ("This judgment is subject to final editorial corrections approved by the court. |\n"
         "Smith\nv\nPublic Prosecutor [2021] SGHC 12\nGeneral Division of the High Court \u2014"
         " Magistrate\u2019s Appeal No 9 of 2020\nTan J\n3 May 2019\nTan J:\nIntroduction\n"
         "1 The appellant claimed trial in the District Court to a charge of theft.", "ruling"),
    ],
)  # fmt: skip
def test_a_high_courts_division_hearing_an_appeal(text: str, kind: str) -> None:
    assert [c.kind for c in extract(text).candidates] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # one list of appellate courts for heads and clauses: a supreme court's head is a ruling
        ("IN THE SUPREME COURT OF EREWHON\n\nCivil Appeal No. 4 of 2018\n\nJUDGMENT\n\n"
         "3 May 2019\n\n[1] This matter concerns a lease.", "ruling"),
        # one list of first-instance courts: a tax court named in a clause gave a judgment
        ("The assessment was confirmed by the Tax Court on 3 May 2019.", "judgment"),
    ],
)  # fmt: skip
def test_one_list_of_court_levels_for_heads_and_clauses(text: str, kind: str) -> None:
    assert [c.kind for c in extract(text).candidates] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Plain words for a judge ending a case; an appeal court quashing is no dismissal.
        ("The magistrate threw out the case on 3 May 2019.", "dismissal"),
        ("On 3 May 2019 the judge tossed out the charges against him.", "dismissal"),
        ("The court threw out the lawsuit on 3 May 2019.", "dismissal"),
        # Placed in garde à vue is the arrest (GUIDE.md); a release obtained is the release.
        ("Le 3 mai 2019, il a été placé en garde à vue.", "arrest"),
        ("Le 3 mai 2019, il a obtenu une mise en liberté provisoire.", "release"),
        ("Le 3 mai 2019, le juge lui a accordé une remise en liberté.", "release"),
        # A trial to come; a past "jugé le ..., déclaré coupable" stays the conviction.
        ("Il doit être jugé le 3 mai 2019 par le tribunal correctionnel.", "trial"),
        ("Il a été jugé le 3 mai 2019, déclaré coupable et condamné à dix ans.", "conviction"),
    ],
)
def test_everyday_press_words_for_a_dismissal_an_arrest_a_release_and_a_trial(
    text: str, kind: str
) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


def test_arrested_without_incident_is_the_arrest() -> None:
    """'Without incident' names no incident: the date is the arrest's, not the facts'."""
    text = (
        "Police said she was wanted over the murder and was arrested without incident on"
        " 3 May 2019."
    )
    assert kinds(text) == [("2019-05-03", "arrest")]


def test_a_treaty_bodys_date_of_the_requete_is_a_filing() -> None:
    head = (
        "Comité contre la torture\nCommunication n° 100/2001\nPrésentée par : K. (représenté par"
        " un conseil)\nÉtat partie : Pays-Bas\nDate de la requête : 3 mai 2019 (date de la lettre"
        " initiale)\n"
    )
    assert [c.kind for c in extract(head, lang="fr").candidates] == ["filing"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crime reported to the police starts the case; a person who goes to the police to
        # complain lodges no paper
        ("On 3 May 2019, the neighbours reported to the police that the accused had followed"
         " them.", [("2019-05-03", "complaint")]),
        ("Le 3 mai 2019, X. s'est présenté au poste de police afin de déposer plainte pour des"
         " vols survenus le 1er mai 2019.", [("2019-05-03", "complaint"), ("2019-05-01", "other")]),
        # the first of two steps of one date; a court report's "the court heard on"
        ("On 3 May 2019, the accused made his first appearance in court and the judge issued an"
         " order forbidding contact.", [("2019-05-03", "hearing")]),
        ("Her remains were found in a wood in Kent, the court heard on 13 March 2021.",
         [("2021-03-13", "hearing")]),
        # a step with a date of its own is not the step of a later date in its sentence
        ("Smith was arrested on 9 March 2021 after the woman went missing while walking home"
         " in London on 3 March 2021.", [("2021-03-09", "arrest"), ("2021-03-03", "other")]),
        # a petition for postconviction relief is a motion
        ("In 2019, Smith filed a second postconviction petition alleging new evidence.",
         [("2019", "motion")]),
        ("On 3 May 2019, Smith petitioned the district court for postconviction relief, seeking"
         " to vacate his conviction.", [("2019-05-03", "motion")]),
        # a state the date falls in, and a step named as later than the date
        ("On 3 May 2019, while serving the last part of his prison sentence, the accused walked"
         " away from the centre.", [("2019-05-03", "other")]),
        ("Smith joined the police in 2015 and guarded embassies before his arrest.",
         [("2015", "other")]),
        # a prison's own hearing is no court's
        ("On 3 May 2019, after a disciplinary hearing, the inmate was found guilty of escape.",
         [("2019-05-03", "other")]),
        # the sentence imposed by a first-instance court on a day
        ("This is an appeal against the sentence imposed by Judge Jones at Leeds Crown Court"
         " sitting on 3 May 2019.", [("2019-05-03", "sentencing")]),
        # what they were found guilty of doing is the date's act
        ("They were sentenced by a court that found them guilty of robbing a bank in the city"
         " centre in May 2018.", [("2018-05", "other")]),
        # an administration's order to leave France; the placement in a holding centre notified
        ("M. X a reçu une obligation de quitter le territoire français le 3 mai 2019, suivie"
         " d'une décision de placement en rétention administrative notifiée le 4 mai 2019.",
         [("2019-05-03", "other"), ("2019-05-04", "detention")]),
        # a penal order is the accusation, whatever it says it imposed
        ("Par ordonnance pénale du 3 mai 2019, le ministère public a condamné X. à une amende.",
         [("2019-05-03", "charge")]),
        # a bailiff's deed carries the appeal its main clause tells
        ("Par acte d'huissier en date du 3 mai 2019 signifié à X et déposé au greffe de la Cour"
         " d'appel, Y a interjeté appel du jugement.", [("2019-05-03", "appeal")]),
        # an appeal's number and date in the higher court's register: its registration
        ("Statuant sur le pourvoi formé par déclaration au greffe du tribunal en date du 3 mai"
         " 2019 enregistrée au greffe de la Cour Suprême sous le n° 12 du 10 juin 2019, par"
         " lequel X formait pourvoi.", [("2019-05-03", "appeal"), ("2019-06-10", "other")]),
    ],
)  # fmt: skip
def test_heldout14s_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_a_charge_quoted_in_its_terms_dates_the_facts() -> None:
    text = (
        "On 3 June 2019, at the High Court in Glasgow, the appellant was convicted of a charge"
        " which libelled that:\n\u201con 7 May 2018 at Flat 2, 10 High Street, Glasgow, you did"
        " assault John Doe and did murder him.\u201d"
    )
    assert kinds(text) == [("2019-06-03", "conviction"), ("2018-05-07", "other")]


_BANNER = "A law site is celebrating its years of free access to the law, with thanks. " * 8


@pytest.mark.parametrize(
    "head",
    [
        # a breadcrumb past a long banner, run into the page's URL line
        "High Court of Justiciary Decisions\n" + _BANNER + "\nYou are here: SITE >> Databases"
        " >> Justiciary Decisions >> SMITH, APPEAL AGAINST CONVICTION BY AGAINST HM ADVOCATE"
        " [2019] HCJAC 12 (3 May 2019) URL:"
        " http://example.org/2019/12.html\nOPINION OF THE COURT\nin\nNOTE OF APPEAL AGAINST"
        " CONVICTION\nby\nJOHN SMITH\nAppellant\n",
        # a title line that names the case by its neutral citation alone
        "SMITH, APPEAL AGAINST SENTENCE BY AGAINST THE ADVOCATE [2019] ScotHC HCJAC_12"
        " (3 May 2019)\n" + _BANNER[:200] + "\nAPPEAL COURT\nOPINION OF THE COURT\n",
        # the date alone on its line, under the caption and above the opinion's first heading
        "APPEAL COURT\n[2019] HCJAC 12\nOPINION OF THE COURT\nin\nNOTE OF APPEAL AGAINST"
        " CONVICTION\nby\nJOHN SMITH\nAppellant;\nagainst\nTHE ADVOCATE\nRespondent:\n" + _BANNER
        + "\n3 May 2019\nIntroduction\n[1] This is an appeal.",
    ],
)  # fmt: skip
def test_an_appeal_courts_head_dates_its_ruling(head: str) -> None:
    assert kinds(head) == [("2019-05-03", "ruling")]


def test_the_cases_own_decision_cited_with_run_together_abbreviations() -> None:
    """ "Minn.App." inside a citation's bracket ends no sentence: the citation is read whole."""
    text = (
        "On October 9, 2018, Smith filed an appeal of the restitution order, which this court"
        " affirmed. State v. Smith, A18-1234, 2019 WL 1234567 (Minn.App. June 17, 2019)."
    )
    assert kinds(text) == [("2018-10-09", "appeal"), ("2019-06-17", "ruling")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a decision did, told after the court named with it
        ("Statuant sur le pourvoi formé contre l'arrêt n° 12 du 3 mai 2019 de la Cour d'assises"
         " de Niamey par X qui l'a condamné à dix ans d'emprisonnement ;",
         [("2019-05-03", "conviction")]),
        # a lower court deciding an appeal: what it did to the decision appealed from
        ("Statuant sur le pourvoi formé contre le jugement n° 12 du 3 mai 2019 du Tribunal"
         " régional de Dosso qui a confirmé le jugement rendu par le Tribunal de Gaya ;",
         [("2019-05-03", "ruling")]),
    ],
)  # fmt: skip
def test_a_decision_named_with_its_court_then_what_it_did(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(text) == expected


def test_a_bail_application_under_the_decisions_date_label() -> None:
    head = (
        "IN THE HIGH COURT OF DELHI AT NEW DELHI\n\nDate of decision: 03rd May, 2019\n\n"
        "+ BAIL APPLN. 12/2019\n\nJOHN SMITH ..... Petitioner\n\nversus\n\nTHE STATE ....."
        " Respondent\n\nJUDGMENT\n"
    )
    assert kinds(head) == [("2019-05-03", "order")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a killing told with its day is the facts
        ("The first witness was the brother of the deceased, killed on the 3rd May 2019 at his"
         " home.", [("2019-05-03", "other")]),
        # leave granted is an order; an execution set and stayed no step of the case
        ("Leave to proceed by way of judicial review was granted by the High Court on 3 May"
         " 2019.", [("2019-05-03", "order")]),
        ("He was due to be executed on 3 May 2019, but execution was stayed.",
         [("2019-05-03", "other")]),
        # a conviction and a sentence named by French nouns and participles
        ("L'appelant se pourvoit contre la déclaration de culpabilité prononcée contre lui le 3"
         " mai 2019 et contre la peine qui lui a été infligée le 4 juin 2019.",
         [("2019-05-03", "conviction"), ("2019-06-04", "sentencing")]),
        # a motion filed, with an adverb between
        ("A motion for new trial was subsequently filed May 3, 2019.", [("2019-05-03", "motion")]),
        # what he was convicted of doing, past the year of the conviction
        ("He was convicted in 2020 of setting a fire at a shop on May 3, 2019.",
         [("2020", "conviction"), ("2019-05-03", "other")]),
        # a lawyer telling a judge: a hearing
        ("Defence lawyer John Doe told Judge Jane Roe on May 3, 2019 that he needed more time.",
         [("2019-05-03", "hearing")]),
        # a decision named with its date that placed the accused in detention
        ("A. Par ordonnance du 3 mai 2019, le Tribunal des mesures de contrainte a placé X.___"
         " en détention provisoire.", [("2019-05-03", "detention")]),
        # a trial first set for a day, put off since: a hearing that day
        ("Le verdict est tombé le 3 juin 2019 ; le procès était initialement prévu le 3 mai"
         " 2019.", [("2019-06-03", "conviction"), ("2019-05-03", "hearing")]),
        # a judge asking the court for more detention
        ("Le 3 mai 2019, le Juge d'instruction a requis une nouvelle prolongation.",
         [("2019-05-03", "motion")]),
    ],
)  # fmt: skip
def test_traind_and_traine_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The accused faced the Perth Magistrates Court on Tuesday, 7 May 2019.",
        "He is scheduled to reappear in Brisbane Magistrates Court on May 7, 2019.",
        "The case was adjourned, with the man to reappear in court on 7 May 2019.",
        "The judge said the matter would be brought back before the court on May 7, 2019, when"
        " it should be known whether the case will proceed to trial.",
    ],
)
def test_an_accused_before_a_court_on_a_day_is_a_hearing(text: str) -> None:
    assert kinds(text) == [("2019-05-07", "hearing")]


def test_the_event_another_followed_is_dated_by_its_own_clause() -> None:
    text = (
        "The man appeared before the Magistrates Court on Thursday, May 9, 2019, following his"
        " arrest on Wednesday, May 8, 2019."
    )
    assert kinds(text) == [("2019-05-09", "hearing"), ("2019-05-08", "arrest")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a requête dated by its author and registered on another day: the registration
        ("La Cour, saisie d'une requête du 3 mai 2019 enregistrée à son Secrétariat le 6 mai"
         " 2019 sous le numéro 12/REC, par laquelle X porte plainte.",
         [("2019-05-03", "motion"), ("2019-05-06", "other")]),
        ("Considérant que par requête en date du 3 mai 2019, enregistrée au greffe de la Cour le"
         " 6 mai 2019, X demande à la Cour de céans de :", [("2019-05-03", "motion"),
                                                          ("2019-05-06", "other")]),
        # a decision dated, then notified on another day: the notice
        ("Considérant que la Cour, par arrêt n°9 du 3 mai 2019, notifié au requérant le 6 mai"
         " 2019, a statué.", [("2019-05-03", "ruling"), ("2019-05-06", "other")]),
        # the facts a conviction was for, dated right after "pour avoir,"
        ("Il a été condamné le 3 juin 2019 pour avoir, le 3 mai 2019, lancé un objet sur le"
         " terrain.", [("2019-06-03", "conviction"), ("2019-05-03", "other")]),
    ],
)  # fmt: skip
def test_a_registration_a_notice_and_the_facts_have_a_date_of_their_own(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a decision that sentenced, named as such
        ("This is an appeal from the Sentencing Decisions of the Magistrate on 3 May 2019.",
         "sentencing"),
        # the charges read to the accused: an arraignment
        ("The charges were put to him on 3 May 2019.", "hearing"),
        # written submissions handed in to the court
        ("The State had tendered its written submissions on 3 May 2019.", "filing"),
        ("Amended notice of appeal and written submissions had been tendered on behalf of the"
         " appellant 3 May 2019.", "filing"),
    ],
)  # fmt: skip
def test_sentencing_decisions_charges_put_and_submissions_tendered(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what occurred on the date, past the place and the weekday: the facts, not the arrest
        ("One person has been arrested in relation to a burglary that occurred in Kaitaia on"
         " Friday, 3 May 2019.", "other"),
        ("A man was charged over an assault which happened at the stadium on 3 May 2019.",
         "other"),
        # the weekday's comma joins no other clause
        ("He was arrested on Friday, 3 May 2019.", "arrest"),
    ],
)  # fmt: skip
def test_what_occurred_somewhere_on_a_weekday_is_the_facts(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a procès-verbal is a record drawn up, no trial
        ("Ce jugement a été exécuté suivant procès verbal en date du 3 mai 2019.", "other"),
        ("Les faits ont été constatés par procès-verbal du 3 mai 2019.", "other"),
        # a procès is still a trial
        ("Son procès s'est ouvert le 3 mai 2019.", "trial"),
    ],
)  # fmt: skip
def test_a_proces_verbal_is_a_record_not_a_trial(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # convicted and sentenced on one date: one occurrence, its main event the conviction
        ("The two were convicted and sentenced in May 2019 alongside a former minister.",
         [("2019-05", "conviction")]),
        ("He pleaded guilty and was sentenced on 3 May 2019.", [("2019-05-03", "conviction")]),
        ("She was found guilty and sentenced to five years on 3 May 2019.",
         [("2019-05-03", "conviction")]),
        # each step with its own date keeps its kind
        ("He was convicted in March 2019 and sentenced on 3 May 2019.",
         [("2019-03", "conviction"), ("2019-05-03", "sentencing")]),
    ],
)  # fmt: skip
def test_convicted_and_sentenced_on_one_date_is_the_conviction(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a decision named with its date opening the clause a "que" introduces: the clause's
        # main verb says what it decided
        ("Attendu, selon l'arrêt attaqué, que par décision du 3 mai 2019, le Tribunal criminel"
         " a condamné M. X à dix ans de réclusion.", "conviction"),
        ("Attendu que par jugement du 3 mai 2019, le tribunal correctionnel a relaxé M. Y.",
         "acquittal"),
    ],
)  # fmt: skip
def test_a_decision_opening_a_que_clause_is_what_its_verb_decided(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the court that passed it, then "whereby": what the decision did
        ("The appeal challenges the judgment and order dated 03.05.2019 passed by learned"
         " Sessions Judge Agra whereby the appellant was convicted and sentenced.", "conviction"),
        # a participle dismissing an appeal: a decision on appeal, whatever it affirmed
        ("This revision is against the judgment of the Sessions Judge, Agra dated 03.05.2019,"
         " dismissing Criminal Appeal no. 4 of 2018 and affirming the order of conviction and"
         " sentence passed by the Magistrate.", "ruling"),
    ],
)  # fmt: skip
def test_an_indian_decision_named_with_its_date_then_what_it_did(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an accused to appear at a courthouse, or before a court named with an apostrophe
        ("The two accused are scheduled to appear at the Ottawa Courthouse on 3 May 2019.",
         "hearing"),
        ("The four men appeared before Bow Magistrates' Court on 3 May 2019.", "hearing"),
        # a petition heard, an adverb between
        ("His petition for bail was first heard by the court on 3 May 2019.", "hearing"),
        # a guilty plea with its own date after the sentence it led to
        ("He was sentenced today at Leeds Crown Court after pleading guilty on 3 May 2019 to"
         " four counts of fraud.", "conviction"),
    ],
)  # fmt: skip
def test_an_appearance_a_petition_heard_and_a_plea_of_guilty(text: str, kind: str) -> None:
    assert ("2019-05-03", kind) in kinds(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a decision whose date is written before its name: what it decided, the court it is of
        ("The petition seeks to set aside the Decision of the Court of Appeals, which affirmed"
         " the May 3, 2019 Decision2 of the Regional Trial Court, Branch 7, as well as its"
         " June 4, 2019 Resolution, denying his motion for reconsideration.",
         [("2019-05-03", "judgment"), ("2019-06-04", "order")]),
        ("The Court of Appeals upheld the May 3, 2019 Joint Resolution[3] of Branch 84 and the"
         " June 4, 2019 Omnibus Order[4] of Branch 216 of the Regional Trial Court.",
         [("2019-05-03", "order"), ("2019-06-04", "order")]),
    ],
)  # fmt: skip
def test_a_decision_dated_before_its_name_is_read_as_one_dated_after_it(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert kinds(text) == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an event noun after "since his" with its own date, inside a relative clause
        ("Smith, who has been held in jail since his arrest on 3 May 2019, will be sentenced"
         " later.", "arrest"),
        # a state with the day it began: "détenu depuis le"
        ("Il était détenu depuis le 3 mai 2019, arrêté à Lyon alors qu'il travaillait.",
         "detention"),
        # a matter adjourned to a day, its object between
        ("The judge adjourned the matter till 3 May 2019 for continuation of trial.", "hearing"),
        # the prosecution's réquisitions at the trial
        ("Le procureur avait requis le 3 mai 2019 une peine de deux ans contre M. X.", "hearing"),
        # written réquisitions of the Ministère Public
        ("Vu les pièces produites, Vu les réquisitions écrites du Ministère Public du 3 mai"
         " 2019 ;", "filing"),
        # an indicting chamber sending the accused on
        ("Attendu que par arrêt no 4 du 3 mai 2019, la Chambre d'Accusation de la Cour d'Appel"
         " renvoyait X devant le tribunal.", "referral"),
    ],
)  # fmt: skip
def test_heldout16s_steps_in_other_words(text: str, kind: str) -> None:
    assert ("2019-05-03", kind) in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a notice of appeal made, filed or given: the appeal, not a paper filed
        ("Written notice of appeal was made and filed on 3 May 2019.", "appeal"),
        ("On 3 May 2019, after the court overruled the motion for new trial, notice of appeal"
         " was given.", "appeal"),
        # the charge an accused is arraigned on: the arraignment, a hearing
        ("The agency arraigned the former mayor on a four-count charge of fraud on 3 May 2019.",
         "hearing"),
    ],
)  # fmt: skip
def test_a_notice_of_appeal_given_and_an_arraignment_on_a_charge(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the paper named before the participle that dates it: its own kind, not "filed"
        ("The plaintiff, in her complaint filed on 3 May 2019, seeks damages.", "complaint"),
        ("The matter is before the court on the respondent's motion to dismiss, filed on"
         " 3 May 2019, for want of jurisdiction.", "motion"),
        # a civil claim begins when its claim form is issued
        ("The claim form was issued on 3 May 2019 and claimed the price of the goods.",
         "complaint"),
        # an authority taking up practices of its own motion opens its inquiry
        ("Le 3 mai 2019, l'Autorité s'est saisie d'office de pratiques mises en œuvre dans le"
         " secteur.", "investigation"),
    ],
)  # fmt: skip
def test_a_paper_dated_by_its_participle_and_a_case_taken_up_of_its_own_motion(
    text: str, kind: str
) -> None:
    assert ("2019-05-03", kind) in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # warrants issued against someone named between the verb and the warrants
        ("Le 3 mai 2019, la Cour a délivré à l'encontre de Jean Dupont deux mandats d'arrêt.",
         "order"),
        # an indictment confirmed, its accused named between
        ("The indictment against John Roe Doe was confirmed on 3 May 2019.", "indictment"),
        # a chamber confirming the charges commits the accused to trial
        ("Le 3 mai 2019, les juges ont confirmé les charges contre M. X et l'ont renvoyé en"
         " procès.", "indictment"),
        # a criminal procedure opened, the date between the verb and its object
        ("L'Office des juges a ouvert, le 3 mai 2019, une procédure pénale contre X.",
         "investigation"),
        # a situation referred to a court by whoever seizes it
        ("La situation a été déférée à la Cour par le Conseil dans sa résolution datée du"
         " 3 mai 2019.", "referral"),
        # a complaint sent on to the competent authority: the verb, not the paper it sends
        ("Le 3 mai 2019, le Ministère public a transmis, pour raison de compétence, au"
         " Département la plainte de X.", "referral"),
        # an accused to appear at a magistracy
        ("The defendants will appear at Eastern Magistracy on May 3, 2019 for plea.", "hearing"),
        # a numbered paragraph opening with a decision: its main verb says what it decided
        ("[2] In a judgment dated 3 May 2019 the Appellant was convicted as charged.",
         "conviction"),
        # what an appeal is against is no step of its own
        ("[3] The Appellant filed a timely appeal against conviction dated 3 May 2019.",
         "appeal"),
        # ... unless that decision is the one dated
        ("This is an appeal against sentence imposed by Judge X at the Crown Court on 3 May 2019.",
         "sentencing"),
    ],
)  # fmt: skip
def test_heldout18s_steps_told_by_their_verb(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


def test_a_verb_of_the_next_clause_with_its_own_date_is_not_the_dates_event() -> None:
    # the date closes its clause; "and" opens another with its own verb and its own date
    text = (
        "The Court of Appeal granted leave for the prosecutor's application for review on"
        " 3 May 2019 and the prosecutor filed a formal application on 7 May 2019."
    )
    assert kinds(text) == [("2019-05-03", "order"), ("2019-05-07", "filing")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # asking a higher court for leave to review a decision, as for leave to appeal
        ("The prosecution applied to the Court of Appeal for leave to review the sentences on"
         " 3 May 2019.", "appeal"),
        # the requête of an appeal court's "Procédure devant la cour" section, cut before what
        # it asks
        ("Procédure devant la cour :\n\nPar une requête, enregistrée le 3 mai 2019, M. X...,"
         " représenté par […]", "appeal"),
    ],
)  # fmt: skip
def test_leave_to_review_asked_and_a_requete_before_an_appeal_court(text: str, kind: str) -> None:
    assert ("2019-05-03", kind) in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the offence a sentence is for, its verb after an adverb: a fact, no sentencing
        ("He was two years into a ten-year sentence for sexually assaulting a neighbour in"
         " May 2019.", "other"),
        # an authority's pecuniary sanction is its order (a court's penalty is a peine)
        ("Le 3 mai 2019, l'Autorité a infligé une sanction pécuniaire à la société.", "order"),
    ],
)  # fmt: skip
def test_an_offence_told_after_an_adverb_and_an_authoritys_pecuniary_sanction(
    text: str, kind: str
) -> None:
    assert kinds(text)[0][1] == kind


def test_a_heads_hearing_line_running_on_submissions_by_a_party_and_years_then_days() -> None:
    head = (
        "IN THE SUPREME COURT OF RIVERLAND\nHELD AT PORTVILLE\n\nBETWEEN:\nPOLICE\nProsecution\n"
        "AND:\nJOHN DOE\nAccused\n\nCounsel: A Roe for prosecution\n"
        "Hearing: 4, 5 March 2019;\n6 May 2019\n"
        "Submissions by prosecution: 20 May 2019\nSubmissions by accused: 27 May 2019\n"
        "JUDGMENT OF ROE J\n\n1. The accused is charged with theft.\n"
    )
    found = kinds(head)
    assert ("2019-05-06", "hearing") in found
    assert ("2019-05-20", "filing") in found
    assert ("2019-05-27", "filing") in found
    # a reporter's head: each year, then its day (the hearing's, then the decision's)
    reports = (
        "24/04/1999 | CANADA | N°[1999]_1_R.C.S._5\n\n"
        "Canada | Doe c. La Reine, [1999] 1 R.C.S. 5 (24 avril 1999)\n\n"
        "Jean Doe Appelant;\n\net\n\nSa Majesté La Reine Intimée.\n\nNo du greffe: 12345.\n\n"
        "1998: 29 octobre; 1999: 24 avril.\n\nPrésents: Le juge en chef X et le juge Y.\n\n"
        "EN APPEL DE LA COUR D'APPEL DU QUÉBEC\n\nPOURVOI contre un arrêt de la Cour d'appel"
        " du Québec, qui a accueilli l'appel de l'appelant. Pourvoi accueilli.\n"
    )
    assert kinds(reports) == [("1999-04-24", "ruling"), ("1998-10-29", "hearing")]


def test_judgment_granted_on_a_claim_and_the_order_made_that_set_it_aside() -> None:
    # judgment granted for a party on its claim; the order named before "made ... on"
    text = (
        "On 3 May 2019 the district judge granted the claimant judgment on his claim, but that"
        " judgment was later set aside by an order of the district judge made on 7 May 2019."
    )
    assert kinds(text) == [("2019-05-03", "judgment"), ("2019-05-07", "order")]


def test_a_motion_filed_with_another_paper_is_the_motion() -> None:
    text = "On 3 May 2019 the plaintiff filed a reply and a cross motion for summary judgment."
    assert kinds(text) == [("2019-05-03", "motion")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a judge confirming an arrest or a detention decides on detention: an order
        ("L'arrestation de X. a été confirmée le 3 mai 2019 par le juge de l'arrestation.",
         "order"),
        ("Sa détention a été confirmée le 3 mai 2019 par le juge.", "order"),
        # the party's recourse told by its verb, over the decision it is against
        ("Par acte du 3 mai 2019, X. recourt contre cette décision.", "appeal"),
        # a judicial investigation opened
        ("Une instruction préparatoire a été ouverte le 3 mai 2019 et confiée à un juge.",
         "investigation"),
        # release asked for with "requérir", over the inquiry named after it
        ("Le 3 mai 2019, X. a requis sa mise en liberté en invoquant la durée de l'enquête.",
         "motion"),
    ],
)  # fmt: skip
def test_detention_confirmed_a_recourse_an_instruction_opened_and_release_required(
    text: str, kind: str
) -> None:
    assert kinds(text)[0][1] == kind


def test_a_detention_chambers_head_over_a_subject_of_release_is_an_order() -> None:
    head = (
        "Tribunal pénal fédéral\n\nArrêt du 3 mai 2019 Cour des plaintes\n\nComposition\n\n"
        "Les juges pénaux fédéraux A, B et C\n\nParties\n\nX., recourant\n\ncontre\n\n"
        "Ministère public de la Confédération,\n\nObjet\n\n"
        "Refus d'une requête de mise en liberté\n\nFaits: A. X. a été arrêté le 2 janvier 2019.\n"
    )
    assert kinds(head)[0] == ("2019-05-03", "order")
    # the Federal Tribunal deciding a recours on release gives its ruling
    federal = head.replace("Cour des plaintes", "\nIIe Cour de droit pénal")
    assert kinds(federal)[0] == ("2019-05-03", "ruling")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an infirmary and a prison hold no ruling, an inmate named by a determiner no custody
        (
            "Le 3 mai 2019, à l'infirmerie de la maison d'arrêt de Nantes, ce détenu insulte un"
            " surveillant.",
            "other",
        ),
        # two steps under one date, the first: charged, then held under a committal warrant
        ("Jean Dupont a été inculpé et placé sous mandat de dépôt le 3 mai 2019.", "charge"),
        ("M. X a été mis en examen et placé sous mandat de dépôt le 3 mai 2019.", "charge"),
        # an agency named for investigating opens no investigation
        (
            "On 3 May 2019 officers of the National Investigation Agency took him into custody.",
            "arrest",
        ),
        # a court that takes up a case on a day hears it
        ("The High Court directed the trial court to take up the case on May 3, 2019.", "hearing"),
    ],
)
def test_words_that_only_look_like_steps_and_the_first_of_two_steps(text: str, kind: str) -> None:
    assert kinds(text) == [("2019-05-03", kind)]


def test_a_media_advisory_is_a_release_and_closing_arguments_heard_a_hearing() -> None:
    advisory = (
        "Avis aux médias: 3 mai 2019\n\n"
        "Affaire X: la Chambre de première instance rendra son jugement le 8 juillet 2019\n\n"
        "Order scheduling the delivery of the Judgment\n\n"
        "Contexte : Le procès s'est ouvert le 2 septembre 2015 et les conclusions orales ont été"
        " entendues du 28 au 30 août 2018.\n"
    )
    found = kinds(advisory)
    assert ("2019-07-08", "judgment") in found
    assert ("2018-08-28", "hearing") in found
    assert ("2015-09-02", "trial") in found


def test_a_heads_two_bare_dates_are_the_hearing_then_the_decision() -> None:
    head = (
        "Court of Appeal\n\nCriminal Appeal\n12 of 2019\n06 Nov 2019\n15 Nov 2019\n"
        "Justice A; Justice B\nPublic Prosecutor\nJohn Doe\n\n"
        "[1] The appellant pleaded guilty to one count of theft.\n"
    )
    assert kinds(head)[:2] == [("2019-11-06", "hearing"), ("2019-11-15", "ruling")]


def test_a_proceeding_commenced_is_the_complaint() -> None:
    text = (
        "[2] The proceeding commenced on 7 February 2012 when the Commission issued a Notice of"
        " Hearing in connection with a Statement of Allegations filed by Staff."
    )
    assert kinds(text)[0] == ("2012-02-07", "complaint")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # bail refused by a court is its decision on detention, over "ruling that" after it
        (
            "He was denied bail by a District Court in May 2019, ruling that the charges were"
            " prima facie true.",
            "order",
        ),
        # a court declaring itself without jurisdiction decides no merits
        (
            "Par jugement du 3 mai 2019, le tribunal correctionnel s'est déclaré incompétent et a"
            " décerné mandat de dépôt.",
            "order",
        ),
        # a review of a detention order asked of the court, over the detention it names
        ("Il a demandé une révision de son ordonnance de détention en mai 2019.", "motion"),
        # a request for release told, then its refusal: the court's decision
        (
            "Il a demandé sa libération sur cautionnement le 3 mai 2019, ce qui lui a été refusé.",
            "order",
        ),
    ],
)
def test_bail_refused_jurisdiction_declined_and_a_review_asked(text: str, kind: str) -> None:
    assert kinds(text)[0][1] == kind


def test_a_heads_appeals_heard_line_and_a_treaty_bodys_views_dated_as_a_decision() -> None:
    head = (
        "COUR SUPRÊME DU CANADA\n\nRéférence : R. c. Doe, 2019 CSC 9\n\n"
        "Appels entendus : 3 mai 2019\n\nJugement rendu : 5 novembre 2019\n\nDossier : 1234\n"
    )
    assert ("2019-05-03", "hearing") in kinds(head)
    views = (
        "United Nations\n\nCCPR/C/116/D/1234/2012\n\nHuman Rights Committee\n\n"
        "Views adopted by the Committee under article 5 (4) of the Optional Protocol, concerning"
        " communication No. 1234/2012\n\nCommunication submitted by: John Doe\n\n"
        "State party: Ruritania\n\nDate of adoption of decision: 3 May 2019\n\n"
        "Subject matter: Torture\n"
    )
    assert ("2019-05-03", "judgment") in kinds(views)


def test_a_thing_a_court_orders_done_by_a_day_is_a_deadline() -> None:
    text = "Justice Roe mandated their appearance by May 3, 2019, for mention in the lower court."
    assert kinds(text) == [("2019-05-03", "deadline")]


def test_an_appeal_courts_judgment_named_in_a_relative_clause_is_its_ruling() -> None:
    text = (
        "The appellant appealed to the Court of Appeal, which in a written judgment delivered on"
        " 3 May 2019 dismissed his appeal and affirmed the conviction."
    )
    assert kinds(text)[0] == ("2019-05-03", "ruling")
    # a first-instance court in the same place keeps its judgment
    trial = text.replace("appealed to the Court of Appeal", "was tried by the District Court")
    assert kinds(trial)[0] == ("2019-05-03", "judgment")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a paper filed with a court "charging" someone, or a charge sheet amended: the charge
        (
            "On May 3, 2019, an Information dated May 1, 2019 was filed before the court"
            " charging Roe, among others, with fraud.",
            "charge",
        ),
        (
            "On 3rd May 2019, after five witnesses, the charge sheet was amended under the Act.",
            "charge",
        ),
        # the investigation as the subject of its start
        (
            "The investigations by the Commission and the Prosecutor began in May 2019.",
            "investigation",
        ),
        # entering prison is the custody's first day
        ("Entré en prison le 3 mai 2019, il a été jugé plus tard.", "detention"),
        # an application made to a tribunal starts its case
        ("This application was made to the Tribunal on 3 May 2019.", "complaint"),
        # the order a motion asks for is no order made
        (
            "Roe filed a Motion for a Hold Departure Order dated May 3, 2019, praying leave.",
            "motion",
        ),
    ],
)
def test_the_step_a_clause_tells_over_the_paper_or_order_it_names(text: str, kind: str) -> None:
    assert kinds(text)[0][1] == kind


def test_an_end_told_in_a_later_clause_is_no_release_from_custody() -> None:
    text = "Entré en prison le 3 mai 2019, il a mené une grève de la faim jusqu'au 24 décembre."
    assert kinds(text) == [("2019-05-03", "detention")]


def test_an_election_dispute_polling_days_protestation_and_requete_with_memoires() -> None:
    polled = (
        "M. Doe a demandé au tribunal administratif de Nantes d'annuler les opérations"
        " électorales qui se sont déroulées les 3 mai et 10 mai 2020 dans la commune de Trèves."
    )
    assert kinds(polled) == [("2020-05-03", "other"), ("2020-05-10", "other")]
    assert kinds("Le scrutin du 3 mai 2020 a été entaché de fraude.") == [("2020-05-03", "other")]
    rejected = (
        "Par un jugement n° 2001234 du 7 juin 2020, le tribunal administratif a rejeté cette"
        " protestation."
    )
    assert kinds(rejected) == [("2020-06-07", "dismissal")]
    papers = (
        "Par une requête sommaire, un mémoire complémentaire et un mémoire en réplique,"
        " enregistrés les 2 juillet, 9 août et 1er octobre 2020 au secrétariat du contentieux"
        " du Conseil d'Etat, M. Doe demande au Conseil d'Etat : 1°) d'annuler ce jugement ;"
    )
    assert kinds(papers) == [
        ("2020-07-02", "appeal"),
        ("2020-08-09", "filing"),
        ("2020-10-01", "filing"),
    ]


def test_a_requete_whose_colon_lists_the_annulment_of_a_judgment_is_an_appeal() -> None:
    text = (
        "Par une requête enregistrée le 2 juillet 2020 au secrétariat du contentieux du Conseil"
        " d'Etat, M. Doe demande au Conseil d'Etat :\n\n1°) d'annuler ce jugement ;\n\n"
        "2°) de faire droit à sa protestation.\n"
    )
    assert kinds(text) == [("2020-07-02", "appeal")]
    first = text.replace("1°) d'annuler ce jugement", "1°) d'annuler ce décret")
    assert kinds(first) == [("2020-07-02", "complaint")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the first-instance tribunal's decision an appeal is brought against
        (
            "Dr Roe appeals against the direction of the Dental Practitioners Tribunal of"
            " 3 May 2019 that her name be erased.",
            "judgment",
        ),
        (
            "Mr Roe appeals against the Order of the Disciplinary Tribunal dated 3 May 2019"
            " whereby it ordered that he be suspended.",
            "judgment",
        ),
        # the day a time limit ran out
        ("The time for appeal expired on 3 May 2019, but nothing was lodged.", "deadline"),
        # heard after an adjournment
        ("The matter was adjourned and heard before Roe J. on 3 May 2019.", "hearing"),
    ],
)
def test_a_disciplinary_appeals_decision_appealed_time_limit_and_hearing(
    text: str, kind: str
) -> None:
    assert kinds(text)[0] == ("2019-05-03", kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a commercial court opening an insolvency gives its jugement
        ("La société a été placée en liquidation judiciaire le 3 mai 2019.", "judgment"),
        (
            "La société a été mise en redressement puis liquidation judiciaires les 3 mai et"
            " 9 juin 2019.",
            "judgment",
        ),
        # permission to appeal granted is an order; leave to remain is an immigration status
        ("Permission to appeal was granted by Judge Roe on 3 May 2019.", "order"),
        ("He was granted indefinite leave to remain on 3 May 2019.", "other"),
    ],
)
def test_insolvency_opened_permission_to_appeal_and_leave_to_remain(text: str, kind: str) -> None:
    assert kinds(text)[0] == ("2019-05-03", kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # bail granted by a court decides on detention, as bail refused does
        (
            "He was granted bail, on terms agreed by his counsel, by the judge on 3 May 2019.",
            "order",
        ),
        # a request for release declared inadmissible or rejected, told either way
        (
            "Par ordonnance du 3 mai 2019, le président a déclaré irrecevable une requête de"
            " remise en liberté provisoire présentée par le recourant.",
            "order",
        ),
        (
            "Leur demande de mise en liberté provisoire a été rejetée par le tribunal"
            " le 3 mai 2019.",
            "order",
        ),
    ],
)
def test_a_courts_answer_to_a_request_for_release_is_an_order(text: str, kind: str) -> None:
    assert kinds(text)[0][1] == kind


def test_a_courts_resolutions_dated_and_listed_past_footnotes_are_its_orders() -> None:
    text = (
        "Before this Court is a petition for certiorari[1] seeking to annul the Resolutions"
        " dated May 3, 2019,[2] June 4, 2019,[3] and July 5, 2019[4] of the Sandiganbayan on"
        " the ground of grave abuse of discretion."
    )
    assert kinds(text) == [
        ("2019-05-03", "order"),
        ("2019-06-04", "order"),
        ("2019-07-05", "order"),
    ]


def test_a_lawyers_discipline_is_decided_by_a_judgment_at_its_only_instance() -> None:
    head = (
        "[Cite as Disciplinary Counsel v. Roe, 100 Ohio St.3d 1, 2019-Ohio-1.]\n"
        "DISCIPLINARY COUNSEL v. ROE.\n"
        "Attorney misconduct — One-year suspension.\n"
        "(No. 2018-0001 — Submitted January 8, 2019 — Decided May 3, 2019.)\n"
        "ON CERTIFIED REPORT by the Board of Professional Conduct of the Supreme Court.\n"
        "PER CURIAM.\n"
        "{¶ 1} Respondent, John Roe, was admitted to the practice of law in 1990.\n"
    )
    found = kinds(head)
    assert ("2019-01-08", "hearing") in found  # "Submitted" between dashes: argued, a hearing
    assert ("2019-05-03", "judgment") in found
    told = (
        "On 3 May 2019, the United States Court of Appeals for the First Circuit disbarred"
        " John Roe for practising law while under an order of suspension."
    )
    assert kinds(told)[0] == ("2019-05-03", "judgment")
    # a supreme court's decision of a criminal appeal stays its ruling
    appeal = (
        "THE STATE OF OHIO, APPELLEE, v. ROE, APPELLANT.\n"
        "Criminal law — Court of appeals' judgment affirmed.\n"
        "(No. 2018-0001 — Submitted January 8, 2019 — Decided May 3, 2019.)\n"
    )
    assert ("2019-05-03", "ruling") in kinds(appeal)


def test_a_decision_titled_by_the_sentence_it_passes_is_the_sentencing() -> None:
    head = (
        "R. c. Roe |\n2019 QCCQ 1234 |\n|||\nCANADA |\nPROVINCE DE QUÉBEC |\n"
        "« Chambre criminelle et pénale » |\nN° : |\n500-01-000000-181 |\n|||\n"
        "DATE : |\n3 mai 2019 |\n|||\nSOUS LA PRÉSIDENCE DE L'HONORABLE JEAN DOE, J.C.Q. |\n"
        "LA REINE |\nPoursuivante |\nc.\nJEAN ROE |\nAccusé |\n|||\n"
        "DÉCISION SUR LA DÉTERMINATION DE LA PEINE |\n|||\n"
        "[1] L'accusé a été reconnu coupable de vol, et le Tribunal doit fixer sa peine.\n"
    )
    assert kinds(head)[0] == ("2019-05-03", "sentencing")


def test_a_treaty_bodys_sitting_is_the_day_of_what_it_adopts() -> None:
    views = (
        "Présentée par : Jean Roe\nAu nom de : L'auteur\nÉtat partie : Ruritanie\n"
        "Date de la communication : 3 mai 2017 (date de la lettre initiale)\n"
        "Le Comité des droits de l'homme, institué en vertu de l'article 28 du Pacte\n"
        "Réuni le 4 juin 2019,\n"
        "Ayant achevé l'examen de la communication No 123/2017 présentée par M. Jean Roe,\n"
        "Adopte ce qui suit :\n"
        "Constatations au titre du paragraphe 4 de l'article 5 du Protocole facultatif\n"
        "1. L'auteur de la communication est Jean Roe.\n"
    )
    assert ("2019-06-04", "judgment") in kinds(views)
    admissibility = views.replace(
        "Constatations au titre du paragraphe 4 de l'article 5 du Protocole facultatif",
        "Décision concernant la recevabilité",
    )
    assert ("2019-06-04", "ruling") in kinds(admissibility)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an information amended restates the accusation, as a charge sheet amended does
        ("In May of 2019, the State amended its information to add a count.", "charge"),
        # "The Amended Information alleged ... on" names the paper; its date is the facts'
        (
            "The Amended Information alleged that the accused on 3 May 2019 broke into and"
            " entered a dwelling house.",
            "other",
        ),
        # a date a court fixes for an event named after it is that event's day
        (
            "The judge granted the adjournment request and fixed May 3, 2019 for the arraignment.",
            "hearing",
        ),
        ("The magistrate set 3 May 2019 for trial of the matter.", "trial"),
    ],
)
def test_an_information_amended_and_a_date_fixed_for_an_event(text: str, kind: str) -> None:
    assert kinds(text)[0][1] == kind


@pytest.mark.parametrize(
    "text",
    [
        "His petition of appeal from the conviction and sentence to the High Court was filed on"
        " 3 May 2019, and rejected a year later.",
        "The appellant's Memorandum of Appeal to this Court was filed in its registry on"
        " 3 May 2019.",
        'The notice of appeal, styled "out of time", was not filed until 3 May 2019.',
    ],
)
def test_the_paper_that_brings_an_appeal_filed_with_words_between_is_the_appeal(
    text: str,
) -> None:
    assert kinds(text)[0] == ("2019-05-03", "appeal")


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2019, counsel (ACAT) submitted that the author had not been heard.",
        "On 3 May 2019, the State party submitted that the case was still pending.",
        "On 3 May 2019, the Government objected.",
        "Mr. Smith replied on 3 May 2019.",
    ],
)
def test_a_partys_submission_objection_or_reply_of_a_day_is_a_filing(text: str) -> None:
    assert kinds(text)[0] == ("2019-05-03", "filing")


def test_what_a_party_submitted_happened_on_a_day_is_not_its_filing() -> None:
    assert kinds("The applicant submitted that on 3 May 2019 the police had beaten him.") != [
        ("2019-05-03", "filing")
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a court sending a question to the Conseil constitutionnel, which is seized of it
        (
            "Le Conseil d'État a renvoyé au Conseil constitutionnel le 3 mai 2019 une question"
            " prioritaire de constitutionnalité posée par la commune.",
            "referral",
        ),
        (
            "Le Conseil constitutionnel a été saisi le 3 mai 2019, par un arrêt de la chambre"
            " criminelle de la Cour de cassation, d'une question prioritaire.",
            "referral",
        ),
        # a request for release presented (passé simple) is the motion, not the detention
        # the rest of the sentence tells of
        (
            "Le 3 mai 2019, le prévenu présenta une demande de mise en liberté et fit valoir"
            " que son placement en détention provisoire avait expiré.",
            "motion",
        ),
        # a detention prolonged is the judge's decision on it
        (
            "Il soutient que sa détention provisoire avait été prolongée le 3 mai 2019 pour six"
            " mois.",
            "order",
        ),
        # the investigating chamber as the subject of the clause its decision opens
        (
            "Par un arrêt du 3 mai 2019, la chambre de l'instruction de la cour d'appel de Lyon"
            " a jugé sans objet l'appel du procureur contre l'ordonnance de mise en liberté.",
            "order",
        ),
        # a case called before a court on a day, though put off then, comes to its hearing
        (
            "Son affaire fut appelée le 3 mai 2019 devant la cour d'assises du Rhône, mais elle"
            " fit l'objet d'un renvoi.",
            "hearing",
        ),
    ],
)
def test_a_question_sent_on_detention_decided_and_a_case_called(text: str, kind: str) -> None:
    assert kinds(text)[0] == ("2019-05-03", kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # registered after its lodging, however the dates are listed: the registration
        (
            "Vu les requêtes introduites devant la Cour le 3 avril 2018 et le 4 avril 2018 et"
            " enregistrées respectivement les 3 mai 2019 et 4 juin 2019,",
            "other",
        ),
        # a motion whatever qualifies it, even a word the page broke at a line's end
        ("On May 3, 2019, Appellant filed a timely pro se post-\nsentence motion.", "motion"),
        # a pourvoi the Conseil d'État does not admit: review refused, an order
        (
            "Par une décision du 3 mai 2019, le Conseil d'État statuant au contentieux n'a pas"
            " admis le pourvoi introduit par M. B... contre l'arrêt de la cour.",
            "order",
        ),
    ],
)
def test_a_registration_listed_a_qualified_motion_and_a_pourvoi_not_admitted(
    text: str, kind: str
) -> None:
    assert ("2019-05-03", kind) in kinds(text)


def test_a_disciplinary_counsels_charges_open_the_case_a_complaint() -> None:
    head = (
        "Opinion\nCase No.: 1:19-MC-001\n05-03-2019\nOPINION AND ORDER\n"
        "This Court suspends Respondent John Roe from the practice of law in this Court.\n\n"
        "I. Background\n\nIn March 2017, the State Disciplinary Counsel charged Respondent with"
        " misconduct in three client matters.\n"
    )
    assert ("2017-03", "complaint") in kinds(head)
    # a criminal charge told in a criminal case stays the charge
    told = "In March 2017, the prosecutor charged the respondent with theft."
    assert kinds(told)[0] == ("2017-03", "charge")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # caught by the police is the arrest
        ("You stopped only because you were caught by police on 3 May 2019.", "arrest"),
        # an appearance in the immediate-trial procedure is the trial itself
        (
            "Un homme a comparu vendredi 3 mai 2019 devant le tribunal correctionnel de Caen,"
            " dans le cadre d'une procédure de comparution immédiate.",
            "trial",
        ),
        # an appearance put off stays the day's hearing
        (
            "Il a comparu le 3 mai 2019 en comparution immédiate, mais son procès a été renvoyé.",
            "hearing",
        ),
    ],
)
def test_caught_by_police_and_an_appearance_for_immediate_trial(text: str, kind: str) -> None:
    assert ("2019-05-03", kind) in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the day of the offence, in a charge's words or set off as a US date before its noun
        (
            "The jury found the 30-year-old guilty of the aggravated assault of his neighbour,"
            " who is also his cousin, on or about May 3, 2019.",
            "other",
        ),
        (
            "Smith was found guilty in April of second-degree murder in the May 3, 2019,"
            " shooting of John Doe.",
            "other",
        ),
        # jailed by a court for a term or at a court is the sentence
        ("Two men have been jailed (3 May 2019) at Exeter Crown Court for robbery.", "sentencing"),
        # an appearance where the accused pleaded guilty: its main legal event
        (
            "On May 3, 2019, Mr. Smith appeared before the Court and entered a conditional plea"
            " of guilty to Count 2.",
            "conviction",
        ),
    ],
)
def test_an_offences_day_a_jailing_and_a_plea_at_an_appearance(text: str, kind: str) -> None:
    assert kinds(text)[0] == ("2019-05-03", kind)


def test_jailed_for_days_abroad_is_no_sentence() -> None:
    assert kinds("Two reporters were jailed for 500 days in Ruritania from 3 May 2019.") != [
        ("2019-05-03", "sentencing")
    ]


def test_a_us_decision_titled_order_over_its_judge_and_its_head_line_on_a_motion() -> None:
    head = (
        "United States v. Roe\n\n"
        "UNITED STATES of America, Plaintiff,\nv.\nJohn ROE, Defendant.\n\n"
        "No. 19-1234-CR.\n\n"
        "United States District Court, D. Vermont.\n\n"
        "May 3, 2019. On Motion to Reopen Record and for Reconsideration June 4, 2019.\n\n"
        "Jane Doe, Asst. U.S. Atty., for plaintiff.\n\n"
        "ORDER ON MOTION TO WITHDRAW PLEA OF GUILTY\n\n"
        "SMITH, District Judge.\n\n"
        "THIS CAUSE came before the Court upon the defendant's motion.\n"
    )
    found = kinds(head)
    assert ("2019-05-03", "order") in found
    assert ("2019-06-04", "order") in found


def test_an_arrest_told_months_after_the_facts_is_not_carried_to_their_date() -> None:
    text = (
        "Les deux détenus s'étaient évadés de la prison de Tulle. C'était au mois de mai 2019."
        " Une évasion spectaculaire. L'un avait été arrêté en Espagne trois mois après son"
        " évasion."
    )
    assert ("2019-05", "other") in kinds(text)


def test_an_accused_appearing_before_the_assize_court_from_a_day_stands_trial() -> None:
    text = (
        "M. X... a comparu devant la cour d'assises statuant en appel à compter du 3 mai 2019 ;"
        " la cour a ensuite renvoyé l'affaire."
    )
    assert kinds(text)[0] == ("2019-05-03", "trial")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a heading without a stop run into a numbered paragraph: the paragraph's own verb
        (
            "Rappel des faits présentés par l'auteur\n2.1 Le 3 mai 2019, l'auteur a été"
            " reconnu coupable de meurtre et condamné à mort.",
            "conviction",
        ),
        # a date inside what someone admitted to doing is the act's
        (
            "He was sentenced yesterday, after he admitted to smuggling 40 pounds of cocaine"
            " into Texas in May 2019.",
            "other",
        ),
        # a witness in court on a day: a hearing
        ("Mr Roe testifying at Kibera law courts on Friday, May 3, 2019.", "hearing"),
    ],
)
def test_a_numbered_paragraph_an_act_admitted_and_a_witness_in_court(text: str, kind: str) -> None:
    assert kinds(text)[0][1] == kind
    # what a witness told of is not the day the witness testified
    told = "Mr Roe testified at the court that on May 3, 2019 he saw the accused."
    assert kinds(told)[0][1] != "hearing"


def test_a_pdfs_head_run_into_its_reasons_and_a_heads_subject_field() -> None:
    flattened = (
        "Appeal Court, High Court of Justiciary [2019] HCJAC 1\n\n"
        "APPEAL COURT, HIGH COURT OF JUSTICIARY [2019] HCJAC 1 OPINION OF THE COURT delivered"
        " by LORD ROE in the appeal by THE PROCURATOR FISCAL Appellant against JOHN DOE"
        " Respondent Appellant: Smith QC Respondent: Jones 3 May 2019 Background [1] On"
        " 4 June 2017 the respondent attended a football match.\n"
    )
    assert ("2019-05-03", "ruling") in kinds(flattened)
    head = (
        "IN THE COUNTY COURT OF VICTORIA\nAT MELBOURNE\nCRIMINAL JURISDICTION\n\n"
        "DIRECTOR OF PUBLIC PROSECUTIONS\nv\nJOHN ROE\n\n---\n\n"
        "JUDGE: HIS HONOUR JUDGE DOE\nWHERE HELD: Melbourne\n"
        "DATE OF HEARING: 3 May 2019\nDATE OF SENTENCE: 7 May 2019\n\n"
        "REASONS FOR SENTENCE\n---\n\nSubject: Theft x 2\n\nHIS HONOUR:\n\n"
        "1 John Roe, you have pleaded guilty to two charges of theft.\n"
    )
    found = kinds(head)
    assert ("2019-05-03", "hearing") in found
    assert ("2019-05-07", "sentencing") in found


def test_told_to_do_a_thing_by_a_day_is_a_deadline() -> None:
    text = "He said he was told to vacate the premises in seven days by May 3, 2019."
    assert kinds(text)[0] == ("2019-05-03", "deadline")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # two steps under one date joined by "puis": the first
        (
            "Un homme a été mis en examen puis placé en détention provisoire le 3 mai 2019.",
            "charge",
        ),
        # a decision on a preliminary issue decides no merits
        ("On 3 May 2019, the Tribunal handed down judgment on a preliminary issue.", "order"),
        # a financial regulator's decision notice, as an SEC order
        (
            "On 3 May 2019, the FCA issued a decision notice to Roe Bank proposing to fine it.",
            "order",
        ),
    ],
)
def test_charged_then_detained_a_preliminary_issue_and_a_decision_notice(
    text: str, kind: str
) -> None:
    assert kinds(text)[0] == ("2019-05-03", kind)


@pytest.mark.parametrize(
    "text",
    [
        "The respondents issued a statement of claim on May 3, 2019, alleging negligence.",
        "The plaintiff seeks leave to amend its statement of claim issued May 3, 2019.",
    ],
)
def test_a_statement_of_claim_issued_starts_the_action(text: str) -> None:
    assert kinds(text)[0] == ("2019-05-03", "complaint")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a private party's direct citation starts the case; the prosecutor's is the charge
        (
            "Attendu que par exploit en date du 3 mai 2019, Mme B..., directrice de clinique, a"
            " cité à comparaître devant le tribunal correctionnel M. X... pour diffamation ;",
            "complaint",
        ),
        (
            "Attendu que par exploit en date du 3 mai 2019, le procureur de la République a"
            " cité à comparaître devant le tribunal correctionnel M. X... pour vol ;",
            "charge",
        ),
    ],
)
def test_a_direct_citation_by_a_party_is_a_complaint(text: str, kind: str) -> None:
    assert kinds(text)[0] == ("2019-05-03", kind)


def test_put_on_probation_by_a_court_is_a_sentence() -> None:
    text = "On 3 May 2019 his co-accused was put on probation for 3 years by the same court."
    assert kinds(text)[0] == ("2019-05-03", "sentencing")
