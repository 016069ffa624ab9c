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
from typing import Any

from casetrack.clock import now
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
        return record


def runs_from_word(rule: Rule) -> str | None:
    """The word of RUNS_FROM a rule's period runs from, for a listing: a user's rule's own, a
    built-in's the one its event names ('entry' of 'entry of the judgment or order'); None
    for a rule that does not say."""
    return next((word for word in RUNS_FROM if word in rule.runs_from.split()), None)


def refuse_service(rule: Rule) -> None:
    """A deadline given a service (--service) is one whose period runs from the service of a
    paper: a rule that runs from another event (entry of judgment, a filing, the
    pronouncement) takes none, as how a paper was served cannot move it (FRCP 6(d) and FRAP
    26(c) add 3 days only "after being served"). Refused, never silently ignored: the user
    may have the wrong rule in mind."""
    if rule.from_service is False:
        raise CasetrackError(
            f"rule {rule.id} ({rule.citation}) runs from {rule.runs_from}, not from service,"
            " so how papers were served adds no days: drop --service"
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
    """Built-in rules, then the users' rules, each by id."""
    return [*sorted(BUILTIN_RULES.values(), key=lambda r: r.id), *stored_rules(conn)]


def get_rule(conn: sqlite3.Connection, rule_id: str) -> Rule:
    """A rule by id (any case), refusing an unknown one with the nearest ids."""
    key = rule_id.strip().lower()
    if key in BUILTIN_RULES:
        return BUILTIN_RULES[key]
    row = conn.execute(f"SELECT {_COLUMNS} FROM rules WHERE id = ?", (key,)).fetchone()
    if row is None:
        known = [r.id for r in all_rules(conn)]
        raise NotFoundError(
            f"no rule {rule_id!r}{did_you_mean(key, known)}: see 'casetrack rule list',"
            " or add one with 'casetrack rule add ID --days N --citation TEXT'"
        )
    return _from_row(row)


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


def insert_rule(conn: sqlite3.Connection, rule: Rule) -> Rule:
    """Add a checked user rule inside the caller's write; its id must be new."""
    checked = check_rule(rule)
    if checked.id in BUILTIN_RULES:
        raise CasetrackError(
            f"rule {checked.id!r} is built in: give yours another id, e.g. {checked.id}-local"
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
