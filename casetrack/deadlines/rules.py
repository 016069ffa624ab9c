"""Court rules a deadline is counted by: the built-in ones, and those a user adds.

A rule says how long (an amount of days, court days, months or hours), after or before
which kind of event, which holidays close the court and which counting method applies
(casetrack.deadlines.counting). Built-in rules live here, not in the store, so a release can
correct one; a user's rules are rows of `rules`, in the history and in exports.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from casetrack.clock import now
from casetrack.dates import display_text
from casetrack.deadlines.calendars import check_calendar
from casetrack.deadlines.counting import DIRECTIONS, METHODS, UNITS
from casetrack.errors import CasetrackError, NotFoundError
from casetrack.sql import placeholders
from casetrack.text import article, check_choice, clean_text, closest, did_you_mean, name_key

_RULE_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
SERVICES = ("mail", "electronic", "hand")
# Other words people type for them. Mail adds days (FRCP 6(d): 3) and electronic service none,
# so no word for e-mail or e-filing is ever taken, nor suggested, as mail: that would make a
# deadline days late. (Fax is left out: whether it adds days depends on the rules and consent.)
_SERVICE_WORDS = {
    **dict.fromkeys(
        ("email", "e-mail", "e mail", "by email", "by e-mail", "ecf", "cm/ecf", "cm-ecf",
         "e-service", "eservice", "e-filing", "efiling", "e-file", "efile", "electronically",
         "electronic mail"),
        "electronic",
    ),
    **dict.fromkeys(
        ("post", "postal", "by mail", "by post", "us mail", "u.s. mail", "usps", "first-class mail",
         "first class mail", "certified mail", "registered mail", "mailed", "lettre recommandée"),
        "mail",
    ),
    **dict.fromkeys(
        ("by hand", "personal", "personally", "in person", "hand delivery", "hand-delivery",
         "hand delivered", "hand-delivered", "delivered by hand"),
        "hand",
    ),
}  # fmt: skip
# A word with letters before "mail" (gmail, webmail, e.mail) means e-mail, never post.
_EMAIL_LIKE = re.compile(r"\w\W?mail")
# What a user's rule may say its period runs from (rule add --runs-from), in the built-in
# rules' words, and whether that event is the service of a paper on the party: service and
# notification are (fr-cpc-538 runs from the notification), entry of a judgment or order
# (us-frap-4a1a, us-frcp-59b) and its pronouncement (fr-cpp-498) are not.
RUNS_FROM = {"service": True, "notification": True, "entry": False, "pronouncement": False}


def service_name(text: str) -> str:
    """The service a word means (mail, electronic or hand); else refused with the closest,
    and never with mail for a word that means e-mail."""
    word = name_key(text)
    if word in SERVICES:
        return word
    if word in _SERVICE_WORDS:
        return _SERVICE_WORDS[word]
    near = [_SERVICE_WORDS.get(w, w) for w in closest(word, [*SERVICES, *_SERVICE_WORDS])]
    if _EMAIL_LIKE.search(word):
        near = ["electronic"]
    names = list(dict.fromkeys(near))
    hint = f" (did you mean {' or '.join(repr(n) for n in names)}?)" if names else ""
    raise CasetrackError(
        f"unknown service {text!r}{hint}: use mail (adds the method's days), electronic"
        " (e-mail, ECF: adds none) or hand"
    )


def period_words(amount: int, unit: str, direction: str) -> str:
    """A rule's period in words, as its listings and history say it: '30 days after', '1
    court day before'."""
    return f"{amount} {unit[:-1] if amount == 1 else unit} {direction}"


@dataclass(frozen=True)
class Rule:
    """One court rule: what it counts, from what, and how."""

    id: str
    title: str
    jurisdiction: str
    citation: str
    amount: int
    unit: str = "days"
    direction: str = "after"
    holidays: str = "US"
    method: str = "us-frcp-6a"
    triggers: tuple[str, ...] = ()
    text: str | None = None
    service: str | None = None  # "mail": served by mail unless a deadline says otherwise
    builtin: bool = False
    # The event the period runs from, in the rule's words, and whether that event is the
    # service of a paper on the party (only then can how it was served add days: FRCP 6(d),
    # FRAP 26(c)). Built-in rules say both; a user's rule says one of RUNS_FROM, or neither
    # ('' and None: a rule added before it could say), and then --service on a deadline
    # counted by it is taken as given.
    runs_from: str = ""
    from_service: bool | None = None
    # Built-in rules only: why service by mail adds no days to a period that runs from service
    # (FRCP 12(a)'s summons is served under Rule 4, which FRCP 6(d) does not reach), and the
    # first trigger day the rule applies to (ISO) with what to do for an earlier one.
    mail_note: str = ""
    applies_from: str = ""
    earlier: str = ""

    @property
    def period(self) -> str:
        """How long, in words (30 days after): the rule's listings say it so."""
        return period_words(self.amount, self.unit, self.direction)

    @property
    def triggers_said(self) -> str:
        """The kinds it runs from, in words: 'a judgment or an order'."""
        return " or ".join(map(article, self.triggers))

    def runs_from_kind(self, kind: str) -> bool:
        """Whether a milestone of `kind` is one this rule runs from (any, for a rule that
        names no kind)."""
        return not self.triggers or kind in self.triggers

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["triggers"] = list(self.triggers)
        record["runs_from"] = self.runs_from or None
        del record["from_service"]  # what runs_from says
        for name in ("mail_note", "applies_from", "earlier"):  # a built-in rule's only
            if not record[name]:
                del record[name]
        return record


def runs_from_word(rule: Rule) -> str | None:
    """The word of RUNS_FROM a rule's period runs from, for a listing: a user's rule's own, a
    built-in's the one its event names ('entry' of 'entry of the judgment or order'); None
    for a rule that does not say."""
    return next((word for word in RUNS_FROM if word in rule.runs_from.split()), None)


def refuse_service(rule: Rule, service: str = "mail") -> None:
    """A deadline given a service (--service) is one whose period runs from the service of a
    paper: a rule that runs from another event (entry of judgment, a filing, the
    pronouncement) takes none, as how a paper was served cannot move it (FRCP 6(d) and FRAP
    26(c) add 3 days only "after being served"); nor does a rule running from a service that
    mail adds no days to take service by mail. Refused, never silently ignored: the user may
    have the wrong rule in mind."""
    if rule.from_service is False:
        raise CasetrackError(
            f"rule {rule.id} ({rule.citation}) runs from {rule.runs_from}, not from service,"
            " so how papers were served adds no days: drop --service"
        )
    if rule.mail_note and service == "mail":
        raise CasetrackError(
            f"rule {rule.id} ({rule.citation}) runs from {rule.runs_from}, and service by mail"
            f" adds no days to it ({rule.mail_note}): drop --service"
        )


def refuse_earlier(rule: Rule, trigger: date, trigger_id: int) -> None:
    """A rule that applies to triggers from a day on (echr-35-1: final decisions from 1
    February 2022) refuses an earlier one, saying what to count it by instead."""
    if rule.applies_from and trigger < date.fromisoformat(rule.applies_from):
        raise CasetrackError(
            f"rule {rule.id} ({rule.citation}) applies from"
            f" {display_text(rule.applies_from)}, and milestone {trigger_id} is of"
            f" {display_text(trigger.isoformat())}: {rule.earlier}"
        )


def new_rule(rule_id: str, amount: int, citation: str = "", **values: Any) -> Rule:
    """A user's rule from the Rule fields given. Its holidays, unless given, are its counting
    method's (US for us-frcp-6a, FR for fr-cpc-641, none for echr): a rule counted as the
    French codes count is a French court's, not one on the US calendar. A rule given no
    citation is refused by check_rule, as one given a blank one, and so is an unknown method
    (given the default method's holidays meanwhile). `rule add` and import both make rules
    here, so a rule means the same typed or imported."""
    try:
        method = check_choice(values.get("method", Rule.method), tuple(METHODS), "counting method")
    except CasetrackError:
        method = Rule.method
    defaults = {"title": "", "jurisdiction": "", "holidays": METHODS[method].holidays}
    return Rule(rule_id, amount=amount, citation=citation, **(defaults | values))


def _before_2009(period: str, option: str) -> str:
    """What counts a trigger before the 2009 time-computation amendments (in force 1 December
    2009), which made FRCP 12(a)'s 20 days 21 and the 10 days of FRCP 50(b) and 59(e) 28, and
    ended the rule that a period under 11 days leaves out weekends and holidays."""
    return (
        f"before the FRCP amendments of 1 December 2009 the period was {period}: count it by"
        f" a rule of your own ('casetrack rule add ID {option} --citation ...')"
    )


_FEDERAL = "US federal courts"
# What each period runs from, read from the rule's text. None of these runs from service, so
# service by mail adds nothing to any (FRCP 6(d): "When a party may or must act within a
# specified time after being served and service is made under Rule 5(b)(2)(C) (mail), (D)
# (leaving with the clerk), or (F) (other means consented to), 3 days are added after the
# period would otherwise expire under Rule 6(a)"; FRAP 26(c) likewise, "after being served").
# - FRAP 4(a)(1)(A): "within 30 days after entry of the judgment or order appealed from".
# - FRAP 4(b)(1)(A): "within 14 days after the later of: (i) the entry of either the judgment
#   or the order being appealed; or (ii) the filing of the government's notice of appeal".
# - FRCP 59(b): "no later than 28 days after the entry of judgment"; FRCP 6(b)(2) forbids
#   extending it, and 6(d) does not reach it.
# - CPC art. 538 runs from the notification (service) of the judgment, CPC art. 528: "Le
#   délai ... court à compter de la notification du jugement". The French counting adds no
#   days for the way it was served (a notification by post takes effect when received, CPC
#   art. 668: record that day as the trigger). The délais de distance of CPC arts. 643-644 (a
#   month more for a party living overseas, two abroad) turn on where the party lives, not on
#   how it was served: no rule here adds them; add a rule with the longer period for them.
# - CPP art. 498: "dans le délai de dix jours à compter du prononcé du jugement
#   contradictoire" (from the judgment's pronouncement; for a party absent then, art. 498
#   runs it from the signification, but still adds nothing for how it was made).
# - FRCP 12(a)(1)(A)(i) runs from service of the summons and complaint, and takes --service,
#   but service by mail adds nothing: a summons is served under Rule 4 (FRCP 4(c)(1): "A
#   summons must be served with a copy of the complaint"), and 6(d) adds its 3 days only
#   "after being served and service is made under Rule 5(b)(2)(C) (mail), (D) (leaving with
#   the clerk), or (F) (other means consented to)". --service mail is refused; a deadline a
#   store holds with mail (an import) is counted without it.
# - FRCP 59(e): "no later than 28 days after the entry of the judgment"; FRCP 50(b): "No later
#   than 28 days after the entry of judgment"; FRAP 4(a)(1)(B): "within 60 days after entry of
#   the judgment or order appealed from": all three run from entry.
# - ECHR art. 35 § 1 runs from the final domestic decision: the Court counts from the day
#   after it was pronounced or, when it is served, served on the applicant (Sabri Güneş v.
#   Turkey [GC], no. 27396/06, 29 June 2012); the `echr` method adds nothing for mail.
# - CPC art. 612 runs from the notification of the decision, as art. 538 (CPC art. 528).
# - CPR 52.12(2)(b) runs from "the date of the decision of the lower court", not from service.
# Texts as published: the FRCP and FRAP at law.cornell.edu/rules (uscourts.gov), the
# Convention and the Practice Direction on the institution of proceedings at echr.coe.int,
# the CPC at legifrance.gouv.fr, the CPR (Parts 2 and 52) at justice.gov.uk.
BUILTIN_RULES = {
    rule.id: replace(rule, builtin=True)
    for rule in (
        Rule(
            "us-frap-4a1a", "Notice of appeal (civil)", _FEDERAL, "FRAP 4(a)(1)(A)", 30,
            triggers=("judgment", "order", "ruling"),
            text="In a civil case, ... the notice of appeal required by Rule 3 must be filed"
            " with the district clerk within 30 days after entry of the judgment or order"
            " appealed from.",
            runs_from="entry of the judgment or order", from_service=False,
        ),
        Rule(
            "us-frap-4b1a", "Notice of appeal (criminal)", _FEDERAL, "FRAP 4(b)(1)(A)", 14,
            triggers=("judgment", "sentencing", "conviction", "order", "ruling"),
            text="In a criminal case, a defendant's notice of appeal must be filed in the"
            " district court within 14 days after the later of: (i) the entry of either the"
            " judgment or the order being appealed; or (ii) the filing of the government's"
            " notice of appeal.",
            runs_from="entry of the judgment or order (or the government's notice of appeal)",
            from_service=False,
        ),
        Rule(
            "us-frcp-59b", "Motion for a new trial", _FEDERAL, "FRCP 59(b)", 28,
            triggers=("judgment",),
            text="A motion for a new trial must be filed no later than 28 days after the"
            " entry of judgment.",
            runs_from="entry of judgment", from_service=False,
        ),
        Rule(
            "fr-cpc-538", "Appel (matière contentieuse)", "France", "CPC art. 538", 1,
            unit="months", holidays="FR", method="fr-cpc-641",
            triggers=("judgment", "ruling", "order"),
            text="Le délai de recours par une voie ordinaire est d'un mois en matière"
            " contentieuse ; il est de quinze jours en matière gracieuse. (It runs from the"
            " notification of the judgment: count from that milestone.)",
            runs_from="notification of the judgment (CPC art. 528)", from_service=True,
        ),
        Rule(
            "fr-cpp-498", "Appel correctionnel", "France", "CPP art. 498", 10,
            holidays="FR", method="fr-cpc-641",
            triggers=("judgment", "verdict", "conviction", "acquittal", "sentencing"),
            text="Sauf dans le cas prévu à l'article 505, l'appel est interjeté dans le délai"
            " de dix jours à compter du prononcé du jugement contradictoire. (Counted as CPP"
            " art. 801 says: a period ending on a Saturday, Sunday or holiday runs to the"
            " next working day.)",
            runs_from="the pronouncement of the judgment", from_service=False,
        ),
        Rule(
            "us-frcp-12a1ai", "Answer to the complaint", _FEDERAL, "FRCP 12(a)(1)(A)(i)", 21,
            triggers=("service",),
            text="Unless another time is specified by this rule or a federal statute, the time"
            " for serving a responsive pleading is as follows: (A) A defendant must serve an"
            " answer: (i) within 21 days after being served with the summons and complaint.",
            runs_from="service of the summons and complaint (FRCP 4)", from_service=True,
            mail_note="a summons is served under FRCP 4, and FRCP 6(d) adds 3 days only after"
            " service under Rule 5(b)(2)(C), (D) or (F)",
            applies_from="2009-12-01", earlier=_before_2009("20 days", "--days 20"),
        ),
        Rule(
            "us-frcp-59e", "Motion to alter or amend a judgment", _FEDERAL, "FRCP 59(e)", 28,
            triggers=("judgment",),
            text="A motion to alter or amend a judgment must be filed no later than 28 days"
            " after the entry of the judgment.",
            runs_from="entry of the judgment", from_service=False,
            applies_from="2009-12-01",
            earlier=_before_2009(
                "10 days, weekends and holidays not counted", "--court-days 10"
            ),
        ),
        Rule(
            "us-frcp-50b", "Renewed motion for judgment as a matter of law", _FEDERAL,
            "FRCP 50(b)", 28,
            triggers=("judgment",),
            text="No later than 28 days after the entry of judgment—or if the motion addresses"
            " a jury issue not decided by a verdict, no later than 28 days after the jury was"
            " discharged—the movant may file a renewed motion for judgment as a matter of law"
            " and may include an alternative or joint request for a new trial under Rule 59.",
            runs_from="entry of judgment (or the jury's discharge, for an issue no verdict"
            " decided)",
            from_service=False, applies_from="2009-12-01",
            earlier=_before_2009(
                "10 days, weekends and holidays not counted", "--court-days 10"
            ),
        ),
        Rule(
            "us-frap-4a1b", "Notice of appeal (civil, United States a party)", _FEDERAL,
            "FRAP 4(a)(1)(B)", 60,
            triggers=("judgment", "order", "ruling"),
            text="The notice of appeal may be filed by any party within 60 days after entry of"
            " the judgment or order appealed from if one of the parties is: (i) the United"
            " States; (ii) a United States agency; (iii) a United States officer or employee"
            " sued in an official capacity; or (iv) a current or former United States officer"
            " or employee sued in an individual capacity for an act or omission occurring in"
            " connection with duties performed on the United States' behalf—including all"
            " instances in which the United States represents that person when"
            " the judgment or order is entered or files the appeal for that person.",
            runs_from="entry of the judgment or order", from_service=False,
        ),
        Rule(
            "echr-35-1", "Application to the European Court of Human Rights",
            "European Court of Human Rights", "ECHR art. 35 § 1", 4,
            unit="months", holidays="none", method="echr",
            triggers=("judgment", "ruling", "order", "dismissal", "service"),
            text="The Court may only deal with the matter after all domestic remedies have been"
            " exhausted, according to the generally recognised rules of international law, and"
            " within a period of four months from the date on which the final decision was"
            " taken. (As amended by Protocol No. 15, for final decisions taken from 1 February"
            " 2022. The Court counts from the day after the final decision was pronounced or"
            " served, and does not extend a time-limit ending on a Saturday, Sunday or holiday:"
            " Sabri Güneş v. Turkey [GC], 2012. Only a completed application form interrupts"
            " it: Practice Direction on the institution of proceedings, § 1.)",
            runs_from="the final domestic decision (its pronouncement, or its service when it"
            " is served)",
            from_service=True, applies_from="2022-02-01",
            earlier="a final decision taken before then has six months (Protocol No. 15,"
            " art. 8 § 3): count it by a rule of your own ('casetrack rule add echr-35-1-six"
            " --months 6 --method echr --citation \"ECHR art. 35 § 1 (six months)\"')",
        ),
        Rule(
            "fr-cpc-612", "Pourvoi en cassation (matière civile)", "France", "CPC art. 612", 2,
            unit="months", holidays="FR", method="fr-cpc-641",
            triggers=("judgment", "ruling", "order"),
            text="Le délai de pourvoi en cassation est de deux mois, sauf disposition"
            " contraire. (It runs from the notification of the decision, CPC art. 528: count"
            " from that milestone.)",
            runs_from="notification of the decision (CPC art. 528)", from_service=True,
        ),
        Rule(
            "gb-cpr-52-12", "Appellant's notice", "England and Wales", "CPR 52.12(2)(b)", 21,
            holidays="GB-ENG", method="gb-cpr-2-8",
            triggers=("judgment", "order", "ruling"),
            text="The appellant must file the appellant's notice at the appeal court within—"
            " ... (b) where the court makes no such direction, and subject to the specific"
            " provision about time limits in rules 52.8 to 52.11 and Practice Direction 52D, 21"
            " days after the date of the decision of the lower court which the appellant"
            " wishes to appeal. (Counted as CPR 2.8 says: clear days; a period of more than 5"
            " days counts weekends and bank holidays; one ending on a day the court office is"
            " closed ends on the next day it is open.)",
            runs_from="the pronouncement of the lower court's decision", from_service=False,
        ),
    )
}  # fmt: skip

_COLUMNS = (
    "id, title, jurisdiction, citation, text, triggers, amount, unit, direction, service,"
    " holidays, method, runs_from"
)


def _from_row(row: sqlite3.Row | tuple[Any, ...]) -> Rule:
    import json

    values = list(row)
    values[5] = tuple(json.loads(values[5]))
    (rule_id, title, jurisdiction, citation, text, triggers, amount, unit, direction,
     service, holidays, method, runs_from) = values  # fmt: skip
    return Rule(rule_id, title, jurisdiction, citation, amount, unit, direction, holidays,
                method, triggers, text, service, runs_from=runs_from or "",
                from_service=RUNS_FROM.get(runs_from or ""))  # fmt: skip


def stored_rules(conn: sqlite3.Connection) -> list[Rule]:
    """The rules users added, by id."""
    return [_from_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM rules ORDER BY id")]


def all_rules(conn: sqlite3.Connection) -> list[Rule]:
    """Built-in rules, then the users' rules, each by id. A user's rule stored under the id
    of a rule built in after it was added stands in for the built-in one (get_rule)."""
    stored = stored_rules(conn)
    mine = {r.id for r in stored}
    builtin = sorted((r for r in BUILTIN_RULES.values() if r.id not in mine), key=lambda r: r.id)
    return [*builtin, *stored]


def get_rule(conn: sqlite3.Connection, rule_id: str) -> Rule:
    """A rule by id (any case), refusing an unknown one with the nearest ids. A store's own
    rule comes first: one a user added under an id a later release gave a built-in rule
    (echr-35-1, which the guide once had users add) keeps counting that user's deadlines as
    it did, never the built-in's way."""
    key = rule_id.strip().lower()
    row = conn.execute(f"SELECT {_COLUMNS} FROM rules WHERE id = ?", (key,)).fetchone()
    if row is not None:
        return _from_row(row)
    if key in BUILTIN_RULES:
        return BUILTIN_RULES[key]
    known = [r.id for r in all_rules(conn)]
    raise NotFoundError(
        f"no rule {rule_id!r}{did_you_mean(key, known)}: see 'casetrack rule list',"
        " or add one with 'casetrack rule add ID --days N --citation TEXT'"
    )


def standing_in(rule: Rule) -> str | None:
    """A warning for a user's rule that has a built-in rule's id: it is the one counted in
    this store, and how to count by the built-in one instead."""
    builtin = BUILTIN_RULES.get(rule.id)
    if rule.builtin or builtin is None:
        return None
    return (
        f"your rule {rule.id} ({rule.period}, {rule.citation}) has the id of the built-in"
        f" rule {builtin.id} ({builtin.period}, {builtin.citation}); yours is the one this"
        f" store counts by: 'casetrack rule rm {rule.id}', once no deadline is counted by it,"
        " leaves the built-in one"
    )


def rule_said(conn: sqlite3.Connection, rule_id: str) -> str:
    """A deadline's rule as `show` and the team view say it: its id, citation, period and
    counting method (a rule since removed, by its id), so a reader can check the count."""
    try:
        rule = get_rule(conn, rule_id)
    except NotFoundError:
        return rule_id
    return f"{rule.id}: {rule.citation}, {rule.period} ({rule.method})"


def check_rule(rule: Rule) -> Rule:
    """A rule's values as stored, refusing what cannot be counted."""
    rule_id = rule.id.strip().lower()
    if not _RULE_ID.fullmatch(rule_id):
        raise CasetrackError(
            f"bad rule id {rule.id!r}: use lower-case letters, digits and dashes,"
            " e.g. ny-cplr-5513a"
        )
    if rule.amount < 0:
        raise CasetrackError(f"a period cannot be negative ({rule.amount}): give --before instead")
    method = check_choice(rule.method, tuple(METHODS), "counting method")
    if rule.unit == "hours" and not METHODS[method].counts_hours:
        raise CasetrackError(f"{method} counts no periods in hours: give days or months")
    citation = clean_text(rule.citation)
    if not citation:
        raise CasetrackError("a rule needs a citation, e.g. --citation 'CPLR 5513(a)'")
    from casetrack.drafts import clean_kind

    runs_from = (
        check_choice(rule.runs_from, tuple(RUNS_FROM), "runs-from") if rule.runs_from else ""
    )
    checked = replace(
        rule,
        id=rule_id,
        title=clean_text(rule.title) or citation,
        jurisdiction=clean_text(rule.jurisdiction),
        citation=citation,
        text=clean_text(rule.text or "") or None,
        unit=check_choice(rule.unit, UNITS, "unit"),
        direction=check_choice(rule.direction, DIRECTIONS, "direction"),
        holidays=check_calendar(rule.holidays),
        method=method,
        triggers=tuple(dict.fromkeys(k for k in map(clean_kind, rule.triggers) if k)),
        service="mail" if rule.service and service_name(rule.service) == "mail" else None,
        builtin=False,
        runs_from=runs_from,
        from_service=RUNS_FROM.get(runs_from),
    )
    if checked.service:  # served by mail unless a deadline says otherwise
        refuse_service(checked)
    return checked


def _values(rule: Rule) -> tuple[object, ...]:
    import json

    return (rule.id, rule.title, rule.jurisdiction, rule.citation, rule.text,
            json.dumps(list(rule.triggers), ensure_ascii=False), rule.amount, rule.unit,
            rule.direction, rule.service, rule.holidays, rule.method,
            rule.runs_from or None)  # fmt: skip


def insert_rule(conn: sqlite3.Connection, rule: Rule, *, stand_in: bool = False) -> Rule:
    """Add a checked user rule inside the caller's write; its id must be new. `stand_in`
    (an import) takes a rule under a built-in rule's id, as a store made before that rule was
    built in holds it, so that the file's deadlines are counted as they were there; but not
    where this store already counts deadlines by the built-in one."""
    checked = check_rule(rule)
    if checked.id in BUILTIN_RULES and (
        not stand_in
        or conn.execute("SELECT 1 FROM deadlines WHERE rule = ?", (checked.id,)).fetchone()
    ):
        counts = " this store counts deadlines by" if stand_in else ""
        raise CasetrackError(
            f"rule {checked.id!r} is built in{counts}: give yours another id, e.g."
            f" {checked.id}-local"
        )
    if conn.execute("SELECT 1 FROM rules WHERE id = ?", (checked.id,)).fetchone():
        raise CasetrackError(
            f"rule {checked.id!r} already exists: change it with 'casetrack rule edit {checked.id}'"
        )
    stamp = now()
    values = (*_values(checked), stamp, stamp)
    conn.execute(
        f"INSERT INTO rules ({_COLUMNS}, created_at, updated_at) VALUES ({placeholders(values)})",
        values,
    )
    return checked


def update_rule(conn: sqlite3.Connection, rule: Rule) -> bool:
    """Store new values for a user rule inside the caller's write; whether any changed."""
    checked = check_rule(rule)
    names = [c.strip() for c in _COLUMNS.split(",")][1:]
    assignments = ", ".join(f"{n} = ?" for n in names)
    differs = " OR ".join(f"{n} IS NOT ?" for n in names)
    values = _values(checked)[1:]
    return bool(
        conn.execute(
            f"UPDATE rules SET {assignments}, updated_at = ? WHERE id = ? AND ({differs})",
            (*values, now(), checked.id, *values),
        ).rowcount
    )


def user_rule(conn: sqlite3.Connection, rule_id: str) -> Rule:
    """A rule a user added (built-in ones cannot be changed or removed)."""
    rule = get_rule(conn, rule_id)
    if rule.builtin:
        raise CasetrackError(
            f"rule {rule.id!r} is built in and cannot be changed: add your own with"
            f" 'casetrack rule add {rule.id}-local ...' and count from it"
        )
    return rule
