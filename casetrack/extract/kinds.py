"""The kind of a milestone, from the event words of the date's clause.

Each kind has event verbs and verb phrases ("arrested", "filed a motion", "granted the
application", "a été condamné") and nouns ("arrest", "motion", "arrêt"). The clause's verb
says what happened on the date better than a noun nearby does: "a grand jury returned an
indictment on 3 May after the investigation" is an indictment, "the hearing of these
charges" is no hearing. So a verb counts as nearer than a noun at the same distance, and
clause breaks (commas, "and", ";") count as distance. A decision named with its date ("the
judgment of 9 May", "l'arrêt en date du 7 février 2017") is of the decision's kind, unless a
clause hung on the date says what it decided ("..., qui l'a condamné", "..., convicting
defendant"): then it is a conviction, an acquittal, a dismissal or an order.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from casetrack.extract.dates import is_release
from casetrack.extract.text import Regex, drop_overlaps, fold_same_length

# A prison's or an agency's own proceedings: a finding of guilt there is no court's (GUIDE.md,
# heldout14): "after an administrative hearing, defendant was found guilty of escape".
_DISCIPLINARY = r"(?:administrative|disciplinary) (?:hearings?|proceedings?|boards?|committees?)"
# What a motion asks for, so that "a motion to dismiss the appeal" is a motion, not a dismissal.
_ASKED = r"\w+(?: (?:the |a |an |his |her |its |their )?[\w'-]+)?"
_MOTION_OBJECT = r"(?: (?:to|for) " + _ASKED + ")?"
# What a party moves a court to do: "moved to dismiss", not "moved to the United States".
_MOVED_TO = (
    r"dismiss|suppress|vacate|compel|intervene|strike|withdraw|amend|transfer|reopen|stay|reduce|"
    r"modify|quash|sever|exclude|reconsider|remand|enforce|set|correct|continue|enjoin|"
    r"consolidate|disqualify|recuse|seal|unseal|substitute|join|alter|change|extend|appoint|"
    r"revoke|terminate|limit|preclude|certify|expedite|enlarge|admit|release|reinstate|proceed|"
    r"file|hold|declare|add|allow|require|postpone|adjourn|lift|direct|reverse|disclose|produce|"
    r"recall|supplement|clarify|remove|award|sanction|discharge|deny|grant|enter|renew|lower"
)
# A request by what it asks the court for: release, a default.
_REQUEST = (
    r"(?:applications?|requests?|petitions?|demandes?|requetes?) (?:(?:for |de |en vue d'obtenir "
    r"|tendant a (?:obtenir )?)(?:his |her |their |sa |leur )?"
    r"(?:release|(?:default |regular |interim )?bail|mise en liberte|remise en liberte"
    r"|(?:the )?entry of default"
    r"|(?:a )?default judgment)|to be (?:admitted to bail|released))"
)
# What a motion to dismiss or terminate would end: "terminate his removal proceedings".
_ENDED = (
    r"(?: (?:the |his |her |their |its )?(?:[\w-]+ ){0,2}(?:proceedings|case|charges?|indictment"
    r"|complaint|action|suit|appeal|petition|information))?"
)
# What an appeal is against: "plans to appeal the verdict" names no verdict.
_APPEALED = (
    r"(?: (?:the|his|her|their|its|this) (?:verdict|ruling|decision|judgment|sentence|conviction))?"
)
# What a date in English opens with: its day or its month.
_DATE_AHEAD = r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
# Regular expressions on accent-free lower-case text, English then French; the longest match
# wins where they overlap, so "dropped the charges" beats "charges". Per kind: verbs and verb
# phrases first, then nouns. Kind None: phrases that hold a kind word but name no event.
# Within one kind's verbs (or nouns) the first that matches wins, being one alternation: a
# phrase goes before a word it starts with ("conviction at trial" before "conviction").
_KIND_WORDS: tuple[tuple[str | None, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        None,
        (),
        (
            r"(?:appeals?|appellate) (?:courts?|division|board)",
            r"courts? of (?:criminal )?appeals?", r"cour d'appel\w*", r"investigating judges?",
            # a court's name and a header's label: "Cour administrative d'appel de Lyon",
            # "CRIMINAL APPEAL FROM COMMON PLEAS COURT"
            r"cour administrative d'appel\w*",
            r"(?:criminal |civil )?appeal from [a-z ]{0,40}court",
            # a request made to an administration, before any court
            r"recours (?:gracieux|hierarchiques?|administratifs? prealables?)",
            r"juges? d'instruction", r"chambre de l'instruction", r"search warrants?",
            r"arrest warrants?", r"warrants? (?:was |were )?issued", r"detention cent(?:re|er)s?",
            r"trial (?:court|judge|justice)", r"hearing officer", r"post-conviction", r"accus\w*",
            r"soupconn\w*", r"suspect\w*", r"alleg\w*", r"direct appeal", r"on appeal",
            r"en appel", r"mandat d'arret", r"appeals? panel", r"in order to",
            r"(?:new|multidatabase) search",
            r"a la (?:requete|demande) d(?:e|u|es|')",  # at someone's request
            r"rules? (?:of (?:the )?court|of procedure|\d+)",
            # "pre-trial detention" is no trial, a waived indictment no indictment, supervised
            # release a term of a sentence
            r"pre-?trial", r"waiv\w* (?:the |his |her |their )?indictment", r"supervised release",
            r"trial (?:record|transcript|testimony|evidence|exhibits?)",
            # what a party argues is no step: "the applicant submitted that no lawyer was present"
            r"(?:submitted|argued|contended|maintained|asserted|alleged|claimed|soutient|soutenait"
            r"|fait valoir|faisait valoir) (?:before [\w ]{1,40} )?(?:that|que|qu')",
            # the end of an investigation tells no event of its own: what it led to does
            r"complet\w* (?:the |its |his |her )?(?:preliminary |pre-trial |criminal )?"
            r"(?:investigation|inquiry|enquiry)",
            # an appeal intended or considered: "is considering an appeal", "envisage un pourvoi"
            r"(?:consider|weigh|contemplat|mull)\w* (?:an? |whether to |(?:filing|lodging) an? )?"
            r"(?:appeal\w*|pourvoi)" + _APPEALED,
            r"(?:plan|intend|expect)\w* to (?:file an? |lodge an? )?appeal" + _APPEALED,
            r"(?:would|will|may|might) (?:file an? |lodge an? )?appeal" + _APPEALED,
            r"envisag\w* (?:un |d'interjeter |de (?:former |faire |interjeter )?(?:un )?)?"
            r"(?:appel|pourvoi|se pourvoir)(?: en cassation)?",
            r"intention d(?:e |')(?:faire appel|interjeter appel|se pourvoir"
            r"|former (?:un )?pourvoi)"
            r"(?: en cassation)?",
            # a release announcing something, and agencies named for what they do
            r"(?:press|news|media|immediate) releases?", r"bureau of investigation",
            r"investigation (?:agenc(?:y|ies)|department|directorate|bureau)",
            # a prison named for its remand prisoners: "la maison d'arrêt de Saran"
            r"maisons? d'arret",
            r"investigating (?:officers?|agents?|authorit(?:y|ies)|bod(?:y|ies)|prosecutors?"
            r"|magistrates?|team)",
            # roles and titles that hold a kind word: "the Charging Party", "its Rapporteur on
            # new complaints", "le juge de l'enquête préliminaire"
            r"charging part(?:y|ies)", r"rapporteurs? (?:on|for) new (?:complaints|communications)",
            r"(?:could not|did not|failed to|unable to|cannot) (?:come to|reach|agree on|return)"
            r" (?:a |any )?verdicts?",
            r"juges? (?:de l'|des )enquetes? preliminaires?",
            r"chambres? penales? de recours",
            r"without (?:further |any )?incidents?",  # "arrested without incident on Saturday"
            # what an appeal is against is no step of its own: "a timely appeal against
            # conviction dated 13 December", whose date is the appeal's (unless the decision
            # appealed is dated: "an appeal against sentence imposed ... on 18 November")
            r"(?:(?<=appeal )|(?<=appeals ))(?:against|from) (?:(?:his|her|their|the) )?"
            r"(?:convictions?|sentences?)(?: and (?:convictions?|sentences?))?"
            r"(?! (?:imposed|passed|handed|entered|pronounced|delivered|rendered|made|of)\b)",
            # a brief drafted by counsel: "the Respondents' Brief settled by X dated 6 May", not
            # a case settled by the parties
            r"settled by(?! (?:the |a |an )?(?:parties|agreement|consent|mutual|mediation"
            r"|arbitration|negotiation|compromise)\b)",
            # a paper cited: "the impugned order granted on 18 March, and referred to herein below"
            r"referred to (?:herein|hereinafter|above|below|in paragraph)",
            # places named after a step: "une salle d'audience", "Regional Referral Hospital"
            r"salles? d'audiences?", r"referral (?:hospitals?|cent(?:re|er)s?|clinics?)",
            # no appearance: what came of it is the date's event ("a warrant was issued after he
            # failed to appear in court on 3 May")
            r"fail\w* to appear (?:[\w-]+ ){0,2}(?:in|before|at) (?:[\w.-]+ ){0,3}"
            r"(?:court|judge|magistrate)",
            # a person who goes to the police is no paper lodged: "s'est présentée auprès de
            # police secours afin de déposer plainte" is the complaint
            r"(?:s'est|se sont|s'etait|s'etaient|se) presente\w*(?! devant)",
            # a state the date falls in, not its event: "while serving his sentence, he walked
            # away"; a step named as later than the date: "joined the police in 2018 ... before
            # his arrest"
            r"while (?:he was |she was |they were )?serving (?:[\w'-]+ ){0,8}?"
            r"(?:sentences?|terms?)",
            r"(?:before|prior to) (?:his|her|their) (?:[\w-]+ )?(?:arrests?|convictions?|trials?"
            r"|sentencing|indictments?|extradition)",
            # a first-instance court sitting names where the step was taken, not the step:
            # "sentence imposed by Judge X at Belfast Crown Court sitting on 18 November"
            r"(?:crown|magistrates'?|district|county|sessions|circuit|youth) courts? sitting",
        ),
    ),
    (
        "dismissal",
        (
            r"ordered an end to the prosecution",
            # a court granting a motion to dismiss or to terminate the proceedings
            r"grant\w* (?:the |a |an |his |her |its |their )?(?:[\w.'-]+ ){0,3}?motions? "
            r"(?:(?:by|of) (?:the )?[\w'-]+ )?(?:to|for) (?:dismiss\w*|terminat\w*)" + _ENDED,
            r"motions? (?:to|for) (?:dismiss\w*|terminat\w*)" + _ENDED
            + r",? (?:was |were |has been |had been )?granted",
            r"end(?:ed)? to the (?:prosecution|proceedings|case)",
            r"dropp\w* (?:all |the )?(?:\w+ )?charges",
            r"charges (?:were|was|have been|had been) dropped", r"dismiss\w*",
            r"(?:was|were|been) dropped",
            r"closed the (?:case|probe|investigation)", r"(?:was|were) closed",
            r"classe\w* sans suite", r"abandon\w* les poursuites", r"prononce\w* un non-lieu",
            r"n'y avoir lieu a suivre",
            r"nonsuit\w*", r"nolle pros\w*",
            # a judge ending the case in plain words ("threw out the case", "tossed out the
            # charges"); "threw out the conviction" is an appeal's quashing, not this
            r"(?:threw|thrown|throws?|throwing|tossed|toss(?:es|ing)?) out (?:the |all |his |her "
            r"|their |its )?(?:[\w-]+ )?(?:case|charges?|indictment|lawsuit|suit|complaint)s?\b",
            r"(?:a|ont|avait) rejete (?:sa |leur |ses |la |les )demandes?",  # at first instance
            # an election's protestation, the claim that opens its case (GUIDE.md, heldout23)
            r"(?:a|ont|avait) rejete (?:sa |leur |ses |la |les |cette |ces )protestations?",
            r"no[- ]billed", r"declin\w* to prosecute",
            # a party withdrawing its own case: "déclare se désister de sa requête"
            r"(?:se )?desist\w*",
            r"withdr(?:ew|awn|awing|aw) (?:his |her |its |their |the )?(?:appeal|application"
            r"|complaint|petition|claim|action|suit)s?",
            r"withdr\w* (?:all |the )?(?:criminal )?charges", r"charges (?:were |was )?withdrawn",
            # a prosecutor ending proceedings or declining to bring them (ECHR statements)
            r"(?:discontinu|terminat)\w* (?:the |its |his |her )?(?:criminal )?(?:proceedings"
            r"|investigation|prosecution|case)",
            r"refus\w* to (?:institute|open|bring|initiate) (?:a )?(?:criminal )?(?:proceedings"
            r"|case|investigation)",
            r"decisions? to (?:discontinue|terminate|drop|close|dismiss) (?:the )?(?:criminal )?"
            r"(?:proceedings|investigation|prosecution|case|charges)",
        ),
        (
            r"discharge order", r"classement sans suite", r"dismissal", r"non-lieu",
            r"ordonnance de non-lieu",
        ),
    ),
    (
        "investigation",
        (
            r"open\w* an? (?:\w+ )?(?:investigation|probe|inquiry)",
            r"launch\w* an? (?:\w+ )?(?:investigation|probe|inquiry)",
            r"(?:investigation|probe|inquiry)s?,? (?:which |that )?"
            r"(?:was |were |had been |has been |been )?(?:opened|launched)",
            r"(?:enquete|information(?: judiciaire)?|instruction (?:preparatoire|judiciaire)),?"
            r" (?:qui )?(?:avait ete |a ete |etait )?ouverte",
            r"ouv\w* une (?:enquete|information judiciaire|instruction"
            r" (?:preparatoire|judiciaire))",
            # a Swiss authority opening a criminal procedure: "a ouvert une procédure pénale"
            r"ouv\w* une procedure penale", r"procedure penale (?:a ete |avait ete )?ouverte",
            r"ouv\w*(?=,? (?:le|en) [^,;]{4,30},? une (?:procedure penale|enquete|information))",
            r"diligent\w* une enquete\w*(?: preliminaire)?",
            r"(?:instituted|initiated|opened|brought) (?:a )?criminal (?:proceedings|case)",
            r"investigat(?:ed|ing)", r"(?:began|begun|begins?|started|starts?) to investigate",
            # the investigation as the subject of its start: "The investigations by the
            # Commission and the Special Prosecutor began in May 2014"
            r"(?:investigations?|probes?|inquiry|inquiries) (?:(?:by|of|into) (?:[\w'-]+ ){1,8}?)?"
            r"(?:began|begun|started|commenced)\b",
            # an authority taking up practices of its own motion opens its inquiry: "s'est saisie
            # d'office de pratiques" (a regulator, no party, brings the case)
            r"(?:s'est|se sont|s'etait|se saisit|se saisir) (?:saisie?s? )?d'office",
        ),
        (
            r"investigation", r"probe", r"inquiry", r"enquete", r"information judiciaire",
        ),
    ),
    (
        "raid",
        (
            r"raided", r"stormed",
        ),
        (
            r"raids?", r"descente", r"coup de filet", r"sting(?: operations?)?",
            r"(?:law )?enforcement (?:activit(?:y|ies)|operations?|actions?|sweeps?)",
        ),
    ),
    (
        "search",
        (
            r"searched", r"perquisitionn\w*",
            r"execut\w* (?:a |the |two |several )?(?:federal )?search warrants?",
            r"search warrants? (?:was |were )?executed",
        ),
        (
            r"search(?:es)?", r"perquisitions?",
        ),
    ),
    (
        "arrest",
        (
            # two steps told under one date: the first ("Nurse Arrested, Charged with Theft")
            r"arrested,? (?:and )?(?:charged|detained|held|remanded)",
            r"ordered (?:[\w'-]+ ){0,3}arrest", r"arrested", r"apprehended",
            r"placed (?:[\w'-]+ ){0,2}under arrest", r"captured", r"apprehend\w*",
            # "you stopped only because you were caught by police in March"
            r"caught by (?:the )?(?:[\w-]+ )?police",
            r"(?:took|taken|picked up|detained) (?:[\w'-]+ ){0,2}?"
            r"(?:into custody|by (?:the )?police)",
            r"execut\w* (?:an |the )?arrest warrants?", r"taken into custody",
            r"surrendered (?:himself |herself |themselves )?to (?:the )?(?:federal |state |local )?"
            r"(?:authorities|police|agents|marshals)", r"turned (?:himself|herself|themselves) in",
            r"interpell\w*", r"arrete\w*", r"place\w* en garde a vue",
            r"(?:took|taken|brought|escorted|driven|conveyed) (?:[\w-]+ ){0,2}to (?:the |a )?"
            r"(?:[\w-]+ ){0,2}police (?:station|department|headquarters)",
            r"conduit\w* au commissariat",
            r"booked into (?:the |a )?(?:[\w-]+ ){0,2}(?:jail|prison|detention cent(?:re|er))",
        ),
        (
            r"arrests?", r"arrestations?", r"apprehensions?",
        ),
    ),
    (
        "parole",
        (
            r"paroled", r"released on parole", r"granted (?:him |her |them )?parole",
            r"liberation conditionnelle",
            r"libere\w* sous condition\w*",
        ),
        (
            r"parole",
        ),
    ),
    (
        "release",
        (
            r"ordered (?:[\w'-]+ ){0,3}release",
            r"ordonn\w* (?:sa |la |leur )?(?:remise|mise) en liberte", r"released", r"freed",
            r"set free", r"libere\w*", r"remis\w* en liberte",
            r"(?:obten\w*|accord\w*|prononc\w*) (?:sa |une |la |leur )?(?:re)?mise en liberte",
            r"posted (?:[\w$,.-]+ ){0,3}(?:bail|bond)", r"bailed", r"released on (?:bail|bond)",
            r"(?:final )?discharge (?:was |were )?(?:given|granted)",
            r"discharged from (?:parole|probation|prison|custody|detention|jail)",
            # released under supervision: "placé sous contrôle judiciaire"
            r"(?:place\w*|mise?s?|remise?s? en liberte) sous controle judiciaire",
            r"placed under (?:judicial|court) supervision",
        ),
        (
            r"release", r"liberation", r"final discharge",
        ),
    ),
    (
        "detention",
        (
            r"detained", r"placed in (?:police |pre-trial )?(?:custody|detention)",
            r"transferred (?:[\w'-]+ ){0,2}?to (?:the )?(?:custody|detention)",
            r"transferred (?:[\w'-]+ ){0,4}?to serve",
            # an accused handed over to an international court: its custody (GUIDE.md, ICTY)
            r"(?:surrendered|transferred) (?:[\w'-]+ ){0,3}?to (?:the )?(?:custody of (?:the )?)?"
            r"(?:international (?:criminal )?(?:court|tribunal)|icc|icty|ictr)\b",
            r"(?:held|kept) (?:without bail )?in (?:the |a |an )?(?:[\w-]+ ){0,2}"
            r"(?:custody|detention|remand cent(?:re|er)|detention cent(?:re|er)|prison|jail)",
            r"remanded (?:[\w'-]+ ){0,3}in (?:custody|detention)", r"placed under house arrest",
            r"ordered (?:[\w'-]+ ){0,3}detention",
            r"ordered (?:[\w'-]+ ){0,3}(?:detained|remanded in custody|held in custody)",
            r"ecroue\w*", r"incarcer\w*",
            # entering prison is the custody's first day: "Entré en prison le 20 mars 2010"
            r"entre\w* en prison", r"(?:went|entered) (?:to )?(?:prison|jail)",
            r"place\w* (?:[\w.'-]+ ){0,3}?en detention",
            r"(?:held|detained|remanded) without (?:bail|bond)",
            r"remanded (?:[\w'-]+ ){0,3}into custody",
            r"mandat de depot",
            # an administration placing a foreigner in a holding centre (GUIDE.md, heldout11)
            r"place\w* en (?:centre de )?retention",
        ),
        (
            r"detention", r"custody", r"garde a vue",
            # a prisoner named by a determiner is a person, not his custody: "ce détenu"
            r"(?<!\bce )(?<!\ble )(?<!\bun )(?<!\bles )(?<!\bdes )(?<!\bdu )(?<!\bau )(?<!\baux )"
            r"detenu\w*",
            # the decision notified is the placement, not a service of papers
            r"(?:decisions? de )?placements? en (?:centre de )?retention(?: administrative)?"
            r"(?: (?:lui )?(?:a ete |ayant ete )?notifiee?s?)?",
        ),
    ),
    (
        "indictment",
        (
            r"indicted", r"returned an? (?:[\w-]+ ){0,2}indictment", r"returned a true bill",
            r"(?:charged|named) (?:[\w'-]+ ){0,3}in (?:a |an )?(?:[\w-]+ ){0,3}indictment"
            r"(?:,? (?:was |were )?(?:returned|unsealed|filed))?",
            r"indictments?,? (?:was |were )?(?:returned|unsealed)",
            # an international tribunal's judge confirming an indictment; its return by a jury
            r"indictments? (?:[\w'-]+ ){0,4}?(?:was |were |had been |has been )?confirmed",
            r"confirm\w* (?:the |an |his |her )?(?:[\w-]+ ){0,2}indictments?",
            # an international court's chamber confirming the charges commits the accused to trial
            r"confirm\w* (?:les|des) charges",
            r"return of (?:an? |the )?(?:[\w-]+ ){0,3}indictment",
            r"renvoy\w* (?:[\w.'-]+ ){0,3}devant",
            r"(?:submitted|filed|lodged|brought|preferred|presented|issued|drew up|drawn up)"
            r" (?:an? |the )?(?:[\w-]+ ){0,2}(?:bills? of )?indictments?",
        ),
        (
            r"indictments?",
        ),
    ),
    (
        "charge",
        (
            # two steps under one date: the first ("mis en examen et placé en détention le",
            # "mis en examen puis placé en détention provisoire le")
            r"(?:mis\w* en examen|inculpe\w*)(?:,| et| puis) (?:[\w'-]+ ){0,2}?(?:place\w* "
            r"(?:en detention|sous mandat de depot)|ecroue\w*|incarcere\w*)",
            r"charged", r"charging", r"inculpe\w*", r"mis\w* en examen",
            r"placed under formal investigation", r"engag\w* (?:des |les )?poursuites",
            r"poursuites (?:ont ete |avaient ete |furent )?engagees",
            r"cit\w* a comparaitre",
            r"indictments? (?:[\w'-]+ ){0,2}?(?:was|were|had been|has been) made public",
            r"criminal complaint,? (?:was |were )?(?:filed|unsealed)",
            r"(?:charged|charging) (?:[\w'-]+ ){0,3}(?:in|by) (?:a |an )?criminal complaint"
            r"(?:,? (?:was |were )?(?:filed|unsealed))?",
            r"filed (?:a |an )?(?:criminal )?information", r"information was filed",
            r"charges? (?:was |were |had been |has been |have been )?(?:filed|brought|laid"
            r"|preferred)",
            r"(?:filed|brought|laid|preferred) (?:[\w-]+ ){0,3}charges?",
            # an immigration notice to appear is the charge of removal proceedings
            r"(?:served|issued) (?:[\w.'-]+ ){0,4}?(?:with )?(?:an? )?notices? to appear",
            # a sealed warrant made public: the charges it carries are known (as "made public")
            r"unseal\w* (?:an? |the )?(?:[\w-]+ ){0,2}warrants?",
            # a paper filed with a court "charging" someone is the charge, whatever its name:
            # "an Information dated ... was filed before the court charging X"
            r"filed (?:before|with|in) (?:[\w.'-]+ ){1,6}?charging",
            # a charge sheet amended or filed restates the accusation
            r"charge sheets? (?:was |were |had been |has been )?(?:amended|filed|lodged"
            r"|preferred)",
            r"amend\w* (?:the )?charge sheets?",
            # so does an information or a charge amended: "the State amended its information"
            # (a verb with its object: "The Amended Information alleged" names the paper only)
            r"amend\w* (?:its|the|his|her|their|an) (?:criminal )?(?:information|charges?)\b",
            r"(?:information|charges?) (?:was |were |had been |has been )?amended",
        ),
        (
            r"charges? (?:of|against)", r"mise en examen", r"criminal information",
            # a prosecutor's penal order, the accusation if it is contested (Swiss procedure)
            r"ordonnances? penales?",
            r"notices? to appear",
            # a regulator's statement of the grievances it will try, a ticket's statement of
            # offence: the accusation of a sanction or penal case
            r"notifications? (?:des |de )?griefs", r"statements? of objections",
            r"constats? d'infractions?",
        ),
    ),
    (
        "conviction",
        (
            r"convict(?:ed|ing|s)", r"plead(?:s|ing) guilty", r"proved (?:the )?guilt",
            r"tried and (?:convicted|found guilty)",  # the outcome, not the trial
            r"admit(?:s|ted) to (?:[\w-]+ing\b|(?:his|her|their) (?:role|part|guilt))",
            r"found (?:(?!not )[\w'-]+ ){0,3}guilty", r"pleaded guilty",
            r"pled guilty", r"plaid\w* coupable", r"agreed to plead guilty",
            r"(?:entered|entering|tendered|changed) (?:a |an |his |her |their )?pleas? (?:of|to) "
            r"guilty",
            r"returned (?:a )?(?:guilty verdict|verdict of guilty)", r"guilty verdict",
            r"(?:entered|entering|tendered|changed) (?:a |an |his |her |their )?guilty pleas?",
            # with a word between: "entered a conditional plea of guilty"
            r"(?:entered|entering|tendered) (?:a |an |his |her |their )?(?:[\w-]+ )?"
            r"(?:pleas? of guilty|guilty pleas?)",
            r"(?:adjudicated|adjudged|declared|held) (?:[\w'-]+ ){0,2}guilty",
            r"(?:guilty )?pleas? (?:of guilty )?(?:was |were )?accepted",
            r"admitted (?:his |her |their )?guilt",
            r"reconnu\w* (?:[\w.'-]+ ){0,4}?coupable", r"declare\w* (?:[\w.'-]+ ){0,4}coupable",
            r"condamne\w*",
            # a judgment that finds the accused guilty: "a constaté que X s'est rendu coupable"
            r"(?:s'est|s'etait|se sont|s'etaient) rendue?s? coupables?",
            r"condamnant",
        ),
        (
            r"convictions? (?:at|after) (?:a |an |his |her |their )?(?:[\w-]+ )?trial",
            r"convictions?", r"condamnations?", r"guilty pleas?", r"pleas? of guilty",
            r"declarations? de culpabilite",
            # a verdict (GUIDE.md never uses `verdict`): the jury's finding, its usual outcome
            r"(?:majority |unanimous )?verdicts?",
        ),
    ),
    (
        "acquittal",
        (
            r"acquitt(?:ed|ing)", r"relaxe\w*", r"relaxant", r"acquitte\w*",
            # cleared of a charge, not freed from custody: "a libéré X du chef d'accusation de"
            r"libere\w* (?:[\w.'-]+ ){0,3}?(?:de l'accusation|du chef d'accusation"
            r"|des chefs? d'accusation|de la prevention|des fins de la poursuite)",
            r"found (?:[\w'-]+ ){0,3}not guilty",
            r"cleared (?:[\w'-]+ ){0,2}of (?:all )?(?:the )?(?:criminal )?charges",
            r"(?:returned )?(?:a )?(?:not guilty verdict|verdict of not guilty)",
        ),
        (
            r"acquittals?", r"relaxe",
        ),
    ),
    (
        "sentencing",
        (
            r"sentenced", r"received (?:a |an )?(?:[\w-]+ ){0,3}(?:prison|jail) (?:term|sentence)",
            # jailed by a court for a term, or at a court: "have been jailed (14 July 2023) at
            # Winchester Crown Court", "jailed for eight years" (not "jailed for 500 days in
            # Myanmar", a detention)
            r"(?:was|were|been|be|is|are) jailed(?= (?:for (?:life|[\w-]+ (?:years?|months?))"
            r"|(?:\([^)]{1,30}\) )?at [\w' ]{0,40}courts?\b))",
            r"impos\w* (?:a |the |his |her |their )?(?:[\w-]+ ){0,2}sentences?",
            r"resentenced", r"ordered (?:[\w'-]+ ){0,2}to serve",
            # probation is a sentence a court passes: "was put on probation for 3 years by the
            # same court"
            r"(?:was|were|been|is|are) (?:put|placed) on probation",
            r"(?:was|were|been) given (?:a |an )?(?:[\w-]+ ){0,3}"
            r"(?:years?|months?|sentences?|terms?)"
            r"(?: (?:in|of) (?:federal |state )?(?:prison|jail|custody|imprisonment))?",
            r"handed (?:[\w'-]+ ){0,2}(?:a |an )?(?:[\w-]+ ){0,3}sentences?",
            r"inflig\w*",
            r"sentences? (?:was |were |had been |has been )?(?:imposed|passed|pronounced"
            r"|handed down)",
        ),
        (
            r"sentencing (?:judge?ments?|decisions?|remarks|orders?)", r"judge?ments? of sentence",
            r"sentenc\w*",
            r"(?:prison|jail) (?:terms?|sentences?)",
            r"imposition of (?:[\w'-]+ ){0,6}?sentences?",
        ),
    ),
    (
        "pardon",
        (
            r"pardoned", r"gracie(?!ux)\w*", r"commuted",  # not a "recours gracieux": a request
            r"grant\w* (?:[\w'-]+ ){0,2}(?:clemency|a pardon|commutation|executive clemency)",
        ),
        (
            r"pardons?", r"grace presidentielle", r"clemency", r"commutations?",
        ),
    ),
    (
        "referral",
        (
            r"referred", r"renvoy\w* (?:a la cour|au tribunal|a la juridiction)",
            # a question sent to the Conseil constitutionnel, which is then seized of it: "Le
            # Conseil d'État a renvoyé au Conseil constitutionnel le", "Le Conseil
            # constitutionnel a été saisi le 30 septembre 2010, par un arrêt de la Cour de
            # cassation"
            r"renvoy\w* au conseil constitutionnel",
            r"conseil constitutionnel (?:a ete|est|fut|avait ete) saisi",
            # a situation referred to a court by whoever seizes it: "a été déférée à la Cour par
            # le Conseil de sécurité" (not "la décision déférée", the decision under appeal)
            r"ete deferee?s? a la (?:cour|juridiction)",
            # an authority sending a case on to the one competent for it: "a transmis, pour
            # raison de compétence, au Département fédéral des finances la plainte"
            r"transmi\w*,? pour (?:des )?(?:raisons?|cause|motifs?) d(?:e |')(?:in)?competence",
            # a court asking another a preliminary question: "a posé la question préjudicielle"
            r"(?:a|ont|avait|avaient) pose (?:la |les |une |des |deux |trois )?"
            r"questions? prejudicielles?",
            # a prosecutor seizing a court of the case: "par lequel le procureur général a saisi"
            r"(?:procureur|ministere public|parquet)\w*(?: [\w'-]+){0,8}? (?:a|avait) saisi\w*",
            # a constitutional court seized of a question another court sends it: "a été saisi
            # le 2 mars 2015 par le Conseil d'État"
            r"(?:a ete|est|fut) saisie?(?=[^.;]{0,40}? par (?:le conseil d'etat|la cour de"
            r" cassation))",
            r"(?:committed|sent|ordered) (?:for|to stand) trial",
            # sent for trial before the assize court: "renvoyé devant la cour d'assises"
            r"renvoy\w* (?:[\w.'-]+ ){0,3}devant la cour d'assises", r"mis\w* en accusation",
            # what an indicting chamber sends on is the trial: "la Chambre d'Accusation de la
            # Cour d'Appel d'Abidjan renvoyait"
            r"chambre (?:d'accusation|de l'instruction)(?: [\w'-]+){0,6}? renvoy\w*",
            r"bound over (?:for trial|to (?:the )?(?:grand jury|circuit court|superior court))",
        ),
        (
            r"referrals?", r"ordonnances? de (?:renvoi|mise en accusation)",
        ),
    ),
    (
        "motion",
        (
            r"filed (?:a |an |his |her |their )?[\"\u201c]?(?:[\w-]+ ){0,2}motions?"
            + _MOTION_OBJECT,
            # past what only qualifies the motion: "filed a timely pro se post-sentence motion"
            r"filed (?:a |an |his |her |their )?(?:(?:un)?timely |pro se |counsell?ed |second "
            r"|third |supplemental |amended |renewed ){1,3}(?:[\w-]+ ){0,2}motions?",
            # a motion filed with another paper: "filed a response and a cross motion for"
            r"filed (?:a |an |its |his |her |their )?(?:[\w-]+ ){1,2}and (?:a |an )?"
            r"(?:cross[- ])?motions?",
            # a petition for rehearing or reconsideration asks the same court again
            r"(?:(?:filed|made|lodged|submitted) (?:an? |the |his |her |their |its )?"
            r"(?:petition|application|request)s? (?:for|to)|petition\w* (?:the [\w ]{1,40} )?for)"
            r" (?:an? )?(?:rehearing|reconsideration|new trial|rehearing en banc)",
            r"moved (?:the court (?:to|for) |for |to (?=(?:" + _MOVED_TO + r")\b))(?:an? )?"
            + _ASKED,
            r"(?:applied|asked|petitioned|requested|sought|demande\w*|requi[st]|requer\w*)"
            r" (?:for )?(?:his |her |their |the |sa |leur )?(?:release|bail|mise en liberte"
            r"|remise en liberte|liberation)"
            # (unless its answer follows, the step of that day: "ce qui lui a été refusé")
            r"(?![^.;]{0,80}, ce qui (?:lui |leur )?(?:a|avait) ete (?:refuse|accorde))",
            # a review of a detention order asked of the court: "a demandé une révision de"
            r"demande\w* (?:une |la |sa )?(?:revision|reexamen|revue)(?= d(?:e|u|es)\b| d')",
            r"motions?" + _MOTION_OBJECT + r",? (?:was|were) (?:\w+ly )?(?:filed|lodged|submitted"
            r"|made)",
            # the paper named before the participle that dates it: "defendant's motion to
            # dismiss, filed on November 7"
            r"motions?" + _MOTION_OBJECT + r",? (?:filed|lodged|submitted)\b",
            # a petition that asks the court to act, filed with words between: "filed with the
            # Board, in Washington, a petition to transfer the proceedings"
            r"(?:filed|lodged|submitted) (?:with|before|in) [^;]{1,60}?(?:an? |the )"
            r"(?:petition|application|request)s? to (?:" + _MOVED_TO + r")\b",
            r"(?:filed|made|submitted|lodged|presente\w*|presenta|adresse\w*|form\w*|depose\w*)"
            r" (?:an? |the "
            r"|his |her |its |their |une |sa |leur |yet another |another |a further |a fresh )?"
            + _REQUEST,
            # asking the court to put the trial off: "le parquet a demandé un nouveau renvoi"
            r"demand\w* (?:un |le |son )?(?:nouveau )?renvoi(?! (?:au|a) )",
            # a judge or prosecutor asking the court for more detention (Swiss procedure)
            r"(?:a |ont )?requis (?:une |la |sa )?(?:nouvelle )?prolongation",
            _REQUEST + r",? (?:was |were )?(?:filed|lodged|made|submitted)",
            # asking for more time: "filed the further application for an extension of time"
            r"(?:filed|made|submitted|lodged) (?:an? |the |his |her |their |its )?(?:[\w-]+ )?"
            r"applications? (?:\(\w+\) )?(?:to extend|for (?:an )?extension)",
            r"appl(?:ied|ying) for (?:an? |the )?extension",
            # a petition for postconviction relief is a motion (GUIDE.md, heldout14)
            r"(?:filed|lodged|submitted|brought) (?:an? |his |her |their |the )?(?:[\w-]+ ){0,2}"
            r"post-?conviction (?:petitions?|motions?|applications?)",
            r"petition\w* (?:the )?(?:[\w-]+ ){0,3}for post-?conviction relief",
        ),
        (
            # the order a motion asks for is no order made: "a Motion for an Allow Departure
            # Order dated April 5"
            r"motions? for (?:an? |the )?(?:[\w-]+ ){0,3}orders?",
            r"motions?" + _MOTION_OBJECT, r"requete", _REQUEST,
            r"petitions? for post-?conviction relief", r"post-?conviction (?:petitions?|motions?)",
            # a request named with its date: "the State party's request of 7 May 2021"
            r"requests?(?= (?:of|dated) " + _DATE_AHEAD + ")",
            r"(?:(?:filed|made|submitted|lodged) (?:an? |the |his |her |their |its )?)?"
            r"applications? (?:\(\w+\) )?(?:to extend|for (?:an )?extension)",
        ),
    ),
    (
        "settlement",
        (
            r"settled", r"approv\w* (?:a |the )?settlement", r"agreed to (?:pay|settle)",
            r"(?:entered into|signed|reached) (?:a |an )?(?:[\w-]+ ){0,2}"
            r"(?:settlement|consent decree|settlement agreement)", r"divest\w*",
        ),
        (
            r"settlements?", r"transaction", r"accord amiable", r"consent (?:decree|judgment)s?",
            r"(?:deferred|non)[- ]prosecution agreements?", r"(?:protocole|accord) transactionnel",
            # a party's consent to the order that ends the case: "Stipulation and Consent to the
            # Issuance of a Consent Order", "Agreement Containing Consent Order"
            r"(?:stipulation|agreement|offer)s? (?:and consent )?(?:to|containing) (?:the )?"
            r"(?:issuance of )?(?:an? |the )?consent (?:orders?|decrees?|judgments?)",
        ),
    ),
    (
        "order",
        (
            # a decision on a request for release (before "ordonné", which it may start with)
            r"(?:rejet|refus|confirm|prononc|statu|accueill|ordonn|declar\w* irrecevable)\w* "
            r"(?:[\w'-]+ ){0,3}?"
            r"(?:sur )?(?:la |sa |une |leur )?(?:nouvelle )?(?:demandes?|requetes?) "
            r"(?:de |d')(?:mise en liberte|remise en liberte|mainlevee)",
            # the same told in the passive: "leur demande de mise en liberté provisoire a été
            # rejetée par le tribunal"
            r"(?:demandes?|requetes?) (?:de |d')(?:mise en liberte|remise en liberte|mainlevee)"
            r"(?: provisoire)? (?:a|ont|avait|avaient) ete (?:rejetee|refusee|accueillie"
            r"|declaree irrecevable)s?",
            r"ordered", r"ordonn(?:e|ee|es|ees|ant|er|a|ait)",
            # a judge confirming an arrest or a detention decides on detention, not on an
            # appeal: "L'arrestation de X a été confirmée le 2 mai par le juge", "his detention
            # was confirmed by the magistrate"
            r"(?:arrestation|detention|garde a vue|arrest)(?: (?:de|d'|of) [\w.'-]+(?: [\w.'-]+)?)?"
            r" (?:a|avait|ont|avaient|was|were|has been|had been) (?:ete )?confirmee?s?",
            # the order named before the participle that dates it: "an order of the district
            # judge made ... on 21 December 2016"
            r"orders? (?:of (?:the )?(?:[\w-]+ ){1,4}?)?made\b",
            # an authority's pecuniary sanction (a court's penalty is a "peine" or an "amende")
            r"inflig\w* (?:une |des |la |les )?sanctions? pecuniaires?",
            # (not an immigration status: "granted indefinite leave to remain")
            r"granted (?:the |a |an |his |her |its |their )?(?:[\w']+ ){0,3}"
            r"(?:applications?|leave(?! to (?:remain|enter)\b)|permission|petitions?|requests?"
            r"|motions?|certiorari|rehearing"
            r"|review)",
            r"(?:certiorari|(?:leave|permission) to appeal|rehearing) (?:was |were )?granted",
            r"leave (?:[\w'-]+ ){0,8}?(?:was|were|has been|had been) granted",
            r"(?:certiorari|cert\.|leave to appeal|rehearing|reconsideration|review|transfer)"
            r" (?:was |were )?denied",
            r"(?:denied|refused|rejected) (?:the |a |an |his |her |its |their )?(?:[\w']+ ){0,2}"
            r"(?:petition|application|motion|request)s? (?:for|to) (?:a writ of )?"
            r"(?:discretionary )?(?:rehearing|certiorari|reconsideration|review|leave|transfer)",
            r"perm\. app\. granted", r"prescrivant", r"enjoined",
            # a pourvoi not admitted (the Conseil d'État's filter) is review refused, as
            # certiorari denied: "le Conseil d'État n'a pas admis le pourvoi"
            r"(?:n'a|n'avait|n'ont) pas admis (?:le |son |leur |les |ce |ces )?pourvois?",
            r"refus\w* d'admettre (?:le |son |leur |les |ce )?pourvois?",
            r"non-admission (?:du |des |de son |de leur )pourvois?",
            # a single judge of a court of appeal deciding an application for leave on paper
            r"(?:by |a |the )single judge(?: of (?:this|the) court)?",
            # a warrant issued for someone's arrest; a chambre de l'instruction ruling on nullity
            r"issu\w* (?:an? |the )?(?:[\w-]+ ){0,2}(?:arrest|bench) warrants?",
            r"(?:arrest|bench) warrants? (?:was |were |had been |has been )?issued",
            r"warrants? (?:of|for) (?:his |her |their |(?:the )?[\w-]+'s? )?arrest (?:was |were "
            r"|had been |has been )?issued",
            r"issu\w* (?:an? |the )?warrants? (?:of|for) (?:his |her |their )?arrest",
            # what a court first issued and later unsealed, lifted or varied: a warrant, an order
            r"(?:initially|originally|first) issued",
            r"(?:delivr|decern|emi)\w* (?:contre (?:lui|elle|eux|elles) "
            r"|a l'encontre d(?:e |'|u |es )(?:[\w.'-]+ ){0,3}?)?(?:un |le |des |deux "
            r"|trois |plusieurs )?mandats? d'(?:arret|amener)",
            # a judge or chamber refusing release or allowing more detention: decisions on it
            r"refus\w* (?:la |sa |leur )?(?:mise|remise) en liberte",
            r"autoris\w* (?:la |une |sa )?(?:nouvelle )?prolongation de (?:la |sa |leur )?"
            r"detention",
            # a detention prolonged is the judge's decision on it: "son placement en détention
            # provisoire avait été prolongé le 21 décembre 2011"
            r"(?:placement en )?detention(?: provisoire)? (?:a|avait|fut|est) (?:ete )?"
            r"(?:prolongee?|renouvelee?)",
            r"prolong\w* (?:la |sa |leur )?detention(?: provisoire)?",
            # leave to appeal given or refused on an application (GUIDE.md, heldout13)
            r"(?:gave|given|give|gives) (?:[\w'-]+ ){0,3}?(?:special )?leave to appeal",
            r"(?:dismiss|refus|reject)\w* (?:[\w'-]+ ){0,3}?applications? for (?:special )?leave"
            r"(?: to appeal)?",
            r"prononc\w* sur (?:sa |la |leur |une |les )?(?:demandes?|requetes?) (?:d'annulation"
            r"|en (?:annulation|nullite)|de nullite)",
            r"approved by the (?:[\w-]+ )?(?:judge|court|magistrate)",
            r"granted by (?:the )?(?:chief |circuit )?(?:justice|judge|court|magistrate)",
            # the ECHR's procedural decisions: priority (Rule 41), interim measures (Rule 39)
            r"(?:decided to )?(?:grant\w*|giv\w*|gave|accord\w*) (?:the (?:application|case) )?"
            r"priority",
            r"(?:decided to )?(?:appl(?:y|ied)|indicat\w*) (?:[\w'-]+ ){0,6}?rules? (?:39|41)",
            r"interim measures? (?:was |were |had been )?(?:indicated|applied)",
            r"signed by (?:the )?(?:(?:chief |senior |district |magistrate )?judge|justice"
            r"|magistrate)",
            r"president (?:of the (?:chamber|section|court) )?(?:decided|granted)",
            r"president (?:de la (?:chambre|section) )?a (?:decide|accorde)",
            # a president's measure of administration: "par laquelle le président a désigné"
            r"president\w*(?: [\w'-]+){0,8}? a (?:designe|nomme|commis)",
            r"(?:filed|made|entered) (?:an? |the )?entry of default",
            r"relinquish\w* (?:its |their )?jurisdiction",
            r"revok\w* (?:his |her |their |the )?(?:supervised release|probation|parole|bail)",
            r"motions? (?:[\w'-]+ ){0,4}(?:was|were) denied",
            r"(?:(?<=motion, )|(?<=motions, ))(?:which|that) (?:was|were) (?:denied|granted)",
            # leave to appeal late, in US state courts: "granted an out-of-time appeal"
            r"granted (?:him |her |them )?(?:an? |the )?out-of-time appeal",
            r"denied (?:the |a |an |his |her |its |their )?(?:[\w'-]+ ){0,3}motions?"
            + _MOTION_OBJECT,
            # a party's request turned down: "denied the State party's request to lift"
            r"(?:denied|refused|rejected) (?:(?:the|a|an)(?: [\w-]+){0,2}'s?|his|her|its|their)"
            r"(?= requests?\b)",
            r"entered (?:a |the )?default against",
            r"(?:denied|granted|refused|rejected|dismissed) (?:[\w'-]+ ){0,2}"
            r"(?:motion|application|request|petition)s? (?:for|to) (?:release|bail)",
            r"n'y avoir lieu a statuer",
            # a financial regulator's notice of the sanction it decides, as an SEC order
            r"(?:issued|gave|given|issues|sent) (?:a |an |the |its )?(?:decision|final) notices?",
            # a request told, then its refusal: "a demandé sa libération le 9 novembre, ce qui
            # lui a été refusé"
            r"ce qui (?:lui |leur )?(?:a|avait) ete (?:refuse|accorde)",
            # bail refused by a court decides on detention: "was denied bail by a District Court"
            r"(?:denied|refused) (?:him |her |them |[\w.'-]+ )?(?:regular |interim )?bail",
            # and bail granted by a court decides on detention too (the release is the day he
            # walks out): "He was granted bail ... by the Chief Justice on 13 May 2019"
            r"granted (?:him |her |them )?(?:regular |interim |default )?bail",
            # a court that declares itself without jurisdiction decides no merits
            r"(?:s'est |se sont |s'etait |s'etaient )?declaree?s? incompetente?s?",
            # a UN treaty body's procedural decision, taken by its rapporteur
            r"(?:acting through|agissant par l'intermediaire d[ue]) (?:its |son |sa )?"
            r"(?:special rapporteur|rapporteur special|rapporteuse speciale)",
        ),
        (
            r"orders?", r"ordonnances?", r"injunction", r"arrets? incidents?",
            # a court's resolution named with its date, as the one its date comes before ("the
            # July 7, 2017 Resolution"): "the Resolutions dated November 21, 2017 and ... of the
            # Sandiganbayan"
            r"resolutions?(?= dated)",
            r"(?:an |the )?entry of default",
            r"interlocutory (?:orders?|decisions?|judgments?|rulings?)",
            # a decision on a preliminary issue decides no merits: "the Tribunal handed down
            # judgment on a preliminary issue"
            r"(?:judgments?|decisions?|rulings?) on (?:a |the )?preliminary (?:issues?|points?)",
            # a financial regulator's notice of the sanction it decides, as an SEC order: "the
            # FCA issued a decision notice to X"
            r"(?:decision|final) notices?",
        ),
    ),
    (
        "judgment",
        (
            r"entered judgment",
            # judgment given for a party on its claim: "granted the appellant judgment on his claim"
            r"granted (?:the |an? )?(?:[\w'-]+ ){0,2}?judgment (?:on|for|against)\b",
            # a single trial-level judge's decision: "the Administrative Law Judge issued the
            # attached Decision"
            r"(?:administrative law|trial|district|immigration|magistrate|bankruptcy) judge[\w.-]*"
            r"(?: [\w.-]+){0,3} issued (?:the |a |an |his |her )?(?:attached )?decision",
            # a court's final orders on the merits: "the final court orders against the defendants"
            r"final (?:court )?orders? (?:against|in favou?r of)",
            r"(?:arrets?|judgments?) (?:dans l'affaire|dans les affaires|in cases?) [ct]-\d+",
            r"(?:court|judge) orders (?:[\w.,'&$-]+ ){1,8}?to pay",
            # a civil court ordering a party to pay is no conviction
            r"condamn\w* (?:(?!a\b)[\w.'-]+ ){0,2}?a (?:lui |leur )?(?:payer|verser|rembourser"
            r"|indemniser)",
            r"condamn\w* (?:[\w.'-]+ ){0,6}?aux (?:entiers )?(?:depens|frais)",
            # a commercial court's jugement opening an insolvency: "mise en redressement puis
            # liquidation judiciaires les 11 juillet et 9 novembre 2006" (GUIDE.md, heldout23)
            r"(?:mise?s?|placee?s?) en (?:(?:redressement|liquidation|sauvegarde)(?: puis | et "
            r"|, | )){1,3}judiciaires?",
            # a lawyer's discipline decided, whichever court or tribunal decides it: the
            # disciplinary case's decision on its merits (GUIDE.md, heldout23 and heldout26)
            r"disbarred", r"struck (?:him |her |them )?off (?:the )?rolls?",
            r"suspended (?:[\w'-]+ ){0,3}?from (?:the )?practi[cs]e (?:of|as)",
        ),
        (
            r"judg(?:e)?ments?", r"jugements?",
            # a commission's report on the merits, as a treaty body's Views (GUIDE.md)
            r"reports? on (?:the )?merits", r"merits reports?",
        ),
    ),
    (
        "ruling",
        (
            r"rul(?:ed|es)", r"decided(?! to\b)", r"sitting", r"siegeant", r"a juge", r"a statue",
            r"deboute\w*",
            r"lue? en (?:seance|audience) publique", r"prononce\w* (?:publiquement|en audience)",
            r"a tranche", r"affirm(?:ed|s)",
            r"(?:ramen|redui|redu)\w* (?:sa |la |leur |les )?peines?",
            r"reduced (?:his |her |their |the )?sentences?",
            r"revers(?:ed|es)", r"vacat(?:ed|es)", r"upheld", r"quash\w*", r"annul\w*", r"remanded",
            r"overturn(?:ed|s)", r"set aside",
            # the court allowing the appeal before it: "I allowed the appeal"
            r"allow(?:ed|s) (?:the |his |her |their |its |this )?(?:[\w'-]+ ){0,2}?appeals?",
            r"declare\w* (?:le pourvoi |l'appel |la requete )?irrecevable",
            # a court of cassation sending the case back: "a renvoyé la cause et les parties
            # devant la cour d'appel"
            r"renvoy\w* (?:la cause|l'affaire|les parties)(?: et les parties)? devant "
            r"(?:la |le |l')?\w+",
            r"declared (?:[\w'-]+ ){0,3}(?:partly |partially )?(?:in)?admissible",
            # an infirmary is no decision that infirms: "à l'infirmerie"
            r"cass(?:e|ant|ation de)", r"infirm(?!erie|ier|ar|it)\w*", r"confirm\w*",
            r"rejet\w*", r"rejected",
            r"refused (?:leave|permission|to (?:grant|examine|admit|hear))",
            r"declined to (?:hear|review)", r"declined (?:jurisdiction|review)",
            r"denied",
            r"dismiss\w* (?:[\w'-]+ ){0,3}(?:appeals?|petitions?|applications?|motions?|requests?)",
            r"(?:appeals?|petitions?|applications?|requests?) (?:[\w'-]+ ){0,3}(?:was|were|had been"
            r"|has been),? (?:(?:however|then|also|subsequently|eventually|ultimately|finally),? )?"
            r"dismissed",
            r"held that", r"found in (?:[\w'-]+ ){0,2}favou?r", r"rescind\w*",
            r"constitutional complaints? (?:[\w'-]+ ){0,4}(?:was|were) (?:dismissed|rejected)",
            # a court deciding on an extradition: "approved his surrender"
            r"(?:approv|authori[sz]|grant)\w* (?:his |her |their |the )?(?:surrender|extradition)",
            r"awarded (?:[\w'-]+ ){0,3}(?:damages|compensation|costs|fees)",
            r"issued (?:a |an |the |its |his |her )?(?:[\w-]+ ){0,4}"
            r"(?:decision|ruling|determination|opinion)",
            r"(?:decision|denial|ruling|determination|opinion)\w* (?:[\w()]+ ){0,8}(?:was |were )?"
            r"issued",
        ),
        (
            r"rulings?", r"decisions?", r"determinations?", r"arrets?", r"appeals? judge?ments?",
            # a commission's report on admissibility, as the ECHR's decision (GUIDE.md)
            r"reports? on (?:the )?admissibility", r"admissibility reports?",
        ),
    ),
    (
        "appeal",
        (
            r"appealed", r"fai(?:t|re) appel",
            # an appeal announced, the first step of an appeal (Swiss procedure)
            r"(?:depose|forme|adresse)\w* (?:une |son |sa )?annonces? d'appel",
            # a petition to a higher court: certiorari, review, transfer, leave to appeal
            r"(?:(?:filed|lodged|submitted) (?:an? |the |his |her |their |its )?"
            r"(?:petition|application)s? (?:for|to|requesting|seeking)"
            r"|petition\w* (?:the [\w ]{1,40} )?(?:for|to))"
            r" (?:a writ of |leave to |allowance of |discretionary )?(?:certiorari|review|transfer"
            r"|appeal)",
            r"sought (?:leave to appeal|certiorari|review|transfer)",
            # asking a higher court for leave to review a decision, as for leave to appeal: "the
            # DoJ applied to the Court of Appeal for leave to review the sentences"
            r"appl(?:ied|ies|y|ying) (?:to (?:the )?(?:[\w-]+ ){1,5})?for leave to"
            r" (?:appeal|review)",
            r"interjete\w* appel", r"form\w* (?:un )?pourvoi",
            # a party's recourse against a decision, told by its verb: "X recourt contre"
            r"(?:recour(?:t|ent|ait|aient)|(?:a|ont|avait|avaient) recouru) contre",
            r"(?:filed|lodged|brought) (?:a |an |his |her |their )?(?:timely )?(?:[\w-]+ )?"
            r"(?:appeal|notice of appeal)",
            r"se pourvoi\w*", r"s'est pourvue?s?", r"pourvue?s? en cassation",
            r"relev\w* appel", r"requetes? d'appel", r"appel interjete\w*",
            r"form\w* (?:un |une )?(?:contredit|opposition|tierce opposition)",
            r"filed (?:[\w-]+ ){0,7}?notices? of appeal",
            # "Written notice of appeal was made and filed on", "notice of appeal was given"
            r"(?:appeals?|notices? of appeal) (?:was|were|had been|has been) (?:(?!not\b)[\w-]+"
            r" (?:and )?){0,2}?(?:filed|lodged|brought|given)",
            r"notices? of appeal,? (?:filed|lodged)",
            # the paper that brings an appeal, filed with words between: "His petition of appeal
            # from this conviction ... to the High Court was filed on", "The notice of appeal,
            # denominated \"out of time\" was not filed until"
            r"(?:notices?|petitions?|memorand(?:um|a)) of appeal\b[^.;]{0,100}?"
            r" (?:was|were|had been|has been) (?:not )?(?:[\w-]+ ){0,2}?(?:filed|lodged)",
            # a request registered at a court's registry is an appeal: "Vu la requête,
            # enregistrée au greffe de la cour le 3 mai 2019" (a cour d'appel, administrative or
            # not; a first request goes to a tribunal's or the Conseil d'Etat's)
            r"(?:enregistre\w* )?au greffe de la cour (?:administrative(?: d'appel)?|d'appel)",
            r"enregistre\w* au greffe de la cour(?! d'assises| de justice)(?: administrative)?",
        ),
        (
            r"appeals?", r"appel", r"recours", r"pourvois?", r"annonces? d'appel",
        ),
    ),
    (
        "hearing",
        (
            # the charge an accused is arraigned on is read at the hearing: "arraigned the former
            # governor on a six-count charge of procurement fraud on November 17"
            r"arraigned (?:[\w.'-]+ ){0,6}?on (?:an? |the )?(?:[\w-]+ )?(?:count )?charges?"
            r"(?: of)?",
            r"oral arguments?", r"held a hearing", r"arraigned",
            # a witness in court on a day appears at a hearing: "testifying at Milimani law
            # courts on Tuesday" (not "testified at trial that on 3 May he saw": the facts)
            r"(?:testif(?:y|ied|ies|ying)|gave evidence|giving evidence) (?:at|in|before) "
            r"(?:the )?(?:[\w'-]+ ){0,3}(?:courts?|tribunal)(?= on\b)",
            # a court that takes up a case on a day hears it then
            r"(?:take|takes|took|taken|taking) up (?:the |his |her |their |this )?(?:case|matter"
            r"|appeal|petition|application)s?(?= (?:on|for)\b)",
            r"(?:was|were|been) (?:first |then |again |later |finally )?heard",
            r"(?:was|were|been) (?:adjourned|listed|relisted) and (?:then )?heard",
            # the charges read to the accused for a plea: an arraignment
            r"(?:charges?|counts?) (?:[\w'-]+ ){0,2}?(?:was|were|had been) (?:read and )?put to",
            r"(?:was|were|been) argued",
            # a case called before a court on a day comes to its hearing: "Son affaire fut
            # appelée le 3 octobre 2017 devant la cour d'assises" (though put off then)
            r"(?:affaires?|dossiers?|causes?) (?:a |ont |avait |avaient )?(?:ete |fut |furent )"
            r"appelee?s?",
            r"(?:appels?|affaires?|causes?|pourvois?|requetes?|recours|demandes?) (?:a|ont|avait"
            r"|avaient) ete entendue?s?",
            # the parties' closing arguments heard: a hearing, though a trial is named before
            r"(?:conclusions|plaidoiries|requisitoires?|requisitions|arguments?)"
            r"(?: orales| finales)? (?:a|ont|avait|avaient) ete (?:entendue?s?|presentee?s?)",
            r"(?:closing|oral|final) (?:arguments?|submissions|statements) (?:was|were|had been)"
            r" (?:heard|presented|made|delivered)",
            # a case or appeal listed before a judge: "His appeal came before Judge X on"
            r"came (?:on )?(?:for hearing )?before (?:the )?(?:[\w.'-]+ ){0,4}?(?:judges?|justices?"
            r"|j\.|tribunal|court|panel|magistrates?)\b",
            r"(?:heard|argued(?: and submitted)?)(?= (?:on )?" + _DATE_AHEAD + ")",
            r"made (?:an? |his |her |their )?(?:initial|first) (?:court )?appearances?",
            # a trial or hearing first set for a day, put off since: a hearing that day (GUIDE.md,
            # trainE): "le procès était initialement prévu le 9 août"
            r"(?:etait |avait ete |a ete )?initialement (?:prevue?s?|fixee?s?|programmee?s?)"
            r"(?= (?:le|au|pour)\b)",
            r"(?:was |had been )?(?:originally|initially) (?:scheduled|set|slated)"
            r"(?= (?:for|on)\b)",
            # a court report's "Defence lawyer X told Judge Y on February 28"
            r"told (?:the )?(?:judge|justice|magistrate)\b",
            # a court report's "the court heard on Saturday"
            r"court (?:heard|was told)(?= (?:on |today|yesterday|this |last )?(?:\d|(?:mon|tues"
            r"|wednes|thurs|fri|satur|sun)day|today|yesterday))",
            r"(?:s'est|se sont|s'etait|se) presente\w* devant (?:le |la |l')?(?:tribunal|juge|cour"
            r"|magistrat)",
            # a court that sat on the case: "Le Tribunal cantonal s'est donc réuni jeudi"
            r"(?:tribunal|cour|chambre|juges|jury)(?: [\w'-]+){0,2} (?:s'est|se sont) (?:\w+ )?"
            r"reunie?s?\b",
            r"compar\w* (?:[\w'-]+ ){0,2}devant", r"a comparu", r"comparaitr\w*",
            # the prosecution's réquisitions at the trial: "Le Parquet avait requis le 3 juin une
            # peine de deux ans" (GUIDE.md, heldout16)
            r"(?:parquet|procureur\w*|ministere public|avocat general)(?: [\w'-]+){0,3}? (?:a|avait"
            r"|ont|avaient) requis(?= (?:le |l'|contre |une |des |la |\d))",
            # a trial or hearing put off to a date: a hearing that day
            r"(?:renvoye\w*|reporte\w*) (?:au|a)(?= (?:\d|1er|(?:lun|mar|mercre|jeu|vendre|same)di"
            r"|dimanche))",
            # "adjourned the matter till February 12 and 13, for continuation of trial"
            r"(?:adjourned|postponed|continued|put over|put off) (?:(?:the|this|his|her|their)"
            r" (?:matter|case|trial|hearing|proceedings) )?(?:until|to|till)(?= "
            + _DATE_AHEAD + ")",
            r"(?:audiences?|hearings?)(?: [\w']+){0,3},? (?:tenue?s?|held)(?= (?:le|on)\b)",
            r"(?:is |are )?(?:next )?due (?:back )?in (?:[\w-]+ )?court",
            r"(?:hear|hears|hearing) (?:the |his |her |their |its |an? )?(?:[\w'-]+ ){0,2}?"
            r"(?:motions?|case|appeals?|petitions?|arguments?|matter)",
            r"held (?:an? |the )?(?:[\w-]+ ){0,2}hearings?",
            r"brought (?:back )?before (?:a |an |the )?(?:[\w-]+ ){0,2}(?:judge|court|magistrate"
            r"|prosecutor)",
            # "appeared today before Westminster Magistrates' Court", "to appear at the London
            # Courthouse"
            r"(?<!notice to )(?:re)?appear(?:s|ed|ing)? (?:[\w-]+ ){0,2}"
            r"(?:in|before|at|in front of) (?:[\w.,'-]+ ){0,4}(?:court(?:house|room)?|judge"
            r"|magistrate|magistrac(?:y|ies)|justice)",
            # a case back before the court on a day: "Le dossier reviendra devant la cour le"
            r"revien\w* devant (?:la cour|le tribunal|le juge|la chambre)",
            # an accused before a court on a day: "The accused faced the Perth Magistrates Court"
            r"(?:faced|faces|will face|to face) (?:the |a )?(?:[\w.'-]+ ){0,3}?(?:court|judge"
            r"|magistrates?)\b",
            # a trial put off to a date: "a demandé son renvoi au 16 décembre"
            r"renvoi (?:au|a)(?= (?:\d|1er|(?:lun|mar|mercre|jeu|vendre|same)di|dimanche))",
        ),
        (
            r"hearings?", r"audiences?", r"arraignments?",
            r"(?:ouverture|debut) des debats",
            r"(?:status|pre-?trial|scheduling|readiness|settlement|case management) conferences?",
            r"pre-?trial proceedings", r"(?:initial|first) (?:court )?appearances?",
            r"court appearances?", r"(?:next )?court dates?", r"seances?",
        ),
    ),
    (
        "trial",
        (
            r"tried", r"stood trial", r"went on trial", r"juge\w* devant",
            # an accused appearing before the assize court from a day stands trial there: "a
            # comparu devant la cour d'assises statuant en appel à compter du 25 mars 2019"
            r"(?:a|ont|avait|avaient) comparu devant la cour d'assises",
            # a trial to come; "a été jugé le ..., déclaré coupable" is the conviction
            r"(?:sera|seront|doit etre|doivent etre|devra etre|devront etre) juge(?:e|s|es)?\b",
        ),
        (
            # a "procès-verbal" is a record, no trial
            r"trials?", r"proces(?![ -]verba)", r"jury selection",
        ),
    ),
    (
        "complaint",
        (
            r"(?:filed|lodged|brought|made) (?:a |an )?(?:(?!(?:to|of|against|in) )[\w-]+ ){0,2}"
            r"complaint", r"sued",
            r"porte\w* plainte", r"complained", r"complaints? (?:was|were) (?:filed|lodged)",
            # the paper named before the participle that dates it: "his complaint filed on"
            r"complaints?,? (?:filed|lodged)\b",
            # a civil claim issued by the court's registry starts the action (Commonwealth
            # procedure): "The respondents issued a statement of claim on", "its statement of
            # claim issued June 25, 2019"
            r"(?:issued|filed) (?:a |an |the |its |his |her |their )?(?:[\w-]+ )?"
            r"statements? of claim",
            r"statements? of claim,? (?:was |were |had been |has been )?(?:issued|filed)\b",
            # a civil claim starts when its claim form is issued or the suit is commenced
            r"claim forms? (?:was |were |had been )?issued",
            r"commenc\w* (?:this|the|these|his|her|their) (?:suit|action|claim|proceedings)",
            # the case's start told with the case as subject: "The proceeding commenced on"
            r"(?<!trial )(?<!hearing )(?<!sentencing )(?<!criminal )(?<!appeal )"
            r"(?:proceedings?|action|suit|lawsuit)s? (?:was |were |had been |has been )?"
            r"(?:commenced|instituted|initiated)",
            r"assign\w* (?:[\w.'-]+ ){0,3}devant",  # a summons to a civil court
            r"exploits? d'assignation",  # the bailiff's writ of that summons
            r"(?:a|ont|avait|avaient) assigne\w*",
            r"sais(?:it|irent|issait|i) (?:le |la )(?:tribunal|juge)",
            # an application made to a tribunal starts its case: "This application was made to
            # the Tribunal on 6 July 2021"
            r"applications? (?:was |were |had been |has been )?made to (?:the |a )?(?:[\w-]+ )?"
            r"(?:tribunal|court)",
            r"(?:filed|brought|instituted) (?:a |an )?(?:[\w-]+ ){0,2}(?:lawsuit|suit|action)",
            r"depose\w* (?:une |sa |leur |la )?plainte",
            # a crime reported to the police starts the case against someone
            r"reported (?:[\w'-]+ ){0,3}?to (?:the )?(?:[\w-]+ )?police",
            # a claim against someone in court; a claim "for" a benefit is a filing
            r"fil(?:e|es|ed|ing) (?:a |an |his |her |their |its |the )?(?:[\w-]+ )?claims?"
            r"(?! for\b)",
            r"(?:filed|brought|lodged) (?:[\w'-]+ ){0,3}suit",
            r"(?:actions?|lawsuits?|suits?) (?:was |were )?filed",
            r"plaintes? avec constitution de partie civile",
            r"constitu\w* partie civile",
            r"(?:sought|requested|asked for|applied for|demanded) (?:the )?(?:institution|opening"
            r"|initiation) of (?:a )?(?:criminal )?(?:proceedings|case|investigation)",
            r"(?:asked|requested|urged) (?:the )?(?:[\w-]+ ){0,3}to (?:institute|open|initiate"
            r"|bring) (?:a )?(?:criminal )?(?:proceedings|case|investigation)",
            r"demand\w* l'ouverture d'une (?:enquete|information judiciaire)",
        ),
        (
            r"complaints?", r"plaintes?", r"lawsuit",
        ),
    ),
    (
        "filing",
        (
            r"filed", r"lodged", r"submitted", r"submitting", r"deposited", r"saisi\w*",
            # a stipulation the parties enter into; papers a party sends in reply
            r"(?:stipulations?|stipulated (?:record|facts)) (?:was |were )?entered into",
            r"(?:pieces|justifications|observations|reponses?|documents)(?: [\w'-]+){0,5}"
            r" transmise?s?",
            # an answer or a reply to a paper: "filed an answer to the complaint"
            r"(?:filed|lodged|served|submitted) (?:an? |its |his |her |their |the )?(?:answer|reply"
            r"|response)s? (?:to|in)",
            r"depose\w*", r"presente\w*", r"enregistre\w*",
            r"introduc\w* (?:with|before|to) the", r"introduite?s?",
            r"(?:memoires?|conclusions|observations)(?: [\w-]+){0,2} produit\w*",
            # papers handed in to the court: "The State had tendered its written submissions on"
            r"tendered (?:its |his |her |their |the )?(?:[\w-]+ )?submissions",
            r"submissions (?:[\w'-]+ ){0,8}?(?:had been |have been |has been |was |were )tendered",
            r"parvenue?s? (?:au greffe(?: de la cour)?|a la (?:cour|chambre|juridiction)"
            r"|au (?:tribunal|conseil))",
            # a party's submissions on an appeal: "a conclu au rejet de l'appel"
            r"(?:a|ont|avait|avaient) conclu (?:au|a la|a l'|aux|a ce que)",
            r"received (?:by|at) (?:the|this) (?:court|registry|clerk|secretariat)",
            # a complaint or communication reaching a commission's or court's registry
            r"recue?s? (?:par|au|a) (?:le |la |l')?(?:secretariat|greffe)",
            r"designat\w* (?:that )?(?:the )?(?:appellate |trial )?record",
            # a party's answer on paper, told by its verb alone: "the Government objected",
            # "Mr. X replied on 14 June"
            r"(?:objected|replied)(?=[.;,]| on | in |$)",
        ),
        (
            r"filings?", r"(?:ses|leurs|ces|des) (?:conclusions|requisitions|ecritures)",
            r"requisitions ecrites",
            # the reasoned statement of an appeal already announced (Swiss procedure)
            r"declarations? d'appel motivees?",
            r"memoires? (?:en (?:defense|reponse|replique)|complementaires?)",
        ),
    ),
    (
        "verdict",
        (),
        (),
    ),
    (
        # Events of a case with no kind of their own: the verb still says what the date was.
        "other",
        (
            # a decision whose subject is a party or an administration, not a court: "the
            # Respondent denied the application", "le ministre de la Justice ordonna"
            r"(?:the |le |la |l')(?:respondent|applicant|appellant|claimant|minister|ministre"
            r"|prefet|employer|administration)(?: [\w'-]+){0,3}?"
            r" (?:(?:has|had|a|avait|then|also|initially) )?"
            r"(?:denied|refused|rejected|decided|ordered|ordonna\w*|a (?:rejete|refuse|decide"
            r"|ordonne))",
            r"deported", r"extradited", r"expelled", r"expuls\w*", r"extrad\w*",
            # an execution set and stayed is no step of the case (GUIDE.md, trainD)
            r"(?:due|scheduled|set) to be (?:executed|hanged)",
            # a death is a fact of the matter: "was apprehended on 2 May and died on 3 May"
            r"died", r"passed away", r"(?:est )?decede\w*",
            # The ECHR giving notice of an application to the government: no step of the case.
            r"(?:decided to )?(?:give|gave|given) notice "
            r"(?:to (?:the |a )?(?:respondent )?government )?of (?:the |this |that )?"
            r"(?:[\w'-]+ ){0,2}(?:applications?|complaints?)",
            r"(?:decided to )?communicat\w* (?:the |this |that )?"
            r"(?:applications?|case|complaints?)",
            r"(?:was|were|been) communicated",
            # a UN treaty body transmitting a communication to the State: "transmitted to the
            # State party on 3 May 2016", "communiquée à l'État partie le 3 mai 2016"
            r"(?:transmitted|communique\w*|transmise?s?) (?:to|a|aux) (?:the |l'|les )?"
            r"(?:states?|etats?|governments?|gouvernements?)(?: part(?:y|ies|ie|ies))?",
            # the registration of an application at the ECHR's registry, after its lodging
            r"(?:(?<=\band )|was |were |been )registered",
            # the appeal entered on the appellate court's docket: "was docketed in this court"
            r"(?:(?<=\band )|was |were |been )docketed",
            r"(?<=\bet )enregistree?s? (?:respectivement )?les?\b",
            # a paper served on a party: "notifié le 14 mars aux comptables"
            r"notifi(?:e\w*|ait|aient|a|erent|ant)\b", r"notified",
            # a letter registered at a prosecutor's office, before any court is seized
            r"enregistree?s? le(?=[^,;]{1,40}\bau parquet)",
            # serving the papers that start a case, and an immigration detainer: no step
            r"served (?:[\w.'-]+ ){0,3}?with (?:a copy of )?(?:the |a |an )?(?:summons|complaint"
            r"|petition|subpoena)",
            r"(?:lodged|issued|placed|filed) (?:an? )?(?:immigration )?detainers?",
            # a tax return is no paper of a case
            r"filed (?:(?:his|her|their|its|a|the) )?(?:[\w-]+ )?(?:income )?tax returns?",
            # a party served with a summons, as a judgment's list of parties says: "SARL X,
            # assignée le 06/06/17 à étude d'huissier"
            r"(?<!a )(?<!ont )(?<!avait )assigne\w*(?= (?:le|en date du)\b)",
            # an appeal's number and date in the higher court's register: its registration
            r"enregistree?s? au greffe [^,;]{0,60}?sous le n[°o]\.? ?[\w/.-]+ du",
        ),
        (
            # The facts of the matter: "for bank robbery on 10 October 2019" is no step of the case.
            r"incidents?", r"(?:bank |armed )?robber(?:y|ies)", r"violations?", r"offen[cs]es?",
            r"murders?", r"shootings?", r"accidents?", r"demonstrations?", r"pickets?",
            r"attacks?", r"bombings?", r"assassinations?", r"attentats?",
            r"protests?", r"infractions?", r"meurtres?", r"manifestations?",
            # an independent authority's decision is no court's: "Décision du Défenseur des droits"
            r"decisions? du defenseur des droits",
            # an arrêté is an administration's act, no arrest: "par arrêté du 13 décembre 1963"
            r"arretes? (?:du|en date|prefectora\w*|ministeriel\w*|municipa\w*|interministeriel\w*)",
            # a suspect's questioning
            r"(?:initial |first )?(?:questioning|interrogation)", r"interrogatoire",
            r"audition libre",
            # a record drawn up (of an execution, a seizure, a statement): no step of its own
            r"proces[ -]verba(?:l|ux)",
            # an administration's order to leave France
            r"obligations? de quitter le territoire(?: francais)?",
            # a prison's or an agency's own hearing is no court's
            _DISCIPLINARY,
        ),
    ),
)  # fmt: skip
_VERB = 1
_NOUN = 0
_KIND_REGEXES = tuple(
    (Regex(r"\b(?:" + "|".join(words) + r")(?!\w)"), kind, strength)
    for kind, verbs, nouns in _KIND_WORDS
    for words, strength in ((verbs, _VERB), (nouns, _NOUN))
    if words
)
_LINE_BREAK = Regex(r"[\t\n\r\f\v]")
# A name in quotation marks (an offence, a title: charged with "propaganda against the state" on)
# counts as one word between an event word and its date, however long it is.
_QUOTED = Regex(r"\"[^\"]{1,120}\"|\u201c[^\u201d]{1,120}\u201d|\u00ab[^\u00bb]{1,120}\u00bb")
# (not the comma of a weekday's name before its date: "on Wednesday, March 10, 2010")
_CLAUSE_BREAK = Regex(
    r"(?<!day)(?<!di)(?<!dimanche),|[;:()—\u2013]|\band\b|\bet\b|\bwhile\b|\bbut\b"
)
# Phrases that are not the date's event unless the date is in them: adjuncts ("following the
# denial of his motion,", "as a result of the investigation,") and relative clauses.
_ASIDE = Regex(
    r"\b(?:following|after|upon|pending|during|as a (?:result|consequence) of|in the wake of"
    r"|in connection with|a la suite d\w*|suite a|apres|lors d\w*|pendant)\b[^,;:()]*"
    r"|, (?:which|who|whose|whom|lequel|laquelle|lesquels|lesquelles|dont)\b"
    r"(?:[^,;:()]|\([^,;:()]{1,12}\))*"  # an acronym in brackets: "the Tribunal (ICTY)"
    # a participle between commas tells what came before: ", having waived ...,"
    r"|, (?:having|being|sitting|ayant|etant|siegeant|saisie?s? par)\b[^,;:()]*"
    # where the facts are told from: "selon l'arrêt attaqué,", "il résulte de l'arrêt ... que"
    r"|\b(?:selon|according to)\b[^,;:()]*|\bil resulte d\w*\b[^;:]*?\bqu(?:e\b|')"
)
# What makes an aside the date's event: "lors de l'audience, tenue le 3 mai".
_HELD_ON = Regex(r",\s*(?:tenue?s?|held)\s+(?:le|on)\b")
# A decision's date in brackets after it: "l'arrêt attaqué (Paris, 3 mai 2019)", "the judgment
# below (D. Mass. May 3, 2019)".
_BRACKETED_AFTER = Regex(r"\s*(?:attaque\w*|entrepris\w*|defere\w*|below|under appeal)?\s*")
_BRACKET_LEAD = Regex(r"[\w' .-]{0,40}?,?\s*")
_QUALIFIES = Regex(r"\s{0,2}|'s\s")  # "the 2003 raid", "April's enforcement activity"
_COMMA_QUALIFIES = Regex(r",\s")
_ARTICLE_BEFORE = Regex(r"\b(?:the|a|an|that)\s+$")
# What may come before an event noun that opens a clause, and between it and its date.
_SUBJECT_LEAD = Regex(
    r"\W*(?:(?:the|his|her|their|its|a|an|this|that|[\w.-]+'s?|sa|son|leur|la|le|l')\s*){0,3}"
)
# Or the event is what another one followed: "..., following his arrest on 5 February".
_AFTER_LEAD = Regex(
    r"(?:^|\W)(?:following|after|since|upon|suite a|apres|depuis)\s+"
    r"(?:his|her|their|its|[\w.-]+'s?|sa|son|leur)\s*$"
)
_HUNG_DATE = Regex(
    r"(?:\s+of\s+(?:[\w.'-]+\s+){1,4}?)?\s*(?:on|in|du|le|en)\s*"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"  # "on Wednesday, February 5"
)
_ON_DATE = Regex(r"^\s*(?:on|in|of|on or about|du|le|en)\s*$")
_OWN_DATE = Regex(r"^\s*(?:on|in|of|on or about|until|du|le|en)\s*$")
_LISTED = Regex(  # (past a footnote's mark: "dated August 27, 2015[1] and October 28, 2015")
    r"^\s*(?:\[\d{1,3}\])?\s*(?:,\s*(?:\[\d{1,3}\])?\s*(?:and|et|or|ou|&)?|and|et|or|ou|&)"
    r"\s*(?:again|then|also|puis|encore)?\s*(?:on|le|du|in|en)?\s*$"
)
# A date opening a clause joined to the one before: "..., and on 7 May 2019, the clerk ...".
_OPENS_CLAUSE = Regex(r",\s*(?:and|et|then|puis|but|mais)\s+(?:on|in|le|en)?\s*$")
_REPORTING = Regex(
    r"\b(?:announced|announces|said|says|stated|states|reported|confirmed|disclosed"
    r"|a (?:annonce|indique|precise|fait savoir))\b"
)
# A dateline inside a sentence: "(Miami - May 3, 2024) -", "Miami - May 3, 2024 -".
_DATELINE_BEFORE = Regex(r"(?:^|\(|\s)[a-z][\w.'-]*(?: [\w.'-]+){0,3} [-\u2013\u2014] ?$")
_DATELINE_AFTER = Regex(r"\)? ?[-\u2013\u2014]\s|\) ")
# A decision of the Cour de cassation cited by its chamber: "(3e Civ., 7 septembre 2017".
_CHAMBER_CITED = Regex(
    r"\(\s*(?:\d+(?:re|er|e|eme)\s+)?(?:civ|crim|com|soc|cass|ass\. plen|ch\. mixte)\.?"
    r"(?:\s+\d+)?,?\s*$"
)
# A date that opens its sentence or a clause after ";": "On 7 May 2019 the court ...".
# (past a paragraph's number: "[2] In April 2020 their appeals were dismissed")
_DATE_OPENS = Regex(
    r"(?:.*[:])?\W*(?:\d{1,3}\W+)?(?:on|in|le|en|by|at|around|vers|since|depuis)?\s*"
)
# What a dismissal of the subject is: "the appeal ... was dismissed" is the court's ruling.
_DISMISSED_SUBJECTS = {("appeal", 0): "ruling", ("motion", 0): "order"}
_OPENER = 60  # characters at most before a date that opens its clause
# A date opening what a colon introduces, a clause that names no step: the facts told.
_TOLD_AFTER_COLON = Regex(r"\s*[\"\u201c\u00ab]?\s*(?:le|on|in|en)\s+")
_CLAUSE_WORDS = 3
# A head's line dating the court's decision on a later motion, the motion alone before the
# date: "On Motion to Reopen Record and for Reconsideration November 17, 1992.", "On Second
# Motion to Reinstate Appeal Nov. 1, 1967."
_ON_MOTION = Regex(
    r"\s*on (?:(?:second|third|further|renewed|amended|supplemental) )?motions? (?:to|for)"
    r" [\w' -]{1,80}?\s*"
)
# What a party submitted on the day that opens the clause: "On 8 April 2014, counsel (X)
# submitted that ...", a paper in the case (what it argues is not dated by the date).
_SUBMITTED_THAT = Regex(
    r"\s*,?\s*(?:the |its |his |her |their )?(?:[\w.'-]+ |\([\w.' -]{1,20}\) ){1,5}?"
    r"submitted (?:before [\w ]{1,40} )?(?:that|que|qu')"
)
# A requête registered at a French administrative court, and what it asks of which court.
_REQUETE_BEFORE = Regex(
    r"\brequetes?\b,?(?: [\w'-]+,?){0,5}? (?:enregistre|introduit)\w*(?: [\w°.-]+){0,4}? les?\s*$"
    # the requête first of the papers registered on the days listed, in their order: "Par une
    # requête sommaire, un mémoire complémentaire et un mémoire en réplique, enregistrés les"
    r"|\brequetes?(?: sommaires?)?, (?:un|des|deux|trois) [^;,]{0,60}?memoires?\b[^;]{0,80}?,"
    r" enregistre\w* les\s*$"
)
# What a requête naming no court asks (the Belgian Conseil d'État's "Par une requête introduite
# le ..., X demandent la suspension"): a measure pending the case, or to intervene in it, is a
# `motion`; the annulment of a decision of a court an `appeal`, of an administration's act the
# `complaint` that opens the case.
_ASKED_FOR = Regex(
    r"\bdemande\w* (?:(?P<motion>la suspension|a etre recue?s?|a intervenir|(?:des |la |les )?"
    r"mesures? (?:provisoires|urgentes))|(?P<annul>l'annulation)(?P<judgment> (?:du |de l'|de la )"
    r"(?:jugement|arret|ordonnance)\b)?)"
)
_MEMOIRE_TOO = Regex(
    r"\brequetes?\b[^;]{0,60}?\bet (?:le |un |les |des |deux |trois )?(?:nouveaux? )?memoires?\b"
    r"[^;]{0,80}?(?:\bet (?:le )?|\d,|\d [a-z]+,)\s*$"
)
_BEFORE_THE_COURT = Regex(r"\bprocedure devant la cour\s*:")
# A polling day, the dated fact an election dispute is about (GUIDE.md, heldout23): "les
# opérations électorales qui se sont déroulées les 15 mars et 28 juin 2020", "le scrutin du 15
# mars", "les élections municipales du 15 mars"; not the step of the court asked to annul them.
_POLLED = Regex(
    r"\b(?:operations electorales|elections?(?: [a-z]+){0,2}?|scrutins?|(?:premier|second"
    r"|deuxieme) tour(?: de scrutin)?)(?: (?:qui (?:se sont|s'est) deroule\w*|organise\w*"
    r"|tenue?s?))? (?:le|les|du|des)\s*$"
)
# The decision of a tribunal of first instance (a disciplinary or first-tier tribunal, no appeal
# tribunal) that an appeal is brought against, its outcome not told: "appeals against the
# direction of the Medical Practitioners' Tribunal of 25 July 2019", "against the Order of the
# Solicitors Disciplinary Tribunal dated" (GUIDE.md, heldout23: the tribunal's `judgment`).
_TRIBUNAL_APPEALED = Regex(
    r"\bappeal(?:s|ed|ing)? against (?:the |a |its |his |her |their )?(?:[\w-]+ )?(?:direction"
    r"|order|decision|determination|sanction)s? (?:of|by) (?:the )?(?:(?!upper\b|appeals?\b)"
    r"[\w'()-]+ ){0,4}?tribunal\b[^;.]{0,30}?\b(?:of|dated|made on|on)\s*$"
)
_REGISTERED_BEFORE = Regex(r"\benregistre\w* le\s*$")
# A paper dated by its author and registered by the court on another day: the second date is
# its registration, no step of the case (GUIDE.md: "an application's registration" is `other`):
# "Saisie d'une requête du 21 janvier 2004 enregistrée à son Secrétariat le 22 janvier 2004",
# "par requête en date du 5 juin 2003, enregistrée au greffe de la Cour le 6 juin 2003".
# A decision dated, then notified to a party on another day: the notice is a service of papers.
_NOTIFIED_APART = Regex(
    r"\b(?:du|en date du) \d{1,2}(?:er)? [a-z]+ \d{4},? (?:lui )?notifiee?s? [^,;]{0,60}? le\s*$"
)
_REGISTERED_APART = Regex(
    r"\b(?:requetes?|recours|memoires?|pourvois?|plaintes?|demandes?|lettres?|courriers?)"
    r" (?:en date )?du \d{1,2}(?:er)? [a-z]+ \d{4},?"
    r" (?:et )?enregistree?s? (?:au|a son|a la|a l'|aupres d[eu]) [^,;]{0,80}? le\s*$"
)
_REQUETE_AFTER = Regex(r"[^;]*?\bla requete\b")
_ASKED_OF = Regex(
    r"\b(?:demande\w*|tendant a ce que)\s*:?\s*(?:a |que |au |l')?(?:(?P<appeal>la cour\b)"
    r"|le tribunal|tribunal|(?:le )?conseil\b|(?:le )?juge des referes\b)"
    r"(?:[^;]{0,160}?"
    r"(?P<judgment>annul\w* (?:[\w']+ ){0,2}?(?:l')?(?:jugement|ordonnance|arret)\b))?"
)
# An administrative authority, the author of a French administrative decision.
_ADMINISTRATION = (
    r"(?:l'|le |la |les )?(?:inspect(?:eur|rice)|prefet|prefete|ministre|maire|recteur|rectrice"
    r"|directeur|directrice|administration|president du conseil (?:general|departemental"
    r"|regional)|caisse|commission departementale|conseil municipal|secretaire d'etat"
    r"|sous-prefet|garde des sceaux|office francais|agence|fonctionnaires?)\b"
)
_ANNULLED = Regex(r"\b(?:annul\w* pour exces de pouvoir|l'annulation de) (?:la |les |l')$")
_ADMINISTRATION_BEFORE = Regex(r"s? (?:du |de la |de l'|des )" + _ADMINISTRATION)
_ADMINISTRATION_AFTER = Regex(r"\W*(?:par laquelle |par lesquelles )?" + _ADMINISTRATION)
# A paper that withdraws the case it was filed in.
_WITHDRAWS = Regex(
    r"\b(?:(?:se )?desist\w*|withdr(?:ew|aw|awing|awal)\b|notices? of (?:voluntary )?dismissal)"
)
# A decision appealed: "appeal the", "an appeal of the General Division's", "appel du".
_APPEALED_BEFORE = Regex(
    r"\b(?:appeal(?:ed|ing|s)?|appel)\s+(?:of\s+|from\s+|against\s+|de\s+|du\s+|contre\s+)?"
    r"(?:(?:the|this|that|a|l'|le|la)\s*)?(?:[\w'-]+\s+){0,3}$"
)
_APPEAL_COURT = Regex(r"\b(?:appeals?|appellate|appel|supreme|cassation)\b")
_CLAUSE_PENALTY = 25
_JOINED_CLAUSE = Regex(r"\s*,?\s*(?:and|et)\s")  # a date that closes its clause, "and" after
_VERB_BONUS = 40
_NEIGHBOURS = 4  # words looked at on each side of a date
# What joins a decision to its date: "the judgment of", "l'arrêt ... en date du", "rendered".
_NAMED_WITH_DATE = Regex(
    r"^[^;]{0,120}?(?:\ben date du|\ben date des|\bdes|\bdu|\bof|\bdated|\brendered"
    r"|\brendue?s? le|\bdelivered|\bentered"
    # "la déclaration de culpabilité prononcée contre elle le 21 mars 2022"
    r"|\bprononcee?s?(?: contre (?:lui|elle|eux|elles))? le)(?:\s+on)?\s*$"
)
# A clause hung on the date that says what the decision did.
_HUNG_CLAUSE = Regex(
    r"^\s*,?\s*"
    # past an apposition: "l'arrêt du 3 mai 2019, devenu définitif, qui ..."
    r"(?:(?:devenue?s?|become|which became) (?:definiti(?:f|ve)s?|irrevocables?|final)[^,;]*,\s*)?"
    # past the court that gave it: "rendu le 17 décembre 1998 par la Cour criminelle qui a"
    # or named after it: "l'arrêt n° 29 du 14 mai 2002 de la Cour d'Assises de Tahoua qui l'a"
    # or "passed by learned Sessions Judge whereby" (an Indian judgment's court and clause)
    r"(?:(?:(?:passed|delivered|rendered|made) )?(?:par|by|de|du|des|of) (?:la |le |l'|the )?"
    r"[^,;.()]{1,80}?\s(?=qui\b|which\b|whereby\b))?"
    r"(?:qui\b|which\b|that\b|par lequel\b|par laquelle\b|by which\b|whereby\b|\w+ing\b"
    r"|(?!(?:avant|pendant|durant|devant|suivant|cependant)\b)\w+ant\b)"
)
_HUNG_PARTICIPLE = Regex(
    r"^\s*,\s*(?:\w+ing\b|(?!(?:avant|pendant|durant|devant|suivant|cependant)\b)\w+ant\b)"
)
# A decision named as what gave an outcome told before it: "rejet du pourvoi par arrêt du".
_BY_DECISION = Regex(r"\b(?:par|by)\s+(?:un\s+|une\s+|l'|an?\s+|the\s+|its\s+)?$")
_DECIDED = frozenset(
    {
        "conviction",
        "acquittal",
        "dismissal",
        "detention",
        "order",
        "sentencing",
        "indictment",
        "release",
        "referral",
    }
)
_DECISIONS = frozenset({"ruling", "judgment", "order"})
_ON_APPEAL = Regex(
    r"(?:(?:confirm|infirm)(?:e|ee|ees|es|ait|aient|ant)|affirm(?:ed|s|ing)|upheld"
    r"|uph[oe]ld(?:s|ing)?|revers(?:ed|es|ing)) (?:en (?:toutes ses|toutes leurs) dispositions )?"
    r"(?:le |la |les |l'|the |its |that )?(?:[\w-]+ )?"
    r"(?:jugements?|judgments?|decisions?|convictions?|sentences?)\b"
    # a decision named with a participle dismissing or allowing an appeal: "dated 13.01.2020,
    # dismissing Criminal Appeal no.12 of 2018 and affirming a judgment ... of conviction"
    r"|(?:dismiss|allow)ing (?:the |his |her |their |its )?(?:[\w-]+ )?appeals?\b"
)
# What a party does, not a court: a paper so named says what the party asked, not what was decided.
_PARTYS_ACTS = frozenset({"filing", "motion", "appeal", "complaint"})
_SUBJECT_SPAN = 40  # characters: a subject between a date and its verb ("..., la société X a")
# The same, capitalised after a heading the page ran into the sentence ("I. Objet de la
# question et procédure Par arrêt du 3 mai 2019, ..."): "Par" opens a sentence of its own.
_CAPITAL_OPENING = Regex(
    r"\b(?:Par|By)\s+(?:(?:un|une|an?|its|the|son|sa|leur)\s+)?(?:[\w-]+\s+){0,2}$"
)
# The court a decision opening its sentence is of, where a court of appeal's decision is named
# with a first instance's word: "Par jugement du 6 juillet 2011, la Cour d'appel pénale a" (in
# English "judgment" is any court's word).
_APPEAL_COURT_AFTER = Regex(
    r"\s*,\s*(?:la |le |l'|the )?(?:cour|court|chambre|tribunal)\b[^,;]{0,30}?"
    r"\b(?:d'appel|of appeals?|appellate|de cassation|supreme|federal)\b"
)
_GLOSS = Regex(r"\s*\(([a-z][a-z ]{2,30})\)")  # "June 22, 2006 (conviction)"
_DECISION_AFTER = Regex(r"^\s*,?\s*(?:un|une|a|an|its|the|son|sa|leur)\s+$")
# A decision named with its date to open the sentence ("Par jugement du 4 février 2021, le
# tribunal ... a relaxé le prévenu"): the sentence's main verb says what it decided.
_OPENING_DECISION = Regex(
    r"(?:^|[;:])\W*(?:(?:[a-z]|\d{1,2}|[ivx]{1,4})\.\s+|\d{1,3}\]\s+)?(?:(?:que|and|et|then|puis)\W+)?"
    r"(?:par|by|in|under|dans|selon|suivant"
    r"|aux termes d'|through)\s+(?:(?:un|une|a|an|its|his|her|the|son|sa|leur|this|that)\s+)?"
    r"(?:[\w-]+\s+){0,2}$"
)
# The same, opening the clause a "que" introduces ("Attendu, selon l'arrêt attaqué, que par
# décision du 21 novembre 2016, le Tribunal criminel a condamné X"): a decision only, where the
# clause's main verb says what it decided.
_OPENING_AFTER_QUE = Regex(
    r"\bqu(?:e\b|')\W*(?:par|dans|selon|suivant|aux termes d')\s+"
    r"(?:(?:un|une|son|sa|leur|cette|ce)\s+)?(?:[\w-]+\s+){0,2}$"
)
# A decision's name right after its date: "the July 7, 2017 Resolution", "its May 19, 2016
# Decision", "the October 30, 2018 Omnibus Order".
_PREMODIFIED_DECISION = Regex(
    r"\s{1,2}(?:joint |omnibus |amended |assailed |questioned )?"
    r"(?P<name>resolution|decision|judgment|order)s?(?![^\W\d])(?:\s*\[?\d{1,3}\]?)?"
)
_PREMODIFIED_SPAN = 160  # characters looked at after its name
# The court it is of: "of the Regional Trial Court, Branch 25", "of the Court of Appeals".
_OF_COURT = Regex(r"\s*(?:of|by)\s+(?:the\s+)?")
# What a participle hung on it says it decided: an appeal or a motion.
_DECIDED_APPEAL_OR_MOTION = Regex(
    r",\s*(?:which\s+)?(?:denying|denied|granting|granted|dismissing|dismissed|resolving"
    r"|affirming|affirmed|reversing|reversed)\b[^,;.]{0,40}?\b(?:(?P<appeal>appeals?|petitions?)"
    r"|motions?|omnibus motions?)\b"
)
# Two verbs of one occurrence joined: "convicted and sentenced", "pleaded guilty and was
# sentenced", "déclaré coupable et condamné".
_JOINED = Regex(
    r"\s*,?\s*(?:and|et)\s+(?:(?:was|were|then|has been|had been|have been|a ete|ont ete)\s+)*"
)
_JOINED_SPAN = 60  # characters at most between the sentencing verb and the date
# A date that is when something is due: "due July 19, 2024", "no later than", "on or before";
# "by" or "until" only where the clause says someone must act ("ordered to report ... by").
_DUE = Regex(
    r"(?:\bdue(?:\s+(?:on|by|date\s+(?:of|is|was)))?|\bdeadline(?:\s+(?:of|is|was|for\s+[\w\s]"
    r"{0,80}?(?:is|was|of)))?|\bno\s+later\s+than|\bnot\s+later\s+than|\bon\s+or\s+before"
    r"|\bau\s+plus\s+tard\s+le|\bd'ici\s+le|\b(?:has|have|had|gave|give|gives|given|granted"
    r"|allowed)\b[^,;.]{0,40}?\buntil|\bextend(?:ed|ing)\b[^,;.]{0,40}?\b(?:to|until)"
    # the day a time limit ran out: "The time for appeal expired on 3 October 2018"
    r"|\b(?:time|period|delai)\b[^,;.]{0,40}?\b(?:expired|expires|ran\s+out|lapsed|expirait"
    r"|a\s+expire)(?:\s+(?:on|le))?)\s*:?\s*$"
)
_DUE_IF_BOUND = Regex(r"\b(?:by|before|until|avant\s+le|jusqu'au)\s*$")
_BOUND = Regex(
    r"\b(?:must|shall|ordered\b[^,;]{0,60}\bto|directed\b[^,;]{0,60}\bto|required\s+to|"
    # a court that orders a thing done by a day: "mandated their appearance by September 22"
    r"(?:mandated|ordered|directed|required)\s+(?:his|her|their|its|the)\s+[\w-]+\s+by\b|"
    r"(?:is|are|was|were)\s+to\b|(?:has|have|had)\s+to\b|needs?\s+to|instructed\s+to|"
    # "he was told to vacate in seven days peacefully by May 21, 2013"
    r"(?:was|were|been|being)\s+told\s+to\b|"
    r"doit|doivent|devra|devront|tenue?s?\s+de|somm[ée]e?s?\s+de|invit[ée]e?s?\s+[àa])"
)
# What an event noun followed by its date was set for: "a hearing scheduled for June 7".
_SET_FOR = Regex(
    r"^\s*,?\s+(?:(?:which|that|qui|is|was|has\s+been|had\s+been|were|are|now|then|est|a\s+[ée]t[ée])"
    r"\s+)*(?:scheduled|set|slated|fixed"
    r"|rescheduled|postponed|adjourned|continued|calendared|set\s+down|pr[ée]vue?s?|fix[ée]e?s?"
    r"|renvoy[ée]e?s?)(?:\s+(?:for|to|until|on|au|pour|le))*"
    r"(?:\s+(?:the\s+)?(?:court's\s+)?(?:calendar|docket|agenda)\s+(?:for|on))?\s*$"
)
# A verb that fixes the date right after it for an event named after the date: "fixed April 25
# for the arraignment", "set 3 May 2019 for trial", "adjourned the case to 3 May for hearing".
_FIXES_DATE = Regex(
    r"\b(?:fixed|set|scheduled|slated|(?:adjourned|postponed|deferred|stood down)"
    r"(?: [\w'-]+){0,3}? (?:to|till|until))\s+(?:on\s+)?$"
)
_FOR_EVENT = Regex(r"\s*,?\s*for\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|a\s+|an\s+)?")
# Something that happened on the date, named by a word that is no kind: "conduct occurring on".
_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_BEFORE = Regex(r"\b" + _WEEKDAYS + r"\s*$")
_OCCURRING = Regex(
    r"\b(?:occurring|occurred|committed|took\s+place|happened|arising|that\s+occurred)"
    # past where it happened and the weekday: "that occurred in Kaitaia on Friday, 30 September"
    r"(?:\s+(?:in|at)\s+(?:the\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)?"
    r"(?:\s+(?:on|in|around|about))?(?:\s+" + _WEEKDAYS + r",?)?\s*$"
    r"|\b(?:survenue?s?|commise?s?|perpetree?s?)\s+(?:le|en|au cours de)\s*$"
    # a killing told with its day: "the brother of X, killed on the 28th October 2004"
    r"|\b(?:killed|murdered|slain|stabbed|assaulted|raped|robbed)\s+(?:on|in)(?:\s+the)?\s*$"
    # a letter dated within a clause about something else: "told in a letter dated 5 May"
    r"|[^,;]\b(?:in|by)\s+(?:a|an|the|his|her|its|their)\s+(?:letter|e-?mail|memorandum)"
    r"\s+(?:dated|of)\s*(?:\.\.\s*)?$"
)
# What someone is arrested, charged or tried for, told by a gerund: the date in it is the act's.
_FOR_DOING = Regex(
    r"\b(?:for|with)\s+(?:\w+ly\s+)?(?!(?:pending|during|including|according|following"
    r"|regarding|concerning|notwithstanding)\b)\w+ing\b[^,;:()]*$"
    # past its adjuncts: "coupable ... pour avoir circulé trop près sur l'A9, le 31 juillet",
    # or with the date first: "condamné pour avoir, le 13 mai 2017, allumé"
    r"|\b(?:pour\s+avoir|for\s+having)(?:\s+\w+[^;:()]*|\s*,\s*(?:le|on|en|in)\s*)$"
    # what someone is found guilty of: "found them guilty of murdering a man ... in November"
    r"|^(?:\s+in\s+\d{4})?\s*of\s+\w+ing\b[^,;:()]*$"
    # or of an offence whose day is told in a charge's words: "found him guilty of the assault
    # of his girlfriend ..., on or about May 24, 2019"
    r"|^\s*of\s+[^;:()]*\bon or about\s*$"
)
# A letter that carried the act its clause tells: "a formé opposition par courrier du 26 août".
_BY_LETTER = Regex(
    r"\b(?:par (?:courrier|lettre|pli|courriel|telecopie)|by (?:a )?(?:letter|fax|e-?mail))"
    r"(?: recommande\w*| registered)?\s+(?:du|of|dated)\s*$"
)
_HEARD = {"motion": "hearing", "appeal": "hearing"}
_HELD_SINCE = Regex(r"\s*(?:depuis|since)(?: le| l')?\s*")
_DISCIPLINARY_RX = Regex(r"\b" + _DISCIPLINARY + r"\b")
# A clause of its own between two dates: "arrested on Tuesday after she went missing on 3 March".
_SUBORDINATE = Regex(
    r"\b(?:after|before|when|while|because|since|until|apres|avant|lorsque|quand|alors que"
    r"|parce que|pendant que)\b"
)
# A date told by its day or month, not from another date ("that night", "the same day").
_NAMED_DAY = Regex(r"(?:\d|jan|feb|fev|mar|apr|avr|may|mai|jun|jui|jul|aug|aou|sep|oct|nov|dec)")
_CHARGE_GAP = 12  # characters at most between a charge's noun and its date: "ordonnance pénale du"
# A bailiff's deed or a letter that opens its clause with its date: what the main clause says
# it carried is the date's event.
_BY_DEED = Regex(
    r"(?:^|[.;:]|\b[a-z]\))\s*(?:\w+ )?par (?:un |une |l')?(?:acte|exploit|declaration|lettre"
    r"|courrier)(?: [\w']+){0,2}? (?:en )?(?:en )?(?:date )?du\s*$"
)
_TOOK_PLACE = Regex(
    r"\b(?:took\s+place|happened|occurred|(?:was|were)\s+held|s'est\s+tenue?|a\s+eu\s+lieu"
    # a verb that says only that the document came to be: "the indictment ... was returned"
    r"|(?:was|were|had\s+been|has\s+been)\s+(?:returned|handed\s+down|rendered|entered|issued"
    r"|unsealed|delivered|pronounced)|a\s+[ée]t[ée]\s+(?:rendue?|prononc[ée]e?))"
    r"(?:\s+(?:on|in|le|en))?\s*$"
)
# Verbs of a state of affairs, not an event: "In February 1925 the company owned the mine".
_STATE = Regex(
    r"\b(?:owned|owns|lived|lives|resided|resides|worked|works|was employed|were employed|"
    r"served as|was (?:a |the )?(?:president|director|member|owner|manager|head|chairman)|"
    r"empanell?ed|impanell?ed|habitait|residait|travaillait|dirigeait|possedait|"
    r"etait (?:le |la |un |une )?(?:gerant|directeur|directrice|president|presidente|membre))\b"
)
_RELATIVE_BEFORE = Regex(r"\b(?:where|who|whom|which|whose|ou|qui|dont)\s+(?:[\w.'-]+\s+){0,6}$")
_RELATIVE_OPENS = Regex(r"\s*(?:where|which|who|whom|ou|qui|dont|lequel|laquelle)\b")
_TRIAL_NOUNS = frozenset({"trial", "hearing"})
# Courts by level, named in a date's clause as deciding: an appeal, supreme or cassation court
# (English and French, across jurisdictions) decides a `ruling`; a chamber that oversees an
# investigation an `order`; a first-instance court a `judgment`. A constitutional court's answer
# to a question another court sent it is a judgment (GUIDE.md), so it is none of these.
_APPELLATE_NAMES = (
    r"cours? (?:administratives? )?d'appel|courts? of (?:criminal )?appeals?"
    r"|appeals? courts?|appellate (?:courts?|division)|supreme courts?|cours? supremes?"
    r"|cour de cassation|court of cassation|appeals chamber|chambre d'appel|tribunal federal"
    r"|court of final appeal|full court"
)
_APPELLATE_COURT = Regex(r"\b(?:" + _APPELLATE_NAMES + r"|en appel(?! d[eu']| contre))\b")
# A court that a relative clause makes the author of the decision it names: "to the Court of
# Appeal, which in a written judgment delivered on 7 January 1994 dismissed his appeal".
_COURT_WHICH = Regex(
    r"\b(?:" + _APPELLATE_NAMES + r")(?: [\w'-]+){0,3},? (?:which|qui),? (?:in|by|par|dans) "
    r"(?:an? |its |the |une? |son |sa |l')?(?:[\w-]+ )?$"
)
# (Geneva's Chambre pénale de recours decides on detention and release as the chambre de
# l'instruction does: orders, README trainE. Belgium's chambre des mises en accusation is left to
# what it decided: `heldout10` annotates its decision sending a case on a ruling.)
_INVESTIGATING_CHAMBER = Regex(
    r"\bchambre (?:(?P<instruction>de l'instruction|penale de recours)|d'accusation)\b"
)
# Courts that decide only at first instance, whose name in a decision's head makes its decision
# a `judgment`; a date's clause may name them and more (below).
_ONLY_FIRST_INSTANCE = (
    r"cour des comptes|cour de discipline budgetaire|chambres? regionales? des comptes"
    r"|tax court|general division(?! of the high court)|tribunal administratif"
    r"|tribunal de la fonction publique|arret du tribunal(?! federal)"
)
_FIRST_INSTANCE = Regex(r"\b(?:" + _ONLY_FIRST_INSTANCE + r")\b")
# A first-instance court named in a date's clause as deciding: those above, and courts that also
# hear appeals from lower ones (a district or superior court), which a head may name as the court
# appealed from ("APPEALED FROM: Superior Court"), so only a clause reads them.
_FIRST_INSTANCE_COURT = Regex(
    r"\b(?:tribunal (?:correctionnel|de (?:grande |premiere )?instance|de police|criminel"
    r"|judiciaire|d'instance|de commerce|du travail|pour enfants)"
    r"|conseil de prud'hommes|cour d'assises(?! d'appel)|court a quo"
    r"|(?:regional|magistrates?'?|district|crown|county|municipal|superior|trial|family"
    r"|provincial|sessions) courts?|" + _ONLY_FIRST_INSTANCE + r")\b"
)
# The court named right after the date as its decision's agent: "le 3 mai par la cour d'appel".
# (past an aside, and with the chamber named after the court: "rendu le 7 avril 2008, sous le
# numéro C 561, par la cour d'appel de Liège, chambre des mises en accusation")
_COURT_AGENT = Regex(
    r"[^;.()]{0,40}?\b(?:par|by) (?:la |le |l'|the )?[^,;.()]{0,60}"
    r"(?:,\s*chambres? [^,;.()]{0,40})?"
)
# The court that a decision opening its clause names as the subject after its date.
_COURT_SUBJECT = Regex(r"\s*,\s*(?:la |le |l'|the )[^,;.()]{0,80}")
_OPENING_BY = Regex(r"\W*(?:par|by)\s+(?:un|une|an?|its|son|sa)\s+")
# A citation to appear before a criminal court told in the active voice, with the one who made
# it as its subject ("a été cité à comparaître" names none: the charge), and who may make it
# for the State.
_CITED_TO_APPEAR = Regex(r"\b(?:a|ont|avait|avaient) cite a comparaitre\b")
_PROSECUTION = Regex(r"\b(?:procureur|ministere public|parquet|prosecut\w*)")
# A court's president, who decides alone: his decisions are read by what they decided.
_PRESIDENT = Regex(r"\b(?:(?:premier )?president|president judge|presiding judge)\b")
_COURT_SPAN = 120  # characters at most between the event word and the date
_COURT_DECIDED = frozenset(
    {"ruling", "judgment", "order", "conviction", "acquittal", "sentencing", "release", "dismissal"}
)
_OUTCOMES = frozenset({"judgment", "conviction", "acquittal", "sentencing", "dismissal"})
_RULED = frozenset({"ruling", "judgment"})  # an "arrêt" or a "judgment", not an "ordonnance"
_TRIAL_OUTCOMES = frozenset({"conviction", "acquittal", "sentencing"})
# A hearing or trial that opens its sentence: "At the probation violation hearing in".
_AT_THE = Regex(
    r"\W*(?:at|during|lors d[eu']|a l'issue d[eu'])\s*(?:the|his|her|their|a|an|l'|la|le)?\s*"
    r"(?:[\w-]+\s+){0,3}"
)


# What someone admitted to doing, told with a date inside it: "admitted to trafficking over 140
# pounds of methamphetamine into the District of Utah in March 2022" dates the act, as "found
# guilty of murdering ... in November" does (`_FOR_DOING`).
_ADMITTED_DOING = Regex(r"admit(?:s|ted) to [\w-]+ing")
_IN_THE_ACT = Regex(r"[^,;:()]*?\b(?:in|on|between|around|about)\s*")


# A numbered paragraph's start on a new line: "\n2.1 Le", "\n12. On" (a dot in its number, so
# that a date opening a line, "\n12 May 2019", is none).
_NUMBERED_PARAGRAPH = Regex(r"\n[ \t]*(?:\d+\.)+(?:\d+)?[ \t]+(?=[^\W\d_])")


# An appearance before a criminal court in its immediate-trial procedure: "a comparu mercredi
# 8 avril devant le tribunal correctionnel, dans le cadre d'une procédure de comparution
# immédiate" (not a trial put off: "renvoyé au", "reporté").
_IMMEDIATE_TRIAL = Regex(
    r"^(?!.*\b(?:renvoy|report)\w*).*\b(?:a|ont|avait|avaient) comparu\b.*"
    r"\bcomparution immediate\b"
)


@dataclass(frozen=True)
class KindWords:
    """The kind words and clause breaks of one sentence, found once for all its dates."""

    folded: str
    words: list[tuple[int, int, str, int]]  # in text order, none overlapping another or a date
    ends: list[int]  # where each word ends, for bisection
    breaks: list[int]  # where clause breaks (commas, "and", ...) start
    dates: Sequence[tuple[int, int]]
    asides: list[tuple[int, int]]  # adjuncts and relative clauses: "following X", ", which X"
    text: str = ""  # the sentence as written: its capitals
    quoted: Sequence[tuple[int, int]] = ()  # names in quotation marks, one word for distance

    @classmethod
    def of(cls, sentence: str, dates: Sequence[tuple[int, int]]) -> KindWords:
        """Longest phrase first where words overlap, and none inside a date: "the 2003
        raid" counts, the "May" of "9 May 2011" never does."""
        # a page that breaks lines inside sentences: "decided to give notice\nof the application"
        folded = _LINE_BREAK.rx.sub(" ", fold_same_length(sentence).lower())
        hits = [
            (m.start(), m.end(), kind, strength)
            for rx, kind, strength in _KIND_REGEXES
            for m in rx.rx.finditer(folded)
        ]
        date_starts, date_ends = [d[0] for d in dates], [d[1] for d in dates]
        words = []
        for start, end, kind, strength in drop_overlaps(hits, lambda hit: (hit[0], hit[1])):
            after = bisect.bisect_right(date_ends, start)  # first date ending after `start`
            inside_date = after < len(dates) and date_starts[after] < end
            if kind and not inside_date:
                words.append((start, end, kind, strength))
        breaks = [m.start() for m in _CLAUSE_BREAK.rx.finditer(sentence)]
        asides = [
            m.span() for m in _ASIDE.rx.finditer(folded) if not _HELD_ON.rx.match(folded, m.end())
        ]
        quoted = [m.span() for m in _QUOTED.rx.finditer(sentence)]
        return cls(folded, words, [w[1] for w in words], breaks, dates, asides, sentence, quoted)

    def verb_in(self, start: int, end: int) -> bool:
        """Whether an event verb ("charged", "a condamné") lies within start:end."""
        return any(start <= w[0] and w[1] <= end and w[3] == _VERB for w in self.words)

    def nearest(self, start: int, end: int) -> str:
        """The kind of the date at start:end, as `_nearest` reads it from the event words, then
        by the level of the court its clause names as deciding (`_by_court`)."""
        kind = self._by_court(start, end, self._nearest(start, end))
        if kind == "hearing" and _IMMEDIATE_TRIAL.rx.search(self.folded):
            return "trial"  # "a comparu ... devant le tribunal correctionnel, en comparution
            # immédiate": the appearance is the trial itself (GUIDE.md, heldout17 and heldout26)
        if kind == "conviction" and self._disciplinary(start, end):
            return "other"
        if kind == "charge" and self._cited_by_a_party(start, end):
            return "complaint"  # "B..., directrice de clinique, a cité à comparaître devant"
        if kind == "sentencing" and self._sentenced_with_conviction(start, end):
            return "conviction"  # "convicted and sentenced in July 2016": one occurrence
        return kind

    def _cited_by_a_party(self, start: int, end: int) -> bool:
        """Whether the date's clause (between ";") tells a citation to appear before a criminal
        court made by someone other than the prosecution: a private party's direct citation
        starts the case, a complaint, where the prosecutor's is the charge."""
        low = self.folded.rfind(";", 0, start) + 1
        high = self.folded.find(";", end)
        high = len(self.folded) if high < 0 else high
        cited = _CITED_TO_APPEAR.rx.search(self.folded, low, high)
        return cited is not None and not _PROSECUTION.rx.search(self.folded, low, cited.start())

    def _sentenced_with_conviction(self, start: int, end: int) -> bool:
        """Whether the sentencing verb nearest the date is joined by "and" to a conviction verb
        before it ("were convicted and sentenced in July 2016", "pleaded guilty and was
        sentenced on 3 May"): one date carrying both steps is the conviction, the main event."""
        verbs = [
            i
            for i, w in enumerate(self.words)
            if w[2] == "sentencing" and w[3] == _VERB and (w[1] <= start or w[0] >= end)
        ]
        if not verbs:
            return False
        index = min(verbs, key=lambda i: self._gap(self.words[i], start, end))
        if index == 0 or self._gap(self.words[index], start, end) > _JOINED_SPAN:
            return False
        first = self.words[index - 1]
        return (
            first[2] == "conviction"
            and first[3] == _VERB
            and _JOINED.rx.fullmatch(self.folded, first[1], self.words[index][0]) is not None
        )

    @staticmethod
    def _gap(word: tuple[int, int, str, int], start: int, end: int) -> int:
        return start - word[1] if word[1] <= start else word[0] - end

    def _disciplinary(self, start: int, end: int) -> bool:
        """Whether the date's clause (up to ";" or a full stop) names a prison's or an agency's
        own hearing: what it found is an administration's decision, no court's."""
        low = max(self.folded.rfind(";", 0, start), self.folded.rfind(". ", 0, start)) + 1
        highs = [i for i in (self.folded.find(";", end), self.folded.find(". ", end)) if i >= 0]
        return bool(
            _DISCIPLINARY_RX.rx.search(self.folded, low, min(highs, default=len(self.folded)))
        )

    def _by_court(self, start: int, end: int, kind: str) -> str:
        """A court's decision by the court's level, where the date's clause names the court
        between the event word and the date ("relaxé par la cour d'appel le 30 décembre",
        "l'arrêt de la cour d'appel de Paris, en date du 7 février 2023, qui l'a condamné",
        "the judgment of the Regional Court dated 3 May") or as the agent right after it
        ("condamné le 3 mai par la cour d'appel"): an appeal, supreme or cassation court's
        decision is a `ruling` whatever it decided, an investigating
        chamber's an `order`, a first-instance court's a `judgment` (or what it decided)."""
        if kind not in _COURT_DECIDED or self._glossed(end) is not None:
            return kind
        before = bisect.bisect_right(self.ends, start) - 1
        low = max(self.words[before][1] if before >= 0 else 0, start - _COURT_SPAN)
        low = max(low, self.folded.rfind(";", 0, start) + 1)
        gap = self.folded[low:start]
        agent = _COURT_AGENT.rx.match(self.folded, end)
        named = gap + " " + (agent[0] if agent else "")
        subject = _COURT_SUBJECT.rx.match(self.folded, end)
        if agent is None and subject and before >= 0 and self._by_a_decision(before):
            # the investigating chamber as the subject of the clause its decision opens: "Par un
            # arrêt du 25 janvier 2022, la chambre de l'instruction ... a jugé sans objet l'appel
            # contre l'ordonnance de mise en liberté" decides on detention, an order
            chamber = _INVESTIGATING_CHAMBER.rx.search(subject[0])
            if chamber is not None and chamber["instruction"]:
                return "order"
        if before >= 0:  # the court as the subject of a relative clause before the decision
            lead = _COURT_WHICH.rx.search(
                self.folded, max(0, start - _COURT_SPAN), self.words[before][0]
            )
            named = (lead[0] if lead else "") + " " + named
        if _PRESIDENT.rx.search(named):
            return kind  # "une ordonnance rendue le 3 mai par le président de la Cour suprême"
        chamber = _INVESTIGATING_CHAMBER.rx.search(named)
        if chamber is not None:
            # its older name's decisions are read by what they decided
            return "order" if chamber["instruction"] else kind
        if _APPELLATE_COURT.rx.search(named) and before >= 0:
            # what a decision named with its date decided stays told ("l'arrêt de la cour
            # d'appel du 7 mai 2017, qui l'a condamné" is the conviction, "disant n'y avoir lieu
            # à statuer" an order); what a verb tells is the court's ruling
            _, _, noun, strength = self.words[before]
            if strength == _VERB:
                return "ruling" if kind in _OUTCOMES else kind
            return "ruling" if noun in _RULED and kind == "judgment" else kind
        if kind == "ruling" and _FIRST_INSTANCE_COURT.rx.search(named):
            return "judgment"
        return kind

    def _fixed_for(self, start: int, end: int, before: int) -> str | None:
        """The kind of the event a date is fixed for, named right after it: "fixed April 25
        for the arraignment" is the arraignment's day (a `hearing`), "set the case down for
        trial on"; None where no verb fixes the date or no event word follows it."""
        if not _FIXES_DATE.rx.search(self.folded, max(0, start - 40), start):
            return None
        after = _FOR_EVENT.rx.match(self.folded, end)
        if after is None or before + 1 >= len(self.words):
            return None
        word_start, _, kind, strength = self.words[before + 1]
        if word_start != after.end() or strength != _NOUN:
            return None
        return _HEARD.get(kind, kind)

    def _by_a_decision(self, index: int) -> bool:
        """Whether the word at `index` is a decision named as the means of its clause, at its
        opening: "Par un arrêt du ...", "By an order of ..."."""
        word_start = self.words[index][0]
        return self.words[index][2] in _DECISIONS and bool(
            _OPENING_BY.rx.fullmatch(self.folded, self._clause_start(word_start), word_start)
        )

    def _nearest(self, start: int, end: int) -> str:
        """The kind of the date at start:end: a deadline where it is when something is due,
        of the event a noun before it was set for, of the decision named with it (or what a
        clause hung on it says it decided), else of the closest event word, verbs first."""
        if _MEMOIRE_TOO.rx.search(self.folded, max(0, start - 160), start):
            return "filing"  # "la requête et le mémoire, enregistrés le 2 mai et le 28 juin"
        glossed = self._glossed(end)
        if glossed is not None:
            return glossed  # "dated June 22, 2006 (conviction) and May 16, 2007 (sentence)"
        previous = self._coordinated_with(start)
        if previous is not None:
            return self._nearest(*previous)  # "the orders of 22 and 23 June": one kind for both
        clause = self.folded[self._clause_start(start) : start]
        if _DUE.rx.search(clause) or (_DUE_IF_BOUND.rx.search(clause) and _BOUND.rx.search(clause)):
            return "deadline"
        if _ON_MOTION.rx.fullmatch(self.folded, 0, start):
            return "order"  # "On Motion to Reopen Record and for Reconsideration November 17"
        if _DATE_OPENS.rx.fullmatch(
            self.folded, self._clause_start(start), start
        ) and _SUBMITTED_THAT.rx.match(self.folded, end):
            return "filing"  # "On 8 April 2014, the State party submitted that"
        if _TRIBUNAL_APPEALED.rx.search(self.folded, max(0, start - 160), start):
            return "judgment"  # "appeals against the Order of the Disciplinary Tribunal dated"
        if _POLLED.rx.search(self.folded, max(0, start - 90), start):
            return "other"  # "les opérations électorales qui se sont déroulées le 15 mars"
        if _REGISTERED_APART.rx.search(self.folded, max(0, start - 200), start):
            return "other"  # "requête du 21 janvier, enregistrée au greffe le 22 janvier"
        if _NOTIFIED_APART.rx.search(self.folded, max(0, start - 120), start):
            return "other"  # "par arrêt n°90 du 8 juillet 2009, notifié au requérant le 16 juillet"
        requested = self._requested(start, end)
        if requested is not None:
            return requested  # "Par une requête, enregistrée le 3 mai 2019, M. X demande à la cour"
        labelled = labelled_kind(self.folded[self.folded.rfind("\n", 0, start) + 1 : start])
        if labelled is not None:
            return labelled  # "Arrest date: 3 May 2019"
        if _CHAMBER_CITED.rx.search(self.folded, max(0, start - 30), start):
            return "ruling"  # "statuant sur renvoi après cassation (3e Civ., 7 mai 2017, ...)"
        before = bisect.bisect_right(self.ends, start) - 1  # the last word ending before it
        if before >= 0:
            _, word_end, kind, _ = self.words[before]
            if _SET_FOR.rx.match(self.folded[word_end:start]):
                # "a hearing scheduled for June 7"; "the motion is set for tomorrow" is heard then
                return _HEARD.get(kind, kind)
            if kind == "detention" and _HELD_SINCE.rx.fullmatch(self.folded, word_end, start):
                # "Il était détenu depuis le 8 mai, arrêté à Gaziantep": the detention's first
                # day, not the participle after it (GUIDE.md, trainE)
                return kind
        fixed_for = self._fixed_for(start, end, before)
        if fixed_for is not None:
            return fixed_for  # "granted the adjournment and fixed April 25 for the arraignment"
        held = self._held(start, before) if _TOOK_PLACE.rx.search(clause) else None
        if held is not None:
            return held  # "a hearing on the motion was held on 3 May": the hearing
        if _OCCURRING.rx.search(clause):
            return "other"  # "conduct occurring on April 27": the facts of the matter
        if before >= 0 and _FOR_DOING.rx.search(self.folded[self.words[before][1] : start]):
            return "other"  # "arrested for allegedly driving a car bomb ... on May 1": the facts
        if (
            before >= 0
            and _ADMITTED_DOING.rx.fullmatch(self.folded, *self.words[before][:2])
            and _IN_THE_ACT.rx.fullmatch(self.folded, self.words[before][1], start)
        ):
            return "other"  # "after he admitted to trafficking ... into Utah in March 2022"
        if self.dates_the_facts(start):
            return "other"  # "for bank robbery on October 10": the date of the facts
        if before >= 0 and self._bracketed(start, before):
            return self.words[before][2]  # "l'arrêt attaqué (Paris, 3 mai 2019)"
        subject = self._dated_subject(start, before)
        if subject is not None:
            return subject  # "Smith's conviction on 3 May 2019 was upheld": the conviction
        outcome = self._outcome_at(start, end, before)
        if outcome is not None:
            return outcome  # "At the hearing in May 2017, ..., the court imposed his sentence"
        premodified = self._premodified_decision(end)
        if premodified is not None:
            return premodified  # "the July 7, 2017 Resolution of the Sandiganbayan, dismissing"
        if before + 1 < len(self.words):
            word_start, _, kind, strength = self.words[before + 1]
            qualifies = _QUALIFIES.rx.fullmatch(self.folded[end:word_start]) or (
                # a full US date set off by commas: "in the Sept. 14, 2017, shooting of"
                _COMMA_QUALIFIES.rx.fullmatch(self.folded[end:word_start])
                and _ARTICLE_BEFORE.rx.search(self.folded, max(0, start - 6), start)
            )
            if strength == _NOUN and qualifies:
                # the date qualifies a noun, "the 2003 raid", unless the clause's verb says what
                # came of it: "found guilty in an October 2016 trial" is the conviction
                outcome = self._outcome_before(start, before) if kind in _TRIAL_NOUNS else None
                return outcome or kind
            if kind in _DECISIONS and _DECISION_AFTER.rx.match(self.folded[end:word_start]):
                # "a rendu le 30 juin 2021 un arrêt ... condamnant": what the decision did
                return self._decided(word_start, before + 2, hung=False) or kind
        carried = self._carried_by_letter(start, before)
        if carried is not None:
            return carried  # "a formé opposition à cette ordonnance par courrier du 26 août"
        if before >= 0:
            word_start, word_end, kind, _ = self.words[before]
            if _NAMED_WITH_DATE.rx.match(self.folded[word_end:start]):
                if kind == "charge" and start - word_end <= _CHARGE_GAP:
                    # a penal order is the accusation whatever it says it imposed: "Par
                    # ordonnance pénale du 29 janvier 2018, le ministère public a condamné X"
                    return kind
                told = self._told_before(word_start, before)
                if told is not None:
                    return told  # "rejet du pourvoi par arrêt du 15 septembre 1984"
                if self._administrative(word_start, end):
                    return "other"  # "la décision du 18 janvier 1988 par laquelle le préfet"
                opening = self._opening(word_start) or (
                    kind in _DECISIONS
                    and _OPENING_AFTER_QUE.rx.search(self.folded[:word_start]) is not None
                )
                decided = self._decided(end, before + 1, hung=not opening)
                if decided is None and kind == "ruling" and self._appealed(word_start, start):
                    return "judgment"  # "leave to appeal the decision of the tribunal dated"
                if (
                    decided is None
                    and opening
                    and self.folded.startswith("jugement", word_start)
                    and _APPEAL_COURT_AFTER.rx.match(self.folded, end)
                ):
                    return "ruling"  # "Par jugement du 3 mai, la Cour d'appel a admis l'appel"
                return decided or kind
        deed = self._by_deed(start, end)
        if deed is not None:
            return deed  # "Par acte d'huissier en date du 10 mai ..., X a interjeté appel"
        scored = self._scored(start, end, before)
        if scored == "filing" and self._withdrawing(end):
            return "dismissal"  # "Vu, enregistré le 3 mai, l'acte par lequel X déclare se désister"
        return scored

    def _premodified_decision(self, end: int) -> str | None:
        """A decision whose date is written before its name ("the July 7, 2017 Resolution of
        the Sandiganbayan, dismissing the appeal", "its November 10, 2017 Resolution, denying
        the motion for reconsideration", "the May 19, 2016 Decision of the Regional Trial
        Court") is read as one named with its date after it: an order is an `order`; else by
        what the participle hung on it says it did (an appeal decided: a `ruling`; a motion
        decided: an `order`), else by the court named after it (a first-instance court's
        `judgment`, a higher court's `ruling`), else a resolution is an `order`. None for any
        other word."""
        named = _PREMODIFIED_DECISION.rx.match(self.folded, end)
        if named is None:
            return None
        if named["name"] == "order":
            return "order"
        tail = self.folded[named.end() : named.end() + _PREMODIFIED_SPAN]
        tail = tail.split(";", 1)[0]
        of_court, comma, hung = tail.partition(",")
        decided = _DECIDED_APPEAL_OR_MOTION.rx.match(comma + hung) if comma else None
        if decided is not None:
            return "ruling" if decided["appeal"] else "order"
        if _OF_COURT.rx.match(of_court):
            if _FIRST_INSTANCE_COURT.rx.search(of_court):
                return "judgment"
            if _APPELLATE_COURT.rx.search(of_court):
                return "ruling"
        return "order" if named["name"] == "resolution" else None

    def _by_deed(self, start: int, end: int) -> str | None:
        """The act of the main clause a deed named with its date opens: "Par acte d'huissier
        en date du 10 décembre 2007 signifié à X et déposé au greffe de la Cour d'appel, Y a
        interjeté appel" is the appeal the deed carried, not the deed's deposit; None where
        no deed opens the clause or no verb follows its participles."""
        if not _BY_DEED.rx.search(self.folded, max(0, start - 60), start):
            return None
        comma = self.folded.find(",", end)
        stop = min(
            (i for i in (self.folded.find(";", end), self.folded.find(". ", end)) if i >= 0),
            default=len(self.folded),
        )
        if comma < 0 or comma > stop:
            return None
        return next(
            (
                kind
                for word_start, _, kind, strength in self.words
                if comma < word_start < stop and strength == _VERB
            ),
            None,
        )

    def _glossed(self, end: int) -> str | None:
        """The kind a bracket right after the date names, and nothing else: "an order dated
        June 22, 2006 (conviction)" is the conviction."""
        gloss = _GLOSS.rx.match(self.folded, end)
        if gloss is None:
            return None
        word = next((w for w in self.words if w[0] == gloss.start(1)), None)
        return word[2] if word is not None and word[1] == gloss.end(1) else None

    def _opening(self, word_start: int) -> bool:
        """Whether the decision named at `word_start` with its date opens its sentence ("Par
        jugement du ..., le tribunal a ..."), past a list's letter ("A. Par jugement du") or a
        heading the page ran into it ("... et procédure Par arrêt du")."""
        if _OPENING_DECISION.rx.search(self.folded[:word_start]):
            return True
        lead = _CAPITAL_OPENING.rx.search(self.text[:word_start])
        return lead is not None and lead.start() > 0

    def _withdrawing(self, end: int) -> bool:
        """Whether the paper filed on the date ending at `end` withdraws the case: what it does
        is the date's event, as "filed a motion" is a motion."""
        stop = self.folded.find(";", end)
        return bool(_WITHDRAWS.rx.search(self.folded, end, stop if stop >= 0 else len(self.folded)))

    def _appealed(self, word_start: int, start: int) -> bool:
        """Whether the decision named at `word_start` with its date is the one a party appeals
        ("seeks leave to appeal the decision of the General Division dated", "an appeal of the
        tribunal's decision dated"), made by no court of appeal: the first instance's."""
        return bool(
            _APPEALED_BEFORE.rx.search(self.folded, self._clause_start(word_start), word_start)
        ) and not _APPEAL_COURT.rx.search(self.folded, word_start, start)

    def _requested(self, start: int, end: int) -> str | None:
        """What a French administrative court's registered requête is, by what it asks: the
        annulment of a judgment or ordonnance, or anything of a cour, is an `appeal`; what a
        tribunal or the Conseil d'État is asked at first instance (to annul an arrêté or a
        decision for excès de pouvoir) a `complaint`; None where the date is no requête's."""
        before = _REQUETE_BEFORE.rx.search(self.folded, max(0, start - 120), start)
        if before is None and not (
            _REGISTERED_BEFORE.rx.search(self.folded, max(0, start - 30), start)
            and _REQUETE_AFTER.rx.match(self.folded, end, end + 80)
        ):
            return None
        asked = _ASKED_OF.rx.search(self.folded, end, end + 600)
        if asked is None:
            asked_for = _ASKED_FOR.rx.search(self.folded, end, end + 300)
            if asked_for is None:
                # a cour administrative d'appel's "Procédure devant la cour :" section, whose
                # requête the excerpt cuts before what it asks: the appeal brought to it
                heading = _BEFORE_THE_COURT.rx.search(self.folded, max(0, start - 200), start)
                return "appeal" if heading else None
            if asked_for["motion"]:
                return "motion"
            return "appeal" if asked_for["judgment"] else "complaint"
        return "appeal" if asked["appeal"] or asked["judgment"] else "complaint"

    def _administrative(self, word_start: int, end: int) -> bool:
        """Whether a "décision" named with its date is an administration's, the act a French
        administrative court is asked to annul ("la décision, en date du 18 janvier 1988, par
        laquelle l'inspecteur d'académie a rejeté sa demande"; "par une décision du 24 mars
        1966, le préfet a refusé"): a fact of the matter, not a step of the case."""
        if not self.folded.startswith("decision", word_start):
            return False
        return bool(
            _ANNULLED.rx.search(self.folded, max(0, word_start - 40), word_start)
            or _ADMINISTRATION_BEFORE.rx.match(self.folded, word_start + len("decision"))
            or _ADMINISTRATION_AFTER.rx.match(self.folded, end)
        )

    def _scored(self, start: int, end: int, before: int) -> str:
        """The closest event word of the date's part of the sentence, verbs first: not past
        a ";" (French "attendu que ... ; que ..."), not in an aside that does not hold the
        date ("following the denial of his motion", ", which ..."); where the date hangs on a
        reporting verb ("..., the prosecutor announced today"), the verb of what is reported."""
        low = self.folded.rfind(";", 0, start) + 1
        high = self.folded.find(";", end)
        high = len(self.folded) if high < 0 else high
        # a numbered paragraph that a heading without a stop runs into ("Rappel des faits
        # présentés par l'auteur\n2.1 Le 12 décembre 1995, l'auteur a été reconnu coupable")
        # starts the date's part of the sentence, and the next one ends it
        low = max(
            (m.start() for m in _NUMBERED_PARAGRAPH.rx.finditer(self.text, low, start)),
            default=low,
        )
        later = _NUMBERED_PARAGRAPH.rx.search(self.text, end, high)
        high = later.start() if later else high
        if _OPENS_CLAUSE.rx.search(self.folded, low, start) and any(
            end <= w[0] < high and w[3] == _VERB for w in self.words
        ):
            low = start  # "..., and on 7 May, the clerk entered a default": its own clause
        if self._in_dateline(start, end) and any(end <= w[0] < high for w in self.words):
            low = start  # "(Miami - May 3, 2024) - The State Attorney announces the arrest of"
        asides = [(a, b) for a, b in self.asides if not a <= start < b]
        holding = [(a, b) for a, b in self.asides if a <= start < b]
        if holding:
            # A relative clause that holds the date is its part of the sentence, with the noun
            # it hangs on ("trial, which is not expected before 2022"; "..., who have lived
            # there since their removal in March 2019" is no step of the case); an adjunct is,
            # where it names an event ("following his arrest on 3 May, he was detained").
            a, b = holding[0]
            relative = self.folded[a] == ","
            antecedent = bisect.bisect_right(self.ends, a) - 1
            if relative and antecedent >= 0 and a - self.ends[antecedent] <= 1:
                a = self.words[antecedent][0]
            if relative or any(a <= w[0] and w[1] <= b for w in self.words):
                low, high = max(low, a), min(high, b)
                asides = []

        def in_scope(index: int) -> bool:
            word_start, word_end = self.words[index][:2]
            return (
                low <= word_start
                and word_end <= high
                and not any(a <= word_start < b for a, b in asides)
            )

        if self._reported(start, end):
            verbs = [
                (min(abs(start - w[1]), abs(w[0] - end)), w[2])
                for index, w in enumerate(self.words)
                if w[3] == _VERB and in_scope(index)
            ]
            if verbs:
                return min(verbs)[1]
        if start - low <= _OPENER and _DATE_OPENS.rx.fullmatch(self.folded[low:start]):
            # "On 7 May 2019 the complaints about his detention were communicated to the
            # Government": the main verb of the clause the date opens, not a noun nearer it
            after = [
                w[2:]
                for index, w in enumerate(self.words[before + 1 :], before + 1)
                if in_scope(index) and not self._dated_apart(index)
            ]
            main = next((kind for kind, strength in after if strength == _VERB), None)
            if main == "hearing":
                # an appearance where the accused pleaded guilty or was sentenced: one
                # occurrence, its main legal event ("appeared before the Court and entered a
                # conditional plea of guilty")
                main = next(
                    (k for k, strength in after if strength == _VERB and k in _TRIAL_OUTCOMES),
                    main,
                )
            if main == "dismissal" and after[0] in _DISMISSED_SUBJECTS:
                return _DISMISSED_SUBJECTS[after[0]]  # "the appeal ... was dismissed"
            if main is not None:
                return main
        colon = self.folded.rfind(":", low, start)
        label = self._label_before(colon) if colon >= 0 else None
        if label is not None and _TOLD_AFTER_COLON.rx.fullmatch(self.folded, colon + 1, start):
            return label  # "Audience : Le 4 octobre 2004, à Halifax": a head's label
        if (
            colon >= 0
            and _TOLD_AFTER_COLON.rx.fullmatch(self.folded, colon + 1, start)
            and len(self.folded[end:high].split()) >= _CLAUSE_WORDS
            and not any(
                in_scope(index) and self.words[index][2] != "other"
                for index in range(before + 1, len(self.words))
            )
        ):
            # "a condamné X, en raison des faits suivants: le 4 mars 2004, il"; a charge quoted
            # in its terms: "a charge which libelled that: “on 7 December 2014 ... you did
            # assault ... and did murder him”"
            return "other"
        scored: list[tuple[float, str]] = []
        index = before
        while index >= 0 and len(scored) < _NEIGHBOURS:
            if in_scope(index) and not self._dated_before(index, start):
                _, word_end, kind, strength = self.words[index]
                scored.append((self._distance(word_end, start) - _VERB_BONUS * strength, kind))
            index -= 1
        count, index = len(scored), before + 1
        while index < len(self.words) and len(scored) - count < _NEIGHBOURS:
            if (
                in_scope(index)
                and not self._dated_apart(index)
                and not self._dated_in_next_clause(end, index)
            ):
                word_start, _, kind, strength = self.words[index]
                distance = self._distance(end, word_start) + 0.5 - _VERB_BONUS * strength
                scored.append((distance, kind))
            index += 1
        return min(scored, key=lambda score: score[0])[1] if scored else "other"

    def _label_before(self, colon: int) -> str | None:
        """The kind of an event noun that alone opens the line up to `colon`, a label ("Audience
        :", "Hearing:"), or None where the line says more."""
        line_start = self.folded.rfind("\n", 0, colon) + 1
        label = self.folded[line_start:colon].strip(" \t|*-")
        nouns = [w for w in self.words if line_start <= w[0] and w[1] <= colon]
        if len(nouns) == 1 and nouns[0][3] == _NOUN:
            noun_start, noun_end = nouns[0][:2]
            if self.folded[noun_start:noun_end] == label:
                return nouns[0][2]
        return None

    def _in_dateline(self, start: int, end: int) -> bool:
        """Whether the date is a release's dateline run into its headline ("... Charged in
        Thefts (Miami - May 3, 2024) - The State Attorney announces the arrest of ..."): the
        lead after it tells the event, not the headline before it."""
        return bool(
            _DATELINE_BEFORE.rx.search(self.folded, max(0, start - 40), start)
            and _DATELINE_AFTER.rx.match(self.folded, end)
        )

    def _dated_apart(self, index: int) -> bool:
        """Whether the word at `index` has a date of its own right after it: "introduced on 20
        January and registered on 28 April" (the registration is not of 20 January)."""
        word_end = self.words[index][1]
        after = bisect.bisect_left(self.dates, word_end, key=lambda d: d[0])
        return after < len(self.dates) and bool(
            _OWN_DATE.rx.match(self.folded[word_end : self.dates[after][0]])
        )

    def _dated_in_next_clause(self, end: int, index: int) -> bool:
        """Whether the verb at `index` is in a clause joined by "and" right after the date ending
        at `end`, and that clause has a date of its own: "granted leave ... on March 11 and the
        DoJ filed a formal application on March 14" (the filing is not of March 11)."""
        word_start, word_end, _, strength = self.words[index]
        joined = _JOINED_CLAUSE.rx.match(self.folded, end)
        if strength != _VERB or joined is None or word_start < joined.end():
            return False
        if bisect.bisect_left(self.breaks, word_start) != bisect.bisect_left(self.breaks, end) + 1:
            return False  # not in the clause right after the date's
        after = bisect.bisect_left(self.dates, word_end, key=lambda d: d[0])
        return after < len(self.dates) and bisect.bisect_left(
            self.breaks, self.dates[after][0]
        ) == bisect.bisect_left(self.breaks, word_end)

    def _dated_before(self, index: int, start: int) -> bool:
        """Whether the word at `index`, before the date at `start`, has another date of its own
        right after it: "was arrested on Tuesday after she went missing ... on March 3" (the
        arrest is not of March 3)."""
        if not _NAMED_DAY.rx.match(self.folded, start):
            return False  # "that night", "the same day": told from the step's own date
        word_end = self.words[index][1]
        after = bisect.bisect_left(self.dates, word_end, key=lambda d: d[0])
        return (
            after < len(self.dates)
            and self.dates[after][0] < start
            and bool(_OWN_DATE.rx.match(self.folded[word_end : self.dates[after][0]]))
            and bool(_SUBORDINATE.rx.search(self.folded, self.dates[after][1], start))
        )

    def _reported(self, start: int, end: int) -> bool:
        """Whether the date hangs on a reporting verb and its clause names no event:
        "..., the Justice Department announced today"."""
        low = self._clause_start(start)
        ends = [self.folded.find(mark, end) for mark in ",;:()"]
        high = min((e for e in ends if e >= 0), default=len(self.folded))
        clause = self.folded[low:high]
        in_clause = any(low <= w[0] < high for w in self.words)
        return not in_clause and bool(_REPORTING.rx.search(clause))

    def _coordinated_with(self, start: int) -> tuple[int, int] | None:
        """The date this one is listed with: "on 22 June 2019 and 23 June 2019", "en date des
        22 et 23 juin", "on April 4, and again on May 5"."""
        index = bisect.bisect_left([d[0] for d in self.dates], start)
        if index == 0:
            return None
        previous = self.dates[index - 1]
        if not _LISTED.rx.match(self.folded[previous[1] : start]):
            return None
        end = self.dates[index][1]
        after = bisect.bisect_right(self.ends, end)  # "and on 5 June he was convicted": its own
        stop = bisect.bisect_left(self.breaks, end)
        next_break = self.breaks[stop] if stop < len(self.breaks) else len(self.folded)
        if after < len(self.words) and self.words[after][0] < next_break:
            return None if self.words[after][3] == _VERB else previous
        return previous

    def _decided(self, end: int, first_after: int, hung: bool = True) -> str | None:
        """What a clause hung on the date ending at `end` says the decision did; not what
        a participle hung on a later date says of that one ("qui, après avoir cassé l'arrêt
        du 23 août, disant n'y avoir lieu à statuer, a renvoyé ...")."""
        if hung and not _HUNG_CLAUSE.rx.match(self.folded[end:]):
            return None
        stop = self.folded.find(";", end)
        limit = stop if stop >= 0 else len(self.folded)
        later = self.dates[bisect.bisect_right(self.dates, end, key=lambda d: d[1]) :]
        nested = [
            (d_end, self._chunk_end(d_end))
            for _, d_end in itertools.takewhile(lambda d: d[0] < limit, later)
            if _HUNG_PARTICIPLE.rx.match(self.folded[d_end:])
        ]
        found = None
        for word_start, _, kind, strength in self.words[first_after:]:
            if stop >= 0 and word_start > stop:
                break
            if any(a <= word_start < b for a, b in nested):
                continue
            aside = any(a <= word_start < b for a, b in self.asides)  # ", dont l'expédition"
            if strength == _VERB and found is None and kind in _PARTYS_ACTS and not aside:
                # a party's paper, not a decision: "Par mémoire du 3 mai, il a conclu au rejet"
                return None if hung or word_start - end > _SUBJECT_SPAN else kind
            if strength == _VERB and kind == "acquittal":
                found = kind  # unless convicted of another charge: "relaxé de X, coupable de Y"
            elif strength == _VERB and kind in _DECIDED and (found is None or kind == "conviction"):
                return kind
            elif (
                found is None and kind == "ruling" and _ON_APPEAL.rx.match(self.folded, word_start)
            ):
                # what it did to the decision appealed from: a court deciding an appeal, whatever
                # its level or its decision's name ("le jugement du 13 mars 2005 du Tribunal
                # Régional qui a confirmé le jugement du Tribunal de Gaya", GUIDE.md heldout14),
                # unless it convicted too ("a confirmé le jugement et l'a condamné")
                found = kind
        return found

    def _chunk_end(self, position: int) -> int:
        """Where the phrase that follows the comma after `position` ends."""
        comma = self.folded.find(",", position)  # the one the participle follows
        ends = [self.folded.find(mark, comma + 1) for mark in ",;"]
        return min((e for e in ends if e >= 0), default=len(self.folded))

    def _told_before(self, word_start: int, before: int) -> str | None:
        """The outcome a clause tells before the decision that gave it: "rejet du pourvoi
        par arrêt du 15 septembre 1984", "condamné par un jugement du 3 mai", "affirmed by
        an order of 3 May"."""
        if not _BY_DECISION.rx.search(self.folded[max(0, word_start - 20) : word_start]):
            return None
        clause_start = self._clause_start(word_start)
        for told_start, _, kind, strength in reversed(self.words[:before]):
            if told_start < clause_start:
                break
            if strength == _VERB and kind != "other":
                return kind
        return None

    def dates_the_facts(self, start: int) -> bool:
        """Whether the date at `start` is of the facts of the matter: the sentence names no
        step of a case ("the applicant staged a demonstration"), or the date is that of a
        word for the facts ("for bank robbery on October 10"); then what its date was may be
        told by the sentences after it."""
        if all(kind == "other" for _, _, kind, _ in self.words):
            return True
        return self.names_the_facts(start)

    def names_the_facts(self, start: int) -> bool:
        """Whether the date at `start` is that of a word for the facts or an event of no kind
        of its own ("his questioning of 10 September", "the robbery on 3 May"): an event of
        its own, not a day told again."""
        before = bisect.bisect_right(self.ends, start) - 1
        if before < 0:
            return False
        _, word_end, kind, strength = self.words[before]
        return (kind, strength) == ("other", _NOUN) and bool(
            _ON_DATE.rx.match(self.folded[word_end:start])
        )

    def tells_a_state(self) -> bool:
        """Whether the sentence tells a state of affairs and no event at all: its date is none.
        A state told in a relative clause is about a noun, not the sentence ("the body was
        found at the station where he was employed")."""
        if self.words:
            return False
        return any(
            not _RELATIVE_BEFORE.rx.search(self.folded, max(0, m.start() - 70), m.start())
            for m in _STATE.rx.finditer(self.folded)
        )

    def in_clause(self, position: int, kind: str) -> bool:
        """Whether a word of `kind` lies in the clause holding `position`, before it; a
        relative clause goes on with the one it hangs on ("placée en détention, où elle est
        restée jusqu'à")."""
        start = self._clause_start(position)
        while start > 1 and _RELATIVE_OPENS.rx.match(self.folded, start):
            start = self._clause_start(start - 1)
        return any(start <= w[0] and w[1] <= position and w[2] == kind for w in self.words)

    def _clause_start(self, position: int) -> int:
        """Where the clause holding `position` starts: after the last comma, ";" or "(".
        ("and" does not end it here: "ordered to report and pay by May 1")."""
        mark = max(self.folded.rfind(mark, 0, position) for mark in ",;:()")
        if (
            mark > 0
            and self.folded[mark] == ","
            and _WEEKDAY_BEFORE.rx.search(self.folded, 0, mark)
        ):
            return self._clause_start(mark)  # "on Friday, 30 September": one phrase
        return mark + 1

    def _bracketed(self, start: int, before: int) -> bool:
        """Whether the date is in brackets right after the decision named before it."""
        word_end, kind, strength = self.words[before][1:]
        bracket = self.folded.rfind("(", word_end, start)
        return (
            kind in _DECISIONS
            and strength == _NOUN
            and bracket >= 0
            and bool(_BRACKETED_AFTER.rx.fullmatch(self.folded[word_end:bracket]))
            and bool(_BRACKET_LEAD.rx.fullmatch(self.folded[bracket + 1 : start]))
        )

    def _dated_subject(self, start: int, before: int) -> str | None:
        """The kind of an event noun that opens its clause with the date hung on it: "His
        arrest on 3 May followed ...", "the indictment of the mayor on 3 May surprised ...",
        "..., following his arrest on 5 February"."""
        if before < 0 or self.words[before][3] != _NOUN:
            return None
        word_start, word_end, kind, _ = self.words[before]
        opening = self.folded[self._clause_start(start) : word_start]
        # "..., who has been held in jail since his arrest on Dec. 23": the adjunct need not
        # open the clause, its noun and date are one phrase wherever it stands
        led = _SUBJECT_LEAD.rx.fullmatch(opening) or _AFTER_LEAD.rx.search(opening)
        if led and _HUNG_DATE.rx.fullmatch(self.folded[word_end:start]):
            return kind
        return None

    def _held(self, start: int, before: int) -> str | None:
        """The kind of the event noun that "took place" on the date: "the hearing of these
        charges took place on 3 March" is the hearing."""
        if before < 0 or self.words[before][0] < self._clause_start(start):
            return None
        index = before
        while index >= 0 and self.words[index][3] == _NOUN:
            if self.words[index][0] < self._clause_start(start):
                break
            index -= 1
        first = index + 1  # the first noun of the clause, or the head of its compound:
        while (
            first < before
            and not self.folded[self.words[first][1] : self.words[first + 1][0]].strip()
        ):
            first += 1  # "a detention hearing"
        kind = self.words[first][2] if first <= before else None
        return kind if kind != "other" else None

    def _carried_by_letter(self, start: int, before: int) -> str | None:
        """The act of the clause whose letter the date is of ("le prévenu a formé opposition à
        cette ordonnance par courrier du 26 août"), not the paper the act is against."""
        if not _BY_LETTER.rx.search(self.folded, max(0, start - 40), start):
            return None
        clause_start = self._clause_start(start)
        for word_start, _, kind, strength in reversed(self.words[: before + 1]):
            if word_start < clause_start:
                break
            if strength == _VERB:
                return kind
        return None

    def _outcome_at(self, start: int, end: int, before: int) -> str | None:
        """What came of a hearing or trial a sentence opens with, dated ("At the revocation
        hearing in May 2017, he admitted the violations, and the court imposed his sentence"):
        the conviction, acquittal or sentence its main clause tells; None without one."""
        if before < 0 or self.words[before][2] not in _TRIAL_NOUNS:
            return None
        word_start, word_end = self.words[before][:2]
        if not _AT_THE.rx.fullmatch(self.folded, 0, word_start) or not _ON_DATE.rx.match(
            self.folded[word_end:start]
        ):
            return None
        stop = self.folded.find(";", end)
        return next(
            (
                kind
                for word_start, _, kind, strength in self.words[before + 1 :]
                if (stop < 0 or word_start < stop) and strength == _VERB and kind in _TRIAL_OUTCOMES
            ),
            None,
        )

    def _outcome_before(self, start: int, before: int) -> str | None:
        """A conviction, acquittal or sentence verb of the clause before `start`."""
        clause_start = self._clause_start(start)
        for word_start, _, kind, strength in reversed(self.words[: before + 1]):
            if word_start < clause_start:
                break
            if strength == _VERB and kind in _TRIAL_OUTCOMES:
                return kind
        return None

    def _distance(self, low: int, high: int) -> int:
        crossed = bisect.bisect_left(self.breaks, high) - bisect.bisect_left(self.breaks, low)
        quoted = sum(end - start - 1 for start, end in self.quoted if low <= start and end <= high)
        return high - low - quoted + _CLAUSE_PENALTY * crossed


def carried_kind(following: Iterable[str]) -> str | None:
    """The arrest, search or raid the sentences after a date of the facts tell first ("On 10
    November 2006 the applicant staged a demonstration. ... Officers took her to the police
    station."): a date that carries several events of one occurrence is its main legal event.
    The first told is the one of that date ("Detectives executed a search warrant ... The
    owner was subsequently arrested")."""
    for sentence in following:
        for _, _, kind, _ in KindWords.of(sentence, ()).words:
            if kind in _CARRIED:
                return kind
    return None


_CARRIED = frozenset({"arrest", "search", "raid"})


# The head of a court decision: its date on a line of its own or among the court's name and
# docket number ("Cour de cassation Chambre criminelle Audience publique du 8 mars 2017").
HEAD = 600  # characters: the head of a decision, where its court and date are
_HEADER_WORDS = 16
_DECISION_WORDS = Regex(
    r"\b(?:court|cour|tribunal|judgment|jugement|arret|pourvoi|cassation|docket|appellate|"
    r"chambre|division|cass|audience|conseil d'etat|conseil constitutionnel|lecture du|opinion|"
    r"circuit judges?|reasons (?:and|for) decision|decision and reasons)\b"
    r"|\b(?:civ|crim|com|soc|plen)\."  # the Cour de cassation's chambers: "2e Civ., 4 février"
)
_FINITE_VERB = Regex(
    r"\b(?:was|were|is|are|has|had|have|been|having|will|a|ont|est|sont|ete|avait|etait)\b"
)
# The decision's title on a line of its own: "JUDGMENT", "JUDGMENT AND REASONS", "REASONS FOR
# JUDGMENT AND JUDGMENT", "JUGEMENT du mercredi 23 novembre 2022", an ECHR judgment's "ARRÊT"
# above "STRASBOURG".
_JUDGMENT_NEAR = Regex(
    r"(?m)^[ \t]*(?:(?:reasons\s+for\s+)?(?:judgment|jugement)(?:\s+and\s+(?:reasons|judgment))?"
    r"[ \t]*$|jugement\s+du\s+(?:(?:lun|mar|mercre|jeu|vendre|same)di\s|dimanche\s|\d)"
    r"|arret\s*\n\s*strasbourg\b)"
)
_TITLE_BELOW = 900  # characters: the title may follow the date and the parties' names
# An order's title on a line of its own below the head: "ORDONNANCE" (an English "ORDER" there
# is the operative part of a decision).
# A Quebec title that names the motion decided ("JUGEMENT SUR REQUÊTE EN ARRÊT DES
# PROCÉDURES", "JUGEMENT SUR PRÉSENTATION DE MOYENS PRÉLIMINAIRES") is an order too.
_ORDER_BELOW = Regex(
    r"(?m)^[ \t|]*(?:ordonnance[ \t|]*$|jugement sur (?:la |une )?(?:requete|demande"
    r"|presentation|moyens?)\b|judgment on (?:the |an? )?(?:motion|application)\b)"
)
# A US court's decision titled "ORDER" (or "ORDER ON MOTION TO ...") over the line naming the
# judge who signs it ("HIGHSMITH, District Judge."): an order, not its operative part.
_ORDER_TITLED = Regex(
    r"(?m)^[ \t|]*order(?: on [^\n]{1,80})?[ \t]*\n\s*[^\n]{1,60}\b(?:judge|justice|j\.)"
    r"\.?[ \t]*$"
)
# A judge sitting in référé, named in the head: an interim measure, an order.
_INTERIM_HEAD = Regex(r"\b(?:siegeant|statuant) en refere\b")
# What a long head line says just before a date it gives: the day the case was entered on the
# roll ("Inscrit le 28 novembre 2014", the day its request was lodged), or the decision's own
# ("Audience publique du 8 décembre 2014", not "statuant en l'audience publique du";
# "UNPUBLISHED March 19, 2020", "MEMORANDUM BY SMITH, J.: FILED JANUARY 30, 2015").
_ENTERED_ON_ROLL = Regex(r"\binscrite? le\s*$")
# A decision's title with its number: "Arrêt n° 15/2018 du 7 février 2018".
_NUMBERED_DECISION = r"\barret n[°o] ?\d+/\d{4} du\s+"
_DECIDED_ON = Regex(
    _NUMBERED_DECISION + r"$|"
    r"(?:(?<!l')\baudience publique du|\b(?:un)?published|\b(?:opinion|memorandum)\b[^\n]{0,60}"
    r"\bfiled:?|(?:^|\s)date\s*:)\s*$"
)
# The text's own citation line, its date in brackets at the end: "Stalio v The Queen [2012]
# VSCA 120 (12 June 2012)", "Uganda v Akugizibwe (Criminal Session 280 of 2022) [2024] UGHC 467
# (18 June 2024)", "Centrum Financial Services Ltd. Vs. State of NCT of Delhi [28/01/2022]".
# (or named by its neutral citation alone: "GORDON, APPEAL AGAINST SENTENCE ... [2018] ScotHC
# HCJAC_21 (25 January 2018)"; a site's breadcrumb may run into its "URL:" line)
_CITED_AS = Regex(
    r"^\W*\w[^\n]{0,160}?(?:\s(?:v|vs|c)\.?\s[^\n]{1,200}?"
    r"|\[(?:19|20)\d\d\]\s+(?:[a-z]+\s+){1,2}?[a-z_]*\d+\s*)[(\[]\s*$"
)
_CITED_CLOSE = Regex(r"\s*[)\]]\s*(?:url:.*)?$")
# The opinion's first heading or paragraph under a date alone on its line: the date is the
# decision's, given above its reasons ("Respondent: ...\n19 August 2016\nIntroduction\n[1]").
_REASONS_BELOW = Regex(r"[ \t|]*\n\s*(?:introduction|background|\[1\])")
_REASONS_RUN_ON = Regex(r"[ \t]+(?:introduction|background|the facts)[ \t]+\[1\][ \t]")
# The day a decision was pronounced, on the line after its hearing's: "Prononcé du 19 avril".
_PRONOUNCED_AFTER = Regex(r"\s*\n\s*(?:prononce\w*|lecture|lu|rendu\w*) (?:du|le|en)\b")


# A head whose text layer runs its lines together still dates the decision with its court's
# words: "COURT OF APPEALS ... UNPUBLISHED March 19, 2020", "COUR ADMINISTRATIVE ... Inscrit le
# 27 juin 2023 Audience publique du 1er février 2024".
# A Canadian head's "Date: 20140127" run together with its citation is the decision's date.
_DATED_HEAD = Regex(
    r"\b(?:unpublished|(?<!l')audience publique du|inscrite? le)\s+" + _DATE_AHEAD
    + r"|\bdate\s*:\s*(?:19|20)\d{6}\b|" + _NUMBERED_DECISION + _DATE_AHEAD
)  # fmt: skip


# A lawyer's disciplinary case named in a text's head ("DISCIPLINARY COUNSEL v. STAFFORD",
# "Attorney misconduct", "OKLAHOMA BAR ASSN. v. PATTERSON", "disciplinary proceeding"), not an
# appeal from a disciplinary tribunal ("Appellant"): the court or tribunal that disciplines
# decides the case at its only instance, a `judgment` (GUIDE.md, heldout23 and heldout26),
# even where a supreme court, whose decisions are otherwise rulings, gives it.
_DISCIPLINE_CASE = Regex(
    r"\b(?:disciplinary counsel|bar ass(?:n|ociation)\.? v\.|attorney (?:misconduct|discipline)"
    r"|grievances and discipline|(?:lawyer|attorney) disciplinary|disciplinary (?:proceedings?"
    r"|enforcement))"
)
_APPEAL_ROLES = Regex(r"\b(?:appellants?|appellees?|appelante?s?|on appeal|appeal from)\b")


# A treaty body's preamble: "Le Comité des droits de l'homme, ..., Réuni le 30 juillet 1998,
# ... Adopte ce qui suit : Constatations" ("Meeting on 30 July 1998, ... Adopts the following:
# Views"). The day it met is the day it adopted what follows: Views, or a decision on the
# merits, are a `judgment`, a decision on admissibility a `ruling` (GUIDE.md).
_SITTING_BEFORE = Regex(r"(?:^|\n|,)\s*(?:reunie?s?|meeting)\s*(?:le|on)?\s*$")
_ADOPTS_AFTER = Regex(
    r"\b(?:adopte (?:ce qui suit|la decision|les constatations|la presente)"
    r"|adopts (?:the following|its|the present))\s*(?:ci-apres\s*)?:?\s*(?P<title>[^\n]*)"
)
_SITTING_SPAN = 800  # characters from the date to "Adopte ce qui suit" (the preamble's recitals)
_ADMISSIBILITY = Regex(r"\b(?:recevabilite|admissibility|irrecevab\w*|inadmissib\w*)\b")


def sitting_kind(story: str, start: int, end: int) -> str | None:
    """The kind of the date at story[start:end] where a treaty body's preamble says it met
    that day ("Réuni le 30 juillet 1998,") to adopt what follows: `judgment` for Views,
    `ruling` for a decision on admissibility; None for any other date."""
    if not _SITTING_BEFORE.rx.search(fold_same_length(story[max(0, start - 20) : start]).lower()):
        return None
    after = fold_same_length(story[end : end + _SITTING_SPAN]).lower()
    adopts = _ADOPTS_AFTER.rx.search(after)
    if adopts is None:
        return None
    title = adopts["title"] or after[adopts.end() :].lstrip().split("\n", 1)[0]
    return "ruling" if _ADMISSIBILITY.rx.search(title) else "judgment"


# Who accuses a lawyer in a disciplinary case: its charges open the case, a `complaint`
# (GUIDE.md: "the start of a case against someone"), not a criminal `charge`.
_DISCIPLINARY_ACCUSER = Regex(
    r"\b(?:disciplinary (?:counsel|board|committee|administrator)|bar ass(?:n|ociation)\b"
    r"|relator|grievance committee|law society)"
)


def accused_by_the_discipline(sentence: str) -> bool:
    """Whether a sentence of a disciplinary case names its accuser: "In February 2009, the
    Ohio Disciplinary Counsel charged Respondent with misconduct" opens the case."""
    return bool(_DISCIPLINARY_ACCUSER.rx.search(fold_same_length(sentence).lower()))


def disciplinary_case(text: str) -> bool:
    """Whether the text's head names a lawyer's disciplinary case and no appeal from one."""
    head = fold_same_length(text[:HEAD]).lower()
    return bool(_DISCIPLINE_CASE.rx.search(head)) and not _APPEAL_ROLES.rx.search(head)


def is_decision(text: str) -> bool:
    """Whether the text opens as a court decision does (court, docket or judgment words on a
    short line of its head, or with a date its court's words give), and not as a press release
    or a story about one."""
    if is_release(text):
        return False
    head = fold_same_length(text[:HEAD]).lower()
    if _DECISION_WORDS.rx.search(head) and _DATED_HEAD.rx.search(head):
        return True
    return any(
        _DECISION_WORDS.rx.search(line)
        and len(line.split()) <= _HEADER_WORDS
        and not _FINITE_VERB.rx.search(line)
        and not any(strength == _VERB and rx.rx.search(line) for rx, _, strength in _KIND_REGEXES)
        for line in head.splitlines()
    )


# A head's label for the day its decision was given: "DATE DELIVERED:", "DATE OF JUDGMENT".
_DECISION_LABEL = (
    r"dates? (?:delivered|of delivery|of (?:the )?(?:judgment|decision|ruling))|delivered on"
)
# A header line that is a date and what happened on it: "Argued April 28, 1950.",
# "Decided August 2, 1950.", "November 4, 1929.".
_HEADER_LABEL = Regex(
    r"\s*(?P<label>(?P<hearing>argued(?: and submitted)?|hearing(?: dates?| date\(s\))?"
    # the Supreme Court of Canada's French head: "Appels entendus : 12 mai 2021"
    r"|(?:appels?|pourvois?|requetes?|affaires?|demandes?|recours) entendue?s?"
    r"|heard(?: at [\w' ,.-]{1,40}? on)?|submitted|(?:assigned|submitted) on"
    r" briefs?|dates? of (?:the )?hearing)|decided|filed|dated"
    r"|delivered|opinion filed|judgment entered|lecture du(?: \w+di)?|lu le"
    r"|" + _DECISION_LABEL + r")?\s*[:.]?\s*"
)
# A star page mark of a reporter run into the line after it: "March 31, 1977.*171 John".
_STAR_PAGE = Regex(r"\.?(?=\*\d+\b)")
_LABELLED_HEAD = 3000  # "Argued ..." and "Decided ..." lines may follow a long list of counsel
_TITLE_ABOVE = 3  # lines: "JUDGMENT", "STRASBOURG", then the date alone


# A field of an information box: "Judgment date:", "Date of decision:", "Hearing date -",
# "Hearing date(s):".
_FIELD = Regex(
    r"(?:^|[\u2022|*\n-])\s*(?P<name>(?:[\w'-]+ ){0,2}?)(?:date(?:\(s\))?|dated)"
    r"(?: (?:of|de la|du|des|de l'|de) (?:presente )?(?P<of>(?:[\w'-]+ ?){1,3}))?\s*[:\u2013-]\s*$"
)
# A UN treaty body's header: "Date of communication: 6 April 2016 (initial submission)" (or "Date
# of complaint:", the Committee against Torture's "Date de la requête :") is when the author
# wrote (an ECHR file's "Communication date:" is when the Court gave notice of it), "Date of
# adoption of Views:", "Date des constatations :" the decision on the merits.
_SUBMITTED = Regex(r"(?:communications?|complaints?|plaintes?|requetes?)\b")
_VIEWS = Regex(r"\b(?:views|constatations)\b")


# A treaty body's Views named in its title ("Views adopted by the Committee under article 5 (4)")
# over a field "Date of adoption of decision:": the decision that field dates is the Views, a
# `judgment` (GUIDE.md, heldout8), not a decision on admissibility.
_VIEWS_TITLE = Regex(r"\b(?:views adopted|constatations adoptees)\b")
_ADOPTED_DECISION = Regex(
    r"\bdate (?:of adoption of (?:the )?decision|d'adoption de la decision)\s*:?\s*$"
)


def adopted_views(before: str) -> bool:
    """Whether the date after `before` (the text up to it) is a treaty body's "Date of adoption
    of decision:" in the head of Views: the Views' own date."""
    folded = fold_same_length(before).lower()
    line = folded[folded.rfind("\n") + 1 :]
    return bool(_ADOPTED_DECISION.rx.search(line)) and bool(_VIEWS_TITLE.rx.search(folded[:HEAD]))


def labelled_kind(before: str) -> str | None:
    """The kind a field's label gives the date after it ("Judgment date: 2019-07-23" is a
    judgment, "Communication date:" no step of the case, "Date of communication:" a filing),
    or None where no label is."""
    field = _FIELD.rx.search(fold_same_length(before).lower())
    if field is None:
        return None
    name = f"{field['name']} {field['of'] or ''}".strip()
    if not name:
        return None  # "DATE: September 30, 2025" says nothing of what happened
    if _VIEWS.rx.search(name):
        return "judgment"
    if field["of"] and _SUBMITTED.rx.match(field["of"]):
        return "filing"
    words = KindWords.of(name, ()).words
    return words[0][2] if words else "other"


# A US court's filing stamp, run into the text of a docketed paper: "Case 1:16-cv-07544
# Document 1 Filed 09/27/16 Page 1 of 26".
_STAMP = Regex(r"\bdocument\s+\d+\s+filed\s*$")
_STAMPED_HEAD = 3000  # characters: where the paper's title is
_PAPER_TITLE = Regex(r"\b(?:COMPLAINT|ORDER|INDICTMENT|JUDGMENT|MOTION|INFORMATION|OPINION)\b")
_PAPER_KINDS = {
    "COMPLAINT": "complaint", "ORDER": "order", "INDICTMENT": "indictment",
    "JUDGMENT": "judgment", "MOTION": "motion", "INFORMATION": "charge", "OPINION": "ruling",
}  # fmt: skip


def stamped_kind(before: str, story: str) -> str | None:
    """The kind of the date a filing stamp gives ("Document 1 Filed 09/27/16"): the day the
    paper it stamps was filed, of the kind its title in capitals names ("COMPLAINT FOR
    INJUNCTIVE RELIEF", "ORDER"), else a filing; None for a date no stamp gives."""
    if not _STAMP.rx.search(fold_same_length(before).lower()):
        return None
    title = _PAPER_TITLE.rx.search(story[:_STAMPED_HEAD])
    return _PAPER_KINDS[title[0]] if title else "filing"


# A decision's closing signature: "Signed at Ottawa, Canada, this 1st day of December 2011."
_SIGNED = Regex(r"(?:^|\n)\s*(?:signed|done|dated) at [^.;\n]{1,80}?,?\s*(?:this|on)?\s*$")


def signed_kind(before: str, story: str) -> str | None:
    """The kind of the date a decision's closing signature gives: the decision the text is, of
    the kind its title in capitals names ("ORDER", "JUDGMENT"); None for any other date, or
    where no title names the decision."""
    if not _SIGNED.rx.search(fold_same_length(before).lower()):
        return None
    title = _PAPER_TITLE.rx.search(story[:_STAMPED_HEAD])
    return _PAPER_KINDS[title[0]] if title else None


# A head's label over the dates it gives, however many lines and places between: "Date and
# Place of Hearing: December 10, 19 and 21, 2007, January 7, 2008", "Place and Date of
# Judgment: Vancouver, British Columbia / February 6, 2009", "Written Submissions Received:",
# a line's "Hearing:" over dates running onto the next line, "Submissions by prosecution:".
_HEADING = Regex(
    r"\b(?:(?:place and )?dates? (?:and place )?of (?:the )?(?:(?P<hearing>hearings?)"
    r"|(?P<decision>judgment|decision|reasons|order))|(?<![^\n])(?P<heard>hearings?)"
    r"|(?P<filing>(?:written )?submissions? (?:received|filed|by (?:the )?[a-z]+(?: [a-z]+)?)))"
    r"\s*(?P<colon>:)[^:]{0,150}$"
)
# What only a sentence has between a head's label and a date: a paragraph's number, a word in
# lower case (places and months under the label are capitalised; "and" joins dates).
_PROSE = Regex(r"\[\d+\]|\b(?!and\b|et\b)[a-z]{2,}\b")
# A head that names an appeal court or the parties to an appeal: its decision is a ruling,
# even under "Reasons for Judgment".
_CAPTION_BELOW = 300  # characters: the parties' names and roles under the date
# A decision on a question another court sent up answers it as a first (and only) instance
# does: a judgment, as the Court of Justice's on a preliminary reference.
_PRELIMINARY = Regex(r"\bquestions? prejudicielles?\b|\bpreliminary (?:ruling|reference)\b")
# (the appellate courts of a date's clause, above, and the parties' roles on an appeal)
_APPELLATE_HEAD = Regex(r"\b(?:" + _APPELLATE_NAMES + r"|appellants?|appelante?s?)\b")


# What a decision on a party's application decides, named in its head: bail, a stay, a belated
# appeal. Such a decision is an `order` even when headed "Ruling" (GUIDE.md). Leave to appeal and
# more time are left out: a head names them beside the appeal it decides ("Appeal or application
# for leave to appeal ... dismissed").
_APPLICATION_DECIDED = Regex(
    r"\b(?:bail (?:pending|application|appln\b)|applications? for (?:bail|(?:a )?stay)"
    r"|(?:pre-arrest|anticipatory) bail|stay of execution|belated appeal"
    r"|sursis a (?:l')?execution"
    # a Queensland head's "PROCEEDING: Application for Extension (Sentence)", "Sentence
    # Application", "Application for Leave" (not "Appeal or application for leave to appeal")
    r"|applications? for (?:an )?extension|sentence application"
    r"|(?<!appeal or )(?<!appeals or )applications? for leave)\b"
)


def heading_kind(before: str) -> str | None:
    """The kind a head's label gives the dates under it ("hearing", "filing", or "decision"
    for the decision's own date), or None where no such label is."""
    near = before[-200:]
    heading = _HEADING.rx.search(fold_same_length(near).lower())
    if heading is None or _PROSE.rx.search(near, heading.end("colon")):
        return None  # "Date of Hearing: ... March 12, 2008 ... [1] On March 12, 2008, I allowed"
    if heading["heard"]:
        return "hearing"  # "Hearing: 12, 13 August 2008;\n17, 18, 19 February 2009"
    return next(name for name in ("hearing", "decision", "filing") if heading[name])


# A reporter's head line giving each year, then its day: the hearing's, then the decision's
# ("1985: 29 octobre; 1986: 24 avril.", "1999: March 3; 1999: June 17.").
_YEARS_THEN_DAYS = Regex(r"(?:\d{4}\s*:\s*[^:;]{3,40};\s*)+\d{4}\s*:\s*[^:;]{3,40}?\.?")


# A head's label on the line above the date alone: "HEARING DATE:", "Hearing date(s):",
# "Hearing: |" (a table's).
_HEARD_ABOVE = Regex(
    r"(?im)^[ \t|]*(?:(?:hearing(?: dates?| date\(s\))?|heard(?: on)?)[ \t]*:"
    r"|dates? of (?:the )?hearing"
    r"[ \t]*:?)[ \t|]*\n[ \t|]*$"
)


def _head_and_caption(story: str, offset: int, line_end: int) -> str:
    """The text's head up to the date's line and the caption under it, folded."""
    end_at = offset + line_end if line_end >= 0 else len(story)
    return fold_same_length(story[: end_at + _CAPTION_BELOW]).lower()


def _under_title(before: str) -> bool:
    """Whether a line right above the date's titles a decision ("JUDGMENT / STRASBOURG /
    9 December 2010"), however long the site's furniture before the title."""
    lines = fold_same_length(before[-200:]).lower().splitlines()
    above = [line.strip() for line in lines if line.strip()][-_TITLE_ABOVE:]
    return any(
        line in ("judgment", "jugement", "arret", "decision")
        or _DECISION_LABEL_LINE.rx.fullmatch(line)
        for line in above
    )


# The label alone on its line above the decision's date: "DATE OF JUDGMENT", "Delivered on:".
_DECISION_LABEL_LINE = Regex(r"(?:" + _DECISION_LABEL + r")\s*:?")


# A chamber that decides on detention and release, named on the head's line of its decision or
# the line under it (not as the court appealed from, further down), over a subject of arrest,
# detention or release: its decision is an `order` (GUIDE.md, trainE and heldout20).
_DETENTION_CHAMBER = Regex(
    r"\b(?:cour des plaintes|chambre (?:de l'instruction|penale de recours|d'accusation))\b"
)
_DETENTION_SUBJECT = Regex(
    r"\b(?:arrestation|detention|(?:re)?mise en liberte|liberte provisoire|garde a vue)\b"
)


# A decision's title in capitals that names the sentence it passes: "REASONS FOR SENTENCE",
# "SENTENCE", "SENTENCING REMARKS", "DÉCISION SUR LA DÉTERMINATION DE LA PEINE", "JUGEMENT SUR
# LA PEINE". Its own date is the `sentencing` (GUIDE.md), unless an appeal court gives it.
_SENTENCE_TITLE = Regex(
    r"(?m)^[ \t|]*(?:(?:reasons|remarks|judg(?:e)?ment|decision|jugement|motifs) (?:for|on|of"
    r"|sur la|de la) )?(?:determination de la )?(?:peine|sentence|sentencing)(?: remarks)?"
    r"[ \t|.]*$"
)


# A head line that gives several labelled dates, each between dashes: "(No. 2010-1601 —
# Submitted January 18, 2011 — Decided April 5, 2011.)" (the Supreme Court of Ohio's head).
_SEGMENT_BREAK = Regex(r"[\u2014\u2013]")


def _segment_label(line: str, start: int, end: int) -> re.Match[str] | None:
    """The label of the date at start:end of a head line cut in parts by dashes, from the
    date's part alone ("Submitted" in "— Submitted January 18, 2011 —"), or None."""
    low = max((m.end() for m in _SEGMENT_BREAK.rx.finditer(line, 0, start)), default=-1)
    high = _SEGMENT_BREAK.rx.search(line, end)
    if low < 0 and high is None:
        return None
    segment = line[max(low, 0) : start] + line[end : high.start() if high else len(line)]
    label = _HEADER_LABEL.rx.fullmatch(segment.strip(" \t().;"))
    return label if label is not None and label["label"] else None


def header_kind(
    sentence: str, start: int, end: int, offset: int, decision: bool, story: str = ""
) -> str | None:
    """The kind of a date in a decision's header ("ruling", or "judgment" where the header
    says so; "hearing" for "Argued ...", "other" under "FINAL"), or None for a date elsewhere:
    in the head of a text that opens as a decision, a short line that is no sentence (no verb,
    no final stop) and names the court or little else, or the date alone or labelled
    ("Decided August 2, 1950.", which may come after a long list of counsel). `story` is the
    text the sentence is at `offset` of."""
    if not decision or offset + start >= _LABELLED_HEAD:
        return None
    line_start = sentence.rfind("\n", 0, start) + 1
    line_end = sentence.find("\n", end)
    star = _STAR_PAGE.rx.match(sentence, end)
    if star:  # "March 31, 1977.*171 John D. Clouse, ...": a page mark ends the date's line
        line_end = star.end()
    line = fold_same_length(sentence[line_start : line_end if line_end >= 0 else None]).lower()
    rest = line[: start - line_start] + line[end - line_start :]
    label = _HEADER_LABEL.rx.fullmatch(rest)
    if label is None or not label["label"]:
        label = _segment_label(line, start - line_start, end - line_start) or label
    titled = not rest.strip() and _under_title(story[:offset] + sentence[:line_start])
    heading = heading_kind(story[:offset] + sentence[:start])
    heard = not rest.strip(" |\t") and _HEARD_ABOVE.rx.search(
        story[:offset] + sentence[:line_start]
    )
    after_date = fold_same_length(story[offset + end : offset + end + 40]).lower()
    # a head a PDF's copy runs into its reasons: "... (for Penmans, Glasgow) 4 March 2021
    # Background [1] On 19 July 2017": the date right before the first numbered paragraph
    run_on = bool(_REASONS_RUN_ON.rx.match(after_date))
    reasons_below = run_on or (not rest.strip(" |\t") and bool(_REASONS_BELOW.rx.match(after_date)))
    said_before = line[: start - line_start]
    cited_as = _CITED_AS.rx.match(said_before) and _CITED_CLOSE.rx.fullmatch(line, end - line_start)
    if (
        offset + start >= HEAD
        and not (label and label["label"])
        and not titled
        and not heading
        and not reasons_below
        and not cited_as  # a site's breadcrumb after a long banner names the case and its day
    ):
        return "hearing" if heard else None
    if _YEARS_THEN_DAYS.rx.fullmatch(line.strip()) and ";" in line[end - line_start :]:
        return "hearing"  # "1985: 29 octobre; 1986: 24 avril.": heard, then decided
    if heading in ("hearing", "filing") or heard:
        return heading or "hearing"  # "Date and Place of Hearing: ...", "HEARING DATE:\n3 May"
    if _ENTERED_ON_ROLL.rx.search(said_before):
        return "complaint"  # the request that opened the case, lodged that day
    decided_on = (
        _DECIDED_ON.rx.search(said_before) is not None
        or heading == "decision"
        or bool(cited_as)
        or run_on
    )
    if label and label["hearing"]:
        return "hearing"  # "Argued April 28, 1950."
    labelled = labelled_kind(line[: start - line_start])
    if labelled == "judgment" and _APPELLATE_HEAD.rx.search(
        _head_and_caption(story, offset, line_end)
    ):
        return "ruling"  # "Judgment Date: ..." over "CRIMINAL APPEAL NO. 117 ... APPELLANT"
    if labelled in _RULED and _APPLICATION_DECIDED.rx.search(
        _head_and_caption(story, offset, line_end)
    ):
        return "order"  # "Date of decision: 3 March 2025" over "BAIL APPLN. 621/2025"
    if labelled is not None:
        return labelled  # "• Judgment date: 2019-07-23", "• Communication date: 2012-05-16"
    if (
        label is None
        and not decided_on
        and (
            len(line.split()) > _HEADER_WORDS
            or line.rstrip().endswith((".", ",", ";"))
            or _FINITE_VERB.rx.search(line)
            or (len(rest.strip()) > 25 and not _DECISION_WORDS.rx.search(rest))
        )
    ):
        return None
    if (
        label is None
        and not decided_on
        and any(strength == _VERB and rx.rx.search(line) for rx, _, strength in _KIND_REGEXES)
    ):
        return None
    before = story[:offset]
    head = fold_same_length(before + sentence[: line_end if line_end >= 0 else None]).lower()
    previous = head[: len(before) + line_start].rstrip().rsplit("\n", 1)[-1].strip()
    if previous in ("final", "definitif", "definitive"):
        return "other"  # the day an ECHR judgment became final
    if previous.startswith(("ordonnance", "order ", "order of")) or previous == "order":
        return "order"  # "ORDONNANCE DU PRÉSIDENT DU TRIBUNAL" above "14 décembre 2006"
    end_at = offset + (line_end if line_end >= 0 else len(sentence))
    below = fold_same_length(story[end_at : end_at + _TITLE_BELOW]).lower()
    if _PRONOUNCED_AFTER.rx.match(below):
        return "hearing"  # "Audience publique du 22 mars 2018" above "Prononcé du 19 avril 2018"
    if _ORDER_BELOW.rx.search(below) or _ORDER_TITLED.rx.search(below):
        return "order"  # "Tribunal administratif, 25 février 2002" above "ORDONNANCE"
    if _INTERIM_HEAD.rx.search(head[: len(before) + start]):
        return "order"  # "LE PRÉSIDENT DE LA XIIIe CHAMBRE SIÉGEANT EN RÉFÉRÉ / ARRÊT"
    if _DETENTION_CHAMBER.rx.search(line + "\n" + below.lstrip().split("\n", 1)[0]) and (
        _DETENTION_SUBJECT.rx.search(below)
    ):
        return "order"  # "Arrêt du 3 mai 2004 Cour des plaintes ... Objet: mise en liberté"
    caption = head + below[:_CAPTION_BELOW]
    # and a title in capitals further below: "JUDGMENT IN THE APPLICATION FOR ... BAIL PENDING"
    lines = story[end_at : end_at + _TITLE_BELOW].splitlines()
    titles = fold_same_length("\n".join(line for line in lines if line.isupper())).lower()
    if _SENTENCE_TITLE.rx.search(titles) and not _APPELLATE_HEAD.rx.search(caption):
        return "sentencing"  # "DATE : 25 septembre 2017" over "DÉCISION SUR LA ... PEINE"
    if _FIRST_INSTANCE.rx.search(head[: len(before) + start]):
        return "judgment"
    if _APPLICATION_DECIDED.rx.search(caption) or _APPLICATION_DECIDED.rx.search(titles):
        return "order"  # "BAIL PENDING APPEAL", "Application for a stay of execution"
    if _PRELIMINARY.rx.search(caption):
        return "judgment"  # "Arrêt du 7 février 2018 ... En cause : la question préjudicielle"
    if _APPELLATE_HEAD.rx.search(caption):
        return "ruling"  # "COURT OF APPEAL ... Date: 20090206", over "Reasons for Judgment"
    if _JUDGMENT_NEAR.rx.search(head + below):
        return "judgment"
    return "ruling"
